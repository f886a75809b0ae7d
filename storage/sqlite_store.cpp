#include "storage/sqlite_store.h"

#include <utility>

#include <fmt/format.h>

#include "storage/key_refresh.h"
#include "storage/schema.h"

namespace jobcrawler::storage {
namespace {

// How long a statement waits for another connection's lock (an export
// reading while the crawl writes) before failing with SQLITE_BUSY.
constexpr int kBusyTimeoutMillis = 5000;

// Connection settings; foreign_keys and busy_timeout are per connection, so
// they are set on every open, not in a migration.
Status Configure(sqlite::Database& db) {
  constexpr std::string_view kWhat = "configuring the database";
  JOBCRAWLER_RETURN_IF_ERROR(
      db.Exec(fmt::format("PRAGMA busy_timeout = {}", kBusyTimeoutMillis), kWhat));
  auto mode = db.Prepare("PRAGMA journal_mode = WAL", "switching to WAL mode");
  if (!mode.ok()) return mode.status();
  auto row = mode->Step("switching to WAL mode");
  if (!row.ok()) return row.status();
  // An in-memory database reports "memory": it has no journal file at all.
  std::string journal = row.value() ? mode->ColumnText(0) : "";
  if (journal != "wal" && journal != "memory") {
    return Status::Error("switching to WAL mode: the database stays in mode '" + journal + "'");
  }
  JOBCRAWLER_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL", kWhat));
  return db.Exec("PRAGMA foreign_keys = ON", kWhat);
}

RunStatus ParseRunStatus(std::string_view text) {
  for (RunStatus status : {RunStatus::kRunning, RunStatus::kCompleted, RunStatus::kInterrupted,
                           RunStatus::kFailed}) {
    if (RunStatusName(status) == text) return status;
  }
  return RunStatus::kFailed;  // unreachable: the schema's CHECK allows only these
}

// Columns of the run queries, in the order ReadRunRow expects.
#define JOBCRAWLER_RUN_COLUMNS                                                            \
  "id, started_at, finished_at, status, pages_fetched, pages_failed, postings_found, "    \
  "postings_new, postings_updated, errors"

RunInfo ReadRunRow(const sqlite::Statement& s) {
  RunInfo run;
  run.id = s.ColumnInt64(0);
  run.started_at = s.ColumnInt64(1);
  run.finished_at = s.ColumnInt64(2);
  run.status = ParseRunStatus(s.ColumnText(3));
  run.counters = {s.ColumnInt64(4), s.ColumnInt64(5), s.ColumnInt64(6),
                  s.ColumnInt64(7), s.ColumnInt64(8), s.ColumnInt64(9)};
  return run;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  auto db = sqlite::Database::Open(path);
  if (!db.ok()) return db.status();
  std::string context = "opening " + path;
  Status status = Configure(db.value());
  if (status.ok()) status = Migrate(db.value());
  if (status.ok()) status = RefreshIdentityKeys(db.value());
  if (!status.ok()) return sqlite::WithContext(context, status);
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db).value()));
}

// --- Runs ---

Result<std::int64_t> SqliteStore::BeginRun(UnixMillis now) {
  constexpr std::string_view kWhat = "starting a run";
  auto stmt = db_.Cached("INSERT INTO runs (started_at, status) VALUES (?1, 'running')", kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(stmt.value()->BindAll(now).Run(kWhat));
  return db_.LastInsertRowId();
}

Status SqliteStore::FinishRun(std::int64_t run_id, RunStatus status, const RunCounters& counters,
                              UnixMillis now) {
  constexpr std::string_view kWhat = "finishing a run";
  auto stmt = db_.Cached(
      "UPDATE runs SET status = ?2, finished_at = ?3, pages_fetched = ?4, pages_failed = ?5,"
      " postings_found = ?6, postings_new = ?7, postings_updated = ?8, errors = ?9"
      " WHERE id = ?1",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(
      stmt.value()
          ->BindAll(run_id, RunStatusName(status), now, counters.pages_fetched,
                    counters.pages_failed, counters.postings_found, counters.postings_new,
                    counters.postings_updated, counters.errors)
          .Run(kWhat));
  if (db_.Changes() == 0)
    return Status::Error(fmt::format("finishing run {}: no such run", run_id));
  return Status::Ok();
}

Result<std::optional<RunInfo>> SqliteStore::LatestRun() {
  return ReadRun("SELECT " JOBCRAWLER_RUN_COLUMNS " FROM runs ORDER BY id DESC LIMIT 1",
                 "reading the latest run");
}

Result<std::optional<RunInfo>> SqliteStore::UnfinishedRun() {
  return ReadRun("SELECT " JOBCRAWLER_RUN_COLUMNS
                 " FROM runs WHERE status = 'running' ORDER BY id DESC LIMIT 1",
                 "looking for an unfinished run");
}

Result<std::optional<RunInfo>> SqliteStore::ReadRun(std::string_view sql, std::string_view what) {
  auto stmt = db_.Cached(sql, what);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt.value()->Step(what);
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<RunInfo>();
  return std::optional(ReadRunRow(*stmt.value()));
}

Result<std::vector<RunInfo>> SqliteStore::ListRuns(int limit) {
  constexpr std::string_view kWhat = "listing runs";
  auto stmt = db_.Cached("SELECT " JOBCRAWLER_RUN_COLUMNS " FROM runs ORDER BY id DESC LIMIT ?1",
                         kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(limit);
  std::vector<RunInfo> runs;
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return runs;
    runs.push_back(ReadRunRow(*stmt.value()));
  }
}

// --- Frontier ---

Result<int> SqliteStore::AddToFrontier(std::int64_t run_id, const std::vector<FrontierAdd>& urls) {
  auto txn = sqlite::Transaction::Begin(db_);
  if (!txn.ok()) return txn.status();
  auto added = InsertLinks(run_id, urls);
  if (!added.ok()) return added.status();
  JOBCRAWLER_RETURN_IF_ERROR(txn->Commit());
  return added;
}

Result<int> SqliteStore::InsertLinks(std::int64_t run_id, const std::vector<FrontierAdd>& urls) {
  constexpr std::string_view kWhat = "adding URLs to the frontier";
  // OR IGNORE skips URLs already in the run (UNIQUE) and empty ones (CHECK).
  auto stmt = db_.Cached(
      "INSERT OR IGNORE INTO frontier (run_id, url, fetch_url, host_key, source, depth,"
      " not_before) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  int added = 0;
  for (const FrontierAdd& add : urls) {
    JOBCRAWLER_RETURN_IF_ERROR(
        stmt.value()
            ->BindAll(run_id, add.url, add.fetch_url, add.host_key, add.source, add.depth,
                      add.not_before)
            .Run(kWhat));
    added += db_.Changes();
    stmt.value()->Reset();
  }
  return added;
}

Status SqliteStore::ReleaseLeases(std::int64_t run_id) {
  constexpr std::string_view kWhat = "releasing leases";
  auto stmt = db_.Cached(
      "UPDATE frontier SET state = 'queued' WHERE run_id = ?1 AND state = 'leased'", kWhat);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()->BindAll(run_id).Run(kWhat);
}

Result<FrontierCounts> SqliteStore::CountFrontier(std::int64_t run_id) {
  constexpr std::string_view kWhat = "counting the frontier";
  auto stmt = db_.Cached(
      "SELECT state, COUNT(*) FROM frontier WHERE run_id = ?1 GROUP BY state", kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(run_id);
  FrontierCounts counts;
  for (;;) {
    auto row = stmt.value()->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return counts;
    std::string state = stmt.value()->ColumnText(0);
    std::int64_t count = stmt.value()->ColumnInt64(1);
    if (state == "queued") counts.queued = count;
    if (state == "leased") counts.leased = count;
    if (state == "done") counts.done = count;
  }
}

Result<std::optional<UnixMillis>> SqliteStore::NextQueuedTime(std::int64_t run_id) {
  constexpr std::string_view kWhat = "finding the next queued time";
  auto stmt = db_.Cached(
      "SELECT MIN(not_before) FROM frontier WHERE run_id = ?1 AND state = 'queued'", kWhat);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt.value()->BindAll(run_id).Step(kWhat);
  if (!row.ok()) return row.status();
  if (!row.value() || stmt.value()->IsNull(0)) return std::optional<UnixMillis>();
  return std::optional(stmt.value()->ColumnInt64(0));
}

}  // namespace jobcrawler::storage
