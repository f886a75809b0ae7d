// ProcessPage for feed sources (crawler/feed_processor.h) and for JSON
// bodies of html sources, on the recorded-shape fixtures.
#include "crawler/feed_processor.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crawler/feed_source.h"
#include "crawler/scope.h"

namespace jobcrawler::crawler {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using parsers::FeedType;
using storage::FeedWalkState;

constexpr char kSearch[] =
    "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&wo=Hagen";

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(JOBCRAWLER_TEST_DATA_DIR) + "/feeds/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A Jobsuche answer with `count` results on page `page` of `total`.
std::string JobsuchePage(int page, int count, int total) {
  nlohmann::json answer = nlohmann::json::parse(Fixture("jobsuche_v6_hagen.json"));
  nlohmann::json item = answer["ergebnisliste"][0];
  answer["ergebnisliste"] = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    item["referenznummer"] = fmt::format("R-{}-{}", page, i);
    answer["ergebnisliste"].push_back(item);
  }
  answer["maxErgebnisse"] = total;
  answer["page"] = page;
  return answer.dump();
}

struct Feed {
  explicit Feed(FeedType type, std::string start = kSearch) {
    source.type = type;
    source.start_urls = {start};
    source.company = "Quelle GmbH";
    scope = std::make_unique<SourceScope>(source);
    entry.id = 3;
    entry.source = "feed";
    entry.depth = 0;
  }
  // The write for `body` answered to page `page` of the walk.
  storage::PageWrite Answer(int page, std::string body, long status = 200) {
    std::string url = kSearch;
    if (source.type == FeedType::kArbeitsagentur) url = JobsuchePageUrl(page);
    entry.url = url;
    entry.fetch_url = url;
    FetchResult result;
    result.url = url;
    result.final_url = url;
    result.status = status;
    result.content_type = "application/json";
    result.body = std::move(body);
    return ProcessPage(result, {.entry = &entry, .scope = scope.get(), .matcher = &matcher,
                                .max_depth = 0, .now = 1000});
  }
  static std::string JobsuchePageUrl(int page) {
    return fmt::format("{}&page={}&size=100", kSearch, page);
  }

  Source source{.name = "feed", .start_urls = {}, .follow = {}};
  std::unique_ptr<SourceScope> scope;
  parsers::Matcher matcher{parsers::MatchRules{}};
  storage::FrontierEntry entry;
};

TEST(FeedProcessor, AFullPageQueuesTheNextAtTheSameDepthWhateverMaxDepthSays) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(1, JobsuchePage(1, 100, 250));
  ASSERT_EQ(write.links.size(), 1u);
  EXPECT_EQ(write.links[0].fetch_url, Feed::JobsuchePageUrl(2));
  EXPECT_EQ(write.links[0].depth, 0);
  EXPECT_EQ(write.links[0].source, "feed");
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kMore);
  EXPECT_EQ(write.feed_walk->page, 1);
  EXPECT_EQ(write.feed_walk->walk, FeedWalkKey(FeedType::kArbeitsagentur, kSearch));
  EXPECT_EQ(write.sightings.size(), 100u);
  EXPECT_FALSE(write.unchanged);
}

TEST(FeedProcessor, TheLastPageCompletesTheWalk) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(3, JobsuchePage(3, 50, 250));
  EXPECT_TRUE(write.links.empty());
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kComplete);
  EXPECT_EQ(write.feed_walk->page, 3);
  EXPECT_EQ(write.feed_walk->total, 250) << "the store compares it with the first page's";
  EXPECT_EQ(write.page.error, "");
}

TEST(FeedProcessor, AFullPageAtTheCapEndsTheWalkTooBroad) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(100, JobsuchePage(100, 100, 20'000));
  EXPECT_TRUE(write.links.empty()) << "page 101 would be answered 400";
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kIncomplete);
  EXPECT_THAT(write.feed_walk->message, HasSubstr("search too broad: 20000 results"));
}

TEST(FeedProcessor, AnUnknownShapeIsAPageErrorAndAnIncompleteWalk) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(1, Fixture("jobsuche_unknown_shape.json"));
  EXPECT_THAT(write.page.error, HasSubstr("feed response not understood: no ergebnisliste"));
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kIncomplete);
  EXPECT_THAT(write.feed_walk->message, HasSubstr("response of page 1 not understood"));
  EXPECT_TRUE(write.sightings.empty());
}

TEST(FeedProcessor, AZeroHitAnswerCompletesTheWalkEmpty) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(1, Fixture("jobsuche_v6_zero_hits.json"));
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kComplete);
  EXPECT_TRUE(write.sightings.empty());
}

TEST(FeedProcessor, AFailedPageEndsTheWalkSayingWhatWasSent) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(2, "{}", 403);
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kIncomplete);
  EXPECT_THAT(write.feed_walk->message,
              HasSubstr("page 2 failed: HTTP 403; sent X-API-Key: jobboerse-jobsuche"));
  EXPECT_THAT(write.page.error, HasSubstr("sent X-API-Key"));
  EXPECT_TRUE(write.sightings.empty());
}

TEST(FeedProcessor, ABodyCutAtMaxBodyBytesEndsTheWalkIncomplete) {
  Feed feed(FeedType::kPersonio, "https://volmetal.jobs.personio.de/xml");
  feed.source.start_urls = {"https://volmetal.jobs.personio.de/xml"};
  FetchResult result;
  result.url = result.final_url = feed.entry.url = "https://volmetal.jobs.personio.de/xml";
  result.status = 200;
  result.body = Fixture("personio_hagen.xml");
  result.truncated = true;
  storage::PageWrite write = ProcessPage(
      result, {.entry = &feed.entry, .scope = feed.scope.get(), .matcher = &feed.matcher});
  ASSERT_TRUE(write.feed_walk);
  EXPECT_EQ(write.feed_walk->state, FeedWalkState::kIncomplete);
  EXPECT_THAT(write.feed_walk->message, HasSubstr("cut at [crawler] max_body_bytes"));
}

TEST(FeedProcessor, RepostsKeepTheOriginalAdAsACanonicalSightingUrl) {
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(1, Fixture("jobsuche_v6_hagen.json"));
  ASSERT_EQ(write.sightings.size(), 3u);
  const storage::Sighting& first = write.sightings[0];
  EXPECT_EQ(first.posting.url, "https://www.arbeitsagentur.de/jobsuche/jobdetail/10001-1000123456-S");
  EXPECT_THAT(first.also_seen_at,
              ElementsAre("https://karriere.volmetal-versorgung.example/stellen/it-leiter-4711"));
  EXPECT_THAT(write.sightings[2].also_seen_at,
              ElementsAre("http://www.lennepark-kliniken.example/jobs/teamleiter-it"));
  EXPECT_EQ(first.page_url, feed.entry.url);
  EXPECT_TRUE(first.matched) << first.posting.title;
  // The second job names Dortmund first and Hagen as a further place.
  ASSERT_EQ(write.sightings[1].posting.other_places.size(), 1u);
  EXPECT_EQ(write.sightings[1].posting.other_places[0].locality, "Hagen");
}

TEST(FeedProcessor, AnAddressSeveralResultsOfAResponseNameIsASightingOfNone) {
  // Our choice: an employer's general careers page given as the original ad
  // of several jobs shows none of them.
  nlohmann::json answer = nlohmann::json::parse(Fixture("jobsuche_v6_hagen.json"));
  auto& results = answer["ergebnisliste"];
  ASSERT_EQ(results.size(), 3u);
  results[0]["externeURL"] = "https://www.volmetal.example/karriere";
  results[1]["externeURL"] = "https://www.volmetal.example/karriere#jobs";
  Feed feed(FeedType::kArbeitsagentur);
  storage::PageWrite write = feed.Answer(1, answer.dump());
  ASSERT_EQ(write.sightings.size(), 3u);
  EXPECT_TRUE(write.sightings[0].also_seen_at.empty());
  EXPECT_TRUE(write.sightings[1].also_seen_at.empty()) << "the same page, canonically";
  EXPECT_THAT(write.sightings[2].also_seen_at,
              ElementsAre("http://www.lennepark-kliniken.example/jobs/teamleiter-it"));
}

TEST(FeedProcessor, TheSourcesCompanyFillsPostingsThatNameNone) {
  Feed feed(FeedType::kPersonio, "https://volmetal.jobs.personio.de/xml");
  FetchResult result;
  result.url = result.final_url = feed.entry.url = "https://volmetal.jobs.personio.de/xml";
  result.status = 200;
  result.body = Fixture("personio_hagen.xml");
  storage::PageWrite write = ProcessPage(
      result, {.entry = &feed.entry, .scope = feed.scope.get(), .matcher = &feed.matcher});
  ASSERT_FALSE(write.sightings.empty());
  EXPECT_EQ(write.sightings[0].posting.company, "Volmetal Maschinenbau GmbH");
  EXPECT_EQ(write.sightings[1].posting.company, "Quelle GmbH");
  EXPECT_EQ(write.sightings[1].posting.url, "https://volmetal.jobs.personio.de/job/1700102");
}

TEST(FeedProcessor, AnHtmlSourceReadsAJsonBodyWithoutContentTypeAsJson) {
  Feed feed(FeedType::kHtml, "https://career.example/jobs.feed.json");
  FetchResult result;
  result.url = result.final_url = feed.entry.url = "https://career.example/jobs.feed.json";
  result.status = 200;
  result.body = Fixture("softgarden_jobs_feed.json");
  storage::PageWrite write = ProcessPage(
      result, {.entry = &feed.entry, .scope = feed.scope.get(), .matcher = &feed.matcher});
  EXPECT_FALSE(write.sightings.empty());
  EXPECT_FALSE(write.feed_walk) << "an html source has no walks";
  result.body = R"({"status":"ok","data":[1,2,3]})";
  write = ProcessPage(result,
                      {.entry = &feed.entry, .scope = feed.scope.get(), .matcher = &feed.matcher});
  EXPECT_TRUE(write.sightings.empty());
  EXPECT_THAT(write.page.notes, HasSubstr("JSON body without schema.org JobPostings"));
  EXPECT_EQ(write.page.error, "") << "most JSON an html source meets is no feed";
}

}  // namespace
}  // namespace jobcrawler::crawler
