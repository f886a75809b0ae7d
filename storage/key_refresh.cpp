#include "storage/key_refresh.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "storage/dedup.h"

namespace jobcrawler::storage {
namespace {

constexpr std::string_view kKeysName = "identity_keys";

// The version of the stored keys; 1 when none is recorded.
Result<int> StoredKeyVersion(sqlite::Database& db) {
  constexpr std::string_view kWhat = "reading the version of the identity keys";
  auto stmt = db.Cached("SELECT version FROM derived_versions WHERE name = ?1", kWhat);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt.value()->BindAll(kKeysName).Step(kWhat);
  if (!row.ok()) return row.status();
  return row.value() ? stmt.value()->ColumnInt(0) : 1;
}

// Each posting's current "tcl:" key, by posting id; postings without one
// are left out.
Result<std::vector<std::pair<std::int64_t, std::string>>> CurrentTitleKeys(sqlite::Database& db) {
  constexpr std::string_view kWhat = "computing the current identity keys";
  auto stmt = db.Prepare(
      "SELECT id, title, company, locality, postal_code FROM postings ORDER BY id", kWhat);
  if (!stmt.ok()) return stmt.status();
  std::vector<std::pair<std::int64_t, std::string>> keys;
  for (;;) {
    auto row = stmt->Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return keys;
    parsers::Posting posting;
    posting.title = stmt->ColumnText(1);
    posting.company = stmt->ColumnText(2);
    posting.locality = stmt->ColumnText(3);
    posting.postal_code = stmt->ColumnText(4);
    for (std::string& key : IdentityKeys(posting, "")) {
      if (key.starts_with("tcl:")) keys.emplace_back(stmt->ColumnInt64(0), std::move(key));
    }
  }
}

Status AddKeysAndVersion(sqlite::Database& db,
                         const std::vector<std::pair<std::int64_t, std::string>>& keys) {
  constexpr std::string_view kWhat = "storing the current identity keys";
  auto insert =
      db.Prepare("INSERT OR IGNORE INTO posting_keys (key, posting_id) VALUES (?1, ?2)", kWhat);
  if (!insert.ok()) return insert.status();
  for (const auto& [id, key] : keys) {
    JOBCRAWLER_RETURN_IF_ERROR(insert->BindAll(key, id).Run(kWhat));
    insert->Reset();
  }
  auto version = db.Prepare(
      "INSERT INTO derived_versions (name, version) VALUES (?1, ?2)"
      " ON CONFLICT (name) DO UPDATE SET version = excluded.version",
      kWhat);
  if (!version.ok()) return version.status();
  return version->BindAll(kKeysName, kIdentityKeyVersion).Run(kWhat);
}

}  // namespace

Status RefreshIdentityKeys(sqlite::Database& db) {
  // Read inside the write transaction, so that two processes opening the
  // file at once do not both refresh.
  auto txn = sqlite::Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  auto stored = StoredKeyVersion(db);
  if (!stored.ok()) return stored.status();
  if (stored.value() >= kIdentityKeyVersion) return txn->Commit();
  auto keys = CurrentTitleKeys(db);
  if (!keys.ok()) return keys.status();
  JOBCRAWLER_RETURN_IF_ERROR(AddKeysAndVersion(db, keys.value()));
  return txn->Commit();
}

}  // namespace jobcrawler::storage
