#include "parsers/feeds/feed_paging.h"

#include <gtest/gtest.h>

#include <string>

#include "parsers/feeds/feed.h"

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kSearch =
    "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs"
    "?was=IT-Leiter&wo=Hagen&umkreis=25&angebotsart=1";
constexpr std::string_view kLever = "https://api.lever.co/v0/postings/sauerland-digital?mode=json";

// A Jobsuche response of `listed` results out of `total`.
std::string JobsucheBody(int listed, int total, int page) {
  std::string body = R"({"ergebnisliste":[)";
  for (int i = 0; i < listed; ++i) {
    if (i > 0) body += ',';
    body += R"({"referenznummer":"10001-)" + std::to_string(page * 1000 + i) +
            R"(-S","stellenangebotsTitel":"IT-Leiter"})";
  }
  body += R"(],"maxErgebnisse":)" + std::to_string(total) + R"(,"page":)" + std::to_string(page) +
          R"(,"size":100})";
  return body;
}

FeedPage JobsuchePage(int listed, int total, int page) {
  return ParseFeed(FeedType::kArbeitsagentur, JobsucheBody(listed, total, page), "", {});
}

TEST(JobsuchePaging, SetsPageAndSizeKeepingTheOtherParametersInOrder) {
  EXPECT_EQ(JobsuchePageUrl(kSearch, 1).url, std::string(kSearch) + "&page=1&size=100");
  EXPECT_EQ(JobsuchePageUrl(kSearch, 7).url, std::string(kSearch) + "&page=7&size=100");
}

TEST(JobsuchePaging, ReplacesPageAndSizeWhereTheyStand) {
  EXPECT_EQ(
      JobsuchePageUrl("https://rest.example/jobs?size=25&was=CIO&page=3&wo=Hagen&page=9", 2).url,
      "https://rest.example/jobs?size=100&was=CIO&page=2&wo=Hagen");
}

TEST(JobsuchePaging, KeepsEncodedParametersAndDropsTheFragment) {
  EXPECT_EQ(JobsuchePageUrl("https://rest.example/jobs?was=IT%20Leiter&wo=M%C3%BCnster#top", 1).url,
            "https://rest.example/jobs?was=IT%20Leiter&wo=M%C3%BCnster&page=1&size=100");
}

TEST(JobsuchePaging, NeverBuildsAPagePastTenThousandResults) {
  EXPECT_TRUE(JobsuchePageUrl(kSearch, 100).ok());  // 100 * 100 = 10,000: served
  const PageUrl beyond = JobsuchePageUrl(kSearch, 101);
  EXPECT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.url, "");
  EXPECT_TRUE(beyond.error.starts_with("search too broad")) << beyond.error;
}

TEST(JobsuchePaging, RejectsBadInput) {
  EXPECT_FALSE(JobsuchePageUrl(kSearch, 0).ok());
  EXPECT_FALSE(JobsuchePageUrl("rest.arbeitsagentur.de/jobs", 1).ok());
  EXPECT_FALSE(JobsuchePageUrl("ftp://rest.example/jobs", 1).ok());
  EXPECT_FALSE(JobsuchePageUrl("", 1).ok());
}

TEST(JobsuchePaging, WalksToTheLastPage) {
  const FeedPage first = JobsuchePage(100, 250, 1);
  const PageStep step1 = NextFeedPage(FeedType::kArbeitsagentur, kSearch, 1, first);
  EXPECT_EQ(step1.next_url, std::string(kSearch) + "&page=2&size=100");
  EXPECT_FALSE(step1.too_broad);
  const PageStep step2 =
      NextFeedPage(FeedType::kArbeitsagentur, kSearch, 2, JobsuchePage(100, 250, 2));
  EXPECT_EQ(step2.next_url, std::string(kSearch) + "&page=3&size=100");
  const PageStep step3 =
      NextFeedPage(FeedType::kArbeitsagentur, kSearch, 3, JobsuchePage(50, 250, 3));
  EXPECT_EQ(step3.next_url, "");
  EXPECT_TRUE(step3.complete);
  EXPECT_EQ(step3.message, "");
}

TEST(JobsuchePaging, StopsAfterTheTotalEvenOnAFullPage) {
  const PageStep step =
      NextFeedPage(FeedType::kArbeitsagentur, kSearch, 2, JobsuchePage(100, 200, 2));
  EXPECT_EQ(step.next_url, "");
  EXPECT_TRUE(step.complete);
}

TEST(JobsuchePaging, StopsAtZeroHits) {
  const FeedPage empty =
      ParseFeed(FeedType::kArbeitsagentur, R"({"maxErgebnisse":0,"page":1,"size":100})", "", {});
  ASSERT_EQ(empty.shape, FeedShape::kEmpty);
  const PageStep step = NextFeedPage(FeedType::kArbeitsagentur, kSearch, 1, empty);
  EXPECT_EQ(step.next_url, "");
  EXPECT_TRUE(step.complete);
}

TEST(JobsuchePaging, TooBroadSearchIsFlaggedFromTheFirstPageAndEndsAtTheCap) {
  const PageStep first =
      NextFeedPage(FeedType::kArbeitsagentur, kSearch, 1, JobsuchePage(100, 45901, 1));
  EXPECT_TRUE(first.too_broad);
  EXPECT_NE(first.next_url, "");  // the reachable pages are still read
  EXPECT_NE(first.message.find("45901 results"), std::string::npos) << first.message;
  const PageStep last =
      NextFeedPage(FeedType::kArbeitsagentur, kSearch, 100, JobsuchePage(100, 45901, 100));
  EXPECT_EQ(last.next_url, "");
  EXPECT_TRUE(last.too_broad);
  EXPECT_FALSE(last.complete);
  EXPECT_TRUE(last.message.starts_with("search too broad")) << last.message;
}

TEST(JobsuchePaging, FullLastReachablePageWithoutTotalIsTooBroad) {
  FeedPage page = JobsuchePage(100, 0, 100);
  page.paging.total.reset();
  const PageStep step = NextFeedPage(FeedType::kArbeitsagentur, kSearch, 100, page);
  EXPECT_EQ(step.next_url, "");
  EXPECT_TRUE(step.too_broad);
  EXPECT_FALSE(step.complete);
}

TEST(JobsuchePaging, ExactlyTenThousandResultsIsComplete) {
  const PageStep step =
      NextFeedPage(FeedType::kArbeitsagentur, kSearch, 100, JobsuchePage(100, 10'000, 100));
  EXPECT_EQ(step.next_url, "");
  EXPECT_TRUE(step.complete);
  EXPECT_FALSE(step.too_broad);
}

TEST(FeedPaging, UnknownOrTruncatedResponseEndsTheWalkIncomplete) {
  const FeedPage unknown = ParseFeed(FeedType::kArbeitsagentur, R"({"x":1})", "", {});
  const PageStep step = NextFeedPage(FeedType::kArbeitsagentur, kSearch, 2, unknown);
  EXPECT_EQ(step.next_url, "");
  EXPECT_FALSE(step.complete);
  EXPECT_EQ(step.message, "response of page 2 not understood");
  FeedPage truncated = JobsuchePage(100, 250, 1);
  truncated.truncated = true;
  EXPECT_FALSE(NextFeedPage(FeedType::kArbeitsagentur, kSearch, 1, truncated).complete);
}

TEST(LeverPaging, SetsSkipLimitAndMode) {
  EXPECT_EQ(LeverPageUrl(kLever, 1).url,
            "https://api.lever.co/v0/postings/sauerland-digital?mode=json&skip=0&limit=100");
  EXPECT_EQ(LeverPageUrl("https://api.lever.co/v0/postings/x?team=IT&skip=5", 3).url,
            "https://api.lever.co/v0/postings/x?team=IT&skip=200&mode=json&limit=100");
  EXPECT_FALSE(LeverPageUrl(kLever, 0).ok());
}

TEST(LeverPaging, FollowsFullPagesOnly) {
  FeedPage full;
  full.shape = FeedShape::kOk;
  full.paging.full_page = true;
  const PageStep next = NextFeedPage(FeedType::kLever, kLever, 1, full);
  EXPECT_EQ(next.next_url,
            "https://api.lever.co/v0/postings/sauerland-digital?mode=json&skip=100&limit=100");
  FeedPage partial;
  partial.shape = FeedShape::kOk;
  const PageStep last = NextFeedPage(FeedType::kLever, kLever, 2, partial);
  EXPECT_EQ(last.next_url, "");
  EXPECT_TRUE(last.complete);
}

TEST(LeverPaging, AServerThatIgnoresSkipCannotLoop) {
  FeedPage full;
  full.shape = FeedShape::kOk;
  full.paging.full_page = true;
  const PageStep step = NextFeedPage(FeedType::kLever, kLever, kMaxLeverPages, full);
  EXPECT_EQ(step.next_url, "");
  EXPECT_FALSE(step.complete);
  EXPECT_FALSE(step.message.empty());
}

TEST(FeedPaging, SingleResponseTypesStartAtTheStartUrlAndEndThere) {
  constexpr std::string_view kPersonio = "https://volmetal.jobs.personio.de/xml?language=de";
  EXPECT_EQ(FirstFeedPageUrl(FeedType::kPersonio, kPersonio).url, kPersonio);
  EXPECT_EQ(FirstFeedPageUrl(FeedType::kArbeitsagentur, kSearch).url,
            std::string(kSearch) + "&page=1&size=100");
  FeedPage empty;
  empty.shape = FeedShape::kEmpty;
  for (FeedType type : {FeedType::kHtml, FeedType::kPersonio, FeedType::kGreenhouse}) {
    const PageStep step = NextFeedPage(type, kPersonio, 1, empty);
    EXPECT_EQ(step.next_url, "");
    EXPECT_TRUE(step.complete);
  }
}

}  // namespace
}  // namespace jobcrawler::parsers
