// A Jobsuche result that reposts a board's ad (its externeURL) and the ad
// crawled on the board by an html source are one posting with two
// sightings, whichever is recorded first and across runs; also when a
// source switches from html to arbeitsagentur between runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/support/fake_jobsuche.h"
#include "tests/support/feed_crawl.h"
#include "tests/support/hostile_site.h"

namespace jobcrawler::testing {
namespace {

using ::testing::UnorderedElementsAre;

constexpr std::string_view kAdPath = "/stellen/it-leiter-4711";

// The board's own page of the ad: JSON-LD with another title than the
// repost's (so that no title key joins them) and its own id.
std::string BoardAd() {
  return R"html(<!doctype html><html><head><meta charset="utf-8">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",
"title":"Leitung der Informationstechnik (m/w/d)","identifier":"board-4711",
"datePosted":"2026-11-02","description":"Sie leiten unsere IT.",
"hiringOrganization":{"@type":"Organization","name":"Volmetal Versorgung GmbH"},
"jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","postalCode":"58095",
"addressLocality":"Hagen","addressCountry":"DE"}}}</script></head>
<body><h1>Leitung der Informationstechnik</h1></body></html>)html";
}

class FeedDedupCrawlTest : public FeedCrawlTest {
 protected:
  FeedDedupCrawlTest() : board_("127.0.0.2") {
    board_.On("/robots.txt", app::HttpReply::Text("User-agent: *\nAllow: /\n"));
    board_.On("/", app::HttpReply::Html(LinkPage({std::string(kAdPath), "/stellen/andere-1"})));
    board_.On(std::string(kAdPath), app::HttpReply::Html(BoardAd()));
    board_.On("/stellen/andere-1", app::HttpReply::Html(JobPage("board-1", "Leiter IT-Betrieb")));
    api_.SetJobs({JobsucheItem("10001-1000123456-S", "IT-Leiter (m/w/d)",
                               "Volmetal Versorgung GmbH", "58095", "Hagen",
                               board_.Url(std::string(kAdPath)))});
  }

  std::string JobsucheSource(const std::string& name = "jobsuche-hagen") {
    return Source(name, "arbeitsagentur", api_.SearchUrl("was=IT-Leiter&wo=Hagen"));
  }
  std::string BoardSource(const std::string& name = "board") {
    return Source(name, "html", board_.Url("/"));
  }

  // The one posting whose sightings include the board's ad, with them.
  std::set<std::pair<std::string, std::string>> SightingsOfTheAd() {
    std::set<std::pair<std::string, std::string>> found;
    int postings = 0;
    for (const auto& row : Postings()) {
      auto explained = Explain(row.id);
      if (!explained) continue;
      std::set<std::pair<std::string, std::string>> sightings;
      for (const auto& s : explained->sightings) sightings.emplace(s.url, s.source);
      if (!sightings.count({board_.Url(std::string(kAdPath)), "board"}) &&
          !sightings.count({board_.Url(std::string(kAdPath)), "jobsuche-hagen"})) {
        continue;
      }
      ++postings;
      found = sightings;
    }
    EXPECT_EQ(postings, 1) << "the ad and its repost are one posting";
    return found;
  }

  FakeJobsuche api_;
  HostileSite board_;
};

const std::string kJobdetail = "https://www.arbeitsagentur.de/jobsuche/jobdetail/10001-1000123456-S";

TEST_F(FeedDedupCrawlTest, ARepostAndTheBoardsPageCrawledInOneRunAreOnePosting) {
  WriteConfig(JobsucheSource() + BoardSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(Postings().size(), 2u) << "the ad (board and repost) and the board's other job";
  EXPECT_THAT(SightingsOfTheAd(),
              UnorderedElementsAre(std::pair(kJobdetail, std::string("jobsuche-hagen")),
                                   std::pair(board_.Url(std::string(kAdPath)), std::string("board"))));
}

TEST_F(FeedDedupCrawlTest, TheRepostFirstThenTheBoardJoinsTheSamePosting) {
  WriteConfig(JobsucheSource());
  ASSERT_EQ(Crawl().status, app::kExitOk);
  ASSERT_EQ(Postings().size(), 1u);
  EXPECT_EQ(board_.PageHits(), 0) << "the repost's original is a sighting, not a page to fetch";
  WriteConfig(JobsucheSource() + BoardSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(Postings().size(), 2u);
  EXPECT_THAT(SightingsOfTheAd(),
              UnorderedElementsAre(std::pair(kJobdetail, std::string("jobsuche-hagen")),
                                   std::pair(board_.Url(std::string(kAdPath)), std::string("board"))));
}

TEST_F(FeedDedupCrawlTest, TheBoardFirstThenTheRepostJoinsTheSamePosting) {
  WriteConfig(BoardSource());
  ASSERT_EQ(Crawl().status, app::kExitOk);
  ASSERT_EQ(Postings().size(), 2u);
  WriteConfig(BoardSource() + JobsucheSource());
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(Postings().size(), 2u) << "no row added for the repost";
  EXPECT_THAT(SightingsOfTheAd(),
              UnorderedElementsAre(std::pair(kJobdetail, std::string("jobsuche-hagen")),
                                   std::pair(board_.Url(std::string(kAdPath)), std::string("board"))));
}

TEST_F(FeedDedupCrawlTest, ASourceSwitchingFromHtmlToTheJobsucheKeepsItsJobsAndClosesTheRest) {
  // Run 1 crawls the board as "hagen"; run 2 reads the Jobsuche as "hagen",
  // which reposts one of the board's two jobs.
  WriteConfig(BoardSource("hagen"), /*close_after_missed_runs=*/1);
  ASSERT_EQ(Crawl().status, app::kExitOk);
  ASSERT_EQ(Postings().size(), 2u);
  WriteConfig(JobsucheSource("hagen"), 1);
  CrawlOutcome run = Crawl();
  EXPECT_EQ(run.status, app::kExitOk) << run.err;
  EXPECT_EQ(Postings().size(), 2u) << "the repost joined the board's posting";
  // Status by every URL a posting was seen at.
  std::map<std::string, std::string> status;
  for (const auto& row : Postings()) {
    status[row.url] = row.status;
    for (const std::string& url : row.also_seen_at) status[url] = row.status;
  }
  EXPECT_EQ(status[board_.Url(std::string(kAdPath))], "active");
  EXPECT_EQ(status[kJobdetail], "active");
  EXPECT_EQ(status[board_.Url("/stellen/andere-1")], "closed")
      << "the source, read whole, no longer lists it";
}

constexpr char kCareers[] = "https://www.volmetal.example/karriere";

// Our choice: an URL that several results name (an employer's general
// careers page) is no sighting of any of them, and two reference numbers
// are two jobs.
void ExpectNoPostingSeenAtTheCareersPage(const std::vector<storage::PostingRow>& rows) {
  for (const auto& row : rows) {
    EXPECT_THAT(row.also_seen_at, ::testing::Not(::testing::Contains(std::string(kCareers))))
        << row.posting.title;
  }
}

TEST_F(FeedDedupCrawlTest, RepostsSharingAGenericCareerPageStayApart) {
  api_.SetJobs({JobsucheItem("10001-1000000001-S", "IT-Leiter (m/w/d)", "Volmetal GmbH", "58095",
                             "Hagen", kCareers),
                JobsucheItem("10001-1000000002-S", "Buchhalter (m/w/d)", "Volmetal GmbH", "58095",
                             "Hagen", kCareers),
                JobsucheItem("10001-1000000003-S", "Lagerist (m/w/d)", "Volmetal GmbH", "58095",
                             "Hagen", kCareers)});
  WriteConfig(JobsucheSource());
  for (int run = 1; run <= 2; ++run) {
    CrawlOutcome outcome = Crawl();
    EXPECT_EQ(outcome.status, app::kExitOk) << outcome.err;
    const auto rows = Postings();
    EXPECT_EQ(rows.size(), 3u) << "run " << run;
    ExpectNoPostingSeenAtTheCareersPage(rows);
  }
  EXPECT_THAT(StatusByIdentifier(),
              UnorderedElementsAre(::testing::Pair("10001-1000000001-S", "active"),
                                   ::testing::Pair("10001-1000000002-S", "active"),
                                   ::testing::Pair("10001-1000000003-S", "active")));
}

TEST_F(FeedDedupCrawlTest, RepostsSharingACareerPageOnDifferentPagesStayApart) {
  // Result 1 on page 1 and result 101 on page 2 name the same page.
  std::vector<nlohmann::json> jobs;
  for (int i = 0; i <= 100; ++i) {
    const bool careers = i == 0 || i == 100;
    jobs.push_back(JobsucheItem(fmt::format("10001-{:010}-S", i),
                                careers ? fmt::format("Volmetal Stelle {}", i)
                                        : fmt::format("Sachbearbeiter {}", i),
                                careers ? "Volmetal GmbH" : fmt::format("Firma {} GmbH", i),
                                "58095", "Hagen", careers ? kCareers : ""));
  }
  api_.SetJobs(std::move(jobs));
  WriteConfig(JobsucheSource());
  for (int run = 1; run <= 2; ++run) {
    CrawlOutcome outcome = Crawl();
    EXPECT_EQ(outcome.status, app::kExitOk) << outcome.err;
    const auto rows = Postings();
    EXPECT_EQ(rows.size(), 101u) << "run " << run;
    ExpectNoPostingSeenAtTheCareersPage(rows);
  }
}

}  // namespace
}  // namespace jobcrawler::testing
