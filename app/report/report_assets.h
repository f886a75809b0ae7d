// The report's style sheet and script (app/report/assets/), compiled into
// the binary so that every report is one self-contained file. Their SHA-256
// digests are computed at build time for the page's Content-Security-Policy,
// which lets exactly these two run and nothing else.
#ifndef JOBCRAWLER_APP_REPORT_REPORT_ASSETS_H_
#define JOBCRAWLER_APP_REPORT_REPORT_ASSETS_H_

#include <string_view>

namespace jobcrawler::app::report {

// Static storage; never fail.
std::string_view ReportStyle();
std::string_view ReportScript();
// Lower-case hex SHA-256 of ReportStyle() / ReportScript().
std::string_view ReportStyleSha256();
std::string_view ReportScriptSha256();

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_REPORT_ASSETS_H_
