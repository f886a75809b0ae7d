// SqliteStore: recording postings and listing them.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::AddAndLease;
using testing::Fetched;
using testing::Job;
using testing::Seen;

class Postings : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenStore();
    ASSERT_TRUE(store_);
    run_ = store_->BeginRun(0).value();
  }

  // Fetches `page_url` in `run` at `now` and records the sightings on it.
  PageWriteResult Record(const std::string& page_url, std::vector<Sighting> sightings,
                         UnixMillis now = 1000, std::int64_t run = 0) {
    if (run == 0) run = run_;
    PageWrite write = Fetched(AddAndLease(*store_, run, page_url, now), now);
    write.sightings = std::move(sightings);
    auto result = store_->RecordPage(run, write);
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? result.value() : PageWriteResult{};
  }

  std::vector<PostingRow> List(PostingQuery query = {}) {
    auto rows = store_->ListPostings(query);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows.value() : std::vector<PostingRow>{};
  }

  std::unique_ptr<SqliteStore> store_;
  std::int64_t run_ = 0;
};

TEST_F(Postings, NewPostingIsStoredWithItsSightingUrl) {
  PageWriteResult result =
      Record("https://h/job/1", {Seen(Job("IT-Leiter (m/w/d)", "Muster GmbH", "Hagen"),
                                      "https://h/job/1")});
  EXPECT_EQ(result.postings_new, 1);
  std::vector<PostingRow> rows = List();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].posting.title, "IT-Leiter (m/w/d)");
  EXPECT_EQ(rows[0].url, "https://h/job/1");
  EXPECT_EQ(rows[0].source, "board");
  EXPECT_EQ(rows[0].status, "active");
  EXPECT_TRUE(rows[0].matched);
  EXPECT_EQ(rows[0].first_seen_run, run_);
  EXPECT_TRUE(rows[0].also_seen_at.empty());
}

TEST_F(Postings, SameIdentifierAtTwoUrlsIsOnePostingSeenAtBoth) {
  Record("https://a/job", {Seen(Job("IT-Leiter", "Muster GmbH", "Hagen", "https://a/job", "J-1"),
                                "https://a/job")});
  PageWriteResult second =
      Record("https://b/job", {Seen(Job("Leitung IT", "Muster GmbH", "", "https://b/job", "J-1"),
                                    "https://b/job")});
  EXPECT_EQ(second.postings_new, 0);
  EXPECT_EQ(second.postings_updated, 1);
  std::vector<PostingRow> rows = List();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].url, "https://a/job");
  EXPECT_EQ(rows[0].also_seen_at, (std::vector<std::string>{"https://b/job"}));
}

TEST_F(Postings, SeenAgainInALaterRunUpdatesLastSeenInsteadOfAddingARow) {
  parsers::Posting job = Job("IT-Leiter", "Muster GmbH", "Hagen", "https://h/job/1");
  Record("https://h/job/1", {Seen(job, "https://h/job/1")}, 1000);
  std::int64_t later_run = store_->BeginRun(5000).value();
  PageWriteResult again =
      Record("https://h/job/1", {Seen(job, "https://h/job/1")}, 9000, later_run);
  EXPECT_EQ(again.postings_new, 0);
  EXPECT_EQ(again.postings_updated, 1);
  std::vector<PostingRow> rows = List();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].first_seen, 1000);
  EXPECT_EQ(rows[0].last_seen, 9000);
  EXPECT_EQ(rows[0].first_seen_run, run_);
  EXPECT_EQ(rows[0].last_seen_run, later_run);
}

TEST_F(Postings, DeputyHeadOfItIsNotMergedWithHeadOfIt) {
  Record("https://h/list",
         {Seen(Job("IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", "https://h/1"), "https://h/list"),
          Seen(Job("Stellvertretender IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", "https://h/2"),
               "https://h/list")});
  EXPECT_EQ(List().size(), 2u);
}

TEST_F(Postings, SameJobOnTwoBoardsMergesByTitleCompanyAndLocality) {
  Record("https://a/1", {Seen(Job("IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", "https://a/1"),
                              "https://a/1")});
  Record("https://b/9", {Seen(Job("IT-Leiter*in", "Muster GmbH & Co. KG", "Hagen", "https://b/9"),
                              "https://b/9")});
  EXPECT_EQ(List().size(), 1u);
}

TEST_F(Postings, APostingSeenTwiceOnOnePageCountsOnce) {
  parsers::Posting job = Job("IT-Leiter", "Muster GmbH", "Hagen", "https://h/job/1");
  PageWriteResult result =
      Record("https://h/list", {Seen(job, "https://h/list"), Seen(job, "https://h/list")});
  EXPECT_EQ(result.postings_new, 1);
  EXPECT_EQ(result.postings_updated, 0);
}

TEST_F(Postings, OurChoicePostingsWithoutUrlsOnAListingPageStayApart) {
  Record("https://h/list", {Seen(Job("IT-Leiter", "", "Hagen"), "https://h/list"),
                            Seen(Job("CIO", "", "Hagen"), "https://h/list")});
  EXPECT_EQ(List().size(), 2u);
}

// One URL-less job beside a job with its own URL: the listing's URL must
// not become its identity, or the next URL-less job there would merge in.
TEST_F(Postings, AUrlLessPostingBesideOthersDoesNotTakeTheListingUrl) {
  parsers::Posting linked = Job("Leiter Vertrieb", "A GmbH", "Hagen", "https://h/job/1");
  Record("https://h/list",
         {Seen(linked, "https://h/list"), Seen(Job("IT-Leiter", "B GmbH", "Hagen"), "https://h/list")});
  std::int64_t next = store_->BeginRun(2000).value();
  Record("https://h/list",
         {Seen(linked, "https://h/list"), Seen(Job("CIO", "C AG", "Hagen"), "https://h/list")}, 2000,
         next);
  EXPECT_EQ(List().size(), 3u);
}

TEST_F(Postings, TheOnlyPostingOfAPageIsIdentifiedByThePageUrl) {
  Record("https://h/job/7", {Seen(Job("IT-Leiter", "B GmbH", "Hagen"), "https://h/job/7")});
  std::int64_t next = store_->BeginRun(2000).value();
  // Retitled on the same page: the page URL still says it is the same job.
  Record("https://h/job/7", {Seen(Job("IT-Leiter (m/w/d)", "B GmbH", "Hagen"), "https://h/job/7")},
         2000, next);
  EXPECT_EQ(List().size(), 1u);
}

TEST_F(Postings, TheMostCompleteRecordBecomesBestAndGapsAreFilled) {
  parsers::Posting teaser = Job("IT-Leiter", "Muster GmbH", "Hagen", "https://board/7");
  teaser.remote = "hybrid";
  Record("https://board/7", {Seen(teaser, "https://board/7")});
  parsers::Posting full = Job("IT-Leiter (m/w/d)", "Muster GmbH", "Hagen", "https://muster/jobs/7");
  full.postal_code = "58095";
  full.salary_min = 85000;
  full.salary_currency = "EUR";
  full.salary_period = "YEAR";
  Record("https://muster/jobs/7", {Seen(full, "https://muster/jobs/7")});

  std::vector<PostingRow> rows = List();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].url, "https://muster/jobs/7");
  EXPECT_EQ(rows[0].posting.title, "IT-Leiter (m/w/d)");
  EXPECT_EQ(rows[0].posting.salary_min, 85000);
  EXPECT_EQ(rows[0].posting.remote, "hybrid");
  EXPECT_EQ(rows[0].also_seen_at, (std::vector<std::string>{"https://board/7"}));
}

TEST_F(Postings, ListsNewestFirstAndFilters) {
  Record("https://h/1", {Seen(Job("CIO", "A GmbH", "Hagen", "https://h/1"), "https://h/1", false)},
         1000);
  std::int64_t later_run = store_->BeginRun(1500).value();
  Record("https://h/2", {Seen(Job("CTO", "B GmbH", "Hagen", "https://h/2"), "https://h/2")}, 2000,
         later_run);
  std::vector<PostingRow> all = List();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].posting.title, "CTO");
  EXPECT_EQ(all[1].posting.title, "CIO");
  PostingQuery first_run;
  first_run.first_seen_run = run_;
  EXPECT_EQ(List(first_run).size(), 1u);
  PostingQuery matched_only;
  matched_only.matched_only = true;
  std::vector<PostingRow> matched = List(matched_only);
  ASSERT_EQ(matched.size(), 1u);
  EXPECT_EQ(matched[0].posting.title, "CTO");
}

TEST_F(Postings, ListFiltersCombineWithAnd) {
  Record("https://h/1", {Seen(Job("CIO", "A GmbH", "Hagen", "https://h/1"), "https://h/1", false)},
         1000);
  std::int64_t second = store_->BeginRun(1500).value();
  Record("https://h/2", {Seen(Job("CTO", "B GmbH", "Hagen", "https://h/2"), "https://h/2")}, 2000,
         second);
  Record("https://h/3", {Seen(Job("CFO", "C GmbH", "Hagen", "https://h/3"), "https://h/3")}, 2100,
         second);
  std::int64_t third = store_->BeginRun(3000).value();
  testing::Record(*store_, third, "https://h/3", {}, 3000, 404);

  auto titles = [&](auto set_filters) {
    PostingQuery query;
    set_filters(query);
    return testing::Titles(List(query));
  };
  using Titles = std::vector<std::string>;
  EXPECT_EQ(titles([](PostingQuery& q) { q.first_seen_since = 2000; }), (Titles{"CFO", "CTO"}));
  EXPECT_EQ(titles([&](PostingQuery& q) { q.first_seen_since_run = second; }),
            (Titles{"CFO", "CTO"}));
  EXPECT_EQ(titles([](PostingQuery& q) { q.status = "active"; }), (Titles{"CTO", "CIO"}));
  EXPECT_EQ(titles([](PostingQuery& q) { q.status = "closed"; }), (Titles{"CFO"}));
  EXPECT_EQ(titles([&](PostingQuery& q) { q.closed_run = third; }), (Titles{"CFO"}));
  EXPECT_EQ(titles([&](PostingQuery& q) { q.closed_run = second; }), Titles{});
  EXPECT_EQ(titles([&](PostingQuery& q) {
              q.first_seen_since_run = second;
              q.status = "active";
            }),
            (Titles{"CTO"}));
  EXPECT_EQ(titles([&](PostingQuery& q) {
              q.first_seen_since = 1000;
              q.matched_only = true;
              q.status = "closed";
              q.closed_run = third;
            }),
            (Titles{"CFO"}));
  EXPECT_EQ(titles([&](PostingQuery& q) {
              q.first_seen_run = run_;
              q.status = "closed";
            }),
            Titles{});
}

TEST_F(Postings, ListedRowsCarryHowTheyClosed) {
  Record("https://h/1", {Seen(Job("CIO", "A GmbH", "Hagen", "https://h/1"), "https://h/1")}, 1000);
  std::vector<PostingRow> open = List();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].closed_at, 0);
  EXPECT_EQ(open[0].closed_run, 0);
  EXPECT_EQ(open[0].closed_reason, "");
  std::int64_t later = store_->BeginRun(2000).value();
  testing::Record(*store_, later, "https://h/1", {}, 2500, 410);
  std::vector<PostingRow> closed = List();
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].status, "closed");
  EXPECT_EQ(closed[0].closed_at, 2500);
  EXPECT_EQ(closed[0].closed_run, later);
  EXPECT_EQ(closed[0].closed_reason, "gone");
}

TEST_F(Postings, RecordPageIsAllOrNothing) {
  FrontierEntry entry = AddAndLease(*store_, run_, "https://h/list");
  PageWrite write = Fetched(entry, 1000);
  write.page.etag = "\"v1\"";
  write.links = {testing::Url("https://h/job/1", "h", 1)};
  // The second sighting has no URL at all: the store refuses it, and with it
  // the whole page.
  write.sightings = {Seen(Job("CIO", "A GmbH", "Hagen", "https://h/job/1"), "https://h/list"),
                     Seen(Job("CTO", "B GmbH", "Hagen"), "")};
  auto result = store_->RecordPage(run_, write);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("https://h/list: posting 2"), std::string::npos)
      << result.status().message();
  EXPECT_NE(result.status().message().find("CHECK constraint failed"), std::string::npos);

  EXPECT_TRUE(List().empty());
  FrontierCounts counts = store_->CountFrontier(run_).value();
  EXPECT_EQ(counts.leased, 1);
  EXPECT_EQ(counts.queued, 0);
  EXPECT_EQ(counts.done, 0);
  std::int64_t next_run = store_->BeginRun(2000).value();
  EXPECT_EQ(AddAndLease(*store_, next_run, "https://h/list").etag, "");  // no page row
}

TEST_F(Postings, RecordPageForAnotherRunsEntryFailsAndWritesNothing) {
  FrontierEntry entry = AddAndLease(*store_, run_, "https://h/job/1");
  PageWrite write = Fetched(entry, 1000);
  write.sightings = {Seen(Job("CIO", "A GmbH", "Hagen", "https://h/job/1"), "https://h/job/1")};
  auto result = store_->RecordPage(run_ + 1, write);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("not in run"), std::string::npos);
  EXPECT_TRUE(List().empty());
  EXPECT_EQ(store_->CountFrontier(run_)->leased, 1);
}

}  // namespace
}  // namespace jobcrawler::storage
