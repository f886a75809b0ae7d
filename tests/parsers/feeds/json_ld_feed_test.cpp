// JSON bodies of schema.org JobPostings (FeedType::kHtml).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/feeds/feed.h"
#include "tests/parsers/feeds/feed_fixtures.h"

namespace jobcrawler::parsers {
namespace {

using testing::HasDiagnostic;
using testing::ReadFeedFixture;
using testing::Titles;
using Strings = std::vector<std::string>;

constexpr std::string_view kFeedUrl = "https://jobs.lenne-werkstoffe.example/jobs.feed.json";

FeedPage ParseJson(std::string_view body, const FeedOptions& options = {}) {
  return ParseFeed(FeedType::kHtml, body, kFeedUrl, options);
}

TEST(JsonLdFeed, ReadsSoftgardenDataFeed) {
  const FeedPage page = ParseJson(ReadFeedFixture("softgarden_jobs_feed.json"));
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_EQ(Titles(page), (Strings{"Leiter IT (m/w/d)", "Teamleitung IT-Infrastruktur (m/w/d)"}));
  const Posting& p = page.postings[0].posting;
  EXPECT_EQ(p.url, "https://jobs.lenne-werkstoffe.example/jobs/117/leiter-it");  // resolved
  EXPECT_EQ(p.identifier, "JP-2026-117");
  EXPECT_EQ(p.company, "Lenne Werkstoffe GmbH");
  EXPECT_EQ(p.postal_code, "58119");
  EXPECT_EQ(p.locality, "Hagen");
  EXPECT_EQ(p.salary_min, 7000);
  EXPECT_EQ(p.salary_period, "MONTH");
  EXPECT_EQ(p.valid_through, "2027-01-31");
  EXPECT_EQ(p.description, "Sie leiten die IT unseres Werks.");
  EXPECT_EQ(p.format, PostingFormat::kJsonLd);
}

TEST(JsonLdFeed, PostingWithoutUrlTakesItsHttpId) {
  const FeedPage page = ParseJson(ReadFeedFixture("softgarden_jobs_feed.json"));
  ASSERT_EQ(page.postings.size(), 2u);
  EXPECT_EQ(page.postings[1].posting.url, "https://jobs.lenne-werkstoffe.example/jobs/118#posting");
  EXPECT_EQ(page.postings[1].posting.postal_code, "58119");  // "58119 Hagen"
}

TEST(JsonLdFeed, ReadsItemListInsideGraph) {
  const FeedPage page = ParseJson(ReadFeedFixture("json_ld_item_list.json"));
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_EQ(Titles(page), (Strings{"IT-Leiter (m/w/d)", "CIO (m/w/d)"}));
  EXPECT_EQ(page.postings[0].posting.company, "Beispiel AG");
  EXPECT_EQ(page.postings[1].posting.url, "https://karriere.example/jobs/2");
}

TEST(JsonLdFeed, ReadsBareObjectAndArray) {
  const FeedPage bare = ParseJson(
      R"({"@context":"https://schema.org","@type":"JobPosting","title":"CIO","url":"/cio"})");
  EXPECT_EQ(bare.shape, FeedShape::kOk);
  ASSERT_EQ(bare.postings.size(), 1u);
  EXPECT_EQ(bare.postings[0].posting.url, "https://jobs.lenne-werkstoffe.example/cio");
  const FeedPage array = ParseJson(
      R"([{"@type":"JobPosting","title":"A","url":"https://x.example/a"},
          {"@type":["JobPosting"],"title":"B","url":"https://x.example/b"}])");
  EXPECT_EQ(Titles(array), (Strings{"A", "B"}));
}

TEST(JsonLdFeed, PostingWithoutUrlIsKeptWithADiagnostic) {
  const FeedPage page = ParseJson(R"({"@type":"JobPosting","title":"IT-Leiter"})");
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].posting.url, "");
  EXPECT_TRUE(HasDiagnostic(page, "entry 1: no url"));
}

TEST(JsonLdFeed, EmptyListsAreEmpty) {
  EXPECT_EQ(ParseJson(R"({"@type":"DataFeed","dataFeedElement":[]})").shape, FeedShape::kEmpty);
  EXPECT_EQ(ParseJson(R"({"@type":"ItemList","itemListElement":[]})").shape, FeedShape::kEmpty);
  EXPECT_EQ(ParseJson("[]").shape, FeedShape::kEmpty);
  EXPECT_EQ(ParseJson(R"({"@graph":[{"@type":"WebPage"},{"@type":"ItemList"}]})").shape,
            FeedShape::kEmpty);
}

TEST(JsonLdFeed, ListsOfSomethingElseAndOtherJsonAreUnknown) {
  const FeedPage products =
      ParseJson(R"({"@type":"ItemList","itemListElement":[{"@type":"Product","name":"x"}]})");
  EXPECT_EQ(products.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(products, "none of the 1 entries could be read"));
  const FeedPage other = ParseJson(R"({"jobs": [{"title": "IT-Leiter"}]})");
  EXPECT_EQ(other.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(other, "no schema.org JobPosting"));
  EXPECT_EQ(ParseJson("<!DOCTYPE html><html></html>").shape, FeedShape::kUnknown);
}

TEST(JsonLdFeed, RepairsWhatPagesGetWrong) {
  const FeedPage page = ParseJson("{\"@type\": \"JobPosting\", \"title\": \"IT-Leiter\",}");
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_TRUE(HasDiagnostic(page, "JSON repaired"));
}

TEST(JsonLdFeed, SkipsPostingsWithoutTitle) {
  const FeedPage page = ParseJson(R"([{"@type":"JobPosting","url":"https://x.example/a"}])");
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(page, "entry 1 skipped: JobPosting without title"));
}

TEST(LooksLikeJsonBody, ByMediaTypeOrFirstCharacter) {
  EXPECT_TRUE(LooksLikeJsonBody("application/json; charset=utf-8", ""));
  EXPECT_TRUE(LooksLikeJsonBody("Application/LD+JSON", "x"));
  EXPECT_TRUE(LooksLikeJsonBody("application/vnd.softgarden+json", "x"));
  EXPECT_TRUE(LooksLikeJsonBody("", "\xEF\xBB\xBF  \n{\"@type\":\"DataFeed\"}"));
  EXPECT_TRUE(LooksLikeJsonBody("text/plain", "[]"));
  EXPECT_FALSE(LooksLikeJsonBody("text/html", "{\"a\":1}"));
  EXPECT_FALSE(LooksLikeJsonBody("", "<html>"));
  EXPECT_FALSE(LooksLikeJsonBody("", "   "));
}

}  // namespace
}  // namespace jobcrawler::parsers
