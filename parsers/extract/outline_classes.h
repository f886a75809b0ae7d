// What an element's tag, role, class and id say about where it sits on a
// page and which posting field it holds. Internal to page_outline.cpp.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_OUTLINE_CLASSES_H_
#define JOBCRAWLER_PARSERS_EXTRACT_OUTLINE_CLASSES_H_

#include <string>
#include <string_view>

#include "parsers/extract/page_outline.h"
#include "parsers/html/html_document.h"

namespace jobcrawler::parsers::internal {

struct ZoneClue {
  Zone zone = Zone::kMain;  // kMain: the element says nothing
  bool content = false;     // <main>, <article>, role=main
};

// `tag` is node.TagName().
ZoneClue ZoneClueOf(HtmlNode node, const std::string& tag);

// kNone unless the class or id names a posting field (page_outline.h).
FieldHint FieldHintOf(HtmlNode node);

// Elements whose text joins its neighbours' without a line break.
bool IsInlineTag(std::string_view tag);

// Elements whose contents are not readable text on the page.
bool IsUnread(std::string_view tag);

std::string LowerAscii(std::string_view text);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_EXTRACT_OUTLINE_CLASSES_H_
