#include "storage/posting_table.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "storage/dedup.h"
#include "storage/feed_named_urls.h"
#include "storage/posting_columns.h"

namespace jobcrawler::storage {
namespace {

// SET clauses that reopen a closed posting seen again, unless `keep` (an SQL
// condition on the old row) holds. Column names in SET expressions read the
// row as it was before the UPDATE.
#define JOBCRAWLER_REOPEN_UNLESS(keep)                                              \
  "status = IIF(" keep ", status, 'active'), closed_at = IIF(" keep ", closed_at, 0),"  \
  " closed_run = IIF(" keep ", closed_run, 0),"                                        \
  " closed_reason = IIF(" keep ", closed_reason, '')"

// The key of `keys` that starts with `prefix` ("id:", "url:", "tcl:"), or "".
std::string KeyWithPrefix(const std::vector<std::string>& keys, std::string_view prefix) {
  for (const std::string& key : keys) {
    if (key.starts_with(prefix)) return key;
  }
  return {};
}

// An existing posting and the key (or "simhash:<hex>") that led to it.
struct Match {
  std::int64_t posting_id = 0;
  std::string key;
};

// The posting that owns the first of `keys` already stored, if any.
Result<std::optional<Match>> FindByKeys(sqlite::Database& db,
                                        const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "looking up a posting by identity";
  auto stmt = db.Cached("SELECT posting_id FROM posting_keys WHERE key = ?1", kWhat);
  if (!stmt.ok()) return stmt.status();
  for (const std::string& key : keys) {
    auto row = stmt.value()->BindAll(key).Step(kWhat);
    if (!row.ok()) return row.status();
    if (row.value()) return std::optional(Match{stmt.value()->ColumnInt64(0), key});
    stmt.value()->Reset();
  }
  return std::optional<Match>();
}

// The stored simhash of a posting: NULL unless the description is long
// enough for the near-duplicate rung.
std::optional<std::int64_t> StoredSimHash(const parsers::Posting& posting) {
  TextFingerprint fingerprint = DescriptionFingerprint(posting.description);
  if (fingerprint.words < kMinSimHashWords) return std::nullopt;
  return static_cast<std::int64_t>(fingerprint.simhash);
}

// The last rung: the closest posting of the same company and place whose
// description is a near duplicate and whose title has the same rank.
Result<std::optional<Match>> FindNearDuplicate(sqlite::Database& db,
                                               const parsers::Posting& posting) {
  constexpr std::string_view kWhat = "looking up a posting by description";
  std::optional<std::int64_t> simhash = StoredSimHash(posting);
  std::string near_key = NearKey(posting);
  if (!simhash || near_key.empty()) return std::optional<Match>();
  auto stmt = db.Cached(
      "SELECT id, simhash, title, locality, postal_code FROM postings"
      " WHERE near_key = ?1 AND simhash IS NOT NULL ORDER BY id",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(near_key);
  auto incoming = static_cast<std::uint64_t>(*simhash);
  std::optional<Match> best;
  int best_distance = kMaxSimHashDistance + 1;
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    int distance =
        HammingDistance(incoming, static_cast<std::uint64_t>(stmt.value()->ColumnInt64(1)));
    if (distance >= best_distance) continue;
    parsers::Posting stored;
    stored.title = stmt.value()->ColumnText(2);
    stored.locality = stmt.value()->ColumnText(3);
    stored.postal_code = stmt.value()->ColumnText(4);
    if (!SameRank(posting, stored)) continue;
    best_distance = distance;
    best = Match{stmt.value()->ColumnInt64(0), fmt::format("simhash:{:016x}", incoming)};
  }
  return best;
}

Result<std::int64_t> InsertPosting(sqlite::Database& db, const Sighting& sighting,
                                   const SightingContext& context, std::string_view url,
                                   const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "inserting a posting";
  auto stmt = db.Cached(
      "INSERT INTO postings (id_key, url_key, tcl_key, " JOBCRAWLER_POSTING_COLUMNS
      ", url, source, completeness, first_seen, last_seen, first_seen_run, last_seen_run,"
      " status, matched, near_key, simhash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27,"
      " ?27, ?28, ?28, 'active', ?29, ?30, ?31)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(KeyWithPrefix(keys, "id:"), KeyWithPrefix(keys, "url:"), KeyWithPrefix(keys, "tcl:"));
  BindPosting(s, 4, sighting.posting);
  int next = 4 + kPostingColumnCount;
  s.Bind(next, url).Bind(next + 1, context.source).Bind(next + 2, Completeness(sighting.posting));
  s.Bind(next + 3, context.seen_at).Bind(next + 4, context.run_id).Bind(next + 5, sighting.matched);
  s.Bind(next + 6, NearKey(sighting.posting)).Bind(next + 7, StoredSimHash(sighting.posting));
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
  if (!row.value()) return Status::Error(fmt::format("{}: no posting {}", kWhat, id));
  int next = kPostingColumnCount;
  return StoredPosting{ReadPosting(s, 0), s.ColumnText(next), s.ColumnText(next + 1),
                       s.ColumnInt(next + 2), s.ColumnInt(next + 3) != 0,
                       s.ColumnInt64(next + 4)};
}

// Merges the sighting into the stored posting: the more complete record is
// the base and the other fills its gaps; on a tie the stored best stays.
// The best record's own page seen again is the base whatever its
// completeness: the ad was edited (a new salary, a new title) and the
// newest text wins.
// valid_through is the latest seen. `matched` follows the latest run: within one run any positive
// verdict wins, a later run's verdict replaces an earlier one (the matcher may have been
// reconfigured).
StoredPosting Merge(StoredPosting stored, const Sighting& sighting,
                    const SightingContext& context, std::string_view url) {
  int incoming = Completeness(sighting.posting);
  if (incoming > stored.completeness || url == stored.url) {
    stored.posting = FillMissing(sighting.posting, stored.posting);
    stored.url = std::string(url);
    stored.source = std::string(context.source);
    stored.completeness = incoming;
  } else {
    stored.posting = FillMissing(std::move(stored.posting), sighting.posting);
  }
  // An ad extended on any board is still open: the latest end date wins
  // (ISO dates order as text).
  stored.posting.valid_through =
      std::max(stored.posting.valid_through, sighting.posting.valid_through);
  bool same_run = stored.last_seen_run == context.run_id;
  stored.matched = (same_run && stored.matched) || sighting.matched;
  return stored;
}

Status UpdatePosting(sqlite::Database& db, std::int64_t id, const StoredPosting& merged,
                     const SightingContext& context, const std::vector<std::string>& keys) {
  constexpr std::string_view kWhat = "updating a posting";
  // ?19 is the merged valid_through (see RecordSighting on "expired").
  auto stmt = db.Cached(
      "UPDATE postings SET id_key = IIF(id_key = '', ?1, id_key),"
      " url_key = IIF(url_key = '', ?2, url_key), tcl_key = IIF(tcl_key = '', ?3, tcl_key),"
      " (" JOBCRAWLER_POSTING_COLUMNS ") = (?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
      " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23), url = ?24, source = ?25, completeness = ?26,"
      " last_seen = MAX(last_seen, ?27), last_seen_run = MAX(last_seen_run, ?28), matched = ?29,"
      " near_key = ?31, simhash = ?32, " JOBCRAWLER_REOPEN_UNLESS(
          "(status = 'closed' AND closed_reason = 'expired' AND valid_through = ?19)")
      " WHERE id = ?30",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(KeyWithPrefix(keys, "id:"), KeyWithPrefix(keys, "url:"), KeyWithPrefix(keys, "tcl:"));
  BindPosting(s, 4, merged.posting);
  int next = 4 + kPostingColumnCount;
  s.Bind(next, merged.url).Bind(next + 1, merged.source).Bind(next + 2, merged.completeness);
  s.Bind(next + 3, context.seen_at).Bind(next + 4, context.run_id).Bind(next + 5, merged.matched);
  s.Bind(next + 6, id).Bind(next + 7, NearKey(merged.posting));
  s.Bind(next + 8, StoredSimHash(merged.posting));
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

// The matched key is kept from the sighting's first recording: it explains
// why the URL joined the posting, not how it was found later.
Status UpsertSightingRow(sqlite::Database& db, std::int64_t id, std::string_view url,
                         std::string_view page_url, std::string_view matched_key,
                         const SightingContext& context) {
  constexpr std::string_view kWhat = "recording a sighting";
  auto stmt = db.Cached(
      "INSERT INTO sightings (posting_id, url, source, page_url, first_seen, last_seen, last_run,"
      " matched_key) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)"
      " ON CONFLICT (posting_id, url) DO UPDATE SET"
      " source = excluded.source, page_url = excluded.page_url,"
      " last_seen = MAX(last_seen, excluded.last_seen), last_run = MAX(last_run, "
      "excluded.last_run)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      ->BindAll(id, url, context.source, page_url, context.seen_at, context.run_id, matched_key)
      .Run(kWhat);
}

// `keys` with a "url:" key for each of `also_seen_at` not yet among them,
// placed after the posting's own id and URL keys: weaker than those, but a
// URL still identifies the job better than its title does.
std::vector<std::string> WithAlsoSeenKeys(std::vector<std::string> keys,
                                          const std::vector<std::string>& also_seen_at) {
  auto at = std::find_if(keys.begin(), keys.end(), [](const std::string& key) {
    return !key.starts_with("id:") && !key.starts_with("url:");
  });
  std::vector<std::string> extra;
  for (const std::string& url : also_seen_at) {
    std::string key = "url:" + url;
    if (url.empty() || std::find(keys.begin(), keys.end(), key) != keys.end() ||
        std::find(extra.begin(), extra.end(), key) != extra.end()) {
      continue;
    }
    extra.push_back(std::move(key));
  }
  keys.insert(at, std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()));
  return keys;
}

// `also_seen_at` without the URLs that name several jobs (SharedFeedUrls)
// for a posting whose identity keys are `keys`.
Result<std::vector<std::string>> NamingThisJobOnly(sqlite::Database& db, std::int64_t run_id,
                                                   std::vector<std::string> also_seen_at,
                                                   const std::vector<std::string>& keys) {
  if (also_seen_at.empty()) return also_seen_at;
  auto shared = SharedFeedUrls(db, run_id, also_seen_at, KeyWithPrefix(keys, "id:"));
  if (!shared.ok()) return shared.status();
  std::erase_if(also_seen_at, [&shared](const std::string& url) {
    return std::find(shared->begin(), shared->end(), url) != shared->end();
  });
  return also_seen_at;
}

// A URL that a feed names as the job's original ad. A new row is credited
// to the feed's source and page, with "via:<the posting's URL>" as the key
// that joined it; an existing row (the ad crawled where it is) keeps its
// source and page and is only marked seen.
Status UpsertAlsoSeenRow(sqlite::Database& db, std::int64_t id, std::string_view url,
                         std::string_view page_url, std::string_view via,
                         const SightingContext& context) {
  constexpr std::string_view kWhat = "recording where a feed says the job was seen";
  auto stmt = db.Cached(
      "INSERT INTO sightings (posting_id, url, source, page_url, first_seen, last_seen, last_run,"
      " matched_key) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, 'via:' || ?7)"
      " ON CONFLICT (posting_id, url) DO UPDATE SET"
      " last_seen = MAX(last_seen, excluded.last_seen), last_run = MAX(last_run, "
      "excluded.last_run)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      ->BindAll(id, url, context.source, page_url, context.seen_at, context.run_id, via)
      .Run(kWhat);
}

Result<std::optional<Match>> FindPosting(sqlite::Database& db, const parsers::Posting& posting,
                                         const std::vector<std::string>& keys) {
  auto by_key = FindByKeys(db, keys);
  if (!by_key.ok() || by_key.value()) return by_key;
  // A posting stored before places left the title key may be known only by
  // the older form of its key (storage/key_refresh.h adds the current form
  // of its best title, not of every title it was seen with).
  if (std::string legacy = LegacyTitleKey(posting); !legacy.empty()) {
    by_key = FindByKeys(db, {legacy});
    if (!by_key.ok() || by_key.value()) return by_key;
  }
  return FindNearDuplicate(db, posting);
}

Result<std::vector<std::int64_t>> PostingsOnPage(sqlite::Database& db,
                                                 std::string_view page_url) {
  constexpr std::string_view kWhat = "finding the postings of an unchanged page";
  auto stmt = db.Cached(
      "SELECT DISTINCT posting_id FROM sightings WHERE page_url = ?1 OR url = ?1"
      " ORDER BY posting_id",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(page_url);
  std::vector<std::int64_t> ids;
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return ids;
    ids.push_back(stmt.value()->ColumnInt64(0));
  }
}

}  // namespace

Result<RecordedSighting> RecordSighting(sqlite::Database& db, const Sighting& sighting,
                                        const SightingContext& context) {
  std::string_view url =
      sighting.posting.url.empty() ? std::string_view(sighting.page_url) : sighting.posting.url;
  std::vector<std::string> keys = IdentityKeys(sighting.posting, context.fallback_url);
  auto also_seen_at = NamingThisJobOnly(db, context.run_id, sighting.also_seen_at, keys);
  if (!also_seen_at.ok()) return also_seen_at.status();
  keys = WithAlsoSeenKeys(std::move(keys), also_seen_at.value());
  auto found = FindPosting(db, sighting.posting, keys);
  if (!found.ok()) return found.status();
  RecordedSighting recorded;
  std::string matched_key;
  if (found.value()) {
    recorded.posting_id = found.value()->posting_id;
    matched_key = found.value()->key;
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
  JOBCRAWLER_RETURN_IF_ERROR(UpsertSightingRow(db, recorded.posting_id, url, sighting.page_url,
                                               matched_key, context));
  for (const std::string& also : also_seen_at.value()) {
    if (also.empty() || also == url) continue;
    JOBCRAWLER_RETURN_IF_ERROR(
        UpsertAlsoSeenRow(db, recorded.posting_id, also, sighting.page_url, url, context));
  }
  return recorded;
}

Result<std::vector<std::int64_t>> MarkPageSeenAgain(sqlite::Database& db,
                                                    std::string_view page_url,
                                                    const SightingContext& context) {
  constexpr std::string_view kWhat = "marking the postings of an unchanged page as seen";
  auto ids = PostingsOnPage(db, page_url);
  if (!ids.ok()) return ids.status();
  auto sightings = db.Cached(
      "UPDATE sightings SET last_seen = MAX(last_seen, ?2), last_run = MAX(last_run, ?3)"
      " WHERE page_url = ?1 OR url = ?1",
      kWhat);
  if (!sightings.ok()) return sightings.status();
  JOBCRAWLER_RETURN_IF_ERROR(
      sightings.value()->BindAll(page_url, context.seen_at, context.run_id).Run(kWhat));
  auto postings = db.Cached(
      "UPDATE postings SET last_seen = MAX(last_seen, ?2), last_seen_run = MAX(last_seen_run, ?3),"
      " " JOBCRAWLER_REOPEN_UNLESS("(status = 'closed' AND closed_reason = 'expired')")
      " WHERE id = ?1",
      kWhat);
  if (!postings.ok()) return postings.status();
  for (std::int64_t id : ids.value()) {
    JOBCRAWLER_RETURN_IF_ERROR(
        postings.value()->BindAll(id, context.seen_at, context.run_id).Run(kWhat));
    postings.value()->Reset();
  }
  return ids;
}

}  // namespace jobcrawler::storage
