// SqliteStore's record of which completed runs were monitored and whose news
// was delivered (run_monitoring, run_news; see storage/schema.cpp). The
// monitoring itself is written by CloseStale (lifecycle.cpp).
#include <fmt/format.h>

#include "storage/posting_read.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::storage {
namespace {

Result<std::vector<std::int64_t>> ReadIds(sqlite::Statement& s, std::string_view what) {
  std::vector<std::int64_t> ids;
  for (;;) {
    auto row = s.Step(what);
    if (!row.ok()) return row.status();
    if (!row.value()) return ids;
    ids.push_back(s.ColumnInt64(0));
  }
}

// Reads the postings of one kind of a run's news ("new" or "closed"), in
// ListPostings' order, into `kept` (those `keep` accepts); returns how many
// there were.
Result<std::int64_t> ReadNews(sqlite::Database& db, std::int64_t run_id, std::string_view kind,
                              const NewsFilter& keep, std::vector<PostingRow>& kept) {
  constexpr std::string_view kWhat = "reading a run's news";
  std::vector<std::int64_t> ids;
  {
    auto stmt = db.Cached(
        "SELECT n.posting_id FROM run_news n JOIN postings p ON p.id = n.posting_id"
        " WHERE n.run_id = ?1 AND n.kind = ?2 ORDER BY p.first_seen DESC, p.id",
        kWhat);
    if (!stmt.ok()) return stmt.status();
    auto read = ReadIds(stmt.value()->BindAll(run_id, kind), kWhat);
    if (!read.ok()) return read.status();
    ids = std::move(read).value();
  }
  std::int64_t total = 0;
  for (std::int64_t id : ids) {
    auto row = ReadPostingRow(db, id);
    if (!row.ok()) return row.status();
    if (!row.value()) continue;
    ++total;
    if (keep(*row.value())) kept.push_back(std::move(*row.value()));
  }
  return total;
}

Result<std::vector<RunNews>> ReadUndeliveredNews(sqlite::Database& db, const NewsFilter& keep) {
  constexpr std::string_view kWhat = "listing runs with undelivered news";
  std::vector<std::int64_t> runs;
  {
    auto stmt = db.Cached(
        "SELECT run_id FROM run_monitoring WHERE delivered_at IS NULL ORDER BY run_id", kWhat);
    if (!stmt.ok()) return stmt.status();
    auto read = ReadIds(*stmt.value(), kWhat);
    if (!read.ok()) return read.status();
    runs = std::move(read).value();
  }
  std::vector<RunNews> news;
  for (std::int64_t run_id : runs) {
    RunNews run{.run_id = run_id,
                .new_postings = {},
                .closed_postings = {},
                .closed_total = 0};
    auto fresh = ReadNews(db, run_id, "new", keep, run.new_postings);
    if (!fresh.ok()) return fresh.status();
    auto closed = ReadNews(db, run_id, "closed", keep, run.closed_postings);
    if (!closed.ok()) return closed.status();
    run.closed_total = closed.value();
    news.push_back(std::move(run));
  }
  return news;
}

}  // namespace

Result<std::vector<std::int64_t>> SqliteStore::RunsPendingMonitoring() {
  constexpr std::string_view kWhat = "listing completed runs not yet monitored";
  auto stmt = db_.Cached(
      "SELECT id FROM runs r WHERE status = 'completed'"
      " AND NOT EXISTS (SELECT 1 FROM run_monitoring m WHERE m.run_id = r.id) ORDER BY id",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  return ReadIds(*stmt.value(), kWhat);
}

Result<std::vector<RunNews>> SqliteStore::UndeliveredNews(const NewsFilter& keep) {
  // One read transaction: the news and the postings from one snapshot.
  auto txn = sqlite::Transaction::Begin(db_, sqlite::Transaction::Mode::kDeferred);
  if (!txn.ok()) return txn.status();
  auto news = ReadUndeliveredNews(db_, keep);
  if (!news.ok()) return news.status();
  JOBCRAWLER_RETURN_IF_ERROR(txn->Commit());
  return news;
}

Status SqliteStore::MarkNewsDelivered(std::int64_t run_id, UnixMillis now) {
  constexpr std::string_view kWhat = "marking a run's news delivered";
  auto stmt = db_.Cached(
      "UPDATE run_monitoring SET delivered_at = COALESCE(delivered_at, ?2) WHERE run_id = ?1",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(stmt.value()->BindAll(run_id, now).Run(kWhat));
  if (db_.Changes() == 0) {
    return Status::Error(fmt::format("{}: run {} has not been monitored", kWhat, run_id));
  }
  return Status::Ok();
}

}  // namespace jobcrawler::storage
