#include "app/monitor/monitor_run.h"

#include <utility>

#include "app/monitor/monitor.h"
#include "crawler/feed_source.h"

namespace jobcrawler::app {
namespace {

// Runs looked at to find the previous completed one: enough to step over a
// few interrupted or failed runs in between.
constexpr int kRunsToSearch = 20;

storage::Result<std::vector<SourceWarning>> HealthWarnings(
    storage::Store& store, const Config& config, std::int64_t run_id,
    const std::vector<storage::SourceRunStats>& current) {
  auto runs = store.ListRuns(kRunsToSearch);
  if (!runs.ok()) return runs.status();
  std::vector<storage::SourceRunStats> previous;
  if (auto before = PreviousCompletedRun(runs.value(), run_id)) {
    auto stats = store.SourceStats(before->id);
    if (!stats.ok()) return stats.status();
    previous = std::move(stats.value());
  }
  std::vector<std::string> configured;
  for (const crawler::Source& source : config.sources) configured.push_back(source.name);
  return SourceHealthWarnings(configured, current, previous, FeedExpectations(config));
}

}  // namespace

std::vector<FeedExpectation> FeedExpectations(const Config& config) {
  std::vector<FeedExpectation> feeds;
  for (const crawler::Source& source : config.sources) {
    if (!crawler::IsFeedType(source.type)) continue;
    feeds.push_back(
        {source.name, static_cast<std::int64_t>(crawler::FeedWalkKeys(source).size())});
  }
  return feeds;
}

storage::Result<std::vector<SourceWarning>> MonitorCompletedRun(storage::Store& store,
                                                                const Config& config,
                                                                std::int64_t run_id,
                                                                storage::UnixMillis now) {
  std::vector<SourceWarning> warnings;
  std::vector<std::string> healthy;
  auto latest = store.LatestRun();
  if (!latest.ok()) return latest.status();
  if (latest.value() && latest.value()->id == run_id) {
    auto current = store.SourceStats(run_id);
    if (!current.ok()) return current.status();
    auto judged = HealthWarnings(store, config, run_id, current.value());
    if (!judged.ok()) return judged.status();
    warnings = std::move(judged).value();
    healthy = HealthySources(current.value(), warnings);
  }
  storage::LifecycleRules rules;
  rules.close_after_missed_runs = config.monitoring.close_after_missed_runs;
  rules.today = UtcDate(now);
  rules.now = now;
  auto closed = store.CloseStale(run_id, healthy, rules);
  if (!closed.ok()) return closed.status();
  return warnings;
}

}  // namespace jobcrawler::app
