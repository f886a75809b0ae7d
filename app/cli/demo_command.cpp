#include <filesystem>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/demo/demo_board.h"
#include "app/demo/http_server.h"
#include "parsers/match/matcher.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {
namespace {

// The demo board is our own server on loopback, so the demo may ask it much
// faster than the polite default for real sites.
constexpr int kDemoDelayMs = 20;

void RemoveDatabase(const std::string& database) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ignored;
    std::filesystem::remove(database + suffix, ignored);
  }
}

}  // namespace

int RunDemo(const DemoCommand& command, std::ostream& out, std::ostream& err) {
  std::string base_url;
  HttpServer server("127.0.0.1", 0, [&base_url](const HttpRequestInfo& request) {
    return ServeDemoBoard(request, base_url);
  });
  base_url = server.base_url();

  Config config = ParseConfig(DefaultConfigToml(), "<embedded default config>");
  config.crawler.per_host_delay_ms = kDemoDelayMs;
  config.crawler.per_host_concurrency = 4;
  config.sources = {crawler::Source{.name = "demo-board",
                                    .start_urls = {base_url + "/"},
                                    .follow = {}}};
  RemoveDatabase(command.database);
  if (!command.quiet) {
    out << "Serving the sample board at " << base_url << " and crawling it into "
        << command.database << " ...\n";
  }
  CrawlCommand limits;
  limits.quiet = command.quiet;
  int status = CrawlWithConfig(config, command.database, limits, out, err);
  if (status != kExitOk) return status;

  ExportCommand export_command;
  export_command.database = command.database;
  export_command.output = command.output;
  std::ostringstream ignored;
  status = RunExport(export_command, ignored, err);
  if (status != kExitOk) return status;

  auto store = storage::SqliteStore::Open(command.database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  auto rows = store.value()->ListPostings(storage::PostingQuery{});
  if (!rows.ok()) {
    err << "jobcrawler: " << rows.status().message() << '\n';
    return kExitFailure;
  }
  parsers::Matcher matcher(config.match);
  std::string table;
  int matched = 0;
  for (const storage::PostingRow& row : rows.value()) {
    if (!matcher.Match(row.posting).matched()) continue;
    ++matched;
    table += fmt::format("  - {} | {} | {} {}\n", row.posting.title, row.posting.company,
                         row.posting.postal_code, row.posting.locality);
  }
  out << fmt::format("{} postings on the board; {} IT-leadership job(s) in the region, written to {}:\n{}",
                     rows.value().size(), matched, command.output, table);
  return kExitOk;
}

}  // namespace jobcrawler::app
