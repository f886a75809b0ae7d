// Building HTML from text that must never become markup: every scraped
// value (titles, companies, URLs) goes through these before it reaches the
// report. Pure functions.
#ifndef JOBCRAWLER_APP_REPORT_HTML_H_
#define JOBCRAWLER_APP_REPORT_HTML_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace jobcrawler::app::report {

// `text` for an element's content or a quoted attribute value: & < > " '
// become character references; control characters (except tab and newline)
// become spaces, so that nothing can end an element, an attribute or a
// comment, or open a tag, whatever the text holds.
std::string Escape(std::string_view text);

// At most `max_bytes` bytes of UTF-8 `text`, cut at a character boundary
// with "…" added when something was cut. Invalid bytes are kept as they are
// (Escape makes them harmless; the browser shows U+FFFD).
std::string Truncate(std::string_view text, std::size_t max_bytes);

// `url` when it may be a link's href: an absolute http or https URL of at
// most kMaxHrefBytes without spaces or control characters. "" otherwise
// (javascript:, data:, relative URLs and anything odd are not linked).
// The result still needs Escape().
std::string SafeHref(std::string_view url);
inline constexpr std::size_t kMaxHrefBytes = 4096;

// The standard Base64 encoding of the bytes given as hex digits ("0aff..");
// "" for anything that is not an even number of hex digits.
std::string HexToBase64(std::string_view hex);

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_HTML_H_
