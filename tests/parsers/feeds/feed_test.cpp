// Names, and what every reader must survive.
#include "parsers/feeds/feed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/parsers/feeds/feed_fixtures.h"

namespace jobcrawler::parsers {
namespace {

using testing::HasDiagnostic;

constexpr FeedType kAllTypes[] = {FeedType::kHtml, FeedType::kArbeitsagentur, FeedType::kPersonio,
                                  FeedType::kGreenhouse, FeedType::kLever};
constexpr std::string_view kUrl = "https://feeds.example/jobs";

TEST(FeedType, NamesRoundTrip) {
  for (const FeedType type : kAllTypes) {
    EXPECT_EQ(ParseFeedType(FeedTypeName(type)), type) << FeedTypeName(type);
  }
  EXPECT_EQ(ParseFeedType("arbeitsagentur"), FeedType::kArbeitsagentur);
  EXPECT_EQ(ParseFeedType("html"), FeedType::kHtml);
  EXPECT_EQ(ParseFeedType("Personio"), std::nullopt);
  EXPECT_EQ(ParseFeedType("workday"), std::nullopt);
  EXPECT_EQ(ParseFeedType(""), std::nullopt);
  EXPECT_EQ(FeedShapeName(FeedShape::kEmpty), "empty");
  EXPECT_EQ(FeedShapeName(FeedShape::kUnknown), "unknown");
}

TEST(FeedHostile, GarbageNeverCrashesAndIsUnknown) {
  const std::vector<std::string> bodies = {
      "",
      " ",
      "{",
      "[",
      "]",
      "null",
      "0",
      "\"x\"",
      "{\"a\":",
      "<",
      "<?xml",
      "<a",
      "</a>",
      std::string("\0\0\0", 3),
      "\xFF\xFE<\0a\0>\0",
      "\x1F\x8B\x08garbage",
      "&&&&;;;;",
      "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/\"> %p;]><x/>"};
  for (const FeedType type : kAllTypes) {
    for (const std::string& body : bodies) {
      const FeedPage page = ParseFeed(type, body, kUrl, {});
      EXPECT_NE(page.shape, FeedShape::kOk) << FeedTypeName(type) << ": " << body;
      EXPECT_TRUE(page.postings.empty());
    }
  }
}

TEST(FeedHostile, DeepJsonNestingIsRefused) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  for (const FeedType type : kAllTypes) {
    const FeedPage page = ParseFeed(type, deep, kUrl, {});
    EXPECT_EQ(page.shape, FeedShape::kUnknown) << FeedTypeName(type);
  }
  std::string nested = R"({"ergebnisliste":[{"referenznummer":"1","stellenangebotsTitel":"A","x":)";
  nested += std::string(200, '[') + std::string(200, ']') + "}]}";
  EXPECT_EQ(ParseFeed(FeedType::kArbeitsagentur, nested, kUrl, {}).shape, FeedShape::kUnknown);
}

TEST(FeedHostile, DeepXmlNestingStops) {
  std::string deep = "<workzag-jobs><position><id>1</id><name>IT-Leiter</name>";
  for (int i = 0; i < 100'000; ++i) deep += "<a>";
  const FeedPage page = ParseFeed(FeedType::kPersonio, deep, kUrl, {});
  EXPECT_TRUE(HasDiagnostic(page, "nested deeper than"));
  ASSERT_EQ(page.postings.size(), 1u);  // what was read before is kept
  EXPECT_EQ(page.postings[0].posting.title, "IT-Leiter");
}

TEST(FeedHostile, HugeArraysAreCappedAndMarkedTruncated) {
  std::string body = "[";
  for (std::size_t i = 0; i < kMaxFeedItems + 10; ++i) {
    if (i > 0) body += ',';
    body += R"({"id":")" + std::to_string(i) +
            R"(","text":"Job","hostedUrl":"https://jobs.lever.co/x/)" + std::to_string(i) + R"("})";
  }
  body += "]";
  const FeedPage page = ParseFeed(FeedType::kLever, body, kUrl, {});
  EXPECT_EQ(page.postings.size(), kMaxFeedItems);
  EXPECT_TRUE(page.truncated);
  EXPECT_EQ(page.paging.listed, kMaxFeedItems + 10);
  EXPECT_TRUE(HasDiagnostic(page, "the rest are ignored"));
}

TEST(FeedHostile, ManyPersonioPositionsAreCapped) {
  std::string body = "<workzag-jobs>";
  for (std::size_t i = 0; i < kMaxFeedItems + 5; ++i) {
    body += "<position><id>" + std::to_string(i) + "</id><name>Job</name></position>";
  }
  body += "</workzag-jobs>";
  const FeedPage page = ParseFeed(FeedType::kPersonio, body, kUrl, {});
  EXPECT_EQ(page.postings.size(), kMaxFeedItems);
  EXPECT_TRUE(page.truncated);
}

TEST(FeedHostile, OverlongFieldsAreCutAndOverlongUrlsDropped) {
  const std::string title(100'000, 'x');
  const std::string url = "https://jobs.lever.co/x/" + std::string(kMaxFeedUrlBytes, 'y');
  const std::string body = R"([{"id":"1","text":")" + title +
                           R"(","hostedUrl":"https://jobs.lever.co/x/1",)"
                           R"("descriptionPlain":")" +
                           std::string(1'000'000, 'd') +
                           R"("},)"
                           R"({"id":"2","text":"B","hostedUrl":")" +
                           url + R"("}])";
  const FeedPage page = ParseFeed(FeedType::kLever, body, kUrl, {});
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].posting.title.size(), kMaxFeedTextBytes);
  EXPECT_LE(page.postings[0].posting.description.size(), kMaxFeedDescriptionBytes);
  EXPECT_TRUE(HasDiagnostic(page, "entry 2 skipped: no hostedUrl"));
}

TEST(FeedHostile, CutsAtCharacterBoundaries) {
  const std::string title(kMaxFeedTextBytes - 1, 'x');
  const std::string body = R"([{"id":"1","text":")" + title +
                           "\xC3\xA4\xC3\xA4"
                           R"(","hostedUrl":"https://jobs.lever.co/x/1"}])";
  const FeedPage page = ParseFeed(FeedType::kLever, body, kUrl, {});
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].posting.title, title);  // the ä that did not fit is gone whole
}

TEST(FeedHostile, InvalidUtf8InJsonIsReplaced) {
  const std::string body =
      "[{\"id\":\"1\",\"text\":\"IT-Leiter "
      "\xFF\xFE\",\"hostedUrl\":\"https://jobs.lever.co/x/1\"}]";
  const FeedPage page = ParseFeed(FeedType::kLever, body, kUrl, {});
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].posting.title, "IT-Leiter \uFFFD\uFFFD");
  EXPECT_TRUE(HasDiagnostic(page, "JSON repaired"));
}

TEST(FeedHostile, BodiesOverTheSizeLimitAreNotRead) {
  const std::string body = "[" + std::string(kMaxFeedBytes, ' ') + "]";
  const FeedPage page = ParseFeed(FeedType::kLever, body, kUrl, {});
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(page, "larger than"));
}

TEST(FeedHostile, LargeStrictJsonBodiesAreRead) {
  // Above the repairing reader's limit: read strictly.
  std::string body = R"({"jobs":[)";
  const std::string content(2000, 'c');
  for (int i = 0; body.size() < 6 * 1024 * 1024; ++i) {
    if (i > 0) body += ',';
    body += R"({"id":)" + std::to_string(i) +
            R"(,"title":"Job","absolute_url":"https://b.example/)" + std::to_string(i) +
            R"(","content":")" + content + R"("})";
  }
  body += "]}";
  const FeedPage page = ParseFeed(FeedType::kGreenhouse, body, kUrl, {});
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_GT(page.postings.size(), 1000u);
}

TEST(FeedHostile, DiagnosticsAreCapped) {
  std::string body = R"({"ergebnisliste":[)";
  for (int i = 0; i < 500; ++i) body += std::string(i > 0 ? "," : "") + "1";
  body += "]}";
  const FeedPage page = ParseFeed(FeedType::kArbeitsagentur, body, kUrl, {});
  EXPECT_EQ(page.diagnostics.size(), kMaxFeedDiagnostics + 1);
  EXPECT_EQ(page.diagnostics.back(), "further diagnostics omitted");
}

}  // namespace
}  // namespace jobcrawler::parsers
