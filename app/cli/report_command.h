// `jobcrawler report`: one self-contained HTML page about the postings and
// the sources (see app/report/).
#ifndef JOBCRAWLER_APP_CLI_REPORT_COMMAND_H_
#define JOBCRAWLER_APP_CLI_REPORT_COMMAND_H_

#include <iosfwd>
#include <string>

namespace jobcrawler::app {

struct ReportCommand {
  std::string config_path;
  std::string database;                // empty: the config's storage.database
  std::string output = "report.html";  // "-": stdout
  bool all = false;                    // every open posting, not only matched ones
};

// Writes the report (beside the target, then renamed, so that a reader never
// sees half a page). Exit status 1 when the database does not exist or
// cannot be read, or the file cannot be written; config errors throw
// ConfigError as for every command.
int RunReport(const ReportCommand& command, std::ostream& out, std::ostream& err);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CLI_REPORT_COMMAND_H_
