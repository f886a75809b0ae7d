// The database schema and its migrations.
//
// The schema version lives in `PRAGMA user_version`. Migration N brings a
// database from version N-1 to N; each runs in its own transaction together
// with the version bump, so a crash leaves the database at a whole version.
// Migrations are never edited once released: new ones are appended.
#ifndef JOBCRAWLER_STORAGE_SCHEMA_H_
#define JOBCRAWLER_STORAGE_SCHEMA_H_

#include "storage/sqlite.h"
#include "storage/status.h"

namespace jobcrawler::storage {

// The version a database has after Migrate().
int LatestSchemaVersion();

// The database's current `PRAGMA user_version` (0 for a new file).
Result<int> SchemaVersion(sqlite::Database& db);

// Applies every migration newer than the database's version. Fails, changing
// nothing, when the database is newer than this program knows.
Status Migrate(sqlite::Database& db);

// Applies the migrations up to `version` only (tests of one migration on
// data of the version before it). Fails as Migrate does, and for a version
// above LatestSchemaVersion().
Status MigrateTo(sqlite::Database& db, int version);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_SCHEMA_H_
