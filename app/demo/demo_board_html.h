// Internal to the demo board (app/demo_board*.cpp): shared HTML helpers.
// Not part of the app library's interface; include only from demo_board files.
#ifndef JOBCRAWLER_APP_DEMO_DEMO_BOARD_HTML_H_
#define JOBCRAWLER_APP_DEMO_DEMO_BOARD_HTML_H_

#include <string>
#include <string_view>

#include "app/demo/demo_board.h"

namespace jobcrawler::app::demo_board_internal {

// Escapes &, <, >, " and ' for use in HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

// A complete German HTML page: doctype, head (charset, title, `head_extra`),
// the board's header/nav, `main_html` inside <main>, and the footer.
// `title` is plain text; `head_extra` and `main_html` are HTML.
std::string RenderLayout(std::string_view title, std::string_view head_extra,
                         std::string_view main_html);

// "2026-11-28" -> "28.11.2026"; anything else is returned unchanged.
std::string GermanDate(std::string_view iso_date);

// "FULL_TIME" -> "Vollzeit" etc.; unknown values are returned unchanged.
std::string_view EmploymentTypeLabel(std::string_view type);

// The job's detail page (also served under its Kurzlink), complete HTML.
std::string RenderDetailPage(const DemoJob& job, std::string_view base_url);

// The JSON-LD payload for a job with markup kJsonLd, kJsonLdGraph or
// kJsonLdArray, already made safe for a <script> element ("</" -> "<\/").
// Empty for kMicrodata.
std::string RenderJsonLd(const DemoJob& job, std::string_view base_url);

}  // namespace jobcrawler::app::demo_board_internal

#endif  // JOBCRAWLER_APP_DEMO_DEMO_BOARD_HTML_H_
