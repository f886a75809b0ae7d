// URLs through the whole pipeline: pages are requested at their URL as
// found (boards route on the order of query parameters), and hostile links
// (pathological follow patterns, huge URLs) cannot stall or crash a crawl.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/support/multi_host_crawl.h"

namespace jobcrawler::testing {
namespace {

class UrlCrawlTest : public MultiHostCrawlTest {
 protected:
  UrlCrawlTest() { a_.On("/robots.txt", app::HttpReply::Text("User-agent: *\nAllow: /\n")); }
};

// The board answers 404 unless the query is exactly as linked (the site
// behind the report routed `/suche?seite=2&was=...` to nothing). Covers a
// start URL, a link and a redirect target.
TEST_F(UrlCrawlTest, PagesAreFetchedWithTheirQueryAsFound) {
  const std::string start = "/liste?wo=hagen&was=it";
  const std::string page2 = "/suche?was=it&wo=hagen&seite=2";
  a_.On(start, app::HttpReply::Html(LinkPage({page2, "/alt?z=9&a=1"})));
  a_.On(page2, app::HttpReply::Html(JobPage("s-2", "IT-Leiter Seite 2")));
  app::HttpReply moved = app::HttpReply::Html("", 301);
  moved.headers.emplace_back("Location", "/neu?z=9&a=1&utm_source=x#top");
  a_.On("/alt?z=9&a=1", moved);
  a_.On("/neu?z=9&a=1", app::HttpReply::Html(JobPage("n-1", "IT-Leiter Neu")));
  crawler::Source source;
  source.name = "board";
  source.start_urls = {a_.Url(start)};
  sources_.push_back(source);

  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits(start), 1);
  EXPECT_EQ(a_.Hits(page2), 1);
  EXPECT_EQ(a_.Hits("/neu?z=9&a=1"), 1);
  EXPECT_EQ(summary.progress.pages_failed, 0) << "no request in another order";
  DatabaseState db = CheckedDatabase();
  EXPECT_NE(db.Posting("s-2"), nullptr);
  EXPECT_NE(db.Posting("n-1"), nullptr);
  // The canonical form stays the identity.
  EXPECT_EQ(db.pages[a_.Url("/suche?seite=2&was=it&wo=hagen")].http_status, 200);
}

// A follow pattern that backtracks exponentially in std::regex, a link with
// 41 segments for it, a 33,000-byte link and one that percent-encoding
// blows past the URL limit: the crawl ends promptly and completes, follows
// what is in scope, and notes the links too long to follow.
TEST_F(UrlCrawlTest, PathologicalFollowPatternsAndHugeLinksEndPromptly) {
  std::string deep;
  for (int i = 0; i < 41; ++i) deep += "/aaaaaaaa";
  const std::string huge = "/" + std::string(33000, 'a');
  const std::string encoded = "/stelle?q=" + std::string(3000, '|');
  a_.On("/", app::HttpReply::Html(LinkPage({deep, deep + "/stelle-1", huge, encoded})));
  a_.On(deep + "/stelle-1", app::HttpReply::Html(JobPage("deep-1", "IT-Leiter")));
  crawler::Source source;
  source.name = "board";
  source.start_urls = {a_.Url("/")};
  source.follow = {"^http://127\\.0\\.0\\.1:[0-9]+/(.*/)*stelle"};
  sources_.push_back(source);

  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted) << summary.error;
  // A wall-clock bound, not a speed test: with a backtracking engine this
  // crawl ran for minutes (and a 33 KB URL overflowed the stack).
  EXPECT_LT(ElapsedSeconds(), 5.0);
  EXPECT_EQ(a_.Hits(deep + "/stelle-1"), 1);
  EXPECT_EQ(a_.Hits(deep), 0) << "out of scope";
  EXPECT_EQ(a_.PageHits(), 2);
  DatabaseState db = CheckedDatabase();
  EXPECT_NE(db.Posting("deep-1"), nullptr);
  auto notes = QueryDatabase(database_, "SELECT notes, error FROM pages WHERE url = '" +
                                            a_.Url("/") + "'");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0][0], "2 link(s) longer than 8192 bytes not followed");
  EXPECT_EQ(notes[0][1], "") << "a note is no error";
}

}  // namespace
}  // namespace jobcrawler::testing
