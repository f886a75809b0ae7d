#include "storage/sqlite.h"

#include <gtest/gtest.h>

namespace jobcrawler::storage::sqlite {
namespace {

Database OpenMemory() {
  auto db = Database::Open(":memory:");
  EXPECT_TRUE(db.ok()) << db.status().message();
  return std::move(db).value();
}

int CountRows(Database& db) {
  auto stmt = db.Prepare("SELECT COUNT(*) FROM t", "counting");
  EXPECT_TRUE(stmt.ok());
  EXPECT_TRUE(stmt->Step("counting").value());
  return stmt->ColumnInt(0);
}

TEST(Database, ErrorsNameWhatWasBeingDoneAndSqliteMessage) {
  Database db = OpenMemory();
  Status status = db.Exec("CREATE TABLE t (x); SELEC 1", "creating the test table");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("creating the test table: "), std::string::npos);
  EXPECT_NE(status.message().find("syntax error"), std::string::npos) << status.message();
}

TEST(Database, OpenFailsWithThePathInTheMessage) {
  auto db = Database::Open("/nonexistent-dir/x/y.db");
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("/nonexistent-dir/x/y.db"), std::string::npos);
}

TEST(Statement, BindsAndReadsEveryType) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n REAL)", "setup").ok());
  auto insert = db.Prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)", "inserting");
  ASSERT_TRUE(insert.ok());
  std::optional<double> none;
  ASSERT_TRUE(insert->BindAll(std::int64_t{1} << 40, 4500.5, "Größe", none).Run("x").ok());
  auto select = db.Prepare("SELECT i, r, s, n FROM t", "selecting");
  ASSERT_TRUE(select->Step("selecting").value());
  EXPECT_EQ(select->ColumnInt64(0), std::int64_t{1} << 40);
  EXPECT_EQ(select->ColumnDouble(1), 4500.5);
  EXPECT_EQ(select->ColumnText(2), "Größe");
  EXPECT_EQ(select->ColumnOptionalDouble(3), std::nullopt);
  EXPECT_EQ(select->ColumnText(3), "");
  EXPECT_FALSE(select->Step("selecting").value());
}

TEST(Statement, ReportsABindErrorAtTheNextStep) {
  Database db = OpenMemory();
  auto stmt = db.Prepare("SELECT ?1", "selecting");
  ASSERT_TRUE(stmt.ok());
  auto row = stmt->Bind(5, 1).Step("selecting a parameter");
  ASSERT_FALSE(row.ok());
  EXPECT_NE(row.status().message().find("selecting a parameter"), std::string::npos);
}

TEST(Database, CachedStatementIsReusedAndResetAfterEachLease) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)", "setup").ok());
  Statement* first = nullptr;
  {
    auto lease = db.Cached("SELECT x FROM t ORDER BY x", "selecting");
    ASSERT_TRUE(lease.ok());
    first = &*lease.value();
    ASSERT_TRUE(lease.value()->Step("selecting").value());  // left mid-way
  }
  auto again = db.Cached("SELECT x FROM t ORDER BY x", "selecting");
  EXPECT_EQ(&*again.value(), first);
  ASSERT_TRUE(again.value()->Step("selecting").value());
  EXPECT_EQ(again.value()->ColumnInt(0), 1);  // starts over
}

TEST(Transaction, RollsBackWhenNotCommitted) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x)", "setup").ok());
  {
    auto txn = Transaction::Begin(db);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db.Exec("INSERT INTO t VALUES (1)", "inserting").ok());
  }
  EXPECT_EQ(CountRows(db), 0);
}

TEST(Transaction, KeepsWritesWhenCommitted) {
  Database db = OpenMemory();
  ASSERT_TRUE(db.Exec("CREATE TABLE t (x)", "setup").ok());
  {
    auto txn = Transaction::Begin(db);
    ASSERT_TRUE(db.Exec("INSERT INTO t VALUES (1)", "inserting").ok());
    ASSERT_TRUE(txn->Commit().ok());
  }
  EXPECT_EQ(CountRows(db), 1);
}

}  // namespace
}  // namespace jobcrawler::storage::sqlite
