// SqliteStore::LeaseFrontier: the due entries to fetch next.
//
// The lease order is (depth, id) per host and overall. A lease reads the
// partial index frontier_queued_by_host (run_id, host_key, depth, id WHERE
// state = 'queued'): it finds the hosts with queued entries by skipping from
// one host to the next in the index, takes the first per_host_limit due
// entries of each (in index order, so nothing is sorted), and keeps the
// `limit` first of those. Its cost grows with the number of hosts and the
// entries taken, not with the number of queued URLs.
#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "storage/sqlite_store.h"

namespace jobcrawler::storage {
namespace {

constexpr std::string_view kWhat = "leasing frontier entries";

struct Candidate {
  int depth = 0;
  std::int64_t id = 0;
  bool operator<(const Candidate& other) const {
    return std::pair(depth, id) < std::pair(other.depth, other.id);
  }
};

// Every host with queued entries in the run, in order: one index seek each.
Result<std::vector<std::string>> QueuedHosts(sqlite::Database& db, std::int64_t run_id) {
  auto stmt = db.Cached(
      "SELECT host_key FROM frontier INDEXED BY frontier_queued_by_host"
      " WHERE run_id = ?1 AND state = 'queued' AND host_key > ?2"
      " ORDER BY host_key LIMIT 1",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> hosts;
  std::string after;  // host keys are never empty
  for (;;) {
    auto row = stmt.value()->BindAll(run_id, after).Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return hosts;
    after = stmt.value()->ColumnText(0);
    hosts.push_back(after);
    stmt.value()->Reset();
  }
}

// The first `limit` due entries of one host, in lease order.
Status AddDueOfHost(sqlite::Database& db, std::int64_t run_id, const std::string& host,
                    UnixMillis now, int limit, std::vector<Candidate>& out) {
  auto stmt = db.Cached(
      "SELECT depth, id FROM frontier INDEXED BY frontier_queued_by_host"
      " WHERE run_id = ?1 AND state = 'queued' AND host_key = ?2 AND not_before <= ?3"
      " ORDER BY depth, id LIMIT ?4",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(run_id, host, now, limit);
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    out.push_back({stmt.value()->ColumnInt(0), stmt.value()->ColumnInt64(1)});
  }
}

// The entry with its previous fetch's validators, marked leased.
Result<FrontierEntry> TakeEntry(sqlite::Database& db, std::int64_t id) {
  FrontierEntry entry;
  {
    auto read = db.Cached(
        "SELECT f.id, f.url, f.host_key, f.source, f.depth, f.attempts,"
        "  p.etag, p.last_modified, p.content_hash, p.parse_key, f.fetch_url"
        " FROM frontier f LEFT JOIN pages p ON p.url = f.url WHERE f.id = ?1",
        kWhat);
    if (!read.ok()) return read.status();
    sqlite::Statement& s = *read.value();
    auto row = s.BindAll(id).Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Error("leasing frontier entries: entry vanished");
    entry = {s.ColumnInt64(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
             s.ColumnInt(4),   s.ColumnInt(5),  s.ColumnText(6), s.ColumnText(7),
             s.ColumnText(8),  s.ColumnText(9), s.ColumnText(10)};
  }
  auto mark = db.Cached("UPDATE frontier SET state = 'leased' WHERE id = ?1", kWhat);
  if (!mark.ok()) return mark.status();
  JOBCRAWLER_RETURN_IF_ERROR(mark.value()->BindAll(id).Run(kWhat));
  return entry;
}

}  // namespace

Result<std::vector<FrontierEntry>> SqliteStore::LeaseFrontier(
    std::int64_t run_id, int limit, int per_host_limit, UnixMillis now,
    const std::vector<std::string>& skip_hosts) {
  if (limit <= 0 || per_host_limit <= 0) return std::vector<FrontierEntry>();
  auto txn = sqlite::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  auto hosts = QueuedHosts(db_, run_id);
  if (!hosts.ok()) return hosts.status();
  const std::set<std::string> skip(skip_hosts.begin(), skip_hosts.end());
  std::vector<Candidate> candidates;
  for (const std::string& host : hosts.value()) {
    if (skip.count(host)) continue;
    JOBCRAWLER_RETURN_IF_ERROR(AddDueOfHost(db_, run_id, host, now, per_host_limit, candidates));
  }
  const auto take = std::min(candidates.size(), static_cast<std::size_t>(limit));
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take),
                    candidates.end());
  std::vector<FrontierEntry> entries;
  for (std::size_t i = 0; i < take; ++i) {
    auto entry = TakeEntry(db_, candidates[i].id);
    if (!entry.ok()) return entry.status();
    entries.push_back(std::move(entry).value());
  }
  JOBCRAWLER_RETURN_IF_ERROR(txn->Commit());
  return entries;
}

}  // namespace jobcrawler::storage
