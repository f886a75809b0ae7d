// SqliteStore's read-only views: ListRuns, SourceStats, ExplainPosting.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::Fetched;
using testing::Job;
using testing::Seen;

class Reports : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore();
    ASSERT_TRUE(store_);
    run_ = store_->BeginRun(1000).value();
  }

  // Records a fetch of `url` (a page of `source`) in the current run.
  void Page(const std::string& url, const std::string& source, std::vector<Sighting> sightings,
            int status = 200, std::string error = "") {
    ASSERT_TRUE(store_->AddToFrontier(run_, {{url, "https://h:443", source, 0, 0}}).ok());
    auto leased = store_->LeaseFrontier(run_, 100, 100, 1000, {});
    ASSERT_TRUE(leased.ok() && leased->size() == 1) << url;
    PageWrite write = Fetched(leased->front(), 1000);
    write.page.http_status = status;
    write.page.error = std::move(error);
    write.sightings = std::move(sightings);
    auto result = store_->RecordPage(run_, write);
    ASSERT_TRUE(result.ok()) << result.status().message();
  }

  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
};

TEST_F(Reports, ListRunsGivesTheNewestFirstUpToTheLimit) {
  std::int64_t second = store_->BeginRun(2000).value();
  RunCounters counters;
  counters.pages_fetched = 4;
  ASSERT_TRUE(store_->FinishRun(second, RunStatus::kCompleted, counters, 2500).ok());
  std::int64_t third = store_->BeginRun(3000).value();
  auto runs = store_->ListRuns(2);
  ASSERT_TRUE(runs.ok()) << runs.status().message();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ(runs.value()[0].id, third);
  EXPECT_EQ(runs.value()[0].status, RunStatus::kRunning);
  EXPECT_EQ(runs.value()[1].id, second);
  EXPECT_EQ(runs.value()[1].counters.pages_fetched, 4);
  EXPECT_EQ(runs.value()[1].finished_at, 2500);
  EXPECT_EQ(store_->ListRuns(10)->size(), 3u);
}

TEST_F(Reports, SourceStatsCountPagesFailuresAndPostingsPerSource) {
  Page("https://a/list", "a",
       {Seen(Job("CIO", "A GmbH", "Hagen", "https://a/1"), "https://a/list"),
        Seen(Job("CTO", "B GmbH", "Hagen", "https://a/2"), "https://a/list")});
  Page("https://a/gone", "a", {}, 404);
  Page("https://a/down", "a", {}, 0, "timeout");
  Page("https://a/odd", "a", {}, 200, "body cut");
  Page("https://b/list", "b", {});
  store_->BeginRun(2000).value();  // another run's pages do not count

  auto stats = store_->SourceStats(run_);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  ASSERT_EQ(stats->size(), 2u);
  const SourceRunStats& a = stats.value()[0];
  EXPECT_EQ(a.source, "a");
  EXPECT_EQ(a.pages_fetched, 4);
  EXPECT_EQ(a.pages_failed, 3);
  EXPECT_EQ(a.structured_pages, 1);
  EXPECT_EQ(a.sightings, 2);
  const SourceRunStats& b = stats.value()[1];
  EXPECT_EQ(b.source, "b");
  EXPECT_EQ(b.pages_fetched, 1);
  EXPECT_EQ(b.pages_failed, 0);
  EXPECT_EQ(b.structured_pages, 0);
  EXPECT_EQ(b.sightings, 0);
  EXPECT_TRUE(store_->SourceStats(run_ + 1)->empty());
}

TEST_F(Reports, ExplainNamesTheKeyThatJoinedEachSighting) {
  Page("https://a.example/job/17", "a",
       {Seen(Job("IT-Leiter", "Muster GmbH", "Hagen", "https://a.example/job/17", "DS-17"),
             "https://a.example/job/17")});
  Page("https://b.example/job/17", "b",
       {Seen(Job("Leitung IT", "Muster GmbH", "", "https://b.example/job/17", "DS-17"),
             "https://b.example/job/17")});
  Page("https://c.example/x", "c",
       {Seen(Job("IT-Leiter (m/w/d)", "Muster GmbH & Co. KG", "Hagen", "https://c.example/x"),
             "https://c.example/x")});
  ASSERT_EQ(testing::List(*store_).size(), 1u);
  std::int64_t id = testing::List(*store_)[0].id;

  auto explained = store_->ExplainPosting(id);
  ASSERT_TRUE(explained.ok()) << explained.status().message();
  ASSERT_TRUE(explained->has_value());
  const PostingExplanation& e = *explained.value();
  EXPECT_EQ(e.row.id, id);
  EXPECT_EQ(e.row.url, "https://a.example/job/17");
  ASSERT_EQ(e.sightings.size(), 3u);
  EXPECT_EQ(e.sightings[1].url, "https://b.example/job/17");
  EXPECT_EQ(e.sightings[1].source, "b");
  EXPECT_EQ(e.sightings[1].last_run, run_);
  EXPECT_EQ(e.reasons,
            (std::vector<std::string>{
                "https://b.example/job/17 joined by source id (id:muster:DS-17)",
                "https://c.example/x joined by title, company and place "
                "(tcl:it leiter|muster|hagen)"}));
  EXPECT_EQ(e.keys, (std::vector<std::string>{
                        "id:muster:DS-17", "url:https://a.example/job/17",
                        "url:https://b.example/job/17", "url:https://c.example/x",
                        "tcl:it leiter|muster|hagen",
                        "tcl:leitung it|muster|"}));
}

TEST_F(Reports, ExplainingAnUnknownPostingGivesNothing) {
  auto explained = store_->ExplainPosting(12345);
  ASSERT_TRUE(explained.ok()) << explained.status().message();
  EXPECT_FALSE(explained->has_value());
}

}  // namespace
}  // namespace jobcrawler::storage
