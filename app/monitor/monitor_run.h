// The steps `crawl` takes after a run completed: source health against the
// previous completed run, closing stale postings (healthy sources only), and
// collecting the new and closed matched postings for --report-new and the
// webhook. Internal to the app library.
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

struct RunMonitoring {
  std::vector<SourceWarning> warnings;              // sources that look broken
  storage::LifecycleResult closed;                  // what CloseStale closed
  std::int64_t closed_total = 0;                    // every posting closed by the run, any reason
  std::vector<storage::PostingRow> new_matched;     // first seen in the run
  std::vector<storage::PostingRow> closed_matched;  // closed by the run
};

// Runs the steps above for the completed run `run_id` of `config`'s
// sources. `matched` is judged with `matcher` (the config's current rules),
// as export does. Fails on the first store error, having closed nothing or
// everything that CloseStale closes in its one transaction.
storage::Result<RunMonitoring> MonitorCompletedRun(storage::Store& store, const Config& config,
                                                   const parsers::Matcher& matcher,
                                                   std::int64_t run_id, storage::UnixMillis now);

// Keeps the rows the matcher matches now, with `matched` set accordingly.
std::vector<storage::PostingRow> KeepMatched(std::vector<storage::PostingRow> rows,
                                             const parsers::Matcher& matcher);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_MONITOR_RUN_H_
