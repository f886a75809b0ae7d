// The Store on one SQLite file (see storage/store.h for the contract).
//
// Opened in WAL mode with synchronous=NORMAL (a power cut may lose the last
// transactions but never corrupts the file), foreign keys on and a busy
// timeout, so a second process reading the file (an export while a crawl
// runs) waits instead of failing. Statements are prepared once and reused.
// Not thread-safe, like every Store.
#ifndef JOBCRAWLER_STORAGE_SQLITE_STORE_H_
#define JOBCRAWLER_STORAGE_SQLITE_STORE_H_

#include <memory>
#include <optional>
#include <string>

#include "storage/sqlite.h"
#include "storage/store.h"

namespace jobcrawler::storage {

class SqliteStore final : public Store {
 public:
  // Opens or creates the database at `path` (":memory:" for a private
  // in-memory one) and migrates it to the latest schema. Fails when the file
  // cannot be opened, is not a database, or has a newer schema.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);

  Result<std::int64_t> BeginRun(UnixMillis now) override;
  Status FinishRun(std::int64_t run_id, RunStatus status, const RunCounters& counters,
                   UnixMillis now) override;
  Result<std::optional<RunInfo>> LatestRun() override;
  Result<std::optional<RunInfo>> UnfinishedRun() override;

  Result<int> AddToFrontier(std::int64_t run_id, const std::vector<FrontierAdd>& urls) override;
  // Reads the partial index frontier_queued_by_host: the cost grows with
  // the number of hosts with queued entries, not with the queue's length
  // (frontier_lease.cpp).
  Result<std::vector<FrontierEntry>> LeaseFrontier(
      std::int64_t run_id, int limit, int per_host_limit, UnixMillis now,
      const std::vector<std::string>& skip_hosts) override;
  Status ReleaseLeases(std::int64_t run_id) override;
  Result<FrontierCounts> CountFrontier(std::int64_t run_id) override;
  Result<std::optional<UnixMillis>> NextQueuedTime(std::int64_t run_id) override;

  // Fails (writing nothing) when write.page.frontier_id is not an entry of
  // `run_id`, or when a sighting has no URL at all (neither posting.url nor
  // page_url). Sightings are dated write.page.fetched_at and credited to
  // write.page.source. A fetch without body (HTTP 304, or status 0) keeps
  // the stored etag/last_modified/content_hash where it brings none; an
  // empty page.parse_key keeps the stored one. The page URL identifies a
  // URL-less posting only when it is the page's only posting (a listing's
  // URL identifies none of its postings).
  //
  // The page's links are remembered (replacing the previous ones) only when
  // it brought a body (2xx) and is not `unchanged`, so that a failed fetch
  // in between does not forget what an unchanged page links to. For an
  // `unchanged` page, the remembered links that write.replay accepts are
  // queued (none without it), and write.links and write.sightings are
  // recorded as well when given. A 404/410 closes postings as store.h describes (not counted
  // in the result).
  Result<PageWriteResult> RecordPage(std::int64_t run_id, const PageWrite& write) override;

  Result<std::vector<PostingRow>> ListPostings(const PostingQuery& query) override;

  // Also records which sources the run reached (healthy) and which it only
  // tried (those in its frontier but not in `healthy_sources`). Calling it
  // twice for a run closes nothing more. close_after_missed_runs < 1 closes
  // nothing as unseen; an empty rules.today closes nothing as expired.
  Result<LifecycleResult> CloseStale(std::int64_t run_id,
                                     const std::vector<std::string>& healthy_sources,
                                     const LifecycleRules& rules) override;
  // Runs that completed before the database had run_monitoring (storage/
  // schema.cpp) count as monitored and delivered.
  Result<std::vector<std::int64_t>> RunsPendingMonitoring() override;
  Result<std::vector<RunNews>> UndeliveredNews(const NewsFilter& keep) override;
  Status MarkNewsDelivered(std::int64_t run_id, UnixMillis now) override;
  Result<std::optional<RobotsRecord>> GetRobots(const std::string& host_key,
                                                UnixMillis now) override;
  Status PutRobots(const RobotsRecord& record) override;

  Result<std::vector<RunInfo>> ListRuns(int limit) override;
  // Counts come from the latest fetch of each URL and the latest sighting of
  // each posting URL: exact for the newest run, an undercount for an older
  // run whose pages were fetched again since. Sorted by source.
  Result<std::vector<SourceRunStats>> SourceStats(std::int64_t run_id) override;
  Result<std::optional<PostingExplanation>> ExplainPosting(std::int64_t id) override;
  // Both read one statement each (report_read.cpp); LastSuccessfulRuns
  // reads run_sources, which CloseStale fills.
  Result<std::vector<PostingSources>> ListPostingSources() override;
  Result<std::vector<SourceLastSuccess>> LastSuccessfulRuns() override;

 private:
  explicit SqliteStore(sqlite::Database db) : db_(std::move(db)) {}

  Result<std::optional<RunInfo>> ReadRun(std::string_view sql, std::string_view what);
  Result<int> InsertLinks(std::int64_t run_id, const std::vector<FrontierAdd>& urls);
  // RecordPage's steps (page_record.cpp), inside its transaction.
  Status FinishFrontierEntry(std::int64_t run_id, const PageWrite& write);
  Status UpsertPage(std::int64_t run_id, const PageWrite& write);
  Result<int> UpdatePageLinks(std::int64_t run_id, const PageWrite& write);
  Status RecordSightings(std::int64_t run_id, const PageWrite& write, PageWriteResult& result);

  sqlite::Database db_;
};

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_SQLITE_STORE_H_
