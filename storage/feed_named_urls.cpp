#include "storage/feed_named_urls.h"

#include <optional>

namespace jobcrawler::storage {
namespace {

// The identifier of an "id:<company>:<identifier>" key, or "" when the key
// has no such form. Identifiers may hold ':'; company keys do not (FoldText
// turns ASCII punctuation into spaces). The SQL below splits keys alike.
std::string_view Identifier(std::string_view id_key) {
  if (!id_key.starts_with("id:")) return {};
  const std::size_t colon = id_key.find(':', 3);
  return colon == std::string_view::npos ? std::string_view() : id_key.substr(colon + 1);
}

Result<bool> IsRemembered(sqlite::Database& db, const std::string& url) {
  constexpr std::string_view kWhat = "looking up URLs that name several jobs";
  auto stmt = db.Cached("SELECT 1 FROM shared_feed_urls WHERE url = ?1", kWhat);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()->BindAll(url).Step(kWhat);
}

// The posting whose "url:" key `url` is, if any.
Result<std::optional<std::int64_t>> OwnerOf(sqlite::Database& db, const std::string& url) {
  constexpr std::string_view kWhat = "looking up a posting by a URL a feed named";
  auto stmt = db.Cached("SELECT posting_id FROM posting_keys WHERE key = 'url:' || ?1", kWhat);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt.value()->BindAll(url).Step(kWhat);
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<std::int64_t>();
  return std::optional(stmt.value()->ColumnInt64(0));
}

// True when posting `id` has an "id:" key with another identifier than
// `identifier`, and no sighting at `url` that a feed did not name.
Result<bool> IsOtherJobNamedThere(sqlite::Database& db, std::int64_t id, const std::string& url,
                                  std::string_view identifier) {
  constexpr std::string_view kWhat = "comparing the identifiers of two jobs";
  auto stmt = db.Cached(
      "SELECT EXISTS (SELECT 1 FROM posting_keys WHERE posting_id = ?1"
      "   AND substr(key, 1, 3) = 'id:' AND instr(substr(key, 4), ':') > 0"
      "   AND substr(key, 4 + instr(substr(key, 4), ':')) <> ?3)"
      " AND NOT EXISTS (SELECT 1 FROM sightings WHERE posting_id = ?1 AND url = ?2"
      "   AND substr(matched_key, 1, 4) <> 'via:')",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt.value()->BindAll(id, url, identifier).Step(kWhat);
  if (!row.ok()) return row.status();
  return row.value() && stmt.value()->ColumnInt(0) != 0;
}

// Remembers `url` as shared and takes it back from posting `id`.
Status Share(sqlite::Database& db, std::int64_t run_id, std::int64_t id, const std::string& url) {
  constexpr std::string_view kWhat = "forgetting a URL that names several jobs";
  auto remember = db.Cached(
      "INSERT OR IGNORE INTO shared_feed_urls (url, first_run) VALUES (?1, ?2)", kWhat);
  if (!remember.ok()) return remember.status();
  JOBCRAWLER_RETURN_IF_ERROR(remember.value()->BindAll(url, run_id).Run(kWhat));
  auto key = db.Cached("DELETE FROM posting_keys WHERE key = 'url:' || ?1 AND posting_id = ?2",
                       kWhat);
  if (!key.ok()) return key.status();
  JOBCRAWLER_RETURN_IF_ERROR(key.value()->BindAll(url, id).Run(kWhat));
  auto sightings = db.Cached(
      "DELETE FROM sightings WHERE posting_id = ?1 AND url = ?2"
      " AND substr(matched_key, 1, 4) = 'via:'",
      kWhat);
  if (!sightings.ok()) return sightings.status();
  return sightings.value()->BindAll(id, url).Run(kWhat);
}

// True when `url` names several jobs (see SharedFeedUrls).
Result<bool> IsShared(sqlite::Database& db, std::int64_t run_id, const std::string& url,
                      std::string_view id_key) {
  auto remembered = IsRemembered(db, url);
  if (!remembered.ok() || remembered.value()) return remembered;
  const std::string_view identifier = Identifier(id_key);
  if (identifier.empty()) return false;
  auto owner = OwnerOf(db, url);
  if (!owner.ok()) return owner.status();
  if (!owner.value()) return false;
  auto other = IsOtherJobNamedThere(db, *owner.value(), url, identifier);
  if (!other.ok() || !other.value()) return other;
  JOBCRAWLER_RETURN_IF_ERROR(Share(db, run_id, *owner.value(), url));
  return true;
}

}  // namespace

Result<std::vector<std::string>> SharedFeedUrls(sqlite::Database& db, std::int64_t run_id,
                                                const std::vector<std::string>& also_seen_at,
                                                std::string_view id_key) {
  std::vector<std::string> shared;
  for (const std::string& url : also_seen_at) {
    auto is_shared = IsShared(db, run_id, url, id_key);
    if (!is_shared.ok()) return is_shared.status();
    if (is_shared.value()) shared.push_back(url);
  }
  return shared;
}

}  // namespace jobcrawler::storage
