// What the store does with responses of feed sources: further sighting URLs
// of a posting (Sighting::also_seen_at), the walks of a run in SourceStats,
// and feed pages that answer 404.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using testing::AddAndLease;
using testing::Fetched;
using testing::Job;
using testing::List;
using testing::OpenStore;
using testing::Record;
using testing::Seen;

constexpr char kFeedPage[] = "https://api.example/jobs?page=1&size=100";
constexpr char kJobdetail[] = "https://www.arbeitsagentur.de/jobsuche/jobdetail/R-1";
constexpr char kBoardAd[] = "https://board.example/stellen/4711";

// A repost from a feed: its own page, and the board's ad it reposts.
Sighting Repost() {
  Sighting sighting = Seen(Job("IT-Leiter (m/w/d)", "Volmetal GmbH", "Hagen", kJobdetail, "R-1"),
                           kFeedPage);
  sighting.also_seen_at = {kBoardAd};
  return sighting;
}

// The board's own page of the ad: another title, another id.
Sighting BoardAd() {
  return Seen(Job("Leitung der IT", "Volmetal", "Hagen", kBoardAd, "b-4711"), kBoardAd);
}

std::set<std::string> SightingUrls(Store& store, std::int64_t id) {
  auto explained = store.ExplainPosting(id);
  EXPECT_TRUE(explained.ok() && explained.value());
  std::set<std::string> urls;
  if (explained.ok() && explained.value()) {
    for (const auto& s : explained.value()->sightings) urls.insert(s.url);
  }
  return urls;
}

TEST(FeedRecord, TheAdARepostNamesJoinsTheRepostsPosting) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  Record(*store, run, kFeedPage, {Repost()});
  PageWriteResult board = Record(*store, run, kBoardAd, {BoardAd()});
  EXPECT_EQ(board.postings_new, 0);
  const auto rows = List(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(SightingUrls(*store, rows[0].id), (std::set<std::string>{kJobdetail, kBoardAd}));
  auto explained = store->ExplainPosting(rows[0].id);
  EXPECT_THAT(explained.value()->keys, Contains(std::string("url:") + kBoardAd));
  EXPECT_THAT(explained.value()->reasons,
              Contains(HasSubstr("joined by a feed listing it as the original ad (via:")));
}

TEST(FeedRecord, ARepostNamingAnAdAlreadyStoredJoinsItsPosting) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  Record(*store, run, kBoardAd, {BoardAd()});
  PageWriteResult feed = Record(*store, run, kFeedPage, {Repost()});
  EXPECT_EQ(feed.postings_new, 0);
  EXPECT_EQ(feed.postings_updated, 1);
  const auto rows = List(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(SightingUrls(*store, rows[0].id), (std::set<std::string>{kJobdetail, kBoardAd}));
  auto explained = store->ExplainPosting(rows[0].id);
  for (const auto& sighting : explained.value()->sightings) {
    if (sighting.url == kBoardAd) {
      EXPECT_EQ(sighting.page_url, kBoardAd) << "the ad crawled there keeps its own page";
    }
  }
}

TEST(FeedRecord, WithoutTheOriginalsUrlTheTwoStayApart) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  Sighting repost = Repost();
  repost.also_seen_at.clear();
  Record(*store, run, kFeedPage, {repost});
  Record(*store, run, kBoardAd, {BoardAd()});
  EXPECT_EQ(List(*store).size(), 2u) << "different titles and ids: only the URL could join them";
}

constexpr char kCareers[] = "https://volmetal.example/karriere";

// A result of the feed that names the employer's general careers page as its
// original ad.
Sighting CareersRepost(const std::string& refnr, const std::string& title,
                       const std::string& company = "Volmetal GmbH") {
  Sighting sighting =
      Seen(Job(title, company, "Hagen",
               std::string("https://www.arbeitsagentur.de/jobsuche/jobdetail/") + refnr, refnr),
           kFeedPage);
  sighting.also_seen_at = {kCareers};
  return sighting;
}

std::vector<std::string> Keys(Store& store, std::int64_t id) {
  auto explained = store.ExplainPosting(id);
  EXPECT_TRUE(explained.ok() && explained.value());
  return explained.ok() && explained.value() ? explained.value()->keys
                                             : std::vector<std::string>{};
}

// Our choice: two identifiers of one company are two jobs, whatever page a
// feed names for both; that page shows neither.
void ExpectApartWithoutTheCareersPage(Store& store) {
  const auto rows = List(store);
  ASSERT_EQ(rows.size(), 2u) << "two refnrs are two jobs";
  for (const auto& row : rows) {
    EXPECT_THAT(SightingUrls(store, row.id), ::testing::Not(Contains(std::string(kCareers))))
        << row.posting.title;
    EXPECT_THAT(Keys(store, row.id), ::testing::Not(Contains(std::string("url:") + kCareers)))
        << row.posting.title;
  }
}

TEST(FeedRecord, TwoIdentifiedJobsNamingTheSamePageInOneWalkStayApart) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  Record(*store, run, kFeedPage, {CareersRepost("R-1", "IT-Leiter (m/w/d)")});
  PageWriteResult second = Record(*store, run, std::string(kFeedPage) + "&page=2",
                                  {CareersRepost("R-2", "Buchhalter (m/w/d)")});
  EXPECT_EQ(second.postings_new, 1);
  ExpectApartWithoutTheCareersPage(*store);
}

TEST(FeedRecord, AJobNamingAPageAnotherJobNamedInAnEarlierRunStaysApart) {
  auto store = OpenStore();
  const std::int64_t first = store->BeginRun(1000).value();
  Record(*store, first, kFeedPage, {CareersRepost("R-1", "IT-Leiter (m/w/d)")});
  ASSERT_TRUE(store->FinishRun(first, RunStatus::kCompleted, {}, 1500).ok());
  const std::int64_t second = store->BeginRun(2000).value();
  Record(*store, second, kFeedPage,
         {CareersRepost("R-2", "Lagerist (m/w/d)"), CareersRepost("R-1", "IT-Leiter (m/w/d)")});
  ExpectApartWithoutTheCareersPage(*store);
}

TEST(FeedRecord, TwoIdentifiedJobsStayApartWhateverCompanyEachNames) {
  // The service spells the employer differently in two results.
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  Record(*store, run, kFeedPage, {CareersRepost("R-1", "IT-Leiter (m/w/d)")});
  Record(*store, run, std::string(kFeedPage) + "&page=2",
         {CareersRepost("R-2", "Buchhalter (m/w/d)", "Volmetal Versorgung GmbH & Co. KG")});
  ExpectApartWithoutTheCareersPage(*store);
}

TEST(FeedRecord, AnotherIdentifierStillJoinsThroughTheJobsOwnPage) {
  // The board's page crawled there carries its own id; a repost naming it
  // joins, as does the same repost seen again in the next run.
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  Record(*store, run, kBoardAd, {BoardAd()});
  Record(*store, run, kFeedPage, {Repost()});
  ASSERT_TRUE(store->FinishRun(run, RunStatus::kCompleted, {}, 1500).ok());
  Record(*store, store->BeginRun(2000).value(), kFeedPage, {Repost()}, 2000);
  const auto rows = List(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(SightingUrls(*store, rows[0].id), (std::set<std::string>{kJobdetail, kBoardAd}));
}

PageWrite FeedWrite(Store& store, std::int64_t run, const std::string& url, FeedWalkStep step,
                    int http_status = 200) {
  PageWrite write = Fetched(AddAndLease(store, run, url), 1000);
  write.page.http_status = http_status;
  write.feed_walk = std::move(step);
  return write;
}

TEST(FeedRecord, SourceStatsCountTheRunsWalksAndTheFirstProblem) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  const std::string a = "https://api.example/jobs?page=1&size=100&was=a";
  const std::string b = "https://api.example/jobs?page=1&size=100&was=b";
  ASSERT_TRUE(store->RecordPage(run, FeedWrite(*store, run, a, {a, 1, FeedWalkState::kMore}))
                  .ok());
  ASSERT_TRUE(store->RecordPage(run, FeedWrite(*store, run, a + "&x=2",
                                               {a, 2, FeedWalkState::kComplete}))
                  .ok());
  ASSERT_TRUE(store->RecordPage(run, FeedWrite(*store, run, b, {b, 1, FeedWalkState::kMore}))
                  .ok());
  auto stats = store->SourceStats(run);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->size(), 1u);
  EXPECT_EQ(stats->at(0).feed_walks, 2);
  EXPECT_EQ(stats->at(0).feed_walks_complete, 1);
  EXPECT_EQ(stats->at(0).feed_problem,
            "the walk from " + b + " stopped after page 1: the next page was not read");
}

TEST(FeedRecord, AnIncompleteWalkStaysIncompleteForTheRun) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  const std::string a = "https://api.example/jobs?page=1&size=100";
  ASSERT_TRUE(store
                  ->RecordPage(run, FeedWrite(*store, run, a,
                                              {a, 1, FeedWalkState::kIncomplete, "page 1 failed"}))
                  .ok());
  ASSERT_TRUE(store->RecordPage(run, FeedWrite(*store, run, a + "&again=1",
                                               {a, 1, FeedWalkState::kComplete}))
                  .ok());
  auto stats = store->SourceStats(run);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->size(), 1u);
  EXPECT_EQ(stats->at(0).feed_walks_complete, 0);
  EXPECT_EQ(stats->at(0).feed_problem, "page 1 failed");
  auto next = store->SourceStats(store->BeginRun(2000).value());
  EXPECT_TRUE(next.ok() && next->empty()) << "walks are per run";
}

FeedWalkStep Step(const std::string& walk, int page, FeedWalkState state,
                  std::optional<std::int64_t> total) {
  FeedWalkStep step{walk, page, state};
  step.total = total;
  return step;
}

TEST(FeedRecord, AWalkWhosePagesStateDifferentTotalsIsIncomplete) {
  auto store = OpenStore();
  const std::int64_t run = store->BeginRun(1000).value();
  const std::string a = "https://api.example/jobs?page=1&size=100&was=a";
  const std::string b = "https://api.example/jobs?page=1&size=100&was=b";
  const std::vector<std::pair<std::string, FeedWalkStep>> steps = {
      {a, Step(a, 1, FeedWalkState::kMore, 250)},
      {a + "&x=2", Step(a, 2, FeedWalkState::kMore, 150)},
      {a + "&x=3", Step(a, 3, FeedWalkState::kComplete, 250)},
      {b, Step(b, 1, FeedWalkState::kMore, std::nullopt)},
      {b + "&x=2", Step(b, 2, FeedWalkState::kMore, 120)},
      {b + "&x=3", Step(b, 3, FeedWalkState::kComplete, 120)}};
  for (const auto& [url, step] : steps) {
    ASSERT_TRUE(store->RecordPage(run, FeedWrite(*store, run, url, step)).ok());
  }
  auto stats = store->SourceStats(run);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->size(), 1u);
  EXPECT_EQ(stats->at(0).feed_walks, 2);
  EXPECT_EQ(stats->at(0).feed_walks_complete, 1) << "a total first stated later is kept";
  EXPECT_EQ(stats->at(0).feed_problem,
            "the listing changed while it was read (250 results before page 2, 150 on it) in "
            "the walk from " + a);
}

TEST(FeedRecord, AFeedPageThatIsGoneClosesNoneOfItsPostings) {
  auto store = OpenStore();
  const std::int64_t first = store->BeginRun(1000).value();
  Record(*store, first, kFeedPage, {Repost()});
  ASSERT_TRUE(store->FinishRun(first, RunStatus::kCompleted, {}, 1500).ok());
  const std::int64_t second = store->BeginRun(2000).value();
  PageWrite gone = FeedWrite(*store, second, kFeedPage,
                             {kFeedPage, 1, FeedWalkState::kIncomplete, "page 1 failed: HTTP 404"},
                             404);
  ASSERT_TRUE(store->RecordPage(second, gone).ok());
  EXPECT_EQ(List(*store)[0].status, "active");
}

}  // namespace
}  // namespace jobcrawler::storage
