// The store's reads for `jobcrawler report`: the sources of each posting and
// each source's last successful run.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::Job;
using testing::Seen;

class ReportRead : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore();
    ASSERT_TRUE(store_);
  }

  std::int64_t Begin(UnixMillis now) {
    now_ = now;
    run_ = store_->BeginRun(now).value();
    return run_;
  }

  // `url` fetched as a page of `source`, showing `job` at `job_url`.
  void Page(const std::string& url, const std::string& source, const std::string& title,
            const std::string& job_url) {
    ASSERT_TRUE(store_->AddToFrontier(run_, {{url, "https://h:443", source, 0, 0}}).ok());
    auto leased = store_->LeaseFrontier(run_, 100, 100, now_, {});
    ASSERT_TRUE(leased.ok() && leased->size() == 1) << url;
    PageWrite write = testing::Fetched(leased->front(), now_);
    write.sightings = {Seen(Job(title, "Muster GmbH", "Hagen", job_url), url)};
    ASSERT_TRUE(store_->RecordPage(run_, write).ok());
  }

  void Finish(const std::vector<std::string>& healthy, UnixMillis finished_at) {
    ASSERT_TRUE(store_->CloseStale(run_, healthy, {3, "2026-12-01", finished_at}).ok());
    ASSERT_TRUE(store_->FinishRun(run_, RunStatus::kCompleted, {}, finished_at).ok());
  }

  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
  UnixMillis now_ = 0;
};

TEST_F(ReportRead, AnEmptyStoreHasNoSourcesAndNoSuccesses) {
  EXPECT_TRUE(store_->ListPostingSources().value().empty());
  EXPECT_TRUE(store_->LastSuccessfulRuns().value().empty());
}

TEST_F(ReportRead, ListsEachPostingsDistinctSourcesSorted) {
  Begin(1000);
  Page("https://b/list", "zeta-board", "CIO", "https://b/cio");
  Page("https://a/cio", "alpha-board", "CIO", "https://a/cio");  // same job, other board
  Page("https://a/list", "alpha-board", "CTO", "https://a/cto");
  Page("https://a/list2", "alpha-board", "CTO", "https://a/cto");  // same source again
  auto rows = testing::List(*store_);
  ASSERT_EQ(rows.size(), 2u);

  auto sources = store_->ListPostingSources();
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_LT(sources.value()[0].posting_id, sources.value()[1].posting_id);
  for (const PostingSources& entry : sources.value()) {
    const PostingRow& row = rows[0].id == entry.posting_id ? rows[0] : rows[1];
    if (row.posting.title == "CIO") {
      EXPECT_EQ(entry.sources, (std::vector<std::string>{"alpha-board", "zeta-board"}));
    } else {
      EXPECT_EQ(entry.sources, std::vector<std::string>{"alpha-board"});
    }
  }
}

TEST_F(ReportRead, ASourcesLastSuccessIsTheNewestRunThatReachedIt) {
  const std::int64_t first = Begin(1000);
  Page("https://a/1", "a", "CIO", "https://a/1");
  Finish({"a", "b"}, 1500);
  const std::int64_t second = Begin(2000);
  Page("https://a/1", "a", "CIO", "https://a/1");
  Finish({"a"}, 2500);  // b failed
  Begin(3000);          // a run that never finished records nothing

  auto last = store_->LastSuccessfulRuns();
  ASSERT_TRUE(last.ok()) << last.status().message();
  ASSERT_EQ(last->size(), 2u);
  EXPECT_EQ(last.value()[0].source, "a");
  EXPECT_EQ(last.value()[0].run_id, second);
  EXPECT_EQ(last.value()[0].finished_at, 2500);
  EXPECT_EQ(last.value()[1].source, "b");
  EXPECT_EQ(last.value()[1].run_id, first);
  EXPECT_EQ(last.value()[1].finished_at, 1500);
}

}  // namespace
}  // namespace jobcrawler::storage
