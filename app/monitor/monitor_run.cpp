#include "app/monitor/monitor_run.h"

#include "app/monitor/monitor.h"

namespace jobcrawler::app {
namespace {

// Runs looked at to find the previous completed one: enough to step over a
// few interrupted or failed runs in between.
constexpr int kRunsToSearch = 20;

storage::Status HealthWarnings(storage::Store& store, const Config& config, std::int64_t run_id,
                               const std::vector<storage::SourceRunStats>& current,
                               RunMonitoring& out) {
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
  out.warnings = SourceHealthWarnings(configured, current, previous);
  return storage::Status::Ok();
}

}  // namespace

std::vector<storage::PostingRow> KeepMatched(std::vector<storage::PostingRow> rows,
                                             const parsers::Matcher& matcher) {
  std::vector<storage::PostingRow> kept;
  for (storage::PostingRow& row : rows) {
    row.matched = matcher.Match(row.posting).matched();
    if (row.matched) kept.push_back(std::move(row));
  }
  return kept;
}

storage::Result<RunMonitoring> MonitorCompletedRun(storage::Store& store, const Config& config,
                                                   const parsers::Matcher& matcher,
                                                   std::int64_t run_id, storage::UnixMillis now) {
  RunMonitoring out;
  auto current = store.SourceStats(run_id);
  if (!current.ok()) return current.status();
  if (auto status = HealthWarnings(store, config, run_id, current.value(), out); !status.ok()) {
    return status;
  }
  storage::LifecycleRules rules;
  rules.close_after_missed_runs = config.monitoring.close_after_missed_runs;
  rules.today = UtcDate(now);
  rules.now = now;
  auto closed = store.CloseStale(run_id, HealthySources(current.value(), out.warnings), rules);
  if (!closed.ok()) return closed.status();
  out.closed = closed.value();

  storage::PostingQuery fresh;
  fresh.first_seen_run = run_id;
  auto new_rows = store.ListPostings(fresh);
  if (!new_rows.ok()) return new_rows.status();
  out.new_matched = KeepMatched(std::move(new_rows.value()), matcher);

  storage::PostingQuery gone;
  gone.closed_run = run_id;
  auto closed_rows = store.ListPostings(gone);
  if (!closed_rows.ok()) return closed_rows.status();
  out.closed_total = static_cast<std::int64_t>(closed_rows->size());
  out.closed_matched = KeepMatched(std::move(closed_rows.value()), matcher);
  return out;
}

}  // namespace jobcrawler::app
