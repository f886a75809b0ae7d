// Applicant-tracking feeds (Personio, Greenhouse, Lever) and JSON bodies of
// html sources as crawl sources, end to end against local servers that
// answer with the recorded-shape fixtures of tests/data/feeds/; and
// respect_robots_txt per source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/fake_jobsuche.h"
#include "tests/support/feed_crawl.h"
#include "tests/support/hostile_site.h"

namespace jobcrawler::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

app::HttpReply Typed(std::string body, std::string content_type) {
  app::HttpReply reply;
  reply.headers.emplace_back("Content-Type", std::move(content_type));
  reply.body = std::move(body);
  return reply;
}

// A Lever page of `count` postings in Dortmund, ids gen-<first>...
std::string LeverPage(int first, int count) {
  nlohmann::json page = nlohmann::json::array();
  for (int i = first; i < first + count; ++i) {
    page.push_back({{"id", fmt::format("gen-{}", i)},
                    {"text", fmt::format("Entwickler {}", i)},
                    {"categories", {{"location", "Dortmund"}, {"commitment", "Vollzeit"}}},
                    {"createdAt", 1793520000000},
                    {"hostedUrl", fmt::format("https://jobs.lever.co/sauerland-digital/gen-{}", i)}});
  }
  return page.dump();
}

class AtsCrawlTest : public FeedCrawlTest {
 protected:
  AtsCrawlTest() : site_("127.0.0.1") {}

  std::map<std::string, storage::PostingRow> ByIdentifier() {
    std::map<std::string, storage::PostingRow> rows;
    for (auto& row : Postings()) rows[row.posting.identifier] = row;
    return rows;
  }

  HostileSite site_;
};

TEST_F(AtsCrawlTest, APersonioFeedMatchesHagenAndNotItsConfusableNamesakes) {
  site_.On("/xml?language=de", Typed(ReadFeedData("personio_hagen.xml"), "application/xml"));
  WriteConfig(Source("volmetal", "personio", site_.Url("/xml?language=de"),
                     "company = \"Volmetal Gruppe\""));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  auto rows = ByIdentifier();
  ASSERT_EQ(rows.size(), 5u) << "the position without an id has no page and is skipped";
  EXPECT_TRUE(rows["1700101"].matched) << "IT-Leiter in Hagen";
  EXPECT_FALSE(rows["1700102"].matched) << "Hagenow is not Hagen";
  EXPECT_TRUE(rows["1700103"].matched) << "Kopenhagen, and Hagen among its further offices";
  EXPECT_FALSE(rows["1700104"].matched) << "Hagen im Bremischen is not Hagen";
  EXPECT_FALSE(rows["1700105"].matched) << "a working student is no IT lead";
  EXPECT_EQ(rows["1700101"].posting.company, "Volmetal Maschinenbau GmbH");
  EXPECT_EQ(rows["1700102"].posting.company, "Volmetal Gruppe") << "the source's company fills in";
  EXPECT_EQ(rows["1700103"].posting.locality, "Kopenhagen");
  ASSERT_EQ(rows["1700103"].posting.other_places.size(), 1u) << "its own office is not repeated";
  EXPECT_EQ(rows["1700103"].posting.other_places[0].locality, "Hagen");
  EXPECT_EQ(rows["1700101"].url, site_.Url("/job/1700101"));
  const app::HttpRequestInfo request = site_.Requests().back();
  EXPECT_THAT(request.Header("Accept"), HasSubstr("application/xml"));
  EXPECT_EQ(request.Header("X-API-Key"), "") << "only the Jobsuche gets a key";
}

TEST_F(AtsCrawlTest, AGreenhouseBoardIsOneResponse) {
  const std::string target = "/v1/boards/ennepetalsoftware/jobs?content=true";
  site_.On(target, Typed(ReadFeedData("greenhouse.json"), "application/json"));
  WriteConfig(Source("ennepetal", "greenhouse", site_.Url(target)));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  auto rows = ByIdentifier();
  ASSERT_TRUE(rows.count("4012345"));
  EXPECT_EQ(rows["4012345"].url, "https://boards.greenhouse.io/ennepetalsoftware/jobs/4012345");
  EXPECT_TRUE(rows["4012345"].matched) << rows["4012345"].posting.title;
  EXPECT_EQ(site_.Hits(target), 1);
}

TEST_F(AtsCrawlTest, ALeverFeedIsPagedUntilAPageIsNotFull) {
  const std::string page1 = "/v0/postings/sauerland-digital?mode=json&skip=0&limit=100";
  const std::string page2 = "/v0/postings/sauerland-digital?mode=json&skip=100&limit=100";
  site_.On(page1, Typed(LeverPage(1, 100), "application/json"));
  site_.On(page2, Typed(ReadFeedData("lever.json"), "application/json"));
  WriteConfig(Source("sauerland-digital", "lever",
                     site_.Url("/v0/postings/sauerland-digital?mode=json"),
                     "company = \"Sauerland Digital GmbH\""));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(site_.Hits(page1), 1);
  EXPECT_EQ(site_.Hits(page2), 1);
  auto rows = ByIdentifier();
  EXPECT_EQ(rows.size(), 102u) << "100 generated, and the two of lever.json with a page";
  const auto& lead = rows["5e3b1c2a-7d44-4f0e-9a61-2b8c3d4e5f60"];
  EXPECT_TRUE(lead.matched) << lead.posting.title;
  EXPECT_EQ(lead.posting.company, "Sauerland Digital GmbH");
  ASSERT_EQ(lead.posting.other_places.size(), 1u);
  EXPECT_EQ(lead.posting.other_places[0].locality, "Wuppertal");
}

TEST_F(AtsCrawlTest, AnHtmlSourceReadsPostingsFromAJsonBody) {
  site_.On("/jobs.feed.json", Typed(ReadFeedData("softgarden_jobs_feed.json"), "application/json"));
  WriteConfig(Source("softgarden", "html", site_.Url("/jobs.feed.json")));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_FALSE(Postings().empty());
}

TEST_F(AtsCrawlTest, AFeedsHostIsNotSearchedForSitemaps) {
  site_.On("/robots.txt", app::HttpReply::Text("User-agent: *\nAllow: /\nSitemap: " +
                                               site_.Url("/sitemap.xml") + "\n"));
  site_.On("/sitemap.xml", Typed("<urlset/>", "application/xml"));
  site_.On("/xml", Typed(ReadFeedData("personio_hagen.xml"), "application/xml"));
  use_sitemaps_ = true;
  WriteConfig(Source("volmetal", "personio", site_.Url("/xml")));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << "a sitemap read as a feed response would spoil the walk: "
                                      << run.err;
  EXPECT_EQ(site_.Hits("/sitemap.xml"), 0);
  EXPECT_EQ(site_.Hits("/robots.txt"), 1);
}

TEST_F(AtsCrawlTest, RespectRobotsTxtPerSourceOverridesTheCrawlersSetting) {
  site_.On("/robots.txt", app::HttpReply::Text("User-agent: *\nDisallow: /\n"));
  site_.On("/xml", Typed(ReadFeedData("personio_hagen.xml"), "application/xml"));
  // [crawler] respects robots.txt; the source does not.
  WriteConfig(Source("volmetal", "personio", site_.Url("/xml"), "respect_robots_txt = false"));
  EXPECT_EQ(Crawl().status, app::kExitOk);
  EXPECT_EQ(site_.Hits("/xml"), 1);
  EXPECT_EQ(site_.Hits("/robots.txt"), 0) << "a source that ignores it does not ask for it";
  // [crawler] ignores robots.txt; the source respects it.
  crawler_extra_ = "respect_robots_txt = false\n";
  WriteConfig(Source("volmetal", "personio", site_.Url("/xml"), "respect_robots_txt = true"));
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitSourceHealth);
  EXPECT_THAT(run.err, HasSubstr("WARNING: source volmetal: page 1 was not fetched: disallowed "
                                 "by robots.txt"));
  EXPECT_EQ(site_.Hits("/xml"), 1) << "disallowed this time";
  EXPECT_EQ(site_.Hits("/robots.txt"), 1);
}

}  // namespace
}  // namespace jobcrawler::testing
