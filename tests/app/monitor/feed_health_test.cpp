// Source health of feed sources: judged by their walks (app/monitor/monitor.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/config/config.h"
#include "app/monitor/monitor.h"
#include "app/monitor/monitor_run.h"

namespace jobcrawler::app {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using storage::SourceRunStats;

SourceRunStats Feed(std::int64_t pages, std::int64_t failed, std::int64_t sightings,
                    std::int64_t walks, std::int64_t complete, std::string problem = "") {
  SourceRunStats stats;
  stats.source = "jobsuche";
  stats.pages_fetched = pages;
  stats.pages_failed = failed;
  stats.structured_pages = sightings > 0 ? 1 : 0;
  stats.sightings = sightings;
  stats.feed_walks = walks;
  stats.feed_walks_complete = complete;
  stats.feed_problem = std::move(problem);
  return stats;
}

std::vector<std::string> Messages(const std::vector<SourceWarning>& warnings) {
  std::vector<std::string> messages;
  for (const auto& w : warnings) messages.push_back(w.message);
  return messages;
}

const std::vector<FeedExpectation> kTwoWalks = {{"jobsuche", 2}};

TEST(FeedHealth, AListingReadWholeIsFineEvenWhenEmpty) {
  EXPECT_TRUE(FeedComplete(Feed(2, 0, 0, 2, 2), kTwoWalks[0]));
  EXPECT_THAT(SourceHealthWarnings({"jobsuche"}, {Feed(2, 0, 0, 2, 2)}, {Feed(2, 0, 40, 2, 2)},
                                   kTwoWalks),
              IsEmpty())
      << "the service said plainly that it lists nothing";
  EXPECT_THAT(HealthySources({Feed(2, 0, 0, 2, 2)}, {}), ElementsAre("jobsuche"));
}

TEST(FeedHealth, AWalkThatDidNotEndWarnsWithItsProblemAndClosesNothing) {
  const SourceRunStats stats = Feed(3, 1, 100, 2, 1, "page 2 failed: HTTP 500 in the walk from X");
  EXPECT_FALSE(FeedComplete(stats, kTwoWalks[0]));
  const auto warnings = SourceHealthWarnings({"jobsuche"}, {stats}, {}, kTwoWalks);
  EXPECT_THAT(Messages(warnings),
              ElementsAre("WARNING: source jobsuche: page 2 failed: HTTP 500 in the walk from X — "
                          "the listing was not read whole, so nothing it no longer lists is "
                          "closed"));
  EXPECT_THAT(HealthySources({stats}, warnings), IsEmpty());
}

TEST(FeedHealth, AStartUrlNeverReadLeavesTheListingIncomplete) {
  // One walk complete, the other never recorded (robots.txt, an unreachable host).
  EXPECT_THAT(Messages(SourceHealthWarnings({"jobsuche"}, {Feed(1, 0, 5, 1, 1)}, {}, kTwoWalks)),
              ElementsAre(::testing::HasSubstr("1 of its 2 start URLs were not read")));
  EXPECT_THAT(Messages(SourceHealthWarnings({"jobsuche"}, {}, {}, kTwoWalks)),
              ElementsAre(::testing::HasSubstr("no response of the feed was read")));
}

TEST(FeedHealth, ExpectationsCountDistinctWalksOfFeedSourcesOnly) {
  const Config config = ParseConfig(
      "[[sources]]\nname = \"page\"\nstart_urls = [\"https://a.example/\"]\n"
      "[[sources]]\nname = \"jobsuche\"\ntype = \"arbeitsagentur\"\nstart_urls = [\n"
      " \"https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter\",\n"
      " \"https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&page=2\",\n"
      " \"https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=CIO\"]\n",
      "config.toml");
  const auto feeds = FeedExpectations(config);
  ASSERT_EQ(feeds.size(), 1u);
  EXPECT_EQ(feeds[0].source, "jobsuche");
  EXPECT_EQ(feeds[0].walks, 2) << "page=2 of the same search is the same walk";
}

}  // namespace
}  // namespace jobcrawler::app
