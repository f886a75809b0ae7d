#include "storage/schema.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/link_list.h"

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
                            "run_sources", "robots", "derived_versions",
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

// The first version without page_links: the one that moved the links onto
// their pages. Found by migrating, so that versions appended later do not
// matter.
int VersionThatMovedLinks() {
  for (int version = 1; version <= LatestSchemaVersion(); ++version) {
    sqlite::Database db = OpenFile(":memory:");
    EXPECT_TRUE(MigrateTo(db, version).ok());
    if (version > 1 && !HasTable(db, "page_links")) return version;
  }
  return 0;
}

TEST(Schema, MovesRecordedLinksOntoTheirPages) {
  const int moved = VersionThatMovedLinks();
  ASSERT_GT(moved, 1);
  sqlite::Database db = OpenFile(":memory:");
  ASSERT_TRUE(MigrateTo(db, moved - 1).ok());
  ASSERT_TRUE(db.Exec("INSERT INTO runs (id, started_at) VALUES (1, 1);"
                      "INSERT INTO pages (url, fetched_at, run_id) VALUES"
                      "  ('https://h/list', 1, 1), ('https://h/empty', 1, 1);"
                      "INSERT INTO page_links (page_url, url, fetch_url, host_key, source) VALUES"
                      "  ('https://h/list', 'https://h/a?x=1&y=2', 'https://h/a?y=2&x=1',"
                      "   'https://h:443', 's'),"
                      "  ('https://h/list', 'https://h/b', '', 'https://h:443', 's'),"
                      "  ('https://h/list', 'https://h/c', 'https://h/c', 'https://h:443', 's')",
                      "x")
                  .ok());
  Status status = Migrate(db);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_FALSE(HasTable(db, "page_links"));
  auto stmt = db.Prepare("SELECT url, links FROM pages ORDER BY url", "x");
  ASSERT_TRUE(stmt->Step("x").value());
  EXPECT_EQ(stmt->ColumnText(0), "https://h/empty");
  EXPECT_TRUE(stmt->IsNull(1));
  ASSERT_TRUE(stmt->Step("x").value());
  std::vector<LinkRecord> links = DecodeLinks(stmt->ColumnText(1));
  std::vector<std::string> seen;
  for (const LinkRecord& link : links) {
    seen.push_back(link.url + " " + link.fetch_url + " " + link.host_key);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "https://h/a?x=1&y=2 https://h/a?y=2&x=1 https://h:443",
                      "https://h/b https://h/b https://h:443",
                      "https://h/c https://h/c https://h:443"}));
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
