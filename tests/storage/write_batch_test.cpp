// SqliteStore's write batches: pages recorded together land together, each
// page whole or not at all, and what is not committed is as if never
// recorded (its frontier entry still leased).
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/sqlite_probe.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::storage {
namespace {

using testing::AddAndLease;
using testing::Fetched;
using testing::Job;
using testing::Seen;

class WriteBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    path_ = dir_.File("jobs.db");
    store_ = testing::OpenStore(path_);
    ASSERT_TRUE(store_);
    run_ = store_->BeginRun(1000).value();
  }

  // Records a fetch of `url` with one posting on it.
  Status RecordJob(const std::string& url) {
    PageWrite write = Fetched(AddAndLease(*store_, run_, url), 1000);
    write.sightings.push_back(Seen(Job("IT-Leiter " + url, "Muster GmbH", "Hagen", url), url));
    auto result = store_->RecordPage(run_, write);
    return result.ok() ? Status::Ok() : result.status();
  }

  // What another connection sees: "pages/postings/done entries".
  std::string Committed() const {
    auto count = [&](const std::string& sql) {
      return jobcrawler::testing::QueryDatabase(path_, sql).at(0).at(0);
    };
    return count("SELECT COUNT(*) FROM pages") + "/" + count("SELECT COUNT(*) FROM postings") +
           "/" + count("SELECT COUNT(*) FROM frontier WHERE state = 'done'");
  }

  jobcrawler::testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
};

TEST_F(WriteBatch, WithoutBatchingEveryPageIsCommitted) {
  ASSERT_TRUE(RecordJob("https://h/1").ok());
  EXPECT_EQ(Committed(), "1/1/1");
}

TEST_F(WriteBatch, PagesLandWhenTheBatchIsFull) {
  store_->BatchWrites(3);
  ASSERT_TRUE(RecordJob("https://h/1").ok());
  ASSERT_TRUE(RecordJob("https://h/2").ok());
  EXPECT_EQ(Committed(), "0/0/0");
  EXPECT_EQ(testing::List(*store_).size(), 2u);  // the store itself sees them
  ASSERT_TRUE(RecordJob("https://h/3").ok());
  EXPECT_EQ(Committed(), "3/3/3");
}

TEST_F(WriteBatch, CommitWritesLandsAPartialBatch) {
  store_->BatchWrites(10);
  ASSERT_TRUE(RecordJob("https://h/1").ok());
  ASSERT_TRUE(store_->CommitWrites().ok());
  EXPECT_EQ(Committed(), "1/1/1");
  ASSERT_TRUE(store_->CommitWrites().ok());  // nothing open: nothing to do
}

TEST_F(WriteBatch, FinishRunAndReleaseLeasesCommitFirst) {
  store_->BatchWrites(10);
  ASSERT_TRUE(RecordJob("https://h/1").ok());
  ASSERT_TRUE(store_->ReleaseLeases(run_).ok());
  EXPECT_EQ(Committed(), "1/1/1");
  ASSERT_TRUE(RecordJob("https://h/2").ok());
  ASSERT_TRUE(store_->FinishRun(run_, RunStatus::kCompleted, {}, 2000).ok());
  EXPECT_EQ(Committed(), "2/2/2");
}

TEST_F(WriteBatch, ClosingTheStoreCommits) {
  store_->BatchWrites(10);
  ASSERT_TRUE(RecordJob("https://h/1").ok());
  store_.reset();
  EXPECT_EQ(Committed(), "1/1/1");
}

TEST_F(WriteBatch, AFailedPageLeavesTheOtherPagesOfItsBatch) {
  store_->BatchWrites(10);
  ASSERT_TRUE(RecordJob("https://h/1").ok());
  PageWrite stray = Fetched(AddAndLease(*store_, run_, "https://h/2"), 1000);
  stray.page.frontier_id += 1000;  // not an entry of the run: the page fails whole
  stray.sightings.push_back(Seen(Job("CIO", "Muster GmbH", "Hagen", "https://h/2"), "https://h/2"));
  EXPECT_FALSE(store_->RecordPage(run_, stray).ok());
  ASSERT_TRUE(RecordJob("https://h/3").ok());
  ASSERT_TRUE(store_->CommitWrites().ok());
  EXPECT_EQ(Committed(), "2/2/2");
  EXPECT_EQ(testing::Titles(testing::List(*store_)).size(), 2u);
}

// What a kill leaves: the batch never committed. Its pages are not in the
// file and their entries are leased there, so the resumed run (which
// releases leases) fetches them again.
TEST_F(WriteBatch, UncommittedPagesAreNotInTheFileAndTheirEntriesStayLeased) {
  PageWrite first = Fetched(AddAndLease(*store_, run_, "https://h/1"), 1000);
  PageWrite second = Fetched(AddAndLease(*store_, run_, "https://h/2"), 1000);
  store_->BatchWrites(10);
  ASSERT_TRUE(store_->RecordPage(run_, first).ok());
  ASSERT_TRUE(store_->RecordPage(run_, second).ok());
  EXPECT_EQ(Committed(), "0/0/0");
  EXPECT_EQ(jobcrawler::testing::QueryDatabase(
                path_, "SELECT COUNT(*) FROM frontier WHERE state = 'leased'")
                .at(0)
                .at(0),
            "2");
}

}  // namespace
}  // namespace jobcrawler::storage
