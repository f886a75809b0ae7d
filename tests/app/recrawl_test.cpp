// Crawls of the same sites in several runs whose config changes in between
// (a profile added, `follow` narrowed, max_depth lowered, a database from a
// version that hashed bodies otherwise), and listings with several postings
// without their own URL, through the whole pipeline: local servers, the
// crawler, the SQLite store.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/support/multi_host_crawl.h"

namespace jobcrawler::testing {
namespace {

// A page that answers a matching If-None-Match with 304, and counts
// requests with and without it.
struct ConditionalPage {
  int conditional = 0;    // requests that carried If-None-Match
  int unconditional = 0;  // requests that did not
};

void ServeWithEtag(HostileSite& site, const std::string& target, std::string html,
                   ConditionalPage& counts) {
  site.On(target, [html = std::move(html), &counts](const app::HttpRequestInfo& request, int) {
    const std::string etag = "\"v1\"";
    if (request.Header("If-None-Match").empty()) {
      ++counts.unconditional;
    } else {
      ++counts.conditional;
      if (request.Header("If-None-Match") == etag) return app::HttpReply::Html("", 304);
    }
    app::HttpReply reply = app::HttpReply::Html(html);
    reply.headers.emplace_back("ETag", etag);
    return reply;
  });
}

class RecrawlTest : public MultiHostCrawlTest {
 protected:
  RecrawlTest() {
    a_.On("/robots.txt", app::HttpReply::Text("User-agent: *\nAllow: /\n"));
    AddSource("board", a_);
  }

  void ExpectCompleted(const crawler::CrawlSummary& summary) {
    EXPECT_EQ(summary.status, storage::RunStatus::kCompleted) << summary.error;
  }

  std::vector<std::string> Titles() {
    std::vector<std::string> titles;
    for (const auto& row : CheckedDatabase().postings) titles.push_back(row.posting.title);
    std::sort(titles.begin(), titles.end());
    return titles;
  }
};

// A page without structured data, described by a profile only from the
// second run on: the page is unchanged (its server answers 304), yet the
// new profile must read it.
TEST_F(RecrawlTest, AProfileAddedAfterTheFirstCrawlTakesEffect) {
  ConditionalPage start;
  ServeWithEtag(a_,  "/",
                "<html><body><h1 class=\"job-title\">IT-Leiter (m/w/d)</h1>"
                "<p class=\"ort\">58095 Hagen</p></body></html>",
                start);
  ExpectCompleted(Crawl());
  EXPECT_TRUE(Titles().empty());

  sources_[0].profile.title = "h1.job-title";
  sources_[0].profile.location = ".ort";
  ExpectCompleted(Crawl());
  EXPECT_EQ(start.unconditional, 2) << "the new profile must not be answered by a 304";
  EXPECT_EQ(Titles(), std::vector<std::string>{"IT-Leiter (m/w/d)"});

  // Same config again: conditional, 304, and the posting is seen again.
  crawler::CrawlSummary third = Crawl();
  ExpectCompleted(third);
  EXPECT_EQ(start.conditional, 1);
  EXPECT_EQ(third.progress.unchanged, 1);
  DatabaseState db = CheckedDatabase();
  ASSERT_EQ(db.postings.size(), 1u);
  EXPECT_EQ(db.postings[0].last_seen_run, third.run_id);
}

TEST_F(RecrawlTest, ANarrowerFollowStopsFollowingWhatItNoLongerAllows) {
  ConditionalPage start;
  ServeWithEtag(a_, "/", LinkPage({"/jobs/1", "/news/1"}), start);
  a_.On("/jobs/1", app::HttpReply::Html(JobPage("j-1", "IT-Leiter Jobs")));
  a_.On("/news/1", app::HttpReply::Html(JobPage("n-1", "IT-Leiter News")));
  sources_[0].follow = {"/jobs/", "/news/"};
  ExpectCompleted(Crawl());
  EXPECT_EQ(a_.Hits("/news/1"), 1);

  sources_[0].follow = {"/jobs/"};
  ExpectCompleted(Crawl());
  EXPECT_EQ(start.unconditional, 2) << "other follow rules: the start page is read again";
  EXPECT_EQ(a_.Hits("/jobs/1"), 2);
  EXPECT_EQ(a_.Hits("/news/1"), 1) << "no longer in scope";

  // The start page is now unchanged (304): its links are replayed, and
  // only those the scope allows.
  ExpectCompleted(Crawl());
  EXPECT_EQ(start.conditional, 1);
  EXPECT_EQ(a_.Hits("/jobs/1"), 3);
  EXPECT_EQ(a_.Hits("/news/1"), 1);
}

// max_depth is no part of what a page yields, so the page stays unchanged;
// its replayed links must still respect the current max_depth, as fresh
// links do.
TEST_F(RecrawlTest, ReplayedLinksOfAnUnchangedPageRespectALowerMaxDepth) {
  ConditionalPage start;
  ServeWithEtag(a_, "/", LinkPage({"/jobs/1"}), start);
  a_.On("/jobs/1", app::HttpReply::Html(JobPage("j-1", "IT-Leiter")));
  ExpectCompleted(Crawl());
  ASSERT_EQ(a_.Hits("/jobs/1"), 1);

  options_.max_depth = 0;
  crawler::CrawlSummary second = Crawl();
  ExpectCompleted(second);
  EXPECT_EQ(second.progress.unchanged, 1);
  EXPECT_EQ(a_.Hits("/jobs/1"), 1) << "depth 1 is beyond max_depth 0";
}

// A database written by a version that hashed bodies otherwise (before
// XXH3). Its parse keys are the same, so the next crawl still asks
// conditionally; a page that comes back with the same body is read once
// more under its new hash, and its posting stays one, seen in that run.
TEST_F(RecrawlTest, PagesHashedByAnEarlierVersionAreReadAgainNotRefetchedInFull) {
  ConditionalPage start;
  ServeWithEtag(a_, "/", LinkPage({"/jobs/1"}), start);
  a_.On("/jobs/1", app::HttpReply::Html(JobPage("j-1", "IT-Leiter")));
  ExpectCompleted(Crawl());
  const std::string hash_sql = "SELECT content_hash FROM pages WHERE url LIKE '%/jobs/1'";
  const std::string hash = QueryDatabase(database_, hash_sql).at(0).at(0);
  QueryDatabase(database_, "UPDATE pages SET content_hash = 'cbf29ce484222325'",
                ProbeOpen::kRecover);

  crawler::CrawlSummary second = Crawl();
  ExpectCompleted(second);
  EXPECT_EQ(start.unconditional, 1) << "the start page is asked for conditionally";
  EXPECT_EQ(start.conditional, 1);
  EXPECT_EQ(a_.Hits("/jobs/1"), 2);
  EXPECT_EQ(QueryDatabase(database_, hash_sql).at(0).at(0), hash) << "hashed anew";
  DatabaseState db = CheckedDatabase();
  ASSERT_EQ(db.postings.size(), 1u);
  EXPECT_EQ(db.postings[0].last_seen_run, second.run_id);
}

std::string UrlLessPosting(const std::string& title, const std::string& locality) {
  return fmt::format(R"(<script type="application/ld+json">{{"@context":"https://schema.org",
"@type":"JobPosting","title":"{}","datePosted":"2026-11-20",
"hiringOrganization":{{"@type":"Organization","name":"Stadtwerke Hagen GmbH"}},
"jobLocation":{{"@type":"Place","address":{{"@type":"PostalAddress","postalCode":"58095",
"addressLocality":"{}","addressCountry":"DE"}}}}}}</script>)",
                     title, locality);
}

// Three different jobs on one listing, none with a URL or identifier of its
// own: three postings, in the first run, when the page comes back
// unchanged, and when it changes and is parsed again.
TEST_F(RecrawlTest, SeveralUrlLessPostingsOnAListingStayApartAcrossRuns) {
  const std::vector<std::string> jobs = {
      UrlLessPosting("IT-Leiter (m/w/d)", "Hagen"),
      UrlLessPosting("Leiter Netzbetrieb (m/w/d)", "Hagen"),
      UrlLessPosting("Head of IT Security (all genders)", "Hagen")};
  const auto listing = [&jobs](bool reversed) {
    std::string head;
    for (std::size_t i = 0; i < jobs.size(); ++i) head += jobs[reversed ? jobs.size() - 1 - i : i];
    return "<html><head><link rel=\"canonical\" href=\"/\">" + head + "</head><body></body></html>";
  };
  a_.On("/", app::HttpReply::Html(listing(false)));
  const std::vector<std::string> expected = {"Head of IT Security (all genders)",
                                             "IT-Leiter (m/w/d)", "Leiter Netzbetrieb (m/w/d)"};
  crawler::CrawlSummary first = Crawl();
  ExpectCompleted(first);
  EXPECT_EQ(first.progress.postings_new, 3);
  EXPECT_EQ(Titles(), expected);

  crawler::CrawlSummary second = Crawl();  // same bytes: replayed
  ExpectCompleted(second);
  EXPECT_EQ(second.progress.postings_new, 0);
  EXPECT_EQ(Titles(), expected);

  a_.On("/", app::HttpReply::Html(listing(true)));  // new bytes: parsed again
  crawler::CrawlSummary third = Crawl();
  ExpectCompleted(third);
  EXPECT_EQ(third.progress.postings_new, 0);
  EXPECT_EQ(third.progress.postings_updated, 3);
  EXPECT_EQ(Titles(), expected);
  for (const auto& row : CheckedDatabase().postings) {
    EXPECT_EQ(row.last_seen_run, third.run_id) << row.posting.title;
  }
}

}  // namespace
}  // namespace jobcrawler::testing
