// SqliteStore's reads for `jobcrawler report`: which sources saw each
// posting, and when each source last worked.
#include <utility>

#include "storage/sqlite_store.h"

namespace jobcrawler::storage {

Result<std::vector<PostingSources>> SqliteStore::ListPostingSources() {
  constexpr std::string_view kWhat = "listing the sources of each posting";
  auto stmt = db_.Cached(
      "SELECT DISTINCT posting_id, source FROM sightings ORDER BY posting_id, source", kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  std::vector<PostingSources> all;
  for (;;) {
    auto row = s.Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return all;
    const std::int64_t id = s.ColumnInt64(0);
    if (all.empty() || all.back().posting_id != id) all.push_back({id, {}});
    all.back().sources.push_back(s.ColumnText(1));
  }
}

Result<std::vector<SourceLastSuccess>> SqliteStore::LastSuccessfulRuns() {
  constexpr std::string_view kWhat = "finding each source's last successful run";
  // run_sources_by_source (source, healthy, run_id) answers MAX(run_id).
  auto stmt = db_.Cached(
      "SELECT rs.source, rs.run_id, r.finished_at FROM"
      " (SELECT source, MAX(run_id) AS run_id FROM run_sources WHERE healthy = 1"
      "  GROUP BY source) rs JOIN runs r ON r.id = rs.run_id"
      " ORDER BY rs.source",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  std::vector<SourceLastSuccess> all;
  for (;;) {
    auto row = s.Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return all;
    all.push_back({s.ColumnText(0), s.ColumnInt64(1), s.ColumnInt64(2)});
  }
}

}  // namespace jobcrawler::storage
