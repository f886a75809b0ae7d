#include <unistd.h>

#include <filesystem>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/database_lock.h"
#include "app/progress.h"
#include "crawler/crawler.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {

Config LoadConfigForCli(const std::string& explicit_path) {
  if (!explicit_path.empty()) return LoadConfigFile(explicit_path);
  if (std::filesystem::exists("config.toml")) return LoadConfigFile("config.toml");
  return ParseConfig(DefaultConfigToml(), "<embedded default config>");
}

int CrawlWithConfig(const Config& config, const std::string& database,
                    const CrawlCommand& command, std::ostream& out, std::ostream& err) {
  if (config.sources.empty()) {
    err << "jobcrawler: the config has no [[sources]] to crawl\n";
    return kExitUsage;
  }
  std::string lock_error;
  std::optional<DatabaseLock> lock = DatabaseLock::Acquire(database, &lock_error);
  if (!lock) {
    err << "jobcrawler: " << lock_error << '\n';
    return kExitLocked;
  }
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  parsers::Matcher matcher(config.match);
  TerminalProgress progress(err, !command.quiet && ::isatty(STDERR_FILENO));
  crawler::Crawler crawler(config.crawler, config.sources, *store.value(), matcher, &progress);
  crawler::CrawlLimits limits;
  limits.max_pages = command.max_pages;
  limits.max_duration = std::chrono::seconds(command.max_duration_seconds);
  crawler::CrawlSummary summary = crawler.Run(limits);
  progress.Clear();

  const crawler::CrawlProgress& p = summary.progress;
  if (!command.quiet) {
    out << fmt::format(
        "run {}{}: {} | {} pages fetched, {} failed, {} retried, {} disallowed by robots.txt | "
        "{} postings seen, {} new, {} updated | {:.1f} s\n",
        summary.run_id, summary.resumed ? " (resumed)" : "", storage::RunStatusName(summary.status),
        p.pages_fetched, p.pages_failed, p.retries, p.robots_disallowed, p.postings_found,
        p.postings_new, p.postings_updated, p.elapsed_seconds);
  }
  if (summary.status == storage::RunStatus::kFailed) {
    err << "jobcrawler: crawl failed: " << summary.error << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

int RunCrawl(const CrawlCommand& command, std::ostream& out, std::ostream& err) {
  Config config = LoadConfigForCli(command.config_path);
  std::string database = command.database.empty() ? config.storage.database : command.database;
  return CrawlWithConfig(config, database, command, out, err);
}

}  // namespace jobcrawler::app
