// FinishMonitoring: what a completed run left undone when a kill or a busy
// database came between its end, its monitoring and its report. Failures
// are injected with SQLite triggers on the database file, so the Store is
// the real one.
#include "app/monitor/monitor_delivery.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <sstream>

#include "storage/sqlite.h"
#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kLead = "IT-Leiter (m/w/d)";
constexpr const char* kHead = "Head of IT (m/w/d)";
constexpr const char* kCio = "CIO (m/w/d)";

// "IT-Leiter (m/w/d)" -> "itleitermwd".
std::string Slug(const std::string& title) {
  std::string slug;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return slug;
}

struct Delivery {
  std::string error;  // "" when FinishMonitoring succeeded
  std::string out;
  std::string err;
};

class MonitorDelivery : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    store_ = storage::testing::OpenStore(dir_.File("jobs.db"));
    ASSERT_TRUE(store_);
    config_.sources = {
        crawler::Source{.name = "board", .start_urls = {"https://h/"}, .follow = {}}};
    config_.monitoring.close_after_missed_runs = 1;
  }

  // A completed run that saw each title on a page of its own, as the crawler
  // leaves it: FinishRun committed, nothing after it.
  std::int64_t CompletedRun(const std::vector<std::string>& titles) {
    now_ += 10000;
    std::int64_t run = store_->BeginRun(now_).value();
    for (const std::string& title : titles) {
      std::string url = "https://h/" + Slug(title);
      storage::testing::Record(
          *store_, run, url,
          {storage::testing::Seen(storage::testing::Job(title, "Muster GmbH", "Hagen", url), url)},
          now_);
    }
    EXPECT_TRUE(store_->FinishRun(run, storage::RunStatus::kCompleted, {}, now_ + 100).ok());
    return run;
  }

  Delivery Finish(bool broken_stdout = false) {
    std::ostringstream out, err;
    if (broken_stdout) out.setstate(std::ios::badbit);
    MonitoringOutput output{true, out, err};
    auto delivered = FinishMonitoring(*store_, config_, matcher_, output, now_ + 500);
    return {delivered.ok() ? "" : delivered.status().message(), out.str(), err.str()};
  }

  // Runs `sql` on the database file beside the store's own connection.
  void OnTheSide(const std::string& sql) {
    auto db = storage::sqlite::Database::Open(dir_.File("jobs.db"));
    ASSERT_TRUE(db.ok()) << db.status().message();
    storage::Status status = db->Exec(sql, "changing the database beside the store");
    ASSERT_TRUE(status.ok()) << status.message();
  }

  std::string StatusOf(const std::string& title) {
    for (const auto& row : storage::testing::List(*store_)) {
      if (row.posting.title == title) return row.status;
    }
    return "missing";
  }

  std::vector<std::int64_t> Pending() { return store_->RunsPendingMonitoring().value(); }

  jobcrawler::testing::TempDir dir_;
  std::unique_ptr<storage::SqliteStore> store_;
  Config config_;
  parsers::Matcher matcher_{config_.match};
  storage::UnixMillis now_ = 0;
};

TEST_F(MonitorDelivery, ABusyDatabaseDuringMonitoringLosesNoNewsAndItComesOnce) {
  std::int64_t run = CompletedRun({kLead, kHead});
  OnTheSide(
      "CREATE TRIGGER busy BEFORE INSERT ON run_news"
      " BEGIN SELECT RAISE(ABORT, 'database is locked'); END;");
  Delivery failed = Finish();
  EXPECT_THAT(failed.error, HasSubstr("database is locked"));
  EXPECT_EQ(failed.out, "");
  EXPECT_EQ(Pending(), std::vector<std::int64_t>{run});

  OnTheSide("DROP TRIGGER busy;");
  Delivery first = Finish();
  EXPECT_EQ(first.error, "");
  EXPECT_THAT(first.out, StartsWith("jobcrawler run 1: 2 new, 0 closed\n"));
  EXPECT_THAT(first.out, HasSubstr(kLead));
  EXPECT_THAT(first.out, HasSubstr(kHead));
  EXPECT_EQ(Finish().out, "") << "exactly once";
}

TEST_F(MonitorDelivery, ClosingWaitsForTheNewsThatReportsIt) {
  CompletedRun({kLead, kHead});
  ASSERT_EQ(Finish().error, "");
  CompletedRun({kLead});
  OnTheSide(
      "CREATE TRIGGER busy BEFORE INSERT ON run_monitoring"
      " BEGIN SELECT RAISE(ABORT, 'database is locked'); END;");
  EXPECT_NE(Finish().error, "");
  EXPECT_EQ(StatusOf(kHead), "active") << "closing went with the failed transaction";

  OnTheSide("DROP TRIGGER busy;");
  Delivery second = Finish();
  EXPECT_EQ(StatusOf(kHead), "closed");
  EXPECT_THAT(second.out, StartsWith("jobcrawler run 2: 0 new, 1 closed\n"));
  EXPECT_THAT(second.out, HasSubstr("Closed: " + std::string(kHead)));
  EXPECT_EQ(Finish().out, "");
}

// Killed after the monitoring committed but before the report was written.
TEST_F(MonitorDelivery, NewsMonitoredButNotReportedComesWithTheNextCall) {
  std::int64_t run = CompletedRun({kLead});
  ASSERT_TRUE(store_->CloseStale(run, {"board"}, {1, "2026-12-01", now_}).ok());
  EXPECT_TRUE(Pending().empty());
  Delivery next = Finish();
  EXPECT_THAT(next.out, StartsWith("jobcrawler run 1: 1 new, 0 closed\n"));
  EXPECT_EQ(next.err, "") << "warnings are only known to the call that judged the run";
  EXPECT_EQ(Finish().out, "");
}

TEST_F(MonitorDelivery, AReportThatCannotBeWrittenIsWrittenByTheNextCall) {
  CompletedRun({kLead});
  Delivery broken = Finish(/*broken_stdout=*/true);
  EXPECT_THAT(broken.error, HasSubstr("the next crawl reports it again"));
  EXPECT_THAT(Finish().out, StartsWith("jobcrawler run 1: 1 new"));
}

// Our rule: news comes at least once. A report written but not recorded as
// delivered is written again.
TEST_F(MonitorDelivery, AReportNotRecordedAsDeliveredIsWrittenAgain) {
  CompletedRun({kLead});
  OnTheSide(
      "CREATE TRIGGER busy BEFORE UPDATE ON run_monitoring"
      " BEGIN SELECT RAISE(ABORT, 'database is locked'); END;");
  Delivery first = Finish();
  EXPECT_THAT(first.out, StartsWith("jobcrawler run 1: 1 new"));
  EXPECT_THAT(first.error, HasSubstr("database is locked"));
  OnTheSide("DROP TRIGGER busy;");
  EXPECT_THAT(Finish().out, StartsWith("jobcrawler run 1: 1 new"));
  EXPECT_EQ(Finish().out, "");
}

TEST_F(MonitorDelivery, SeveralRunsAreMonitoredAndReportedOldestFirst) {
  CompletedRun({kLead, kHead});
  CompletedRun({kLead, kCio});
  Delivery both = Finish();
  EXPECT_EQ(both.error, "");
  EXPECT_EQ(both.err, "");
  const std::size_t first = both.out.find("jobcrawler run 1: 2 new, 0 closed\n");
  const std::size_t second = both.out.find("\n\njobcrawler run 2: 1 new, 1 closed\n");
  ASSERT_NE(first, std::string::npos) << both.out;
  ASSERT_NE(second, std::string::npos) << both.out;
  EXPECT_LT(first, second);
  EXPECT_THAT(both.out.substr(second), HasSubstr("Closed: " + std::string(kHead)));
  EXPECT_EQ(StatusOf(kHead), "closed");
}

TEST_F(MonitorDelivery, MonitoringOfFindsTheRun) {
  RunMonitoring run;
  run.run_id = 7;
  run.closed_total = 3;
  EXPECT_EQ(MonitoringOf({run}, 7).closed_total, 3);
  EXPECT_EQ(MonitoringOf({run}, 8).run_id, 0);
}

}  // namespace
}  // namespace jobcrawler::app
