#include "app/cli/report_command.h"

#include <filesystem>
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/durable_file.h"
#include "app/monitor/monitor.h"
#include "app/report/report_html.h"
#include "app/report/report_load.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {

int RunReport(const ReportCommand& command, std::ostream& out, std::ostream& err) {
  const Config config = LoadConfigForCli(command.config_path);
  const std::string database =
      command.database.empty() ? config.storage.database : command.database;
  std::error_code ignored;
  if (!std::filesystem::exists(database, ignored)) {
    err << "jobcrawler: no database at " << database << " (run jobcrawler crawl first)\n";
    return kExitFailure;
  }
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  auto model = report::LoadReport(*store.value(), config, command.all, NowMillis());
  if (!model.ok()) {
    err << "jobcrawler: " << model.status().message() << '\n';
    return kExitFailure;
  }
  const std::string html =
      report::RenderReport(model.value(), report::LocaleFromName(config.report.locale));
  if (command.output == "-") {
    out << html;
    out.flush();
    return out ? kExitOk : kExitFailure;
  }
  const storage::Status written =
      WriteFileDurably(command.output, [&html](std::ostream& file) { file << html; });
  if (!written.ok()) {
    err << "jobcrawler: " << written.message() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace jobcrawler::app
