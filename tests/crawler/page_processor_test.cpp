#include "crawler/page_processor.h"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace jobcrawler::crawler {
namespace {

constexpr char kListing[] = R"html(<!doctype html><html><head><title>Jobs</title></head><body>
<a href="/stellen/1-it-leiter?utm_source=x">IT-Leiter</a>
<a href="stellen/2">Zwei</a>
<a href="https://elsewhere.example/stellen/3">Fremd</a>
<a href="mailto:jobs@board.example">Mail</a>
<a href="/stellen/1-it-leiter#top">again</a>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"JobPosting","title":"IT-Leiter (m/w/d)",
 "url":"/stellen/1-it-leiter","hiringOrganization":{"name":"Muster GmbH"},
 "jobLocation":{"address":{"@type":"PostalAddress","postalCode":"58095","addressLocality":"Hagen"}}}
</script></body></html>)html";

struct Fixture {
  Source source{.name = "board", .start_urls = {"https://board.example/"}, .follow = {}};
  SourceScope scope{source};
  parsers::Matcher matcher{parsers::MatchRules{}};
  storage::FrontierEntry entry;

  Fixture() {
    entry.id = 7;
    entry.url = "https://board.example/liste";
    entry.host_key = "https://board.example:443";
    entry.source = "board";
    entry.depth = 1;
  }
  PageContext Context(int max_depth = 5) {
    return PageContext{.entry = &entry, .scope = &scope, .matcher = &matcher,
                       .max_depth = max_depth, .now = 1000};
  }
};

FetchResult Ok(std::string body, std::string content_type = "text/html; charset=utf-8") {
  FetchResult result;
  result.url = "https://board.example/liste";
  result.final_url = result.url;
  result.status = 200;
  result.content_type = std::move(content_type);
  result.body = std::move(body);
  return result;
}

std::vector<std::string> Urls(const storage::PageWrite& write) {
  std::vector<std::string> urls;
  for (const auto& link : write.links) urls.push_back(link.url);
  return urls;
}

TEST(PageProcessor, FollowsInScopeLinksCanonicalisedOnceAtTheNextDepth) {
  Fixture f;
  storage::PageWrite write = ProcessPage(Ok(kListing), f.Context());
  EXPECT_EQ(Urls(write), (std::vector<std::string>{"https://board.example/stellen/1-it-leiter",
                                                   "https://board.example/stellen/2"}));
  for (const auto& link : write.links) {
    EXPECT_EQ(link.depth, 2);
    EXPECT_EQ(link.source, "board");
    EXPECT_EQ(link.host_key, "https://board.example:443");
  }
}

TEST(PageProcessor, FollowsNothingBeyondMaxDepth) {
  Fixture f;
  EXPECT_TRUE(ProcessPage(Ok(kListing), f.Context(/*max_depth=*/1)).links.empty());
}

TEST(PageProcessor, FollowRulesReplaceTheStartHost) {
  Fixture f;
  f.source.follow = {"^https://elsewhere\\.example/"};
  SourceScope scope(f.source);
  PageContext context = f.Context();
  context.scope = &scope;
  EXPECT_EQ(Urls(ProcessPage(Ok(kListing), context)),
            (std::vector<std::string>{"https://elsewhere.example/stellen/3"}));
}

TEST(PageProcessor, ResolvesPostingUrlAndRecordsTheMatcherVerdict) {
  Fixture f;
  storage::PageWrite write = ProcessPage(Ok(kListing), f.Context());
  ASSERT_EQ(write.sightings.size(), 1u);
  EXPECT_EQ(write.sightings[0].posting.url, "https://board.example/stellen/1-it-leiter");
  EXPECT_EQ(write.sightings[0].page_url, "https://board.example/liste");
  EXPECT_TRUE(write.sightings[0].matched);
}

TEST(PageProcessor, RecordsTheOutcomeOfTheFetch) {
  Fixture f;
  FetchResult result = Ok(kListing);
  result.etag = "\"v1\"";
  storage::PageWrite write = ProcessPage(result, f.Context());
  EXPECT_EQ(write.page.frontier_id, 7);
  EXPECT_EQ(write.page.http_status, 200);
  EXPECT_EQ(write.page.etag, "\"v1\"");
  EXPECT_EQ(write.page.content_hash, ContentHash(kListing));
  EXPECT_EQ(write.page.bytes, static_cast<std::int64_t>(sizeof(kListing) - 1));
  EXPECT_FALSE(write.retry_at);
}

TEST(PageProcessor, ParsesNeitherErrorsNorOtherContentTypes) {
  Fixture f;
  FetchResult missing = Ok(kListing);
  missing.status = 404;
  EXPECT_TRUE(ProcessPage(missing, f.Context()).links.empty());
  storage::PageWrite pdf = ProcessPage(Ok(kListing, "application/pdf"), f.Context());
  EXPECT_TRUE(pdf.links.empty());
  EXPECT_TRUE(pdf.sightings.empty());
  EXPECT_EQ(pdf.page.http_status, 200);
}

TEST(PageProcessor, RecognisesHtmlContentTypes) {
  EXPECT_TRUE(IsHtmlContentType("text/html"));
  EXPECT_TRUE(IsHtmlContentType("TEXT/HTML ; charset=ISO-8859-1"));
  EXPECT_TRUE(IsHtmlContentType("application/xhtml+xml"));
  EXPECT_TRUE(IsHtmlContentType(""));
  EXPECT_FALSE(IsHtmlContentType("application/json"));
  EXPECT_FALSE(IsHtmlContentType("text/plain"));
}

TEST(PageProcessor, ContentHashIsStableAndSensitive) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("").size(), 16u);
}

}  // namespace
}  // namespace jobcrawler::crawler

namespace jobcrawler::crawler {
namespace {

TEST(PageProcessor, SameBytesAsLastTimeAreNotParsedButReplayed) {
  Fixture f;
  f.entry.content_hash = ContentHash(kListing);
  f.entry.parse_key = f.scope.parse_key();
  storage::PageWrite write = ProcessPage(Ok(kListing), f.Context());
  EXPECT_TRUE(write.unchanged);
  EXPECT_EQ(write.depth, 1);
  EXPECT_TRUE(write.links.empty());
  EXPECT_TRUE(write.sightings.empty());
  EXPECT_TRUE(write.replay);
  EXPECT_EQ(write.page.parse_key, f.scope.parse_key());
}

// A parser fix, a new [sources.extract] profile or other follow rules must
// reach pages whose bytes have not changed.
TEST(PageProcessor, SameBytesUnderAnotherParseKeyAreParsedAgain) {
  for (const std::string old_key : {"", "p1-0000000000000000"}) {
    Fixture f;
    f.entry.content_hash = ContentHash(kListing);
    f.entry.parse_key = old_key;
    storage::PageWrite write = ProcessPage(Ok(kListing), f.Context());
    EXPECT_FALSE(write.unchanged) << old_key;
    EXPECT_EQ(write.sightings.size(), 1u);
    EXPECT_EQ(write.links.size(), 2u);
    EXPECT_EQ(write.page.parse_key, f.scope.parse_key());
  }
}

TEST(PageProcessor, ReplayFilterAppliesTheCurrentScopeAndDepth) {
  Fixture f;
  f.source.follow = {"^https://board\\.example/stellen/"};
  SourceScope narrow(f.source);
  PageContext context = f.Context();
  context.scope = &narrow;
  storage::LinkFilter replay = ReplayFilter(context);
  ASSERT_TRUE(replay);
  const auto link = [](std::string url) {
    storage::FrontierAdd add;
    add.url = std::move(url);
    return add;
  };
  EXPECT_TRUE(replay(link("https://board.example/stellen/2")));
  EXPECT_FALSE(replay(link("https://board.example/impressum")));
  EXPECT_FALSE(replay(link("https://elsewhere.example/stellen/3")));
  EXPECT_FALSE(ReplayFilter(f.Context(/*max_depth=*/1))) << "a page at max_depth replays nothing";
}

// A sitemap index's children were taken for being on its site, not for
// passing `follow`; replaying them must accept them the same way.
TEST(PageProcessor, ReplayFilterOfASitemapAcceptsItsSitesChildren) {
  Fixture f;
  f.source.follow = {"^https://board\\.example/stellen/"};
  SourceScope narrow(f.source);
  f.entry.url = "https://board.example/sitemap.xml";
  PageContext context = f.Context();
  context.scope = &narrow;
  storage::LinkFilter replay = ReplayFilter(context);
  storage::FrontierAdd child;
  child.url = "https://www.board.example/sitemap-jobs.xml";
  EXPECT_TRUE(replay(child));
  child.url = "https://evil.example/sitemap.xml";
  EXPECT_FALSE(replay(child));
}

TEST(PageProcessor, NotModifiedWriteReplaysThroughTheFilterAndKeepsTheStoredKey) {
  Fixture f;
  FetchResult result = Ok("");
  result.status = 304;
  storage::PageWrite write = NotModifiedWrite(result, f.Context());
  EXPECT_TRUE(write.unchanged);
  EXPECT_TRUE(write.replay);
  EXPECT_EQ(write.depth, 1);
  EXPECT_EQ(write.page.parse_key, "") << "not parsed: the store keeps the key it has";
}

TEST(PageProcessor, LinksKeepTheUrlAsFoundForFetching) {
  Fixture f;
  storage::PageWrite write = ProcessPage(
      Ok("<a href=\"/stellen?was=it&wo=hagen&seite=2&utm_source=x#top\">2</a>"
         "<a href=\"/stellen?seite=2&wo=hagen&was=it\">again</a>"),
      f.Context());
  ASSERT_EQ(write.links.size(), 1u) << "one canonical page, fetched as first found";
  EXPECT_EQ(write.links[0].url, "https://board.example/stellen?seite=2&was=it&wo=hagen");
  EXPECT_EQ(write.links[0].fetch_url, "https://board.example/stellen?was=it&wo=hagen&seite=2");
}

TEST(PageProcessor, ManyHrefsOfFewPagesGiveEachPageOnce) {
  Fixture f;
  std::string page;
  std::vector<std::string> expected;
  for (int i = 0; i < 40; ++i) {
    // Long enough to live outside std::string's small buffer, and short.
    page += fmt::format("<a href=\"/stellen/{0}?b=2&a=1\">x</a><a href=\"/stellen/{0}?a=1&b=2\">y</a>"
                        "<a href=\"/s/{0}\">z</a>", i);
    expected.push_back(fmt::format("https://board.example/stellen/{}?a=1&b=2", i));
    expected.push_back(fmt::format("https://board.example/s/{}", i));
  }
  storage::PageWrite write = ProcessPage(Ok(page), f.Context());
  EXPECT_EQ(Urls(write), expected);
}

TEST(PageProcessor, LinksTooLongToFollowAreNoted) {
  Fixture f;
  const std::string page = "<a href=\"/stellen/1\">1</a><a href=\"/stellen?q=" +
                           std::string(3000, '|') + "\">junk</a>";
  storage::PageWrite write = ProcessPage(Ok(page), f.Context());
  EXPECT_EQ(Urls(write), (std::vector<std::string>{"https://board.example/stellen/1"}));
  EXPECT_EQ(write.page.notes, "1 link(s) longer than 8192 bytes not followed");
  EXPECT_EQ(write.page.error, "");
}

std::string JobLd(const std::string& title) {
  return R"(<script type="application/ld+json">{"@type":"JobPosting","title":")" + title +
         R"(","hiringOrganization":{"name":"Muster GmbH"}}</script>)";
}

// Several postings without their own URL on one listing: the page URL (or
// its canonical link) identifies none of them.
TEST(PageProcessor, SeveralUrlLessPostingsDoNotBorrowThePageUrl) {
  Fixture f;
  const std::string page = "<html><head><link rel=\"canonical\" href=\"/liste\">" +
                           JobLd("IT-Leiter") + JobLd("Head of IT") + JobLd("CIO") + "</head></html>";
  storage::PageWrite write = ProcessPage(Ok(page), f.Context());
  ASSERT_EQ(write.sightings.size(), 3u);
  for (const storage::Sighting& sighting : write.sightings) {
    EXPECT_EQ(sighting.posting.url, "") << sighting.posting.title;
    EXPECT_EQ(sighting.page_url, "https://board.example/liste");
  }
}

TEST(PageProcessor, TheOnlyPostingOfAPageBorrowsItsUrl) {
  Fixture f;
  storage::PageWrite write = ProcessPage(Ok("<html><head>" + JobLd("CIO") + "</head></html>"),
                                         f.Context());
  ASSERT_EQ(write.sightings.size(), 1u);
  EXPECT_EQ(write.sightings[0].posting.url, "https://board.example/liste");
}

TEST(PageProcessor, ChangedBytesAreParsed) {
  Fixture f;
  f.entry.content_hash = ContentHash("older version");
  storage::PageWrite write = ProcessPage(Ok(kListing), f.Context());
  EXPECT_FALSE(write.unchanged);
  EXPECT_EQ(write.sightings.size(), 1u);
}

constexpr char kSitemap[] = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://board.example/stellen/9-it-leiter</loc></url>
  <url><loc>https://elsewhere.example/stellen/10</loc></url>
</urlset>)xml";

constexpr char kSitemapIndex[] = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.board.example/sitemap-jobs.xml</loc></sitemap>
  <sitemap><loc>https://evil.example/sitemap.xml</loc></sitemap>
</sitemapindex>)xml";

TEST(PageProcessor, ReadsSitemapUrlsThatTheScopeAllows) {
  Fixture f;
  f.entry.url = "https://board.example/sitemap.xml";
  f.entry.depth = 0;
  storage::PageWrite write = ProcessPage(Ok(kSitemap, "application/xml"), f.Context());
  EXPECT_EQ(Urls(write), (std::vector<std::string>{"https://board.example/stellen/9-it-leiter"}));
  EXPECT_EQ(write.links[0].depth, 1);
}

TEST(PageProcessor, FollowsSitemapIndexesOnTheSameSiteOnly) {
  Fixture f;
  f.entry.url = "https://board.example/sitemap.xml";
  f.entry.depth = 0;
  storage::PageWrite write = ProcessPage(Ok(kSitemapIndex, "text/xml"), f.Context());
  EXPECT_EQ(Urls(write), (std::vector<std::string>{"https://www.board.example/sitemap-jobs.xml"}));
  EXPECT_EQ(write.links[0].depth, 1) << "a child sitemap is one level deeper";
}

TEST(PageProcessor, ASitemapIndexNestedTwoLevelsDeepIsNotFollowed) {
  Fixture f;
  f.entry.url = "https://board.example/sitemap-2.xml";
  f.entry.depth = 2;
  storage::PageWrite write = ProcessPage(Ok(kSitemapIndex, "text/xml"), f.Context());
  EXPECT_TRUE(write.links.empty());
  EXPECT_NE(write.page.error.find("nested too deep"), std::string::npos) << write.page.error;
}

TEST(PageProcessor, ChildSitemapsSpendTheHostsSitemapBudget) {
  constexpr char kIndexOfThree[] = R"xml(<sitemapindex>
  <sitemap><loc>https://board.example/s1.xml</loc></sitemap>
  <sitemap><loc>https://board.example/s2.xml</loc></sitemap>
  <sitemap><loc>https://board.example/s3.xml</loc></sitemap>
</sitemapindex>)xml";
  Fixture f;
  f.entry.url = "https://board.example/sitemap.xml";
  PageContext context = f.Context();
  context.sitemap_budget = std::make_shared<std::atomic<int>>(2);
  storage::PageWrite write = ProcessPage(Ok(kIndexOfThree, "text/xml"), context);
  EXPECT_EQ(Urls(write), (std::vector<std::string>{"https://board.example/s1.xml",
                                                   "https://board.example/s2.xml"}));
  EXPECT_LE(context.sitemap_budget->load(), 0);
  EXPECT_NE(write.page.error.find("budget"), std::string::npos) << write.page.error;
}

TEST(PageProcessor, UrlsOfAChildSitemapPassTheFollowRules) {
  Fixture f;
  Source narrow{.name = "board",
                .start_urls = {"https://board.example/"},
                .follow = {"^https://board\\.example/stellen/9"}};
  SourceScope scope(narrow);
  f.entry.url = "https://www.board.example/sitemap-jobs.xml";
  f.entry.depth = 1;
  PageContext context = f.Context();
  context.scope = &scope;
  constexpr char kJobs[] = R"xml(<urlset>
  <url><loc>https://board.example/stellen/9-it-leiter</loc></url>
  <url><loc>https://board.example/impressum</loc></url>
</urlset>)xml";
  storage::PageWrite write = ProcessPage(Ok(kJobs, "application/xml"), context);
  EXPECT_EQ(Urls(write), (std::vector<std::string>{"https://board.example/stellen/9-it-leiter"}));
  EXPECT_EQ(write.links[0].depth, 2);
}

TEST(PageProcessor, DecodesLatin1PagesBeforeParsing) {
  Fixture f;
  std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
      "\"title\":\"IT-Leiter f\xfcr Hagen\"}</script></head></html>";
  storage::PageWrite write = ProcessPage(Ok(page, "text/html; charset=ISO-8859-1"), f.Context());
  ASSERT_EQ(write.sightings.size(), 1u);
  EXPECT_EQ(write.sightings[0].posting.title, "IT-Leiter f\xc3\xbcr Hagen");
}

TEST(SiteKey, IgnoresALeadingWww) {
  EXPECT_EQ(SiteKey("https://www.hagen.de/karriere"), SiteKey("https://hagen.de/"));
  EXPECT_NE(SiteKey("http://hagen.de/"), SiteKey("https://hagen.de/"));
  EXPECT_NE(SiteKey("https://hagen.de/"), SiteKey("https://wwwhagen.de/"));
  EXPECT_EQ(SiteKey("not a url"), "");
}

TEST(SourceScope, WithoutFollowRulesTheStartSitesAreInScope) {
  Source source{.name = "s", .start_urls = {"https://hagen.de/"}, .follow = {}};
  SourceScope scope(source);
  EXPECT_TRUE(scope.Allows("https://www.hagen.de/stellen"));
  EXPECT_TRUE(scope.Allows("https://hagen.de/x?y=1"));
  EXPECT_FALSE(scope.Allows("https://kopenhagen.dk/"));
  EXPECT_FALSE(scope.Allows("http://hagen.de/"));
}

}  // namespace
}  // namespace jobcrawler::crawler
