// Tests for crawler/scope.h (follow patterns on RE2) and crawler/parse_key.h.
#include "crawler/scope.h"

#include <chrono>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "crawler/parse_key.h"
#include "crawler/url.h"

namespace jobcrawler::crawler {
namespace {

Source WithFollow(std::vector<std::string> follow) {
  return Source{.name = "board", .start_urls = {"https://h/"}, .follow = std::move(follow)};
}

// "https://h/a/a/.../a" with `segments` path segments and no "stelle":
// the worst case for a backtracking engine on `(.*/)*stelle`.
std::string DeepLink(int segments) {
  std::string url = "https://h";
  for (int i = 0; i < segments; ++i) url += "/aaaaaaaa";
  return url;
}

// A wall-clock bound on one match, not a speed test: libstdc++'s
// std::regex took minutes here; any linear engine needs microseconds.
constexpr std::chrono::seconds kBound{2};

TEST(SourceScope, NestedStarPatternOnA41SegmentLinkEndsAtOnce) {
  SourceScope scope(WithFollow({"^https://h/(.*/)*stelle"}));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(scope.Allows(DeepLink(41)));
  EXPECT_TRUE(scope.Allows(DeepLink(41) + "/stelle-17"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, kBound);
}

TEST(SourceScope, A33000ByteUrlNeitherCrashesNorStalls) {
  // Longer than any canonical URL may be (kMaxUrlBytes), as a hostile
  // caller might still pass: matching must not recurse per character.
  SourceScope scope(WithFollow({"^https://h/(a|b)*c", "^https://h/(.*/)*stelle"}));
  const std::string url = "https://h/" + std::string(33000, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(scope.Allows(url));
  EXPECT_TRUE(scope.Allows(url + "c"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, kBound);
}

TEST(SourceScope, PatternsAreSearchedNotAnchored) {
  SourceScope scope(WithFollow({"/stellen/\\d+"}));
  EXPECT_TRUE(scope.Allows("https://h/de/stellen/17?x=1"));
  EXPECT_FALSE(scope.Allows("https://h/de/stellen/"));
}

TEST(SourceScope, InvalidPatternThrowsAtConstruction) {
  EXPECT_THROW(SourceScope(WithFollow({"(unclosed"})), std::invalid_argument);
}

TEST(FollowPatternError, AcceptsRe2AndRefusesBacktrackingOnlyFeatures) {
  EXPECT_EQ(FollowPatternError("^https://www\\.hagen\\.de/[^?#]*([Ss]tellen|[Jj]obs?)"), "");
  EXPECT_EQ(FollowPatternError("^https://h/(.*/)*stelle"), "");
  EXPECT_EQ(FollowPatternError("(\\w+)/\\1"), "invalid escape sequence: \\1");
  EXPECT_EQ(FollowPatternError("a(?=b)"), "invalid perl operator: (?=");
  EXPECT_EQ(FollowPatternError("(unclosed"), "missing ): (unclosed");
}

TEST(FollowPatternError, APatternBeyondTheMemoryBudgetIsRefused) {
  // A thousand Unicode letter classes compile to a program far larger than
  // the per-pattern budget.
  EXPECT_EQ(FollowPatternError("\\pL{1000}"), "pattern too large - compile failed");
}

TEST(ParseKey, EqualSourcesGiveEqualKeysThatNameTheParserVersion) {
  const Source a = WithFollow({"^https://h/jobs/"});
  EXPECT_EQ(ParseKey(a), ParseKey(WithFollow({"^https://h/jobs/"})));
  EXPECT_EQ(ParseKey(a).rfind("p" + std::to_string(kParserVersion) + "-", 0), 0u) << ParseKey(a);
  EXPECT_EQ(SourceScope(a).parse_key(), ParseKey(a));
}

// Stored with every page: a key that changed by itself from one version to
// the next would make the next crawl refetch every page in full.
TEST(ParseKey, StaysTheSameAcrossVersions) {
  EXPECT_EQ(ParseKey(WithFollow({"^https://h/jobs/"})),
            "p" + std::to_string(kParserVersion) + "-2ba60684e17b4193");
}

TEST(ParseKey, ChangesWithFollowProfileStartUrlsAndName) {
  const Source base = WithFollow({"^https://h/jobs/"});
  Source narrower = base;
  narrower.follow = {"^https://h/jobs/it/"};
  Source profiled = base;
  profiled.profile.title = "h1";
  Source moved = base;
  moved.start_urls = {"https://h/karriere/"};
  Source renamed = base;
  renamed.name = "board2";
  for (const Source* other : {&narrower, &profiled, &moved, &renamed}) {
    EXPECT_NE(ParseKey(*other), ParseKey(base));
  }
  // Field boundaries count: moving text between fields changes the key.
  Source split_a = WithFollow({"ab", "c"});
  Source split_b = WithFollow({"a", "bc"});
  EXPECT_NE(ParseKey(split_a), ParseKey(split_b));
}

}  // namespace
}  // namespace jobcrawler::crawler
