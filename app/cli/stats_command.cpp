// `jobcrawler stats`: what the database holds, at a glance.
#include <ostream>

#include "app/cli/commands.h"
#include "app/monitor/monitor.h"
#include "app/monitor/monitor_stats.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {

int RunStats(const StatsCommand& command, std::ostream& out, std::ostream& err) {
  Config config = LoadConfigForCli(command.config_path);
  std::string database = command.database.empty() ? config.storage.database : command.database;
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  auto rows = store.value()->ListPostings(storage::PostingQuery{});
  if (!rows.ok()) {
    err << "jobcrawler: " << rows.status().message() << '\n';
    return kExitFailure;
  }
  // Matched as the config's current rules say, like export.
  parsers::Matcher matcher(config.match);
  for (storage::PostingRow& row : rows.value()) {
    row.matched = matcher.Match(row.posting).matched();
  }
  WriteStats(out, rows.value(), NowMillis());
  out.flush();
  return out ? kExitOk : kExitFailure;
}

}  // namespace jobcrawler::app
