// Monitoring after a crawl: which sources look broken compared with the
// previous completed run, which of them may close postings, and the small
// date/run arithmetic the monitoring commands share. Pure functions over the
// store's records; the commands do the I/O. Internal to the app library.
#ifndef JOBCRAWLER_APP_MONITOR_MONITOR_H_
#define JOBCRAWLER_APP_MONITOR_MONITOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/store.h"

namespace jobcrawler::app {

// A source is healthy in a run when at least one of its pages was fetched
// successfully (2xx, or 304 unchanged) and not all of its pages failed. The
// store counts a failed page (transport error or HTTP error status) in both
// pages_fetched and pages_failed; a source absent from the stats fetched
// nothing. Only healthy sources may close postings as unseen.
bool IsHealthy(const storage::SourceRunStats& stats);

// A source that looks broken; `message` is a whole line without the newline,
// starting "WARNING: source NAME".
struct SourceWarning {
  std::string source;
  std::string message;
};

// A feed source (a type other than html) and the number of walks a complete
// run of it reads, one per distinct start URL (crawler/feed_source.h).
struct FeedExpectation {
  std::string source;
  std::int64_t walks = 0;
};

// True when the run read every walk of the feed source to its end: as many
// complete walks as `expected`, and none that is not.
bool FeedComplete(const storage::SourceRunStats& stats, const FeedExpectation& expected);

// One warning per source that looks broken in `current` compared with
// `previous` (the previous completed run's stats; empty when there is none),
// for every source in `configured` (those the run crawled; one missing from
// `current` fetched nothing):
// - every page failed (or none could be fetched);
// - it yielded sightings before and none now;
// - it fetched pages but none carried a posting, where some did before.
// A source in `feeds` is judged by its walks instead: a listing read whole
// is fine whatever it holds (an empty one too: the service said so), and one
// that was not gets a warning with the walk's problem (a failed page, with
// the credentials sent for a 401/403; a response not understood; a cut; a
// search too broad), so that it closes nothing.
std::vector<SourceWarning> SourceHealthWarnings(
    const std::vector<std::string>& configured, const std::vector<storage::SourceRunStats>& current,
    const std::vector<storage::SourceRunStats>& previous,
    const std::vector<FeedExpectation>& feeds = {});

// The warning for a source none of whose hosts could be reached in the run,
// with the reason the crawler saw ("could not resolve host www.hagen.de").
SourceWarning UnreachableSourceWarning(const std::string& source, const std::string& reason);

// The names of the healthy sources among `stats`, in their order, leaving
// out those in `warnings`: a site that changed so that it yields nothing must
// not close every posting it had (our choice, beyond "healthy" above).
std::vector<std::string> HealthySources(const std::vector<storage::SourceRunStats>& stats,
                                        const std::vector<SourceWarning>& warnings);

// The most recent completed run older than `run_id` among `runs` (newest
// first, as Store::ListRuns returns them), if any.
std::optional<storage::RunInfo> PreviousCompletedRun(const std::vector<storage::RunInfo>& runs,
                                                     std::int64_t run_id);

// `export --since`: a date "2026-11-20" (UTC midnight), "run:12" or a plain
// run id "12". nullopt for anything else, including "run:0" and dates that
// do not exist.
struct Since {
  std::optional<storage::UnixMillis> time;
  std::optional<std::int64_t> run;
};
std::optional<Since> ParseSince(std::string_view text);

// "2026-11-20": the UTC date of `now`.
std::string UtcDate(storage::UnixMillis now);

// Milliseconds since the epoch, from the system clock.
storage::UnixMillis NowMillis();

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_MONITOR_H_
