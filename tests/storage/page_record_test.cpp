// SqliteStore::RecordPage for pages that come back unchanged: the links and
// postings recorded at the last real fetch stand in for a re-parse.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::AddAndLease;
using testing::Fetched;
using testing::Job;
using testing::Seen;
using testing::Url;

class UnchangedPage : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore();
    ASSERT_TRUE(store_);
  }

  // A fetch of `page` in a new run at `now` with `status` and `links`.
  PageWriteResult Fetch(const std::string& page, UnixMillis now, int status,
                        std::vector<FrontierAdd> links = {}, bool unchanged = false,
                        int depth = 0) {
    run_ = store_->BeginRun(now).value();
    PageWrite write = Fetched(AddAndLease(*store_, run_, page, now), now);
    write.page.http_status = status;
    write.links = std::move(links);
    write.unchanged = unchanged;
    write.depth = depth;
    if (unchanged) write.replay = replay_;
    auto result = store_->RecordPage(run_, write);
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? result.value() : PageWriteResult{};
  }

  // The queued entries of the current run as "url@depth".
  std::vector<std::string> Queued() {
    std::vector<std::string> out;
    auto leased = store_->LeaseFrontier(run_, 100, 100, 1 << 30, {});
    EXPECT_TRUE(leased.ok()) << leased.status().message();
    if (!leased.ok()) return out;
    for (const FrontierEntry& entry : leased.value()) {
      out.push_back(entry.url + "@" + std::to_string(entry.depth));
    }
    return out;
  }

  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
  LinkFilter replay_ = [](const FrontierAdd&) { return true; };
};

TEST_F(UnchangedPage, ReAddsTheRecordedLinksOneLevelDeeper) {
  Fetch("https://h/list", 1000, 200,
        {Url("https://h/job/1", "h", 1), Url("https://h/job/2", "h", 1)});
  PageWriteResult result = Fetch("https://h/list", 2000, 304, {}, true, 2);
  EXPECT_EQ(result.links_added, 2);
  EXPECT_EQ(Queued(), (std::vector<std::string>{"https://h/job/1@3", "https://h/job/2@3"}));
}

TEST_F(UnchangedPage, SameHashWith200ReAddsTheLinksToo) {
  Fetch("https://h/list", 1000, 200, {Url("https://h/job/1", "h", 1)});
  EXPECT_EQ(Fetch("https://h/list", 2000, 200, {}, true).links_added, 1);
}

TEST_F(UnchangedPage, ReAddsOnlyLinksNotYetInTheRun) {
  Fetch("https://h/list", 1000, 200,
        {Url("https://h/job/1", "h", 1), Url("https://h/job/2", "h", 1)});
  run_ = store_->BeginRun(2000).value();
  ASSERT_TRUE(store_->AddToFrontier(run_, {Url("https://h/job/1", "h", 1)}).ok());
  PageWrite write = Fetched(AddAndLease(*store_, run_, "https://h/list", 2000), 2000);
  write.page.http_status = 304;
  write.unchanged = true;
  write.replay = replay_;
  EXPECT_EQ(store_->RecordPage(run_, write)->links_added, 1);
}

// No recorded link may skip the source's current scope: without a filter
// nothing is replayed, and the filter sees every link.
TEST_F(UnchangedPage, ReplaysNothingWithoutAFilter) {
  Fetch("https://h/list", 1000, 200, {Url("https://h/job/1", "h", 1)});
  replay_ = nullptr;
  EXPECT_EQ(Fetch("https://h/list", 2000, 304, {}, true).links_added, 0);
  EXPECT_TRUE(Queued().empty());
}

TEST_F(UnchangedPage, ReplaysOnlyWhatTheFilterAccepts) {
  Fetch("https://h/list", 1000, 200,
        {Url("https://h/job/1", "h", 1), Url("https://h/impressum", "h", 1)});
  std::vector<std::string> asked;
  replay_ = [&asked](const FrontierAdd& link) {
    asked.push_back(link.url);
    return link.url.find("/job/") != std::string::npos;
  };
  EXPECT_EQ(Fetch("https://h/list", 2000, 304, {}, true).links_added, 1);
  EXPECT_EQ(asked.size(), 2u);
  EXPECT_EQ(Queued(), (std::vector<std::string>{"https://h/job/1@1"}));
}

TEST_F(UnchangedPage, ReplayedLinksKeepTheirUrlAsFoundAndTakeThePagesSource) {
  FrontierAdd link = Url("https://h/s?a=1&b=2", "h", 1);
  link.fetch_url = "https://h/s?b=2&a=1";
  link.source = "old-name";
  Fetch("https://h/list", 1000, 200, {link});
  Fetch("https://h/list", 2000, 304, {}, true);
  auto leased = store_->LeaseFrontier(run_, 10, 10, 1 << 30, {});
  ASSERT_TRUE(leased.ok());
  ASSERT_EQ(leased->size(), 1u);
  EXPECT_EQ(leased->at(0).fetch_url, "https://h/s?b=2&a=1");
  EXPECT_EQ(leased->at(0).source, "board");
}

TEST_F(UnchangedPage, EachChangedFetchReplacesTheRecordedLinks) {
  Fetch("https://h/list", 1000, 200, {Url("https://h/old", "h", 1)});
  Fetch("https://h/list", 2000, 200, {Url("https://h/new", "h", 1)});
  Fetch("https://h/list", 3000, 304, {}, true);
  EXPECT_EQ(Queued(), (std::vector<std::string>{"https://h/new@1"}));
}

TEST_F(UnchangedPage, OurChoiceAFailedFetchKeepsTheRecordedLinks) {
  Fetch("https://h/list", 1000, 200, {Url("https://h/job/1", "h", 1)});
  Fetch("https://h/list", 2000, 0);
  Fetch("https://h/list", 3000, 503);
  EXPECT_EQ(Fetch("https://h/list", 4000, 304, {}, true).links_added, 1);
}

TEST_F(UnchangedPage, CountsItsPostingsAsSeenAgainInThisRun) {
  std::int64_t first = store_->BeginRun(1000).value();
  testing::Record(*store_, first, "https://h/list",
                  {Seen(Job("CIO", "A GmbH", "Hagen", "https://h/job/1"), "https://h/list"),
                   Seen(Job("CTO", "B GmbH", "Hagen", "https://h/job/2"), "https://h/list")},
                  1000);
  testing::Record(*store_, first, "https://h/other",
                  {Seen(Job("CFO", "C GmbH", "Hagen", "https://h/job/3"), "https://h/other")},
                  1000);
  PageWriteResult result = Fetch("https://h/list", 5000, 304, {}, true);
  EXPECT_EQ(result.postings_new, 0);
  EXPECT_EQ(result.postings_updated, 2);
  for (const PostingRow& row : testing::List(*store_)) {
    bool on_list = row.posting.title != "CFO";
    EXPECT_EQ(row.last_seen_run, on_list ? run_ : first) << row.posting.title;
    EXPECT_EQ(row.last_seen, on_list ? 5000 : 1000) << row.posting.title;
    EXPECT_EQ(row.first_seen_run, first);
  }
}

TEST_F(UnchangedPage, APostingsOwnPageCountsWhenItLastAppearedOnAListing) {
  std::int64_t first = store_->BeginRun(1000).value();
  parsers::Posting job = Job("CIO", "A GmbH", "Hagen", "https://h/job/1");
  testing::Record(*store_, first, "https://h/job/1", {Seen(job, "https://h/job/1")}, 1000);
  testing::Record(*store_, first, "https://h/list", {Seen(job, "https://h/list")}, 1100);
  EXPECT_EQ(Fetch("https://h/job/1", 5000, 304, {}, true).postings_updated, 1);
  EXPECT_EQ(testing::List(*store_)[0].last_seen_run, run_);
}

TEST_F(UnchangedPage, IsAllOrNothing) {
  Fetch("https://h/list", 1000, 200, {Url("https://h/job/1", "h", 1)});
  run_ = store_->BeginRun(2000).value();
  PageWrite write = Fetched(AddAndLease(*store_, run_, "https://h/list", 2000), 2000);
  write.page.http_status = 304;
  write.unchanged = true;
  write.replay = replay_;
  write.sightings = {Seen(Job("CTO", "B GmbH", "Hagen"), "")};  // no URL at all
  ASSERT_FALSE(store_->RecordPage(run_, write).ok());
  FrontierCounts counts = store_->CountFrontier(run_).value();
  EXPECT_EQ(counts.queued, 0);
  EXPECT_EQ(counts.leased, 1);
}

}  // namespace
}  // namespace jobcrawler::storage
