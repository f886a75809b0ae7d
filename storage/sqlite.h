// Thin RAII layer over the SQLite C API, private to storage/.
//
// One owner per C handle: Database owns the sqlite3* (closed with
// sqlite3_close_v2), Statement owns a sqlite3_stmt* (finalized). SQLite
// result codes are translated into a Status exactly once, here, as
// "<what was being done>: <sqlite3_errmsg>". Nothing in this file throws.
//
// Not thread-safe: a Database and its statements belong to one thread at a
// time (see Store).
#ifndef JOBCRAWLER_STORAGE_SQLITE_H_
#define JOBCRAWLER_STORAGE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace jobcrawler::storage::sqlite {

struct DatabaseCloser {
  void operator()(sqlite3* db) const;
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const;
};

// The Status inside a Status or a Result<T>, for JOBCRAWLER_RETURN_IF_ERROR.
inline const Status& StatusOf(const Status& status) { return status; }
template <typename T>
const Status& StatusOf(const Result<T>& result) {
  return result.status();
}

// `status` with "<context>: " in front of its message.
inline Status WithContext(std::string_view context, const Status& status) {
  return Status::Error(std::string(context) + ": " + status.message());
}

// Returns the error of `expr` (a Status or Result<T>) from the calling
// function, which must return Status or Result<U>.
#define JOBCRAWLER_RETURN_IF_ERROR(expr)                                   \
  do {                                                                     \
    const auto& jc_checked_ = (expr);                                      \
    if (!jc_checked_.ok()) return ::jobcrawler::storage::sqlite::StatusOf( \
        jc_checked_);                                                      \
  } while (false)

// A prepared statement. Bind* calls are chainable; a bind error is kept and
// reported by the next Step/Run, so call sites stay linear. Parameter
// indexes are 1-based as in SQLite; columns are 0-based.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string_view sql);

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, std::int64_t{value}); }
  Statement& Bind(int index, bool value) { return Bind(index, std::int64_t{value ? 1 : 0}); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);  // copied by SQLite
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, std::optional<double> value);  // NULL when empty
  Statement& Bind(int index, std::optional<std::int64_t> value);
  Statement& Bind(int index, const std::optional<std::string>& value);
  Statement& BindNull(int index);

  // Binds the arguments to parameters 1..N.
  template <typename... Args>
  Statement& BindAll(const Args&... args) {
    int index = 0;
    (Bind(++index, args), ...);
    return *this;
  }

  // Advances: true when a row is available, false when done; an error
  // names `what`.
  Result<bool> Step(std::string_view what);
  // Steps to completion, ignoring rows (INSERT/UPDATE/DELETE).
  Status Run(std::string_view what);
  // Back to the start with all parameters cleared.
  void Reset();

  bool IsNull(int column) const;
  std::int64_t ColumnInt64(int column) const;
  int ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;  // "" for NULL
  std::optional<double> ColumnOptionalDouble(int column) const;

 private:
  Status Error(std::string_view what, int code) const;

  sqlite3* db_;  // not owned; outlives the statement (see Database)
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
  std::string sql_;     // for error messages
  int bind_error_ = 0;  // first failed bind, 0 (SQLITE_OK) when none
};

// A cached statement lent out by Database::Cached; resets it (and clears its
// parameters) when it goes out of scope, so that no read cursor stays open.
class StatementLease {
 public:
  explicit StatementLease(Statement* stmt) : stmt_(stmt) {}
  StatementLease(StatementLease&& other) noexcept : stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  StatementLease& operator=(StatementLease&&) = delete;
  ~StatementLease() {
    if (stmt_ != nullptr) stmt_->Reset();
  }

  Statement* operator->() const { return stmt_; }
  Statement& operator*() const { return *stmt_; }

 private:
  Statement* stmt_;
};

// An open connection plus its cache of prepared statements.
class Database {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" works.
  static Result<Database> Open(const std::string& path);

  // Runs one or more SQL statements that return no rows of interest.
  Status Exec(std::string_view sql, std::string_view what);
  // A fresh statement owned by the caller.
  Result<Statement> Prepare(std::string_view sql, std::string_view what);
  // The statement for `sql`, prepared once and reused for the connection's
  // lifetime. Do not hold two leases of the same SQL at once.
  Result<StatementLease> Cached(std::string_view sql, std::string_view what);

  std::int64_t LastInsertRowId() const;
  int Changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  // "<what>: <sqlite3_errmsg>" for the connection's last error.
  Status Error(std::string_view what) const;
  sqlite3* handle() const { return db_.get(); }

 private:
  explicit Database(sqlite3* db) : db_(db) {}

  // Declared first so it is destroyed last: the statements below must be
  // finalized before their connection is closed.
  std::unique_ptr<sqlite3, DatabaseCloser> db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// A transaction that rolls back when destroyed without Commit(). Writers use
// kImmediate so that the write lock is taken up front (no SQLITE_BUSY when a
// read transaction would later need to become a write one).
class Transaction {
 public:
  enum class Mode { kDeferred, kImmediate };

  static Result<Transaction> Begin(Database& db, Mode mode = Mode::kImmediate);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  // On failure the transaction is rolled back by the destructor.
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;  // null once committed or moved from
};

}  // namespace jobcrawler::storage::sqlite

#endif  // JOBCRAWLER_STORAGE_SQLITE_H_
