// SqliteStore: opening, runs and the frontier. Postings are in
// sqlite_store_postings_test.cpp.
#include "storage/sqlite_store.h"

#include <gtest/gtest.h>

#include "storage/sqlite.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::storage {
namespace {

using testing::OpenStore;
using testing::Url;

std::vector<std::string> Urls(const std::vector<FrontierEntry>& entries) {
  std::vector<std::string> urls;
  for (const FrontierEntry& entry : entries) urls.push_back(entry.url);
  return urls;
}

TEST(SqliteStore, OpensAFileInWalMode) {
  jobcrawler::testing::TempDir dir;
  ASSERT_TRUE(OpenStore(dir.File("jobs.db")));
  auto db = sqlite::Database::Open(dir.File("jobs.db"));
  auto mode = db->Prepare("PRAGMA journal_mode", "x");
  ASSERT_TRUE(mode->Step("x").value());
  EXPECT_EQ(mode->ColumnText(0), "wal");
}

TEST(SqliteStore, ReopenedFileKeepsItsData) {
  jobcrawler::testing::TempDir dir;
  std::int64_t run = 0;
  {
    auto store = OpenStore(dir.File("jobs.db"));
    run = store->BeginRun(1000).value();
    ASSERT_EQ(store->AddToFrontier(run, {Url("https://a/1", "https://a:443")}).value(), 1);
  }
  auto store = OpenStore(dir.File("jobs.db"));
  EXPECT_EQ(store->UnfinishedRun().value()->id, run);
  EXPECT_EQ(store->CountFrontier(run)->queued, 1);
}

TEST(SqliteStore, OpenFailsOnAFileThatIsNotADatabase) {
  jobcrawler::testing::TempDir dir;
  {
    std::FILE* file = std::fopen(dir.File("junk.db").c_str(), "w");
    std::fputs("this is not an SQLite database, it is plain text, long enough.", file);
    std::fclose(file);
  }
  auto store = SqliteStore::Open(dir.File("junk.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("junk.db"), std::string::npos);
}

TEST(SqliteStore, RunsAreBegunFinishedAndFound) {
  auto store = OpenStore();
  EXPECT_FALSE(store->LatestRun().value().has_value());
  std::int64_t first = store->BeginRun(1000).value();
  std::int64_t second = store->BeginRun(2000).value();
  RunCounters counters;
  counters.pages_fetched = 7;
  counters.postings_new = 2;
  ASSERT_TRUE(store->FinishRun(second, RunStatus::kCompleted, counters, 3000).ok());

  std::optional<RunInfo> latest = store->LatestRun().value();
  EXPECT_EQ(latest->id, second);
  EXPECT_EQ(latest->status, RunStatus::kCompleted);
  EXPECT_EQ(latest->finished_at, 3000);
  EXPECT_EQ(latest->counters.pages_fetched, 7);
  EXPECT_EQ(latest->counters.postings_new, 2);
  EXPECT_EQ(store->UnfinishedRun().value()->id, first);
}

TEST(SqliteStore, FinishingAnUnknownRunIsAnError) {
  auto store = OpenStore();
  Status status = store->FinishRun(42, RunStatus::kFailed, {}, 1);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("42"), std::string::npos);
}

TEST(SqliteStore, AddingAKnownUrlToTheRunDoesNothing) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  EXPECT_EQ(store->AddToFrontier(run, {Url("https://a/1", "a"), Url("https://a/1", "a")}).value(),
            1);
  EXPECT_EQ(store->AddToFrontier(run, {Url("https://a/1", "a"), Url("https://a/2", "a")}).value(),
            1);
  std::int64_t next_run = store->BeginRun(1).value();
  EXPECT_EQ(store->AddToFrontier(next_run, {Url("https://a/1", "a")}).value(), 1);
}

TEST(SqliteStore, AddingToAnUnknownRunFails) {
  auto store = OpenStore();
  auto added = store->AddToFrontier(99, {Url("https://a/1", "a")});
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.status().message().find("FOREIGN KEY"), std::string::npos);
}

TEST(SqliteStore, LeasesAtMostPerHostLimitLowestDepthFirst) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store
                  ->AddToFrontier(run, {Url("https://a/deep", "a", 2), Url("https://a/1", "a", 1),
                                        Url("https://a/0", "a", 0), Url("https://b/1", "b", 1)})
                  .ok());
  auto leased = store->LeaseFrontier(run, 10, 2, 0, {});
  ASSERT_TRUE(leased.ok()) << leased.status().message();
  EXPECT_EQ(Urls(leased.value()),
            (std::vector<std::string>{"https://a/0", "https://a/1", "https://b/1"}));
  FrontierCounts counts = store->CountFrontier(run).value();
  EXPECT_EQ(counts.leased, 3);
  EXPECT_EQ(counts.queued, 1);
}

TEST(SqliteStore, LeasesAtMostTheGlobalLimitOldestFirst) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store->AddToFrontier(run, {Url("https://a/1", "a"), Url("https://b/1", "b"),
                                         Url("https://c/1", "c")})
                  .ok());
  EXPECT_EQ(Urls(store->LeaseFrontier(run, 2, 5, 0, {}).value()),
            (std::vector<std::string>{"https://a/1", "https://b/1"}));
  EXPECT_EQ(Urls(store->LeaseFrontier(run, 2, 5, 0, {}).value()),
            (std::vector<std::string>{"https://c/1"}));
  EXPECT_TRUE(store->LeaseFrontier(run, 2, 5, 0, {}).value().empty());
}

TEST(SqliteStore, LeasesNothingFromSkippedHosts) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store->AddToFrontier(run, {Url("https://a/1", "a"), Url("https://b/1", "b"),
                                         Url("https://a/2", "a"), Url("https://c/1", "c")})
                  .ok());
  auto leased = store->LeaseFrontier(run, 10, 10, 0, {"a", "c"});
  ASSERT_TRUE(leased.ok()) << leased.status().message();
  EXPECT_EQ(Urls(leased.value()), (std::vector<std::string>{"https://b/1"}));
  EXPECT_EQ(Urls(store->LeaseFrontier(run, 10, 10, 0, {"b"}).value()),
            (std::vector<std::string>{"https://a/1", "https://a/2", "https://c/1"}));
}

TEST(SqliteStore, SkippedHostsDoNotUseUpTheLimit) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(
      store
          ->AddToFrontier(run, {Url("https://slow/1", "slow"), Url("https://slow/2", "slow"),
                                Url("https://fast/1", "fast")})
          .ok());
  EXPECT_EQ(Urls(store->LeaseFrontier(run, 1, 10, 0, {"slow"}).value()),
            (std::vector<std::string>{"https://fast/1"}));
}

TEST(SqliteStore, LeasesOnlyEntriesThatAreDue) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store
                  ->AddToFrontier(
                      run, {Url("https://a/now", "a", 0, 100), Url("https://b/later", "b", 0, 500)})
                  .ok());
  EXPECT_EQ(Urls(store->LeaseFrontier(run, 10, 10, 100, {}).value()),
            (std::vector<std::string>{"https://a/now"}));
  EXPECT_EQ(store->NextQueuedTime(run).value(), 500);
  EXPECT_EQ(Urls(store->LeaseFrontier(run, 10, 10, 500, {}).value()),
            (std::vector<std::string>{"https://b/later"}));
  EXPECT_EQ(store->NextQueuedTime(run).value(), std::nullopt);
}

TEST(SqliteStore, LeasesOnlyFromTheGivenRun) {
  auto store = OpenStore();
  std::int64_t old_run = store->BeginRun(0).value();
  std::int64_t run = store->BeginRun(1).value();
  ASSERT_TRUE(store->AddToFrontier(old_run, {Url("https://a/old", "a")}).ok());
  EXPECT_TRUE(store->LeaseFrontier(run, 10, 10, 0, {}).value().empty());
}

TEST(SqliteStore, ReleaseReturnsLeasedEntriesToTheQueue) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store->AddToFrontier(run, {Url("https://a/1", "a"), Url("https://a/2", "a")}).ok());
  ASSERT_EQ(store->LeaseFrontier(run, 10, 10, 0, {})->size(), 2u);
  ASSERT_TRUE(store->ReleaseLeases(run).ok());
  EXPECT_EQ(store->CountFrontier(run)->queued, 2);
  EXPECT_EQ(store->LeaseFrontier(run, 10, 10, 0, {})->size(), 2u);
}

TEST(SqliteStore, LeaseCarriesTheValidatorsOfThePreviousFetch) {
  auto store = OpenStore();
  std::int64_t first_run = store->BeginRun(0).value();
  FrontierEntry entry = testing::AddAndLease(*store, first_run, "https://h/jobs");
  PageWrite write = testing::Fetched(entry, 1000);
  write.page.etag = "\"v1\"";
  write.page.last_modified = "Sun, 29 Nov 2026 11:30:00 GMT";
  write.page.content_hash = "abc123";
  ASSERT_TRUE(store->RecordPage(first_run, write).ok());

  std::int64_t run = store->BeginRun(2000).value();
  FrontierEntry again = testing::AddAndLease(*store, run, "https://h/jobs");
  EXPECT_EQ(again.etag, "\"v1\"");
  EXPECT_EQ(again.last_modified, "Sun, 29 Nov 2026 11:30:00 GMT");
  EXPECT_EQ(again.content_hash, "abc123");
  EXPECT_EQ(again.attempts, 0);
}

TEST(SqliteStore, OurChoiceANotModifiedFetchKeepsTheStoredValidators) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  PageWrite first = testing::Fetched(testing::AddAndLease(*store, run, "https://h/jobs"), 1000);
  first.page.etag = "\"v1\"";
  first.page.content_hash = "abc123";
  ASSERT_TRUE(store->RecordPage(run, first).ok());
  std::int64_t second_run = store->BeginRun(2000).value();
  PageWrite second =
      testing::Fetched(testing::AddAndLease(*store, second_run, "https://h/jobs"), 2000);
  second.page.http_status = 304;
  ASSERT_TRUE(store->RecordPage(second_run, second).ok());

  std::int64_t third_run = store->BeginRun(3000).value();
  FrontierEntry entry = testing::AddAndLease(*store, third_run, "https://h/jobs");
  EXPECT_EQ(entry.etag, "\"v1\"");
  EXPECT_EQ(entry.content_hash, "abc123");
}

TEST(SqliteStore, RecordPageMarksTheEntryDoneOrQueuesARetry) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  FrontierEntry entry = testing::AddAndLease(*store, run, "https://h/jobs");
  PageWrite write = testing::Fetched(entry, 1000);
  write.page.http_status = 503;
  write.retry_at = 61000;
  ASSERT_TRUE(store->RecordPage(run, write).ok());
  EXPECT_EQ(store->CountFrontier(run)->queued, 1);
  EXPECT_EQ(store->NextQueuedTime(run).value(), 61000);

  FrontierEntry retried = store->LeaseFrontier(run, 1, 1, 61000, {})->at(0);
  EXPECT_EQ(retried.attempts, 1);
  ASSERT_TRUE(store->RecordPage(run, testing::Fetched(retried, 62000)).ok());
  FrontierCounts counts = store->CountFrontier(run).value();
  EXPECT_EQ(counts.done, 1);
  EXPECT_EQ(counts.queued, 0);
}

TEST(SqliteStore, RecordPageAddsOnlyNewLinks) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  FrontierEntry entry = testing::AddAndLease(*store, run, "https://h/list");
  PageWrite write = testing::Fetched(entry, 1000);
  write.links = {Url("https://h/list", "h", 1), Url("https://h/job/1", "h", 1),
                 Url("https://h/job/1", "h", 1), Url("https://h/job/2", "h", 1)};
  auto result = store->RecordPage(run, write);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->links_added, 2);
  EXPECT_EQ(store->CountFrontier(run)->queued, 2);
}

}  // namespace
}  // namespace jobcrawler::storage
