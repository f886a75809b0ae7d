// SqliteStore's robots.txt cache (the robots table).
#include "storage/sqlite_store.h"

namespace jobcrawler::storage {

Result<std::optional<RobotsRecord>> SqliteStore::GetRobots(const std::string& host_key,
                                                           UnixMillis now) {
  std::string what = "reading the cached robots.txt of " + host_key;
  auto stmt = db_.Cached(
      "SELECT http_status, body, fetched_at, expires_at FROM robots"
      " WHERE host_key = ?1 AND expires_at > ?2",
      what);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  auto row = s.BindAll(host_key, now).Step(what);
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<RobotsRecord>();
  return std::optional(
      RobotsRecord{host_key, s.ColumnInt(0), s.ColumnText(1), s.ColumnInt64(2), s.ColumnInt64(3)});
}

Status SqliteStore::PutRobots(const RobotsRecord& record) {
  std::string what = "caching the robots.txt of " + record.host_key;
  auto stmt = db_.Cached(
      "INSERT INTO robots (host_key, http_status, body, fetched_at, expires_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (host_key) DO UPDATE SET"
      " http_status = excluded.http_status, body = excluded.body,"
      " fetched_at = excluded.fetched_at, expires_at = excluded.expires_at",
      what);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      ->BindAll(record.host_key, record.http_status, record.body, record.fetched_at,
                record.expires_at)
      .Run(what);
}

}  // namespace jobcrawler::storage
