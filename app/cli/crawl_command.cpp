#include <unistd.h>

#include <filesystem>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "app/cli/commands.h"
#include "app/cli/database_lock.h"
#include "app/monitor/monitor.h"
#include "app/monitor/monitor_delivery.h"
#include "app/cli/progress.h"
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
  MonitoringOutput monitoring_output{command.report_new, out, err};
  // A completed run whose monitoring a kill or a busy database cut short is
  // monitored now, before this run fetches its pages again, and its news
  // goes out before this run's.
  if (auto earlier = FinishMonitoring(*store.value(), config, matcher, monitoring_output,
                                      NowMillis());
      !earlier.ok()) {
    err << "jobcrawler: " << earlier.status().message() << '\n';
    return kExitFailure;
  }
  // --report-new writes for cron mail: no progress, no summary.
  const bool quiet = command.quiet || command.report_new;
  TerminalProgress progress(err, !quiet && ::isatty(STDERR_FILENO));
  crawler::Crawler crawler(config.crawler, config.sources, *store.value(), matcher, &progress);
  crawler::CrawlLimits limits;
  limits.max_pages = command.max_pages;
  limits.max_duration = std::chrono::seconds(command.max_duration_seconds);
  crawler::CrawlSummary summary = crawler.Run(limits);
  progress.Clear();

  // Only a completed run closes postings or judges sources: an interrupted
  // one did not look everywhere, a failed one may have seen nothing.
  RunMonitoring monitoring;
  if (summary.status == storage::RunStatus::kCompleted) {
    auto monitored = FinishMonitoring(*store.value(), config, matcher, monitoring_output,
                                      NowMillis());
    if (!monitored.ok()) {
      err << "jobcrawler: " << monitored.status().message() << '\n';
      return kExitFailure;
    }
    monitoring = MonitoringOf(monitored.value(), summary.run_id);
  }
  const crawler::CrawlProgress& p = summary.progress;
  if (!quiet) {
    out << fmt::format(
        "run {}{}: {} | {} pages fetched, {} failed, {} retried, {} disallowed by robots.txt | "
        "{} postings seen, {} new, {} updated, {} closed | {:.1f} s\n",
        summary.run_id, summary.resumed ? " (resumed)" : "", storage::RunStatusName(summary.status),
        p.pages_fetched, p.pages_failed, p.retries, p.robots_disallowed, p.postings_found,
        p.postings_new, p.postings_updated, monitoring.closed_total, p.elapsed_seconds);
  }
  if (summary.status == storage::RunStatus::kFailed) {
    err << "jobcrawler: crawl failed: " << summary.error << '\n';
    return kExitFailure;
  }
  if (summary.status != storage::RunStatus::kCompleted) return kExitOk;
  return monitoring.warnings.empty() ? kExitOk : kExitSourceHealth;
}

int RunCrawl(const CrawlCommand& command, std::ostream& out, std::ostream& err) {
  Config config = LoadConfigForCli(command.config_path);
  std::string database = command.database.empty() ? config.storage.database : command.database;
  return CrawlWithConfig(config, database, command, out, err);
}

}  // namespace jobcrawler::app
