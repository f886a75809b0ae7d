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
#include <optional>
#include <string>
#include <vector>

#include "parsers/posting.h"
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
  std::string url;       // canonical absolute URL
  std::string host_key;  // "scheme://host:port", the politeness unit
  std::string source;    // the [[sources]] name it belongs to
  int depth = 0;         // 0 for start URLs
  UnixMillis not_before = 0;
};

// A URL leased to the crawler: it is in flight until RecordPage or
// ReleaseLeases. Carries what the last fetch of the same URL (in any run)
// left behind, for conditional requests.
struct FrontierEntry {
  std::int64_t id = 0;
  std::string url;
  std::string host_key;
  std::string source;
  int depth = 0;
  int attempts = 0;  // fetches tried so far in this run
  std::string etag;           // from the previous fetch, may be empty
  std::string last_modified;  // from the previous fetch, may be empty
  std::string content_hash;   // from the previous fetch, may be empty
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
};

// One posting seen on a page.
struct Sighting {
  parsers::Posting posting;  // posting.url is absolute and canonical
  std::string page_url;      // canonical URL of the page it was found on
  bool matched = false;      // the matcher's verdict at crawl time
};

// Everything that belongs to one fetched page, written in one transaction.
struct PageWrite {
  PageOutcome page;
  std::vector<FrontierAdd> links;   // new URLs found on the page
  std::vector<Sighting> sightings;  // postings found on the page
  // When set, the frontier entry is queued again for a later attempt instead
  // of being marked done.
  std::optional<UnixMillis> retry_at;
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
};

struct PostingQuery {
  // Only postings first seen in this run, when set.
  std::optional<std::int64_t> first_seen_run;
  bool matched_only = false;
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
  virtual Result<std::vector<FrontierEntry>> LeaseFrontier(std::int64_t run_id,
                                                           int limit,
                                                           int per_host_limit,
                                                           UnixMillis now) = 0;
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
};

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_STORE_H_
