// Monitoring that no kill can lose: `crawl` finishes what completed runs
// left undone and delivers their news (warnings, --report-new, webhook),
// oldest run first. Internal to the app library.
//
// The rule for cron users: every completed run's news is delivered by the
// crawl that completed it or, when that crawl was killed or its database was
// busy in between, by the next crawl, before that crawl's own news. News
// comes at least once: a crawl killed after printing a run's report but
// before recording that prints it again.
#ifndef JOBCRAWLER_APP_MONITOR_MONITOR_DELIVERY_H_
#define JOBCRAWLER_APP_MONITOR_MONITOR_DELIVERY_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <vector>

#include "app/config/config.h"
#include "app/monitor/monitor_run.h"
#include "parsers/match/matcher.h"
#include "storage/store.h"

namespace jobcrawler::app {

// Where delivered monitoring goes: `crawl`'s stdout and stderr. One per
// invocation, shared by its FinishMonitoring calls.
struct MonitoringOutput {
  bool report_new = false;  // print the news (crawl --report-new)
  std::ostream& out;
  std::ostream& err;
  bool reported = false;  // a report was written (the next starts with an empty line)
  // When set, called with each run's warnings before they are written, to
  // put what the crawl knows (why a source could not be reached) into them.
  std::function<void(std::int64_t run_id, std::vector<SourceWarning>& warnings)> explain_warnings =
      {};
};

// Monitors every completed run whose monitoring is pending
// (MonitorCompletedRun), then delivers the news of every monitored run not
// yet delivered: its health warnings on `err`, its report on `out` when
// report_new (reports of several runs separated by an empty line), one
// webhook POST per run with news (a failing webhook is said on `err`, not
// retried). Each run is marked delivered once written. Returns the runs
// delivered, oldest first. Fails on the first store error, or when `out`
// cannot be written; what was done until then stays done, the rest is left
// for the next call.
storage::Result<std::vector<RunMonitoring>> FinishMonitoring(storage::Store& store,
                                                             const Config& config,
                                                             const parsers::Matcher& matcher,
                                                             MonitoringOutput& output,
                                                             storage::UnixMillis now);

// The entry of `delivered` for `run_id`, or an empty RunMonitoring.
RunMonitoring MonitoringOf(const std::vector<RunMonitoring>& delivered, std::int64_t run_id);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_MONITOR_DELIVERY_H_
