#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/cli/commands.h"
#include "app/cli/database_lock.h"
#include "app/monitor/monitor.h"
#include "app/monitor/monitor_delivery.h"
#include "app/cli/progress.h"
#include "crawler/crawler.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {
namespace {

// Unreachable hosts listed after the summary line; the rest are counted.
constexpr std::size_t kUnreachableHostsShown = 5;

// A source none of whose hosts answered gets the reason instead of the
// generic warning (and a warning if it had none).
void ExplainUnreachableSources(const crawler::CrawlSummary& summary, const Config& config,
                               std::vector<SourceWarning>& warnings) {
  for (const crawler::Source& source : config.sources) {
    auto reason = summary.unreachable_sources.find(source.name);
    if (reason == summary.unreachable_sources.end()) continue;
    SourceWarning better = UnreachableSourceWarning(source.name, reason->second);
    auto it = std::find_if(warnings.begin(), warnings.end(),
                           [&](const SourceWarning& w) { return w.source == source.name; });
    if (it != warnings.end()) {
      *it = std::move(better);
    } else {
      warnings.push_back(std::move(better));
    }
  }
}

// What the crawler wants the user to know, to stderr, also when quiet: URLs
// of sources no longer in the config, and how a stop ended.
void ReportNotes(const crawler::CrawlSummary& summary, std::ostream& err) {
  for (const auto& [source, dropped] : summary.dropped_sources) {
    err << fmt::format(
        "jobcrawler: source \"{}\" is not in the config (renamed or disabled?): {} of its "
        "queued URLs were dropped from the run\n",
        source, dropped);
  }
  for (const std::string& note : summary.notes) err << "jobcrawler: " << note << '\n';
}

// "could not resolve host www.hagen.de; connection refused by 127.0.0.1:9;
// and 3 more": the reasons of the first unreachable hosts.
std::string UnreachableList(const crawler::CrawlSummary& summary) {
  std::vector<std::string> reasons;
  for (const auto& [host, reason] : summary.unreachable_hosts) {
    if (reasons.size() == kUnreachableHostsShown) break;
    reasons.push_back(reason);
  }
  std::string text = fmt::format("{}", fmt::join(reasons, "; "));
  if (summary.unreachable_hosts.size() > reasons.size()) {
    text += fmt::format("; and {} more", summary.unreachable_hosts.size() - reasons.size());
  }
  return text;
}

void WriteSummary(const crawler::CrawlSummary& summary, std::int64_t closed, std::ostream& out) {
  const crawler::CrawlProgress& p = summary.progress;
  out << fmt::format(
      "run {}{}: {} | {} pages fetched, {} failed, {} retried, {} disallowed by robots.txt, "
      "{} on unreachable hosts | {} postings seen, {} new, {} updated, {} closed | {:.1f} s\n",
      summary.run_id, summary.resumed ? " (resumed)" : "", storage::RunStatusName(summary.status),
      p.pages_fetched, p.pages_failed, p.retries, p.robots_disallowed, p.unreachable,
      p.postings_found, p.postings_new, p.postings_updated, closed, p.elapsed_seconds);
  if (!summary.unreachable_hosts.empty() && !summary.network_down) {
    out << "unreachable: " << UnreachableList(summary) << '\n';
  }
}

}  // namespace

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
  ReportNotes(summary, err);
  if (summary.left_running) {
    // A thread the crawler left behind may still use the store and the
    // matcher: end here, without destroying them. The database is sound (a
    // write is one transaction) and the next crawl resumes the run.
    if (!quiet) WriteSummary(summary, 0, out);
    out.flush();
    err.flush();
    std::_Exit(summary.status == storage::RunStatus::kInterrupted ? kExitOk : kExitFailure);
  }
  if (summary.network_down) {
    if (!quiet) WriteSummary(summary, 0, out);
    err << "jobcrawler: no host could be reached (" << UnreachableList(summary)
        << "): the network or a proxy is likely down; the next crawl resumes the run\n";
    return kExitFailure;
  }

  // Only a completed run closes postings or judges sources: an interrupted
  // one did not look everywhere, a failed one may have seen nothing.
  RunMonitoring monitoring;
  if (summary.status == storage::RunStatus::kCompleted) {
    // This run's warnings name why a source could not be reached.
    monitoring_output.explain_warnings = [&](std::int64_t run_id,
                                             std::vector<SourceWarning>& warnings) {
      if (run_id == summary.run_id) ExplainUnreachableSources(summary, config, warnings);
    };
    auto monitored = FinishMonitoring(*store.value(), config, matcher, monitoring_output,
                                      NowMillis());
    if (!monitored.ok()) {
      err << "jobcrawler: " << monitored.status().message() << '\n';
      return kExitFailure;
    }
    monitoring = MonitoringOf(monitored.value(), summary.run_id);
  }
  if (!quiet) WriteSummary(summary, monitoring.closed_total, out);
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
