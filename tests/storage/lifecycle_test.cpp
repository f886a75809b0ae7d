// Postings closing and reopening across runs: 404/410 in RecordPage,
// expiry and missed runs in CloseStale.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::Job;
using testing::Seen;

constexpr int kMissedRuns = 2;

class Lifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore();
    ASSERT_TRUE(store_);
  }

  std::int64_t Begin() {
    now_ += 1000;
    run_ = store_->BeginRun(now_).value();
    return run_;
  }

  // Records a fetch of `url` (a page of `source`) in the current run.
  PageWriteResult Page(const std::string& url, const std::string& source,
                       std::vector<Sighting> sightings, int status = 200,
                       bool unchanged = false) {
    EXPECT_TRUE(store_->AddToFrontier(run_, {{url, "https://h:443", source, 0, 0}}).ok());
    auto leased = store_->LeaseFrontier(run_, 100, 100, now_, {});
    EXPECT_TRUE(leased.ok() && leased->size() == 1) << url;
    if (!leased.ok() || leased->size() != 1) return {};
    PageWrite write = testing::Fetched(leased->front(), now_);
    write.page.http_status = status;
    write.unchanged = unchanged;
    write.sightings = std::move(sightings);
    auto result = store_->RecordPage(run_, write);
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? result.value() : PageWriteResult{};
  }

  // A posting page of `source` showing `title` at its own URL.
  PageWriteResult JobPage(const std::string& url, const std::string& title,
                          const std::string& source = "board", std::string valid_through = "") {
    parsers::Posting job = Job(title, "Muster GmbH", "Hagen", url);
    job.valid_through = std::move(valid_through);
    return Page(url, source, {Seen(job, url)});
  }

  LifecycleResult Close(const std::vector<std::string>& healthy, std::string today = "2026-12-01") {
    LifecycleRules rules{kMissedRuns, std::move(today), now_ + 500};
    auto result = store_->CloseStale(run_, healthy, rules);
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? result.value() : LifecycleResult{};
  }

  PostingRow Row(const std::string& title) {
    for (PostingRow& row : testing::List(*store_)) {
      if (row.posting.title == title) return row;
    }
    ADD_FAILURE() << "no posting " << title;
    return {};
  }

  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
  UnixMillis now_ = 0;
};

TEST_F(Lifecycle, JobsAppearChangeAndDisappearOverRuns) {
  Begin();
  JobPage("https://h/cio", "CIO");
  JobPage("https://h/cto", "CTO");
  EXPECT_EQ(Close({"board"}).closed_unseen, 0);

  std::int64_t second = Begin();
  // Changed: a more complete record replaces the title.
  JobPage("https://h/cio", "CIO (m/w/d)", "board", "2027-01-31");
  JobPage("https://h/head", "Head of IT");  // new; CTO is missing once
  EXPECT_EQ(Close({"board"}).closed_unseen, 0);
  EXPECT_EQ(Row("CTO").status, "active");

  std::int64_t third = Begin();
  JobPage("https://h/cio", "CIO (m/w/d)");
  JobPage("https://h/head", "Head of IT");
  LifecycleResult closed = Close({"board"});
  EXPECT_EQ(closed.closed_unseen, 1);
  EXPECT_EQ(closed.closed_expired, 0);

  PostingRow cto = Row("CTO");
  EXPECT_EQ(cto.status, "closed");
  EXPECT_EQ(cto.closed_reason, "unseen");
  EXPECT_EQ(cto.closed_run, third);
  EXPECT_EQ(cto.closed_at, now_ + 500);
  EXPECT_EQ(Row("CIO (m/w/d)").status, "active");
  EXPECT_EQ(Row("Head of IT").first_seen_run, second);
  PostingQuery closed_now;
  closed_now.closed_run = third;
  EXPECT_EQ(testing::Titles(testing::List(*store_, closed_now)), std::vector<std::string>{"CTO"});
}

TEST_F(Lifecycle, AFailedSourceClosesNothingOfThatSource) {
  Begin();
  JobPage("https://a/1", "CIO", "a");
  JobPage("https://b/1", "CTO", "b");
  Close({"a", "b"});
  for (int i = 0; i < kMissedRuns; ++i) {
    Begin();  // source b is unreachable; a no longer lists the CIO
    Page("https://b/1", "b", {}, 0);
    Close({"a"});
  }
  EXPECT_EQ(Row("CIO").status, "closed");
  EXPECT_EQ(Row("CTO").status, "active");

  Begin();  // b is back, without the CTO: its first healthy miss
  Close({"a", "b"});
  EXPECT_EQ(Row("CTO").status, "active");
  Begin();
  EXPECT_EQ(Close({"a", "b"}).closed_unseen, 1);
  EXPECT_EQ(Row("CTO").status, "closed");
}

TEST_F(Lifecycle, ARunThatNeverClosedDoesNotCount) {
  Begin();
  JobPage("https://h/1", "CIO");
  Close({"board"});
  Begin();  // interrupted: CloseStale never called
  Begin();
  Close({"board"});
  EXPECT_EQ(Row("CIO").status, "active");
}

TEST_F(Lifecycle, APostingSeenOnTwoSourcesNeedsBothReached) {
  Begin();
  JobPage("https://a/1", "CIO", "a");
  Page("https://b/1", "b",
       {Seen(Job("CIO", "Muster GmbH", "Hagen", "https://b/1"), "https://b/1")});
  Close({"a", "b"});
  for (int i = 0; i < kMissedRuns; ++i) {
    Begin();
    Close({"a"});
  }
  EXPECT_EQ(Row("CIO").status, "active");
}

TEST_F(Lifecycle, PostingsPastTheirValidThroughCloseAsExpired) {
  Begin();
  JobPage("https://h/1", "CIO", "board", "2026-11-30");
  JobPage("https://h/2", "CTO", "board", "2026-12-01T23:59:00+01:00");
  JobPage("https://h/3", "CFO");
  LifecycleResult result = Close({"board"}, "2026-12-01");
  EXPECT_EQ(result.closed_expired, 1);
  EXPECT_EQ(Row("CIO").closed_reason, "expired");
  EXPECT_EQ(Row("CIO").closed_run, run_);
  EXPECT_EQ(Row("CTO").status, "active");
  EXPECT_EQ(Row("CFO").status, "active");
}

TEST_F(Lifecycle, OurChoiceAnExpiredPostingStaysClosedUntilItsDateMoves) {
  Begin();
  JobPage("https://h/1", "CIO", "board", "2026-11-30");
  Close({"board"});
  Begin();
  JobPage("https://h/1", "CIO", "board", "2026-11-30");
  EXPECT_EQ(Row("CIO").status, "closed");
  Begin();
  JobPage("https://h/1", "CIO", "board", "2026-12-31");
  EXPECT_EQ(Row("CIO").status, "active");
  EXPECT_EQ(Row("CIO").closed_reason, "");
}

TEST_F(Lifecycle, A404Or410ClosesThePostingsOfThatPageAsGone) {
  Begin();
  JobPage("https://h/1", "CIO");
  JobPage("https://h/2", "CTO");
  JobPage("https://h/3", "CFO");
  std::int64_t second = Begin();
  Page("https://h/1", "board", {}, 404);
  Page("https://h/2", "board", {}, 410);
  Page("https://h/3", "board", {}, 500);
  EXPECT_EQ(Row("CIO").closed_reason, "gone");
  EXPECT_EQ(Row("CIO").closed_run, second);
  EXPECT_EQ(Row("CTO").closed_reason, "gone");
  EXPECT_EQ(Row("CFO").status, "active");
}

TEST_F(Lifecycle, A404KeepsAPostingSeenAtAnotherUrlInThisRun) {
  Begin();
  JobPage("https://a/1", "CIO", "a");
  JobPage("https://b/1", "CIO", "b");
  Begin();
  JobPage("https://b/1", "CIO", "b");
  Page("https://a/1", "a", {}, 404);
  EXPECT_EQ(Row("CIO").status, "active");
}

TEST_F(Lifecycle, AClosedPostingSeenAgainReopens) {
  Begin();
  JobPage("https://h/1", "CIO");
  Begin();
  Page("https://h/1", "board", {}, 404);
  ASSERT_EQ(Row("CIO").status, "closed");
  std::int64_t third = Begin();
  JobPage("https://h/1", "CIO");
  PostingRow row = Row("CIO");
  EXPECT_EQ(row.status, "active");
  EXPECT_EQ(row.closed_at, 0);
  EXPECT_EQ(row.closed_run, 0);
  EXPECT_EQ(row.closed_reason, "");
  EXPECT_EQ(row.last_seen_run, third);
}

TEST_F(Lifecycle, AnUnchangedPageReopensItsPostings) {
  Begin();
  Page("https://h/list", "board",
       {Seen(Job("CIO", "Muster GmbH", "Hagen", "https://h/1"), "https://h/list")});
  Close({"board"});
  for (int i = 0; i < kMissedRuns; ++i) {
    Begin();
    Close({"board"});
  }
  ASSERT_EQ(Row("CIO").closed_reason, "unseen");
  Begin();
  EXPECT_EQ(Page("https://h/list", "board", {}, 304, true).postings_updated, 1);
  EXPECT_EQ(Row("CIO").status, "active");
  EXPECT_EQ(Close({"board"}).closed_unseen, 0);
}

TEST_F(Lifecycle, ClosingTwiceForOneRunClosesNothingMore) {
  Begin();
  JobPage("https://h/1", "CIO", "board", "2026-01-01");
  EXPECT_EQ(Close({"board"}).closed_expired, 1);
  LifecycleResult again = Close({"board"});
  EXPECT_EQ(again.closed_expired, 0);
  EXPECT_EQ(again.closed_unseen, 0);
}

TEST_F(Lifecycle, ClosingForAnUnknownRunFailsNamingTheRun) {
  auto result = store_->CloseStale(77, {"board"}, LifecycleRules{});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("run 77"), std::string::npos)
      << result.status().message();
}

}  // namespace
}  // namespace jobcrawler::storage
