// Turns HTML found inside data (a JSON-LD description, a title) into text.
//
// Pages write descriptions as raw HTML ("<p>Wir suchen…</p>"), as escaped
// HTML ("&lt;p&gt;Wir suchen…&lt;/p&gt;"), sometimes escaped twice, or as
// plain text. HtmlToText reads all of them the same way. Pure and thread-safe.
#ifndef JOBCRAWLER_PARSERS_HTML_HTML_TEXT_H_
#define JOBCRAWLER_PARSERS_HTML_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace jobcrawler::parsers {

// Decodes character references, drops tags (and the contents of script and
// style), separates blocks with a space and collapses whitespace. Text that
// still holds markup or references after one round is decoded again, at
// most kMaxHtmlTextRounds times in all. Returns "" for empty input.
std::string HtmlToText(std::string_view html);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_HTML_HTML_TEXT_H_
