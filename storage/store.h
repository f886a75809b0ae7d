// The crawl's persistent state behind one small interface: crawl runs, the
// frontier, fetched pages, postings and where each posting was seen.
//
// The SQLite implementation is SqliteStore (storage/sqlite_store.h); a later
// PostgreSQL store for several crawler processes implements the same
// interface. A Store is NOT thread-safe: the crawler gives it to one database
// thread and reaches it by posting work there. Every method that writes does
// so in one transaction, so a killed process leaves either all or none of it.
// Methods return a Status/Result; an error message names what was being done.
#ifndef JOBCRAWLER_STORAGE_STORE_H_
#define JOBCRAWLER_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "parsers/core/posting.h"
#include "storage/status.h"

namespace jobcrawler::storage {

using UnixMillis = std::int64_t;  // milliseconds since the Unix epoch, UTC

enum class RunStatus { kRunning, kCompleted, kInterrupted, kFailed };
std::string_view RunStatusName(RunStatus status);

struct RunCounters {
  std::int64_t pages_fetched = 0;
  std::int64_t pages_failed = 0;
  std::int64_t postings_found = 0;    // sightings recorded in the run
  std::int64_t postings_new = 0;      // postings first seen in the run
  std::int64_t postings_updated = 0;  // postings seen again
  std::int64_t errors = 0;
};

struct RunInfo {
  std::int64_t id = 0;
  UnixMillis started_at = 0;
  UnixMillis finished_at = 0;  // 0 while running
  RunStatus status = RunStatus::kRunning;
  RunCounters counters;
};

// A URL to fetch, as the crawler adds it.
struct FrontierAdd {
  std::string url;       // canonical absolute URL: the identity, unique per run
  std::string host_key;  // "scheme://host:port", the politeness unit
  std::string source;    // the [[sources]] name it belongs to
  int depth = 0;         // 0 for start URLs
  UnixMillis not_before = 0;
  // The URL to request, as found (query order and encoding kept; see
  // crawler/url.h); empty: `url`. Of two adds with the same `url` in a run,
  // the first one's fetch_url stays.
  std::string fetch_url = {};
};

// A URL leased to the crawler: it is in flight until RecordPage or
// ReleaseLeases. Carries what the last fetch of the same URL (in any run)
// left behind, for conditional requests.
struct FrontierEntry {
  std::int64_t id = 0;
  std::string url;  // canonical
  std::string host_key;
  std::string source;
  int depth = 0;
  int attempts = 0;  // fetches tried so far in this run
  std::string etag;           // from the previous fetch, may be empty
  std::string last_modified;  // from the previous fetch, may be empty
  std::string content_hash;   // from the previous fetch, may be empty
  // What the previous fetch's parse result depended on (PageOutcome::
  // parse_key), may be empty. When it differs from the current key the
  // validators above must not be trusted: the page is parsed again.
  std::string parse_key = {};
  std::string fetch_url = {};  // what to request; empty (older rows): url
};

struct FrontierCounts {
  std::int64_t queued = 0;
  std::int64_t leased = 0;
  std::int64_t done = 0;
};

// What happened when a URL was fetched.
struct PageOutcome {
  std::int64_t frontier_id = 0;
  std::string url;        // canonical URL that was requested
  std::string final_url;  // after redirects
  std::string source;
  int http_status = 0;  // 0 when no HTTP response arrived
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string content_hash;  // hex digest of the body, empty when none
  std::int64_t bytes = 0;
  bool truncated = false;  // body cut at max_body_bytes
  std::string error;       // transport or processing error, empty when none
  UnixMillis fetched_at = 0;
  // What was noticed but is no error (links not followed because they are
  // too long), empty when nothing.
  std::string notes = {};
  // What the page's links and postings depend on besides its bytes (parser
  // version, the source's configuration); empty when the page was not parsed
  // (the stored key then stays).
  std::string parse_key = {};
};

// One posting seen on a page.
struct Sighting {
  parsers::Posting posting;  // posting.url is absolute and canonical
  std::string page_url;      // canonical URL of the page it was found on
  bool matched = false;      // the matcher's verdict at crawl time
  // Further canonical URLs that show the same job (the original ad a feed
  // entry reposts): each is an identity key ("url:") of the posting and a
  // sighting of it, so that the ad crawled there joins this posting.
  std::vector<std::string> also_seen_at = {};
};

// How far a response of a feed source took its walk (crawler/feed_source.h):
// more pages follow, the walk ended having read the whole listing, or it
// ended without (a failed or misunderstood response, a cut, a search too
// broad to be served whole).
enum class FeedWalkState { kMore, kComplete, kIncomplete };
std::string_view FeedWalkStateName(FeedWalkState state);  // "more", ...

struct FeedWalkStep {
  std::string walk;  // canonical URL of the walk's first page
  int page = 1;      // the response's page number, from 1
  FeedWalkState state = FeedWalkState::kMore;
  std::string message = {};  // why incomplete, for the source's warning
  // The number of jobs the whole listing holds as this response states it
  // (Jobsuche maxErgebnisse); nullopt when it states none. A walk whose
  // pages state different totals changed while it was read: it ends
  // incomplete (results have no order to rely on, so pages read before and
  // after the change may miss jobs still listed).
  std::optional<std::int64_t> total = {};
};

// Decides whether a link recorded for an unchanged page is queued again
// (see PageWrite::replay). Called on the store's thread; must not call the
// store.
using LinkFilter = std::function<bool(const FrontierAdd& link)>;

// Everything that belongs to one fetched page, written in one transaction.
struct PageWrite {
  PageOutcome page;
  std::vector<FrontierAdd> links;   // new URLs found on the page
  std::vector<Sighting> sightings;  // postings found on the page
  // When set, the frontier entry is queued again for a later attempt instead
  // of being marked done.
  std::optional<UnixMillis> retry_at;
  // The page is unchanged since its last fetch (HTTP 304, or the same content
  // hash): the store re-adds the links it recorded for the URL last time
  // that `replay` accepts (at depth page depth + 1, for page.source, in this
  // run's frontier; none without a filter, so that no recorded link skips
  // the source's current scope) and counts the postings it carried as seen
  // again, instead of needing a re-parse.
  bool unchanged = false;
  int depth = 0;  // the page's frontier depth, for re-added links
  LinkFilter replay;
  // A response of a feed source: where it left its walk, recorded for the
  // run and source (see SourceRunStats). A feed page answering 404/410
  // closes nothing as gone: its postings' own pages were not asked.
  std::optional<FeedWalkStep> feed_walk = {};
};

struct PageWriteResult {
  int links_added = 0;  // links that were not yet in this run's frontier
  int postings_new = 0;
  int postings_updated = 0;
};

// One posting as exported (the CSV columns, in order).
struct PostingRow {
  std::int64_t id = 0;
  parsers::Posting posting;
  std::string url;     // the best URL of the posting
  std::string source;  // the source of that URL
  std::vector<std::string> also_seen_at;  // other URLs of the same job
  UnixMillis first_seen = 0;
  UnixMillis last_seen = 0;
  std::int64_t first_seen_run = 0;
  std::int64_t last_seen_run = 0;
  std::string status;  // "active" or "closed"
  bool matched = false;
  UnixMillis closed_at = 0;        // 0 while active
  std::int64_t closed_run = 0;     // the run that closed it, 0 while active
  std::string closed_reason;       // "gone" (404/410), "expired" (validThrough), "unseen"
};

struct PostingQuery {
  // Only postings first seen in this run, when set.
  std::optional<std::int64_t> first_seen_run;
  // Only postings first seen at or after this time / in this run or later.
  std::optional<UnixMillis> first_seen_since;
  std::optional<std::int64_t> first_seen_since_run;
  // Only postings with this status ("active" or "closed").
  std::optional<std::string> status;
  // Only postings closed by this run.
  std::optional<std::int64_t> closed_run;
  bool matched_only = false;
};

// A host's robots.txt as last fetched, cached across runs (RFC 9309 §2.4).
struct RobotsRecord {
  std::string host_key;
  int http_status = 0;  // 0: unreachable
  std::string body;     // at most 512 KiB
  UnixMillis fetched_at = 0;
  UnixMillis expires_at = 0;
};

// How postings close at the end of a run (see Store::CloseStale).
struct LifecycleRules {
  // A posting not seen in this many consecutive runs that did crawl its
  // source successfully is closed.
  int close_after_missed_runs = 3;
  std::string today;  // ISO date; postings whose valid_through is before it close
  UnixMillis now = 0;
};

struct LifecycleResult {
  int closed_unseen = 0;
  int closed_expired = 0;
};

// What a monitored run changed: the postings first seen in it and those it
// closed (for any reason; matched or not), as recorded by CloseStale. Only
// the postings a NewsFilter kept are held.
struct RunNews {
  std::int64_t run_id = 0;
  std::vector<PostingRow> new_postings;     // newest first_seen first, then by id
  std::vector<PostingRow> closed_postings;  // the same order
  std::int64_t closed_total = 0;            // every posting the run closed, kept or not
};

// Decides, posting by posting, which news UndeliveredNews keeps; it may set
// the row's `matched`. A first run records thousands of new postings, of
// which a report delivers a few: the rest are read one at a time and dropped.
using NewsFilter = std::function<bool(PostingRow& row)>;

// Per source, what one run saw; for source health and the run record.
struct SourceRunStats {
  std::string source;
  std::int64_t pages_fetched = 0;
  std::int64_t pages_failed = 0;
  std::int64_t structured_pages = 0;  // pages that carried at least one posting
  std::int64_t sightings = 0;
  // Feed sources: the walks the run recorded, those that ended complete,
  // and the message of the first (by walk URL) that did not ("" if none).
  std::int64_t feed_walks = 0;
  std::int64_t feed_walks_complete = 0;
  std::string feed_problem = {};
};

struct SightingInfo {
  std::string url;
  std::string source;
  std::string page_url;
  UnixMillis first_seen = 0;
  UnixMillis last_seen = 0;
  std::int64_t last_run = 0;
};

// Why sightings were taken as one job: the posting, every sighting, and the
// identity keys that joined them (e.g. "id:muster:DS-17", "url:https://...").
struct PostingExplanation {
  PostingRow row;
  std::vector<SightingInfo> sightings;
  std::vector<std::string> keys;
  std::vector<std::string> reasons;  // one line per merge, human readable
};

// The names of the sources one posting was seen on (its sightings').
struct PostingSources {
  std::int64_t posting_id = 0;
  std::vector<std::string> sources;  // distinct, sorted
};

// When a source last worked: the newest run that reached it (as CloseStale
// recorded it among its healthy sources).
struct SourceLastSuccess {
  std::string source;
  std::int64_t run_id = 0;
  UnixMillis finished_at = 0;  // the run's end; 0 if it never finished
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs.
  virtual Result<std::int64_t> BeginRun(UnixMillis now) = 0;
  virtual Status FinishRun(std::int64_t run_id, RunStatus status,
                           const RunCounters& counters, UnixMillis now) = 0;
  virtual Result<std::optional<RunInfo>> LatestRun() = 0;
  // The run that is still marked running (a crawl that was killed), if any.
  virtual Result<std::optional<RunInfo>> UnfinishedRun() = 0;

  // Frontier. URLs are unique per run: adding a known URL does nothing.
  virtual Result<int> AddToFrontier(std::int64_t run_id,
                                    const std::vector<FrontierAdd>& urls) = 0;
  // Leases up to `limit` queued entries whose not_before <= now, at most
  // `per_host_limit` per host, lowest depth first, oldest first.
  // Hosts in `skip_hosts` get nothing (the crawler already holds enough of
  // theirs), so that one slow host cannot fill the crawler's buffer.
  virtual Result<std::vector<FrontierEntry>> LeaseFrontier(
      std::int64_t run_id, int limit, int per_host_limit, UnixMillis now,
      const std::vector<std::string>& skip_hosts) = 0;
  // Returns every leased entry of the run to the queue (graceful stop,
  // resume after a kill).
  virtual Status ReleaseLeases(std::int64_t run_id) = 0;
  virtual Result<FrontierCounts> CountFrontier(std::int64_t run_id) = 0;
  // Earliest not_before among queued entries, if any are queued.
  virtual Result<std::optional<UnixMillis>> NextQueuedTime(std::int64_t run_id) = 0;

  // Records a fetched page with its links and postings in one transaction
  // and marks its frontier entry done (or queued again, see retry_at).
  virtual Result<PageWriteResult> RecordPage(std::int64_t run_id,
                                             const PageWrite& write) = 0;

  // Postings for export, newest first_seen first.
  virtual Result<std::vector<PostingRow>> ListPostings(const PostingQuery& query) = 0;

  // Lifecycle, at the end of a completed run: closes postings of the
  // `healthy_sources` (those the run crawled successfully) that were not
  // seen in rules.close_after_missed_runs such runs, and postings whose
  // valid_through is before rules.today. A failed source closes nothing.
  // (Postings whose page answers 404/410 are closed by RecordPage.)
  // In the same transaction it records the run's news (see RunNews) and
  // marks the run monitored, so that a kill or a busy database leaves either
  // both or neither. For a run already monitored it does nothing and
  // returns zeros. Fails for an unknown run.
  virtual Result<LifecycleResult> CloseStale(std::int64_t run_id,
                                             const std::vector<std::string>& healthy_sources,
                                             const LifecycleRules& rules) = 0;

  // Monitoring of completed runs. A run's monitoring is pending from the
  // FinishRun that completes it until CloseStale commits for it; its news is
  // undelivered from then until MarkNewsDelivered.
  //
  // Completed runs whose monitoring is pending, oldest first.
  virtual Result<std::vector<std::int64_t>> RunsPendingMonitoring() = 0;
  // The news of every monitored run not yet delivered, oldest run first,
  // holding the postings `keep` accepts.
  virtual Result<std::vector<RunNews>> UndeliveredNews(const NewsFilter& keep) = 0;
  // Marks the news of `run_id` delivered at `now`; doing it again changes
  // nothing. Fails when the run has not been monitored.
  virtual Status MarkNewsDelivered(std::int64_t run_id, UnixMillis now) = 0;
  // robots.txt cache: the record for a host if it has not expired at `now`.
  virtual Result<std::optional<RobotsRecord>> GetRobots(const std::string& host_key,
                                                        UnixMillis now) = 0;
  virtual Status PutRobots(const RobotsRecord& record) = 0;

  // The most recent runs, newest first.
  virtual Result<std::vector<RunInfo>> ListRuns(int limit) = 0;
  // What each source yielded in a run.
  virtual Result<std::vector<SourceRunStats>> SourceStats(std::int64_t run_id) = 0;
  // nullopt when no posting has that id.
  virtual Result<std::optional<PostingExplanation>> ExplainPosting(std::int64_t id) = 0;

  // Reports. Every posting's sources, by posting id ascending; postings
  // without sightings are left out.
  virtual Result<std::vector<PostingSources>> ListPostingSources() = 0;
  // Per source that any run reached, the newest such run, by source name.
  virtual Result<std::vector<SourceLastSuccess>> LastSuccessfulRuns() = 0;
};

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_STORE_H_
