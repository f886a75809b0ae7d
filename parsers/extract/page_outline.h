// The reading of a page that generic job-ad extraction works on: its text as
// a sequence of blocks (what a reader sees as lines and paragraphs), each
// with the part of the page it sits in, plus its links, logos, field-hinted
// elements and <head> metadata. Internal to parsers/extract.
//
// Our choices, where pages leave room:
//  - Blocks break at every element that is not inline (as the rendered page
//    breaks lines) and at <br>; script, style, template, noscript, svg,
//    select and elements with the `hidden` attribute are not read.
//  - Zones: <nav>, role=navigation and menu/breadcrumb classes are kNav; a
//    <header>/<footer> (or role=banner/contentinfo, a "footer" class) is
//    kHeader/kFooter only outside <main>, <article> and role=main, where it
//    belongs to the content; <aside> and "sidebar" classes are kAside;
//    cookie, consent and privacy banners (class, id or aria-label) kBanner.
//    An element's zone is the first of these among its ancestors, a banner
//    overriding the others.
//  - A field hint comes from the class or id of an element ("job-location",
//    "arbeitsort", "employer", "salary"); its text is kept apart as a
//    HintedText. An empty hinted element (an icon such as "icon-pin") hints
//    the text of the block it sits in.
// Every size is capped (kMax* below); what goes past a cap is dropped and
// `truncated` says so. Pure; thread-safe.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_PAGE_OUTLINE_H_
#define JOBCRAWLER_PARSERS_EXTRACT_PAGE_OUTLINE_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/html/html_document.h"

namespace jobcrawler::parsers::internal {

enum class Zone { kMain, kNav, kHeader, kFooter, kAside, kBanner };

enum class FieldHint { kNone, kLocation, kEmployment, kCompany, kSalary, kDate, kId };

inline constexpr std::size_t kMaxOutlineBlocks = 20'000;
inline constexpr std::size_t kMaxBlockBytes = 4'096;
inline constexpr std::size_t kMaxOutlineTextBytes = 2 * 1024 * 1024;
inline constexpr std::size_t kMaxOutlineLinks = 5'000;
inline constexpr std::size_t kMaxLinkTextBytes = 300;
inline constexpr std::size_t kMaxHintedTexts = 200;
inline constexpr std::size_t kMaxHintedBytes = 300;
inline constexpr std::size_t kMaxMetaValueBytes = 2'048;

struct OutlineBlock {
  std::string text;  // whitespace collapsed, trimmed, never empty
  std::string tag;   // the innermost block element holding it ("p", "h1", "dd")
  int heading = 0;   // 1..6 inside <h1>..<h6>, else 0
  Zone zone = Zone::kMain;
  bool emphasized = false;  // all of it inside <strong>/<b>: a bold pseudo-heading
  bool linked = false;      // all of it inside one <a>
  std::string lead;         // text of an inline element it starts with ("Standort:")
};

// An <a href>, or a <button>/<input type=submit> (href empty).
struct OutlineLink {
  std::string text;  // its text, aria-label or value; collapsed, capped
  std::string href;  // as written, trimmed
  Zone zone = Zone::kMain;
  std::size_t block = 0;  // index of the block its text ends in (== blocks.size() at the end)
  bool button = false;
};

struct HintedText {
  FieldHint hint = FieldHint::kNone;
  std::string text;  // collapsed, capped at kMaxHintedBytes
  Zone zone = Zone::kMain;
};

struct PageOutline {
  std::vector<OutlineBlock> blocks;
  std::vector<OutlineLink> links;
  std::vector<HintedText> hinted;
  std::vector<std::string> logo_alts;  // alt texts of images that say "logo"
  // <meta> content by lower-cased name or property (first wins), collapsed.
  std::map<std::string, std::string, std::less<>> meta;
  std::string title;      // <title>
  std::string canonical;  // <link rel=canonical href>
  bool truncated = false;

  std::string Meta(std::string_view key) const;
};

PageOutline ReadOutline(const HtmlDocument& document);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_EXTRACT_PAGE_OUTLINE_H_
