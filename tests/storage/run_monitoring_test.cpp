// SqliteStore: which completed runs still need monitoring, the news that
// CloseStale records with its closing, and its delivery.
#include <gtest/gtest.h>

#include "storage/sqlite.h"
#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::storage {
namespace {

using testing::Job;
using testing::Seen;

class RunMonitoringStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    Reopen();
  }

  void Reopen() {
    store_.reset();
    store_ = testing::OpenStore(dir_.File("jobs.db"));
    ASSERT_TRUE(store_);
  }

  // Runs `sql` on the database file with the store closed.
  void Rewrite(const std::string& sql) {
    store_.reset();
    {
      auto db = sqlite::Database::Open(dir_.File("jobs.db"));
      ASSERT_TRUE(db.ok()) << db.status().message();
      Status status = db->Exec(sql, "rewriting the database");
      ASSERT_TRUE(status.ok()) << status.message();
    }
    Reopen();
  }

  std::int64_t Begin() {
    now_ += 1000;
    run_ = store_->BeginRun(now_).value();
    return run_;
  }

  void Finish(RunStatus status = RunStatus::kCompleted) {
    ASSERT_TRUE(store_->FinishRun(run_, status, {}, now_ + 100).ok());
  }

  void JobPage(const std::string& url, const std::string& title, std::string valid_through = "") {
    parsers::Posting job = Job(title, "Muster GmbH", "Hagen", url);
    job.valid_through = std::move(valid_through);
    testing::Record(*store_, run_, url, {Seen(job, url)}, now_);
  }

  Result<LifecycleResult> Close() {
    return store_->CloseStale(run_, {"board"}, LifecycleRules{1, "2026-12-01", now_ + 200});
  }

  std::vector<std::int64_t> Pending() {
    auto pending = store_->RunsPendingMonitoring();
    EXPECT_TRUE(pending.ok()) << pending.status().message();
    return pending.ok() ? pending.value() : std::vector<std::int64_t>{};
  }

  std::vector<RunNews> News() {
    auto news = store_->UndeliveredNews([](PostingRow&) { return true; });
    EXPECT_TRUE(news.ok()) << news.status().message();
    return news.ok() ? news.value() : std::vector<RunNews>{};
  }

  jobcrawler::testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
  UnixMillis now_ = 0;
};

TEST_F(RunMonitoringStore, ACompletedRunIsPendingUntilCloseStale) {
  std::int64_t first = Begin();
  JobPage("https://h/1", "CIO");
  EXPECT_TRUE(Pending().empty()) << "still running";
  Finish();
  EXPECT_EQ(Pending(), std::vector<std::int64_t>{first});
  ASSERT_TRUE(Close().ok());
  EXPECT_TRUE(Pending().empty());

  Begin();
  Finish(RunStatus::kInterrupted);
  Begin();
  Finish(RunStatus::kFailed);
  EXPECT_TRUE(Pending().empty()) << "only completed runs are monitored";
}

TEST_F(RunMonitoringStore, CloseStaleRecordsTheRunsNewsUntilDelivered) {
  std::int64_t first = Begin();
  JobPage("https://h/1", "CIO");
  JobPage("https://h/2", "IT-Leiter", "2026-01-01");
  Finish();
  ASSERT_TRUE(Close().ok());
  std::int64_t second = Begin();
  JobPage("https://h/1", "CIO");
  JobPage("https://h/3", "Head of IT");
  Finish();
  ASSERT_TRUE(Close().ok());

  std::vector<RunNews> news = News();
  ASSERT_EQ(news.size(), 2u);
  EXPECT_EQ(news[0].run_id, first);
  EXPECT_EQ(testing::Titles(news[0].new_postings), (std::vector<std::string>{"CIO", "IT-Leiter"}));
  EXPECT_EQ(testing::Titles(news[0].closed_postings), std::vector<std::string>{"IT-Leiter"})
      << "expired";
  EXPECT_EQ(news[1].run_id, second);
  EXPECT_EQ(testing::Titles(news[1].new_postings), std::vector<std::string>{"Head of IT"});
  EXPECT_TRUE(news[1].closed_postings.empty());

  ASSERT_TRUE(store_->MarkNewsDelivered(first, now_).ok());
  ASSERT_EQ(News().size(), 1u);
  EXPECT_EQ(News()[0].run_id, second);
  EXPECT_TRUE(store_->MarkNewsDelivered(first, now_ + 1).ok()) << "again: nothing changes";
  EXPECT_EQ(News().size(), 1u);
}

TEST_F(RunMonitoringStore, NewsHoldsWhatTheFilterKeepsAndCountsEverything) {
  Begin();
  JobPage("https://h/1", "CIO");
  JobPage("https://h/2", "IT-Leiter", "2026-01-01");
  JobPage("https://h/3", "Head of IT", "2026-01-01");
  Finish();
  ASSERT_TRUE(Close().ok());
  std::vector<std::string> offered;
  auto news = store_->UndeliveredNews([&](PostingRow& row) {
    offered.push_back(row.posting.title);
    row.matched = row.posting.title != "IT-Leiter";
    return row.matched;
  });
  ASSERT_TRUE(news.ok()) << news.status().message();
  ASSERT_EQ(news.value().size(), 1u);
  const RunNews& run = news.value()[0];
  EXPECT_EQ(offered.size(), 5u) << "three new, two closed: each offered once";
  EXPECT_EQ(run.closed_total, 2);
  EXPECT_EQ(testing::Titles(run.new_postings), (std::vector<std::string>{"CIO", "Head of IT"}));
  EXPECT_EQ(testing::Titles(run.closed_postings), std::vector<std::string>{"Head of IT"});
  for (const PostingRow& row : run.new_postings) EXPECT_TRUE(row.matched) << row.posting.title;
}

TEST_F(RunMonitoringStore, NewsIsKeptAsRecordedWhenAPostingChangesLater) {
  Begin();
  JobPage("https://h/1", "IT-Leiter", "2026-01-01");
  Finish();
  ASSERT_TRUE(Close().ok());
  // The next run sees it with a later end date: it reopens.
  Begin();
  JobPage("https://h/1", "IT-Leiter", "2027-01-01");
  std::vector<RunNews> news = News();
  ASSERT_EQ(news.size(), 1u);
  ASSERT_EQ(news[0].closed_postings.size(), 1u);
  EXPECT_EQ(news[0].closed_postings[0].status, "active") << "the record as it is now";
}

TEST_F(RunMonitoringStore, MarkingARunThatWasNotMonitoredFails) {
  Begin();
  Finish();
  Status status = store_->MarkNewsDelivered(run_, now_);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("has not been monitored"), std::string::npos) << status.message();
}

TEST_F(RunMonitoringStore, CloseStaleForAMonitoredRunDoesNothing) {
  Begin();
  JobPage("https://h/1", "CIO", "2026-01-01");
  Finish();
  ASSERT_TRUE(Close().ok());
  ASSERT_TRUE(store_->MarkNewsDelivered(run_, now_).ok());
  auto again = Close();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->closed_expired, 0);
  EXPECT_TRUE(News().empty()) << "delivered news does not come back";
}

// Closing and the news are one transaction: when recording the news fails,
// nothing is closed and the run is still pending.
TEST_F(RunMonitoringStore, AFailureWhileRecordingTheNewsClosesNothing) {
  Begin();
  JobPage("https://h/1", "CIO", "2026-01-01");
  Finish();
  Rewrite("ALTER TABLE run_news RENAME TO run_news_away;");
  auto failed = Close();
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(testing::List(*store_).at(0).status, "active");
  EXPECT_EQ(Pending(), std::vector<std::int64_t>{run_});

  Rewrite("ALTER TABLE run_news_away RENAME TO run_news;");
  auto closed = Close();
  ASSERT_TRUE(closed.ok()) << closed.status().message();
  EXPECT_EQ(closed->closed_expired, 1);
  ASSERT_EQ(News().size(), 1u);
  EXPECT_EQ(testing::Titles(News()[0].closed_postings), std::vector<std::string>{"CIO"});
}

}  // namespace
}  // namespace jobcrawler::storage
