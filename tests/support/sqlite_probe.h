// Reads a database file through the plain sqlite3 C API, beside the Store:
// PRAGMA integrity_check and small ad-hoc queries for what tests inspect
// (the pages and frontier tables). Opens the file read-only for each call,
// so a probe never holds the database open between crawls.
#ifndef JOBCRAWLER_TESTS_SUPPORT_SQLITE_PROBE_H_
#define JOBCRAWLER_TESTS_SUPPORT_SQLITE_PROBE_H_

#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace jobcrawler::testing {

using SqliteRow = std::vector<std::string>;  // NULL reads as ""

namespace sqlite_probe_detail {
struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStmt {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
}  // namespace sqlite_probe_detail

// How a probe opens the file. kRecover opens it for writing (never creating
// it) so that SQLite may roll back a hot journal a killed process left, as
// the next run would; a read-only connection refuses such a file.
enum class ProbeOpen { kReadOnly, kRecover };

// Every row of `sql` on the database at `path`. Throws std::runtime_error
// with sqlite's message when the file cannot be opened or the query fails.
inline std::vector<SqliteRow> QueryDatabase(const std::string& path, const std::string& sql,
                                            ProbeOpen open = ProbeOpen::kReadOnly) {
  sqlite3* raw_db = nullptr;
  const int flags = open == ProbeOpen::kRecover ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2(path.c_str(), &raw_db, flags, nullptr);
  std::unique_ptr<sqlite3, sqlite_probe_detail::CloseDb> db(raw_db);
  if (rc != SQLITE_OK) {
    throw std::runtime_error("open " + path + ": " + (db ? sqlite3_errmsg(db.get()) : "no memory"));
  }
  sqlite3_busy_timeout(db.get(), 2000);
  sqlite3_stmt* raw_stmt = nullptr;
  rc = sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &raw_stmt, nullptr);
  std::unique_ptr<sqlite3_stmt, sqlite_probe_detail::FinalizeStmt> stmt(raw_stmt);
  if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db.get()));
  std::vector<SqliteRow> rows;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    SqliteRow row;
    for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) {
      const unsigned char* text = sqlite3_column_text(stmt.get(), i);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db.get()));
  return rows;
}

// "ok" for a sound file, else SQLite's list of problems, one per line.
inline std::string IntegrityCheck(const std::string& path,
                                  ProbeOpen open = ProbeOpen::kReadOnly) {
  std::string out;
  for (const SqliteRow& row : QueryDatabase(path, "PRAGMA integrity_check", open)) {
    if (!out.empty()) out += '\n';
    out += row.empty() ? "" : row[0];
  }
  return out;
}

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_SQLITE_PROBE_H_
