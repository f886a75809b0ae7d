#include "storage/sqlite.h"

#include <sqlite3.h>

#include <utility>

#include <fmt/format.h>

namespace jobcrawler::storage::sqlite {
namespace {

// SQL in error messages is cut to this many characters: enough to recognise
// the statement, short enough for a log line.
constexpr std::size_t kSqlExcerptChars = 60;

std::string Excerpt(std::string_view sql) {
  std::string out;
  for (char c : sql.substr(0, kSqlExcerptChars)) out += (c == '\n' ? ' ' : c);
  if (sql.size() > kSqlExcerptChars) out += "...";
  return out;
}

}  // namespace

void DatabaseCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void StatementFinalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

// --- Statement ---

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string_view sql)
    : db_(db), stmt_(stmt), sql_(sql) {}

Statement& Statement::Bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_.get(), index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_.get(), index, value);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away.
  int rc = sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(),
                               SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::optional<double> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::Bind(int index, std::optional<std::int64_t> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_.get(), index);
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::Step(std::string_view what) {
  if (bind_error_ != SQLITE_OK) return Error(what, bind_error_);
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error(what, rc);
}

Status Statement::Run(std::string_view what) {
  for (;;) {
    Result<bool> row = Step(what);
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
  }
}

void Statement::Reset() {
  // sqlite3_reset repeats the last step's error, which was already reported.
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_error_ = SQLITE_OK;
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::ColumnInt64(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

int Statement::ColumnInt(int column) const { return sqlite3_column_int(stmt_.get(), column); }

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(stmt_.get(), column);
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return {};
  int size = sqlite3_column_bytes(stmt_.get(), column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::optional<double> Statement::ColumnOptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return ColumnDouble(column);
}

Status Statement::Error(std::string_view what, int code) const {
  // Bind errors do not set the connection's message; name the code instead.
  std::string_view message =
      code == bind_error_ ? std::string_view(sqlite3_errstr(code)) : sqlite3_errmsg(db_);
  return Status::Error(fmt::format("{}: {} [{}]", what, message, Excerpt(sql_)));
}

// --- Database ---

Result<Database> Database::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           nullptr);
  // Wrapped at once: sqlite3_open_v2 may hand out a handle even when it fails.
  Database db(raw);
  if (rc != SQLITE_OK) {
    std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return Status::Error(fmt::format("opening database {}: {}", path, message));
  }
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Status Database::Exec(std::string_view sql, std::string_view what) {
  std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Error(what);
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql, std::string_view what) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  Statement statement(db_.get(), stmt, sql);  // owns stmt, even a null one
  if (rc != SQLITE_OK) {
    return Status::Error(
        fmt::format("{}: preparing [{}]: {}", what, Excerpt(sql), sqlite3_errmsg(db_.get())));
  }
  return statement;
}

Result<StatementLease> Database::Cached(std::string_view sql, std::string_view what) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    Result<Statement> prepared = Prepare(sql, what);
    if (!prepared.ok()) return prepared.status();
    auto owned = std::make_unique<Statement>(std::move(prepared).value());
    it = cache_.emplace(std::move(key), std::move(owned)).first;
  }
  return StatementLease(it->second.get());
}

std::int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }

int Database::Changes() const { return sqlite3_changes(db_.get()); }

Status Database::Error(std::string_view what) const {
  return Status::Error(fmt::format("{}: {}", what, sqlite3_errmsg(db_.get())));
}

// --- Transaction ---

Result<Transaction> Transaction::Begin(Database& db, Mode mode) {
  std::string_view sql = mode == Mode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN";
  Status status = db.Exec(sql, "beginning a transaction");
  if (!status.ok()) return status;
  return Transaction(&db);
}

Transaction::~Transaction() {
  // Errors are ignored on purpose: a failed ROLLBACK means SQLite already
  // rolled back (e.g. after SQLITE_FULL), and a destructor cannot report.
  if (db_ != nullptr) db_->Exec("ROLLBACK", "rolling back").ok();
}

Status Transaction::Commit() {
  Status status = db_->Exec("COMMIT", "committing");
  if (status.ok()) db_ = nullptr;
  return status;
}

}  // namespace jobcrawler::storage::sqlite
