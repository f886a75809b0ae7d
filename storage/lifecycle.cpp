#include "storage/lifecycle.h"

#include "storage/sqlite_store.h"

namespace jobcrawler::storage {
namespace {

// The SET clause that closes a posting; ?1 is the run, ?2 the time and ?3
// the reason in every statement that uses it.
#define JOBCRAWLER_CLOSE "status = 'closed', closed_run = ?1, closed_at = ?2, closed_reason = ?3"

Status RecordRunSources(sqlite::Database& db, std::int64_t run_id,
                        const std::vector<std::string>& healthy_sources) {
  constexpr std::string_view kWhat = "recording the run's source health";
  auto healthy = db.Cached(
      "INSERT INTO run_sources (run_id, source, healthy) VALUES (?1, ?2, 1)"
      " ON CONFLICT (run_id, source) DO UPDATE SET healthy = 1",
      kWhat);
  if (!healthy.ok()) return healthy.status();
  for (const std::string& source : healthy_sources) {
    JOBCRAWLER_RETURN_IF_ERROR(healthy.value()->BindAll(run_id, source).Run(kWhat));
    healthy.value()->Reset();
  }
  // Sources the run tried but did not reach, for the record.
  auto tried = db.Cached(
      "INSERT OR IGNORE INTO run_sources (run_id, source, healthy)"
      " SELECT DISTINCT ?1, source, 0 FROM frontier WHERE run_id = ?1",
      kWhat);
  if (!tried.ok()) return tried.status();
  return tried.value()->BindAll(run_id).Run(kWhat);
}

// ISO dates compare as text; only the date part of a date-time counts.
Result<int> CloseExpired(sqlite::Database& db, std::int64_t run_id, const LifecycleRules& rules) {
  constexpr std::string_view kWhat = "closing expired postings";
  if (rules.today.empty()) return 0;
  auto stmt = db.Cached("UPDATE postings SET " JOBCRAWLER_CLOSE
                        " WHERE status = 'active' AND valid_through <> ''"
                        " AND substr(valid_through, 1, 10) < substr(?4, 1, 10)",
                        kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(
      stmt.value()->BindAll(run_id, rules.now, "expired", rules.today).Run(kWhat));
  return db.Changes();
}

// A run counts against a posting when it reached every source the posting
// was seen on (its run_sources say healthy for each); runs that were
// interrupted before CloseStale, or failed a source, do not count.
Result<int> CloseUnseen(sqlite::Database& db, std::int64_t run_id, const LifecycleRules& rules) {
  constexpr std::string_view kWhat = "closing postings no longer seen";
  if (rules.close_after_missed_runs < 1) return 0;
  auto stmt = db.Cached(
      "UPDATE postings SET " JOBCRAWLER_CLOSE
      " WHERE status = 'active' AND last_seen_run < ?1"
      " AND EXISTS (SELECT 1 FROM sightings s WHERE s.posting_id = postings.id)"
      " AND ?4 <= (SELECT COUNT(*) FROM runs r WHERE r.id > postings.last_seen_run AND r.id <= ?1"
      "   AND NOT EXISTS (SELECT 1 FROM sightings s WHERE s.posting_id = postings.id"
      "     AND NOT EXISTS (SELECT 1 FROM run_sources rs"
      "       WHERE rs.run_id = r.id AND rs.source = s.source AND rs.healthy = 1)))"
      " AND NOT EXISTS (SELECT 1 FROM sightings s WHERE s.posting_id = postings.id"
      "   AND NOT EXISTS (SELECT 1 FROM run_sources rs"
      "     WHERE rs.run_id = ?1 AND rs.source = s.source AND rs.healthy = 1))",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(
      stmt.value()->BindAll(run_id, rules.now, "unseen", rules.close_after_missed_runs).Run(kWhat));
  return db.Changes();
}

enum class Monitored { kNo, kYes, kNoSuchRun };

Result<Monitored> MonitoredState(sqlite::Database& db, std::int64_t run_id) {
  constexpr std::string_view kWhat = "checking whether the run was monitored";
  auto stmt = db.Cached(
      "SELECT EXISTS (SELECT 1 FROM run_monitoring WHERE run_id = ?1) FROM runs WHERE id = ?1",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt.value()->BindAll(run_id).Step(kWhat);
  if (!row.ok()) return row.status();
  if (!row.value()) return Monitored::kNoSuchRun;
  return stmt.value()->ColumnInt(0) != 0 ? Monitored::kYes : Monitored::kNo;
}

// The run's news (the postings first seen in it and those closed by it, 404
// and 410 during the run included) and the mark that it was monitored.
Status RecordNews(sqlite::Database& db, std::int64_t run_id, UnixMillis now) {
  constexpr std::string_view kWhat = "recording the run's news";
  auto news = db.Cached(
      "INSERT OR IGNORE INTO run_news (run_id, kind, posting_id)"
      " SELECT ?1, 'new', id FROM postings WHERE first_seen_run = ?1"
      " UNION ALL SELECT ?1, 'closed', id FROM postings WHERE closed_run = ?1",
      kWhat);
  if (!news.ok()) return news.status();
  JOBCRAWLER_RETURN_IF_ERROR(news.value()->BindAll(run_id).Run(kWhat));
  auto monitored =
      db.Cached("INSERT INTO run_monitoring (run_id, monitored_at) VALUES (?1, ?2)", kWhat);
  if (!monitored.ok()) return monitored.status();
  return monitored.value()->BindAll(run_id, now).Run(kWhat);
}

}  // namespace

Result<int> CloseGonePostings(sqlite::Database& db, std::int64_t run_id, std::string_view url,
                              UnixMillis now) {
  constexpr std::string_view kWhat = "closing the postings of a page that is gone";
  auto stmt = db.Cached(
      "UPDATE postings SET " JOBCRAWLER_CLOSE
      " WHERE status = 'active'"
      " AND id IN (SELECT posting_id FROM sightings WHERE url = ?4 OR page_url = ?4)"
      " AND NOT EXISTS (SELECT 1 FROM sightings s WHERE s.posting_id = postings.id"
      "   AND s.last_run = ?1 AND s.url <> ?4)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(stmt.value()->BindAll(run_id, now, "gone", url).Run(kWhat));
  return db.Changes();
}

Result<LifecycleResult> CloseStalePostings(sqlite::Database& db, std::int64_t run_id,
                                           const std::vector<std::string>& healthy_sources,
                                           const LifecycleRules& rules) {
  auto state = MonitoredState(db, run_id);
  if (!state.ok()) return state.status();
  if (state.value() == Monitored::kNoSuchRun) return Status::Error("no such run");
  LifecycleResult result;
  if (state.value() == Monitored::kYes) return result;
  JOBCRAWLER_RETURN_IF_ERROR(RecordRunSources(db, run_id, healthy_sources));
  auto expired = CloseExpired(db, run_id, rules);
  if (!expired.ok()) return expired.status();
  result.closed_expired = expired.value();
  auto unseen = CloseUnseen(db, run_id, rules);
  if (!unseen.ok()) return unseen.status();
  result.closed_unseen = unseen.value();
  JOBCRAWLER_RETURN_IF_ERROR(RecordNews(db, run_id, rules.now));
  return result;
}

Result<LifecycleResult> SqliteStore::CloseStale(std::int64_t run_id,
                                                const std::vector<std::string>& healthy_sources,
                                                const LifecycleRules& rules) {
  std::string context = "closing stale postings after run " + std::to_string(run_id);
  auto txn = sqlite::Transaction::Begin(db_);
  if (!txn.ok()) return sqlite::WithContext(context, txn.status());
  auto result = CloseStalePostings(db_, run_id, healthy_sources, rules);
  Status status = result.ok() ? txn->Commit() : result.status();
  if (!status.ok()) return sqlite::WithContext(context, status);
  return result;
}

}  // namespace jobcrawler::storage
