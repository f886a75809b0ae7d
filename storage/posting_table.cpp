#include "storage/posting_table.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "storage/dedup.h"

namespace jobcrawler::storage {
namespace {

// The Posting fields as stored, in the order of BindPosting/ReadPosting.
#define JOBCRAWLER_POSTING_COLUMNS                                                       \
  "title, company, description, street, locality, postal_code, region, country, "       \
  "salary_min, salary_max, salary_currency, salary_period, employment_type, remote, "   \
  "date_posted, valid_through, posting_url, identifier, format"
constexpr int kPostingColumnCount = 19;

// Format names as stored. Kept here rather than calling
// parsers::PostingFormatName so that stored values never change with display
// names; unknown text reads back as kMeta, the weakest format.
constexpr std::array<std::pair<parsers::PostingFormat, std::string_view>, 4> kFormats = {{
    {parsers::PostingFormat::kJsonLd, "json-ld"},
    {parsers::PostingFormat::kMicrodata, "microdata"},
    {parsers::PostingFormat::kHtmlProfile, "html-profile"},
    {parsers::PostingFormat::kMeta, "meta"},
}};

std::string_view FormatText(parsers::PostingFormat format) {
  for (const auto& [value, text] : kFormats) {
    if (value == format) return text;
  }
  return "meta";
}

parsers::PostingFormat ParseFormat(std::string_view text) {
  for (const auto& [value, name] : kFormats) {
    if (name == text) return value;
  }
  return parsers::PostingFormat::kMeta;
}

// Binds the Posting fields to parameters first..first+18.
void BindPosting(sqlite::Statement& stmt, int first, const parsers::Posting& p) {
  int i = first;
  for (const std::string* field : {&p.title, &p.company, &p.description, &p.street, &p.locality,
                                   &p.postal_code, &p.region, &p.country}) {
    stmt.Bind(i++, *field);
  }
  stmt.Bind(i++, p.salary_min);
  stmt.Bind(i++, p.salary_max);
  for (const std::string* field : {&p.salary_currency, &p.salary_period, &p.employment_type,
                                   &p.remote, &p.date_posted, &p.valid_through, &p.url,
                                   &p.identifier}) {
    stmt.Bind(i++, *field);
  }
  stmt.Bind(i, FormatText(p.format));
}

// Reads the Posting fields from columns first..first+18.
parsers::Posting ReadPosting(const sqlite::Statement& stmt, int first) {
  parsers::Posting p;
  int i = first;
  for (std::string* field : {&p.title, &p.company, &p.description, &p.street, &p.locality,
                             &p.postal_code, &p.region, &p.country}) {
    *field = stmt.ColumnText(i++);
  }
  p.salary_min = stmt.ColumnOptionalDouble(i++);
  p.salary_max = stmt.ColumnOptionalDouble(i++);
  for (std::string* field : {&p.salary_currency, &p.salary_period, &p.employment_type, &p.remote,
                             &p.date_posted, &p.valid_through, &p.url, &p.identifier}) {
    *field = stmt.ColumnText(i++);
  }
  p.format = ParseFormat(stmt.ColumnText(i));
  return p;
}

// The key of `keys` that starts with `prefix` ("id:", "url:", "tcl:"), or "".
std::string KeyWithPrefix(const std::vector<std::string>& keys, std::string_view prefix) {
  for (const std::string& key : keys) {
    if (key.starts_with(prefix)) return key;
  }
  return {};
}

// The posting that owns the first of `keys` already stored, if any.
Result<std::optional<std::int64_t>> FindPosting(sqlite::Database& db,
                                                const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "looking up a posting by identity";
  auto stmt = db.Cached("SELECT posting_id FROM posting_keys WHERE key = ?1", kWhat);
  if (!stmt.ok()) return stmt.status();
  for (const std::string& key : keys) {
    auto row = stmt.value()->BindAll(key).Step(kWhat);
    if (!row.ok()) return row.status();
    if (row.value()) return std::optional(stmt.value()->ColumnInt64(0));
    stmt.value()->Reset();
  }
  return std::optional<std::int64_t>();
}

Result<std::int64_t> InsertPosting(sqlite::Database& db, const Sighting& sighting,
                                   const SightingContext& context, std::string_view url,
                                   const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "inserting a posting";
  auto stmt = db.Cached(
      "INSERT INTO postings (id_key, url_key, tcl_key, " JOBCRAWLER_POSTING_COLUMNS
      ", url, source, completeness, first_seen, last_seen, first_seen_run, last_seen_run,"
      " status, matched) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
      " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?26, ?27, ?27, 'active',"
      " ?28)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(KeyWithPrefix(keys, "id:"), KeyWithPrefix(keys, "url:"), KeyWithPrefix(keys, "tcl:"));
  BindPosting(s, 4, sighting.posting);
  int next = 4 + kPostingColumnCount;
  s.Bind(next, url).Bind(next + 1, context.source).Bind(next + 2, Completeness(sighting.posting));
  s.Bind(next + 3, context.seen_at).Bind(next + 4, context.run_id).Bind(next + 5, sighting.matched);
  JOBCRAWLER_RETURN_IF_ERROR(s.Run(kWhat));
  return db.LastInsertRowId();
}

// The stored record of a posting, as far as merging needs it.
struct StoredPosting {
  parsers::Posting posting;
  std::string url;
  std::string source;
  int completeness = 0;
  bool matched = false;
  std::int64_t last_seen_run = 0;
};

Result<StoredPosting> LoadPosting(sqlite::Database& db, std::int64_t id) {
  constexpr std::string_view kWhat = "reading a posting to merge";
  auto stmt = db.Cached("SELECT " JOBCRAWLER_POSTING_COLUMNS
                        ", url, source, completeness, matched, last_seen_run"
                        " FROM postings WHERE id = ?1",
                        kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  auto row = s.BindAll(id).Step(kWhat);
  if (!row.ok()) return row.status();
  if (!row.value()) return Status::Error("reading a posting to merge: no posting " + std::to_string(id));
  int next = kPostingColumnCount;
  return StoredPosting{ReadPosting(s, 0), s.ColumnText(next), s.ColumnText(next + 1),
                       s.ColumnInt(next + 2), s.ColumnInt(next + 3) != 0,
                       s.ColumnInt64(next + 4)};
}

// Merges the sighting into the stored posting: the more complete record is
// the base and the other fills its gaps; on a tie the stored best stays.
// `matched` follows the latest run: within one run any positive verdict
// wins, a later run's verdict replaces an earlier one (the matcher may have
// been reconfigured).
StoredPosting Merge(StoredPosting stored, const Sighting& sighting,
                    const SightingContext& context, std::string_view url) {
  int incoming = Completeness(sighting.posting);
  if (incoming > stored.completeness) {
    stored.posting = FillMissing(sighting.posting, stored.posting);
    stored.url = std::string(url);
    stored.source = std::string(context.source);
    stored.completeness = incoming;
  } else {
    stored.posting = FillMissing(std::move(stored.posting), sighting.posting);
  }
  bool same_run = stored.last_seen_run == context.run_id;
  stored.matched = (same_run && stored.matched) || sighting.matched;
  return stored;
}

Status UpdatePosting(sqlite::Database& db, std::int64_t id, const StoredPosting& merged,
                     const SightingContext& context, const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "updating a posting";
  auto stmt = db.Cached(
      "UPDATE postings SET (id_key, url_key, tcl_key, " JOBCRAWLER_POSTING_COLUMNS
      ", url, source, completeness, last_seen, last_seen_run, status, matched) = ("
      " IIF(id_key = '', ?1, id_key), IIF(url_key = '', ?2, url_key),"
      " IIF(tcl_key = '', ?3, tcl_key), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
      " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, MAX(last_seen, ?26),"
      " MAX(last_seen_run, ?27), 'active', ?28) WHERE id = ?29",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(KeyWithPrefix(keys, "id:"), KeyWithPrefix(keys, "url:"), KeyWithPrefix(keys, "tcl:"));
  BindPosting(s, 4, merged.posting);
  int next = 4 + kPostingColumnCount;
  s.Bind(next, merged.url).Bind(next + 1, merged.source).Bind(next + 2, merged.completeness);
  s.Bind(next + 3, context.seen_at).Bind(next + 4, context.run_id).Bind(next + 5, merged.matched);
  s.Bind(next + 6, id);
  return s.Run(kWhat);
}

Status AddKeys(sqlite::Database& db, std::int64_t id, const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "storing posting identity keys";
  // A key that already belongs to another posting stays there: we do not
  // merge two stored postings after the fact.
  auto stmt = db.Cached("INSERT OR IGNORE INTO posting_keys (key, posting_id) VALUES (?1, ?2)",
                        kWhat);
  if (!stmt.ok()) return stmt.status();
  for (const std::string& key : keys) {
    JOBCRAWLER_RETURN_IF_ERROR(stmt.value()->BindAll(key, id).Run(kWhat));
    stmt.value()->Reset();
  }
  return Status::Ok();
}

Status UpsertSightingRow(sqlite::Database& db, std::int64_t id, std::string_view url,
                         std::string_view page_url, const SightingContext& context) {
  constexpr std::string_view kWhat = "recording a sighting";
  auto stmt = db.Cached(
      "INSERT INTO sightings (posting_id, url, source, page_url, first_seen, last_seen, last_run)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6) ON CONFLICT (posting_id, url) DO UPDATE SET"
      " source = excluded.source, page_url = excluded.page_url,"
      " last_seen = MAX(last_seen, excluded.last_seen), last_run = excluded.last_run",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      ->BindAll(id, url, context.source, page_url, context.seen_at, context.run_id)
      .Run(kWhat);
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
  return row;
}

}  // namespace

Result<RecordedSighting> RecordSighting(sqlite::Database& db, const Sighting& sighting,
                                        const SightingContext& context) {
  std::string_view url =
      sighting.posting.url.empty() ? std::string_view(sighting.page_url) : sighting.posting.url;
  std::vector<std::string> keys = IdentityKeys(sighting.posting, context.fallback_url);
  auto found = FindPosting(db, keys);
  if (!found.ok()) return found.status();
  RecordedSighting recorded;
  if (found.value()) {
    recorded.posting_id = *found.value();
    auto stored = LoadPosting(db, recorded.posting_id);
    if (!stored.ok()) return stored.status();
    StoredPosting merged = Merge(std::move(stored).value(), sighting, context, url);
    JOBCRAWLER_RETURN_IF_ERROR(UpdatePosting(db, recorded.posting_id, merged, context, keys));
  } else {
    auto inserted = InsertPosting(db, sighting, context, url, keys);
    if (!inserted.ok()) return inserted.status();
    recorded = {inserted.value(), true};
  }
  JOBCRAWLER_RETURN_IF_ERROR(AddKeys(db, recorded.posting_id, keys));
  JOBCRAWLER_RETURN_IF_ERROR(
      UpsertSightingRow(db, recorded.posting_id, url, sighting.page_url, context));
  return recorded;
}

Result<std::vector<PostingRow>> ReadPostingRows(sqlite::Database& db, const PostingQuery& query) {
  constexpr std::string_view kWhat = "listing postings";
  std::vector<PostingRow> rows;
  {
    auto stmt = db.Cached("SELECT id, " JOBCRAWLER_POSTING_COLUMNS
                          ", url, source, first_seen, last_seen, first_seen_run, last_seen_run,"
                          " status, matched FROM postings"
                          " WHERE (?1 IS NULL OR first_seen_run = ?1) AND (?2 = 0 OR matched = 1)"
                          " ORDER BY first_seen DESC, id",
                          kWhat);
    if (!stmt.ok()) return stmt.status();
    stmt.value()->BindAll(query.first_seen_run, query.matched_only);
    for (;;) {
      auto row = stmt.value()->Step(kWhat);
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      rows.push_back(ReadRow(*stmt.value()));
    }
  }
  for (PostingRow& row : rows) {
    auto urls = OtherUrls(db, row.id, row.url);
    if (!urls.ok()) return urls.status();
    row.also_seen_at = std::move(urls).value();
  }
  return rows;
}

}  // namespace jobcrawler::storage
