#include "app/report/report_load.h"

#include <utility>

#include "app/monitor/monitor.h"
#include "app/monitor/monitor_run.h"
#include "parsers/match/matcher.h"

namespace jobcrawler::app::report {
namespace {

// Runs looked at for the latest completed one and the one before it: enough
// to step over a few interrupted or failed runs.
constexpr int kRunsToSearch = 50;

storage::Status LoadRunStats(storage::Store& store, ReportInput& input) {
  auto runs = store.ListRuns(kRunsToSearch);
  if (!runs.ok()) return runs.status();
  input.runs = std::move(runs).value();
  std::optional<storage::RunInfo> latest;
  for (const storage::RunInfo& run : input.runs) {
    if (run.status == storage::RunStatus::kCompleted) {
      latest = run;
      break;
    }
  }
  if (!latest) return storage::Status::Ok();
  auto stats = store.SourceStats(latest->id);
  if (!stats.ok()) return stats.status();
  input.latest_stats = std::move(stats).value();
  if (auto previous = PreviousCompletedRun(input.runs, latest->id)) {
    auto before = store.SourceStats(previous->id);
    if (!before.ok()) return before.status();
    input.previous_stats = std::move(before).value();
  }
  return storage::Status::Ok();
}

}  // namespace

storage::Result<ReportModel> LoadReport(storage::Store& store, const Config& config, bool all,
                                        storage::UnixMillis now) {
  ReportInput input;
  auto rows = store.ListPostings(storage::PostingQuery{});
  if (!rows.ok()) return rows.status();
  input.rows = std::move(rows).value();
  const parsers::Matcher matcher(config.match);
  for (storage::PostingRow& row : input.rows) row.matched = matcher.Match(row.posting).matched();

  auto sources = store.ListPostingSources();
  if (!sources.ok()) return sources.status();
  input.posting_sources = std::move(sources).value();
  if (auto status = LoadRunStats(store, input); !status.ok()) return status;
  auto successes = store.LastSuccessfulRuns();
  if (!successes.ok()) return successes.status();
  input.last_successes = std::move(successes).value();
  for (const crawler::Source& source : config.sources) {
    input.configured_sources.push_back(source.name);
  }
  input.feeds = FeedExpectations(config);
  return BuildReportModel(input, all, now);
}

}  // namespace jobcrawler::app::report
