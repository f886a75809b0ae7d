// [[sources]] keys of the feed types: type, company, api_key,
// respect_robots_txt, and the shapes of start URLs per type.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app/config/config.h"
#include "app/config/source_checks.h"
#include "crawler/feed_source.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using parsers::FeedType;

constexpr char kJobsuche[] =
    "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&wo=Hagen";

// One source of `type` at `url` with `extra` lines; the type is on line 3.
std::string SourceOf(const std::string& type, const std::string& url,
                     const std::string& extra = "") {
  return "[[sources]]\n"                         // 1
         "name = \"feed\"\n"                     // 2
         "type = \"" + type + "\"\n" +           // 3
         "start_urls = [\"" + url + "\"]\n" +    // 4
         extra;                                  // 5..
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseConfig(text, "config.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

TEST(SourceConfig, ReadsTheTypeAndItsKeys) {
  const Config config = ParseConfig(
      SourceOf("arbeitsagentur", kJobsuche,
               "api_key = \"k-1\"\ncompany = \"Volmetal GmbH\"\nrespect_robots_txt = false\n"),
      "config.toml");
  ASSERT_EQ(config.sources.size(), 1u);
  const crawler::Source& source = config.sources[0];
  EXPECT_EQ(source.type, FeedType::kArbeitsagentur);
  EXPECT_EQ(source.api_key, "k-1");
  EXPECT_EQ(source.company, "Volmetal GmbH");
  EXPECT_EQ(source.respect_robots_txt, false);
}

TEST(SourceConfig, DefaultsToHtmlInheritingRobotsTxt) {
  const Config config = ParseConfig(
      "[[sources]]\nname = \"x\"\nstart_urls = [\"https://a.example/\"]\n", "config.toml");
  EXPECT_EQ(config.sources[0].type, FeedType::kHtml);
  EXPECT_EQ(config.sources[0].respect_robots_txt, std::nullopt);
  EXPECT_EQ(config.sources[0].api_key, "") << "the default key is the crawler's to send";
}

TEST(SourceConfig, AnUnknownTypeNamesTheKnownOnes) {
  EXPECT_EQ(ErrorOf(SourceOf("rss", "https://a.example/")),
            "config.toml:3: sources[0].type (source \"feed\"): must be one of \"html\", "
            "\"arbeitsagentur\", \"personio\", \"greenhouse\", \"lever\", got \"rss\"");
}

TEST(SourceConfig, FollowAndExtractAreNotForFeeds) {
  EXPECT_EQ(ErrorOf(SourceOf("personio", "https://a.jobs.personio.de/xml",
                             "follow = ['^https://a\\\\.jobs\\\\.personio\\\\.de/job/']\n")),
            "config.toml:5: sources[0].follow (source \"feed\"): not used by a source of type "
            "\"personio\": a feed links to no pages to follow, it pages itself");
  EXPECT_THAT(ErrorOf(SourceOf("lever", "https://api.lever.co/v0/postings/a",
                               "[sources.extract]\ntitle = \"h1\"\n")),
              HasSubstr("sources[0].extract (source \"feed\"): not used by a source of type "
                        "\"lever\""));
}

TEST(SourceConfig, OnlyTheJobsucheTakesAnApiKey) {
  EXPECT_EQ(ErrorOf(SourceOf("greenhouse", "https://boards-api.greenhouse.io/v1/boards/a/jobs",
                             "api_key = \"k\"\n")),
            "config.toml:5: sources[0].api_key (source \"feed\"): only a source of type "
            "\"arbeitsagentur\" sends an API key, not one of type \"greenhouse\"");
  EXPECT_THAT(ErrorOf(SourceOf("arbeitsagentur", kJobsuche, "api_key = \"a\\nb\"\n")),
              HasSubstr("config.toml:5: sources[0].api_key (source \"feed\"): must not contain "
                        "control characters"));
  EXPECT_THAT(ErrorOf(SourceOf("arbeitsagentur", kJobsuche, "api_key = \"\"\n")),
              HasSubstr("must not be empty"));
}

TEST(SourceConfig, WrongValuesStopWithFileLineAndKey) {
  EXPECT_EQ(ErrorOf(SourceOf("personio", "https://a.jobs.personio.de/xml",
                             "respect_robots_txt = \"no\"\n")),
            "config.toml:5: sources[0].respect_robots_txt (source \"feed\"): expected a boolean "
            "(true or false), got string");
  EXPECT_THAT(ErrorOf(SourceOf("personio", "https://a.jobs.personio.de/xml", "compnay = \"A\"\n")),
              HasSubstr("config.toml:5: unknown key sources[0].compnay (did you mean "
                        "sources[0].company?)"));
  EXPECT_THAT(ErrorOf("[[sources]]\nname = \"x\"\ntype = 3\nstart_urls = [\"https://a/\"]\n"),
              HasSubstr("config.toml:3: sources[0].type (source \"x\"): expected a string"));
}

TEST(SourceConfig, AStartUrlOfTheWrongShapeForItsTypeIsRefused) {
  EXPECT_EQ(ErrorOf(SourceOf("arbeitsagentur",
                             "https://www.arbeitsagentur.de/jobsuche/suche?was=IT-Leiter")),
            "config.toml:4: sources[0].start_urls[0] (source \"feed\", type \"arbeitsagentur\"): "
            "this is the Jobsuche web page, not its API; use the API's search URL, as in "
            "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&"
            "wo=Hagen");
  EXPECT_THAT(ErrorOf(SourceOf("personio", "https://a.jobs.personio.de/job/17")),
              HasSubstr("not a Personio feed URL: its path ends in /xml"));
}

std::string OtherSearch(const std::string& type) {
  return type == "personio" ? "https://other.jobs.personio.de/xml"
                            : std::string(kJobsuche) + "&umkreis=50";
}

// Two [[sources]] of `type`, named a and b, at `a_url` and `b_url` (b's on
// line 9), b with `b_extra` lines.
std::string TwoSources(const std::string& type, const std::string& a_url, const std::string& b_url,
                       const std::string& b_extra = "") {
  return "[[sources]]\nname = \"a\"\ntype = \"" + type + "\"\nstart_urls = [\"" + a_url +  // 1-4
         "\"]\n\n[[sources]]\nname = \"b\"\ntype = \"" + type + "\"\n" +                // 5-8
         "start_urls = [\"" + OtherSearch(type) + "\",\n  \"" + b_url + "\"]\n" +  // 9-10
         b_extra;
}

TEST(SourceConfig, TwoFeedSourcesWithTheSameSearchAreRefused) {
  // Our choice: the second would fail every run (a run reads a URL once).
  // The message names the first page in its canonical form.
  const std::string first_page =
      "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?page=1&size=100&"
      "was=IT-Leiter&wo=Hagen";
  EXPECT_EQ(ErrorOf(TwoSources("arbeitsagentur", kJobsuche,
                               std::string(kJobsuche) + "&size=25&page=3#top")),
            "config.toml:10: sources[1].start_urls[1] (source \"b\"): the same search as source "
            "\"a\" (line 4): both would read " + first_page + "; keep one of them");
  EXPECT_THAT(ErrorOf(TwoSources("personio", "https://a.jobs.personio.de/xml?language=de",
                                 "https://a.jobs.personio.de/xml?language=de")),
              HasSubstr("config.toml:10: sources[1].start_urls[1] (source \"b\"): the same "
                        "search as source \"a\" (line 4)"));
  // Different searches, and a disabled second source, are fine.
  EXPECT_EQ(
      ErrorOf(TwoSources("arbeitsagentur", kJobsuche, std::string(kJobsuche) + "&umkreis=25")),
      "no error");
  EXPECT_EQ(ErrorOf(TwoSources("arbeitsagentur", kJobsuche, kJobsuche, "enabled = false\n")),
            "no error");
}

TEST(SourceConfig, TheShippedConfigSearchesTheJobsucheForItLeadershipAroundHagen) {
  const Config config = LoadConfigFile(JOBCRAWLER_TEST_DATA_DIR "/../../config.toml");
  const auto jobsuche = std::find_if(config.sources.begin(), config.sources.end(), [](auto& s) {
    return s.type == FeedType::kArbeitsagentur;
  });
  ASSERT_NE(jobsuche, config.sources.end()) << "enabled";
  EXPECT_GE(jobsuche->start_urls.size(), 2u);
  for (const std::string& url : jobsuche->start_urls) {
    EXPECT_THAT(url, HasSubstr("wo=Hagen&umkreis=25&angebotsart=1"));
    EXPECT_THAT(url, Not(HasSubstr("veroeffentlichtseit"))) << "an older open ad would close";
  }
  EXPECT_EQ(crawler::FeedWalkKeys(*jobsuche).size(), jobsuche->start_urls.size())
      << "no search repeats another";
}

TEST(SourceChecks, AcceptEachTypesOwnUrlsAndLocalStandIns) {
  EXPECT_EQ(FeedStartUrlError(FeedType::kArbeitsagentur, kJobsuche), "");
  EXPECT_EQ(FeedStartUrlError(FeedType::kArbeitsagentur,
                              "http://127.0.0.1:8080/jobboerse/jobsuche-service/pc/v4/jobs?wo=Hagen"),
            "");
  EXPECT_EQ(FeedStartUrlError(FeedType::kPersonio, "https://a.jobs.personio.de/xml?language=de"),
            "");
  EXPECT_EQ(FeedStartUrlError(FeedType::kGreenhouse,
                              "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"),
            "");
  EXPECT_EQ(FeedStartUrlError(FeedType::kLever, "https://api.eu.lever.co/v0/postings/acme"), "");
  EXPECT_EQ(FeedStartUrlError(FeedType::kHtml, "https://www.arbeitsagentur.de/jobsuche/"), "");
}

TEST(SourceChecks, RefuseWebPagesAndOtherPathsWithAnExample) {
  EXPECT_THAT(FeedStartUrlError(FeedType::kArbeitsagentur,
                                "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/"
                                "jobdetails/X"),
              HasSubstr("its path ends in /jobs"));
  EXPECT_THAT(FeedStartUrlError(FeedType::kGreenhouse, "https://boards.greenhouse.io/acme"),
              HasSubstr("the Greenhouse job board's web page"));
  EXPECT_THAT(FeedStartUrlError(FeedType::kGreenhouse,
                                "https://boards-api.greenhouse.io/v1/boards/acme/jobs/17"),
              HasSubstr("https://boards-api.greenhouse.io/v1/boards/TOKEN/jobs?content=true"));
  EXPECT_THAT(FeedStartUrlError(FeedType::kLever, "https://jobs.lever.co/acme"),
              HasSubstr("the Lever job site"));
  EXPECT_THAT(FeedStartUrlError(FeedType::kLever, "https://api.lever.co/v0/postings/"),
              HasSubstr("its path is .../postings/COMPANY"));
}

}  // namespace
}  // namespace jobcrawler::app
