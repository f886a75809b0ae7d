#include "storage/posting_read.h"

#include <utility>

#include "storage/posting_columns.h"

namespace jobcrawler::storage {
namespace {

// The columns ReadRow expects, after "SELECT ".
#define JOBCRAWLER_ROW_COLUMNS                                                        \
  "id, " JOBCRAWLER_POSTING_COLUMNS ", url, source, first_seen, last_seen,"          \
  " first_seen_run, last_seen_run, status, matched, closed_at, closed_run, closed_reason"

PostingRow ReadRow(const sqlite::Statement& s) {
  PostingRow row;
  row.id = s.ColumnInt64(0);
  row.posting = ReadPosting(s, 1);
  int next = 1 + kPostingColumnCount;
  row.url = s.ColumnText(next);
  row.source = s.ColumnText(next + 1);
  row.first_seen = s.ColumnInt64(next + 2);
  row.last_seen = s.ColumnInt64(next + 3);
  row.first_seen_run = s.ColumnInt64(next + 4);
  row.last_seen_run = s.ColumnInt64(next + 5);
  row.status = s.ColumnText(next + 6);
  row.matched = s.ColumnInt(next + 7) != 0;
  row.closed_at = s.ColumnInt64(next + 8);
  row.closed_run = s.ColumnInt64(next + 9);
  row.closed_reason = s.ColumnText(next + 10);
  return row;
}

// The sighting URLs of posting `id` other than its best `url`, sorted.
Result<std::vector<std::string>> OtherUrls(sqlite::Database& db, std::int64_t id,
                                           const std::string& url) {
  constexpr std::string_view kWhat = "listing where a posting was seen";
  auto stmt = db.Cached(
      "SELECT url FROM sightings WHERE posting_id = ?1 AND url <> ?2 ORDER BY url", kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(id, url);
  std::vector<std::string> urls;
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return urls;
    urls.push_back(stmt.value()->ColumnText(0));
  }
}

void BindQuery(sqlite::Statement& s, const PostingQuery& query) {
  s.BindAll(query.first_seen_run, query.matched_only, query.first_seen_since,
            query.first_seen_since_run, query.closed_run);
  if (query.status) {
    s.Bind(6, *query.status);
  } else {
    s.BindNull(6);
  }
}

Status FillAlsoSeenAt(sqlite::Database& db, std::vector<PostingRow>& rows) {
  for (PostingRow& row : rows) {
    auto urls = OtherUrls(db, row.id, row.url);
    if (!urls.ok()) return urls.status();
    row.also_seen_at = std::move(urls).value();
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<PostingRow>> ReadPostingRows(sqlite::Database& db, const PostingQuery& query) {
  constexpr std::string_view kWhat = "listing postings";
  std::vector<PostingRow> rows;
  {
    // Every filter is "NULL or equal": unset filters let every row through.
    auto stmt = db.Cached("SELECT " JOBCRAWLER_ROW_COLUMNS " FROM postings"
                          " WHERE (?1 IS NULL OR first_seen_run = ?1) AND (?2 = 0 OR matched = 1)"
                          " AND (?3 IS NULL OR first_seen >= ?3)"
                          " AND (?4 IS NULL OR first_seen_run >= ?4)"
                          " AND (?5 IS NULL OR closed_run = ?5) AND (?6 IS NULL OR status = ?6)"
                          " ORDER BY first_seen DESC, id",
                          kWhat);
    if (!stmt.ok()) return stmt.status();
    BindQuery(*stmt.value(), query);
    for (;;) {
      auto row = stmt.value()->Step(kWhat);
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      rows.push_back(ReadRow(*stmt.value()));
    }
  }
  JOBCRAWLER_RETURN_IF_ERROR(FillAlsoSeenAt(db, rows));
  return rows;
}

Result<std::optional<PostingRow>> ReadPostingRow(sqlite::Database& db, std::int64_t id) {
  constexpr std::string_view kWhat = "reading a posting";
  std::vector<PostingRow> rows;
  {
    auto stmt = db.Cached("SELECT " JOBCRAWLER_ROW_COLUMNS " FROM postings WHERE id = ?1", kWhat);
    if (!stmt.ok()) return stmt.status();
    auto row = stmt.value()->BindAll(id).Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return std::optional<PostingRow>();
    rows.push_back(ReadRow(*stmt.value()));
  }
  JOBCRAWLER_RETURN_IF_ERROR(FillAlsoSeenAt(db, rows));
  return std::optional(std::move(rows.front()));
}

Result<std::vector<StoredSighting>> ReadSightings(sqlite::Database& db, std::int64_t id) {
  constexpr std::string_view kWhat = "reading the sightings of a posting";
  auto stmt = db.Cached(
      "SELECT url, source, page_url, first_seen, last_seen, last_run, matched_key"
      " FROM sightings WHERE posting_id = ?1 ORDER BY id",  // creation order
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(id);
  std::vector<StoredSighting> sightings;
  for (;;) {
    auto row = s.Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return sightings;
    sightings.push_back({{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnInt64(3),
                          s.ColumnInt64(4), s.ColumnInt64(5)},
                         s.ColumnText(6)});
  }
}

Result<std::vector<std::string>> ReadKeys(sqlite::Database& db, std::int64_t id) {
  constexpr std::string_view kWhat = "reading the identity keys of a posting";
  auto stmt = db.Cached(
      "SELECT key FROM posting_keys WHERE posting_id = ?1 ORDER BY"
      " CASE substr(key, 1, 3) WHEN 'id:' THEN 0 WHEN 'url' THEN 1 ELSE 2 END, key",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(id);
  std::vector<std::string> keys;
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return keys;
    keys.push_back(stmt.value()->ColumnText(0));
  }
}

}  // namespace jobcrawler::storage
