// SqliteStore's read-only views: postings for export, what a run saw per
// source, and why sightings were taken as one posting.
#include <utility>

#include <fmt/format.h>

#include "storage/feed_walks.h"
#include "storage/posting_read.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::storage {
namespace {

// How each kind of identity key reads in an explanation.
constexpr std::pair<std::string_view, std::string_view> kKeyKinds[] = {
    {"id:", "source id"},
    {"url:", "URL"},
    {"tcl:", "title, company and place"},
    {"simhash:", "near-duplicate description"},
    {"via:", "a feed listing it as the original ad"},
};

// "https://b.example/job/17 joined by source id (id:muster:DS-17)".
std::string JoinReason(const StoredSighting& sighting) {
  for (const auto& [prefix, kind] : kKeyKinds) {
    if (sighting.matched_key.starts_with(prefix)) {
      return fmt::format("{} joined by {} ({})", sighting.info.url, kind, sighting.matched_key);
    }
  }
  return fmt::format("{} joined (the key was not recorded)", sighting.info.url);
}

Result<std::optional<PostingExplanation>> ReadExplanation(sqlite::Database& db, std::int64_t id) {
  auto row = ReadPostingRow(db, id);
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<PostingExplanation>();
  PostingExplanation explanation;
  explanation.row = std::move(*row.value());
  auto sightings = ReadSightings(db, id);
  if (!sightings.ok()) return sightings.status();
  for (std::size_t i = 0; i < sightings->size(); ++i) {
    // Sightings come in creation order: the first created the posting,
    // every later one joined it (crawl order decides which came first).
    if (i > 0) explanation.reasons.push_back(JoinReason(sightings.value()[i]));
    explanation.sightings.push_back(std::move(sightings.value()[i].info));
  }
  auto keys = ReadKeys(db, id);
  if (!keys.ok()) return keys.status();
  explanation.keys = std::move(keys).value();
  return std::optional(std::move(explanation));
}

}  // namespace

Result<std::vector<PostingRow>> SqliteStore::ListPostings(const PostingQuery& query) {
  // One read transaction: postings and their sightings from one snapshot.
  auto txn = sqlite::Transaction::Begin(db_, sqlite::Transaction::Mode::kDeferred);
  if (!txn.ok()) return txn.status();
  auto rows = ReadPostingRows(db_, query);
  if (!rows.ok()) return rows.status();
  JOBCRAWLER_RETURN_IF_ERROR(txn->Commit());
  return rows;
}

Result<std::optional<PostingExplanation>> SqliteStore::ExplainPosting(std::int64_t id) {
  std::string context = fmt::format("explaining posting {}", id);
  auto txn = sqlite::Transaction::Begin(db_, sqlite::Transaction::Mode::kDeferred);
  if (!txn.ok()) return sqlite::WithContext(context, txn.status());
  auto explanation = ReadExplanation(db_, id);
  Status status = explanation.ok() ? txn->Commit() : explanation.status();
  if (!status.ok()) return sqlite::WithContext(context, status);
  return explanation;
}

Result<std::vector<SourceRunStats>> SqliteStore::SourceStats(std::int64_t run_id) {
  constexpr std::string_view kWhat = "counting what each source yielded";
  auto stmt = db_.Cached(
      "WITH fetched AS (SELECT source, COUNT(*) AS pages,"
      "   SUM(http_status = 0 OR http_status >= 400 OR error <> '') AS failed,"
      "   SUM(EXISTS (SELECT 1 FROM sightings s WHERE s.page_url = p.url AND s.last_run = ?1))"
      "     AS structured"
      "   FROM pages p WHERE run_id = ?1 GROUP BY source),"
      " seen AS (SELECT source, COUNT(*) AS sightings FROM sightings WHERE last_run = ?1"
      "   GROUP BY source),"
      " sources AS (SELECT source FROM fetched UNION SELECT source FROM seen)"
      " SELECT sources.source, COALESCE(pages, 0), COALESCE(failed, 0),"
      "  COALESCE(structured, 0), COALESCE(sightings, 0)"
      " FROM sources LEFT JOIN fetched USING (source) LEFT JOIN seen USING (source)"
      " ORDER BY sources.source",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(run_id);
  std::vector<SourceRunStats> stats;
  for (;;) {
    auto row = s.Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    stats.push_back({s.ColumnText(0), s.ColumnInt64(1), s.ColumnInt64(2), s.ColumnInt64(3),
                     s.ColumnInt64(4)});
  }
  JOBCRAWLER_RETURN_IF_ERROR(AddFeedWalkStats(db_, run_id, stats));
  return stats;
}

}  // namespace jobcrawler::storage
