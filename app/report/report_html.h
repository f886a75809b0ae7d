// The report as one self-contained HTML page: style, script and charts
// inline, no external resources. A Content-Security-Policy allows exactly
// the page's own style sheet and script (by hash) and images from data:
// URLs, so even markup that slipped in could neither run nor load anything.
// Every value from the store is escaped (html.h); postings are written once,
// as table rows that the script sorts and filters in place.
#ifndef JOBCRAWLER_APP_REPORT_REPORT_HTML_H_
#define JOBCRAWLER_APP_REPORT_REPORT_HTML_H_

#include <string>

#include "app/report/report_locale.h"
#include "app/report/report_model.h"

namespace jobcrawler::app::report {

// Rows of the postings table shown at once; the rest are written hidden
// (display: none costs no layout) and shown by the page's "show all" button.
inline constexpr std::size_t kPageRows = 250;

// Caps on what one table cell shows, in bytes of UTF-8 (cut with "…").
inline constexpr std::size_t kMaxTitleBytes = 300;
inline constexpr std::size_t kMaxCellBytes = 200;

// The whole page. Element ids the script (and the browser test) rely on:
// #postings-table (its tbody rows are the open postings, all but the first
// kPageRows hidden), #filter, #count, #show-all, and the sections #postings, #weeks, #salaries,
// #employers, #sources.
std::string RenderReport(const ReportModel& model, Locale locale);

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_REPORT_HTML_H_
