// The steps that follow a completed run: source health against the previous
// completed run, then closing stale postings (healthy sources only) and
// recording the run's news, both in CloseStale's one transaction; and the
// news as the monitoring reports it. Internal to the app library.
#ifndef JOBCRAWLER_APP_MONITOR_MONITOR_RUN_H_
#define JOBCRAWLER_APP_MONITOR_MONITOR_RUN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "app/config/config.h"
#include "app/monitor/monitor.h"
#include "parsers/match/matcher.h"
#include "storage/store.h"

namespace jobcrawler::app {

// What one completed run's monitoring reports.
struct RunMonitoring {
  std::int64_t run_id = 0;
  // Sources that look broken; known only to the invocation that monitored
  // the run (they are not stored).
  std::vector<SourceWarning> warnings;
  std::int64_t closed_total = 0;                    // every posting the run closed, any reason
  std::vector<storage::PostingRow> new_matched;     // first seen in the run
  std::vector<storage::PostingRow> closed_matched;  // closed by the run
};

// Monitors the completed run `run_id` of `config`'s sources: judges source
// health, then calls CloseStale, which closes and records the run's news in
// one transaction. Returns the health warnings. A run that is no longer the
// latest (a later one may have fetched its pages again, so its per-source
// counts fall short) judges no source: no warnings, and nothing closes as
// unseen; expired postings still close and its news is recorded. Fails on
// the first store error, having closed nothing or everything.
storage::Result<std::vector<SourceWarning>> MonitorCompletedRun(storage::Store& store,
                                                                const Config& config,
                                                                std::int64_t run_id,
                                                                storage::UnixMillis now);

// The feed sources of `config` and the walks a complete run of each reads.
std::vector<FeedExpectation> FeedExpectations(const Config& config);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_MONITOR_RUN_H_
