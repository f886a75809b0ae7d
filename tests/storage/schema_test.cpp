#include "storage/schema.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace jobcrawler::storage {
namespace {

sqlite::Database OpenFile(const std::string& path) {
  auto db = sqlite::Database::Open(path);
  EXPECT_TRUE(db.ok()) << db.status().message();
  return std::move(db).value();
}

bool HasTable(sqlite::Database& db, const std::string& name) {
  auto stmt = db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", "x");
  return stmt->BindAll(name).Step("x").value();
}

TEST(Schema, MigratesAnEmptyDatabaseToTheLatestVersion) {
  sqlite::Database db = OpenFile(":memory:");
  ASSERT_EQ(SchemaVersion(db).value(), 0);
  Status status = Migrate(db);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(SchemaVersion(db).value(), LatestSchemaVersion());
  for (const char* table : {"runs", "frontier", "pages", "postings", "posting_keys", "sightings",
                            "page_links", "run_sources", "robots", "derived_versions",
                            "run_monitoring", "run_news"}) {
    EXPECT_TRUE(HasTable(db, table)) << table;
  }
}

TEST(Schema, MigratingTwiceChangesNothing) {
  jobcrawler::testing::TempDir dir;
  ASSERT_TRUE(dir.ok());
  {
    sqlite::Database db = OpenFile(dir.File("jobs.db"));
    ASSERT_TRUE(Migrate(db).ok());
    ASSERT_TRUE(db.Exec("INSERT INTO runs (started_at) VALUES (1)", "x").ok());
  }
  sqlite::Database db = OpenFile(dir.File("jobs.db"));
  Status status = Migrate(db);
  ASSERT_TRUE(status.ok()) << status.message();
  auto count = db.Prepare("SELECT COUNT(*) FROM runs", "x");
  ASSERT_TRUE(count->Step("x").value());
  EXPECT_EQ(count->ColumnInt(0), 1);
}

TEST(Schema, RefusesADatabaseFromANewerProgram) {
  sqlite::Database db = OpenFile(":memory:");
  ASSERT_TRUE(db.Exec("PRAGMA user_version = 999", "x").ok());
  Status status = Migrate(db);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("999"), std::string::npos);
  EXPECT_FALSE(HasTable(db, "runs"));
}

}  // namespace
}  // namespace jobcrawler::storage
