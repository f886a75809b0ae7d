// Tests for crawler/robots*.{h,cpp}. RobotsRfc9309.* follow RFC 9309
// (https://www.rfc-editor.org/rfc/rfc9309) and name the section they cover;
// RobotsOurChoice.* pin down the departures listed in the file banners.
#include "crawler/robots.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::crawler {
namespace {

constexpr std::string_view kAgent = "jobcrawler/0.1 (+https://example.org/bot)";

// Whether `agent` may fetch `path` under `robots`.
bool Allowed(std::string_view robots, std::string_view path, std::string_view agent = kAgent) {
  return RobotsRules::Parse(robots, agent).IsAllowed(path);
}

std::vector<RobotsIssue> Issues(std::string_view robots) {
  const RobotsRules rules = RobotsRules::Parse(robots, kAgent);
  std::vector<RobotsIssue> kinds;
  for (const RobotsLineIssue& issue : rules.issues()) {
    kinds.push_back(issue.issue);
  }
  return kinds;
}

// Writes each parser callback as one line: "3 disallow /x".
class RecordingHandler : public RobotsHandler {
 public:
  void OnUserAgent(int line, std::string_view v) override { Add(line, "user-agent", v); }
  void OnAllow(int line, std::string_view v) override { Add(line, "allow", v); }
  void OnDisallow(int line, std::string_view v) override { Add(line, "disallow", v); }
  void OnCrawlDelay(int line, std::string_view v) override { Add(line, "crawl-delay", v); }
  void OnSitemap(int line, std::string_view v) override { Add(line, "sitemap", v); }
  void OnUnknown(int line, std::string_view key, std::string_view v) override {
    Add(line, "unknown " + std::string(key), v);
  }
  void OnIssue(int line, RobotsIssue issue) override { Add(line, "issue", RobotsIssueName(issue)); }
  std::vector<std::string> records;

 private:
  void Add(int line, const std::string& what, std::string_view value) {
    records.push_back(std::to_string(line) + " " + what + " " + std::string(value));
  }
};

std::vector<std::string> Records(std::string_view robots) {
  RecordingHandler handler;
  ParseRobotsTxt(robots, handler);
  return handler.records;
}

using Strings = std::vector<std::string>;

// --- §2.1 Protocol definition -------------------------------------------

TEST(RobotsRfc9309, Section2_1_KeysAreCaseInsensitive) {
  EXPECT_FALSE(Allowed("USER-AGENT: *\nDISALLOW: /x\n", "/x"));
  EXPECT_FALSE(Allowed("uSeR-aGeNt: *\ndIsAlLoW: /x\n", "/x"));
}

TEST(RobotsRfc9309, Section2_1_RulesBeforeFirstUserAgentAreIgnored) {
  EXPECT_TRUE(Allowed("Disallow: /\n", "/x"));
  EXPECT_TRUE(Allowed("Disallow: /\nUser-agent: *\nDisallow: /y\n", "/x"));
  EXPECT_EQ(Issues("Disallow: /\n"), std::vector{RobotsIssue::kRuleOutsideGroup});
}

TEST(RobotsRfc9309, Section2_1_ConsecutiveUserAgentLinesShareOneGroup) {
  constexpr std::string_view kRobots =
      "User-agent: otherbot\n\nUser-agent: jobcrawler\nDisallow: /x\n";
  EXPECT_FALSE(Allowed(kRobots, "/x"));
  EXPECT_FALSE(Allowed(kRobots, "/x", "otherbot"));
}

TEST(RobotsRfc9309, Section2_1_UserAgentAfterRulesStartsNewGroup) {
  constexpr std::string_view kRobots =
      "User-agent: otherbot\nDisallow: /a\nUser-agent: jobcrawler\nDisallow: /b\n";
  EXPECT_TRUE(Allowed(kRobots, "/a"));
  EXPECT_FALSE(Allowed(kRobots, "/b"));
  EXPECT_TRUE(Allowed(kRobots, "/b", "otherbot"));
}

TEST(RobotsRfc9309, Section2_1_HashStartsComment) {
  EXPECT_FALSE(Allowed("# all bots\nUser-agent: * # everyone\nDisallow: /x # secret\n", "/x"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /x#y\n", "/xz"));
  EXPECT_TRUE(Allowed("User-agent: *\n# Disallow: /x\n", "/x"));
}

// --- §2.2.1 The user-agent line ------------------------------------------

TEST(RobotsRfc9309, Section2_2_1_AgentMatchIsCaseInsensitive) {
  EXPECT_FALSE(Allowed("User-agent: JobCrawler\nDisallow: /x\n", "/x"));
  EXPECT_FALSE(Allowed("User-agent: jobcrawler\nDisallow: /x\n", "/x", "JOBCRAWLER"));
}

TEST(RobotsRfc9309, Section2_2_1_ProductTokenOfFullUserAgentString) {
  constexpr std::string_view kRobots = "User-agent: jobcrawler\nDisallow: /x\n";
  EXPECT_FALSE(Allowed(kRobots, "/x", "jobcrawler/0.1 (+https://example.org/bot)"));
  EXPECT_FALSE(Allowed(kRobots, "/x", "jobcrawler (+https://example.org/bot)"));
  EXPECT_TRUE(Allowed(kRobots, "/x", "jobcrawlerX/0.1"));
  EXPECT_TRUE(Allowed(kRobots, "/x", "job/0.1"));
}

TEST(RobotsRfc9309, Section2_2_1_GroupsForSameAgentAreMerged) {
  constexpr std::string_view kRobots =
      "User-agent: jobcrawler\nDisallow: /a\n"
      "User-agent: otherbot\nDisallow: /b\n"
      "User-agent: JOBCRAWLER\nDisallow: /c\n";
  EXPECT_FALSE(Allowed(kRobots, "/a"));
  EXPECT_TRUE(Allowed(kRobots, "/b"));
  EXPECT_FALSE(Allowed(kRobots, "/c"));
}

TEST(RobotsRfc9309, Section2_2_1_StarGroupsApplyWhenNoGroupMatches) {
  constexpr std::string_view kRobots =
      "User-agent: *\nDisallow: /a\nUser-agent: otherbot\nDisallow: /b\n"
      "User-agent: *\nDisallow: /c\n";
  EXPECT_FALSE(Allowed(kRobots, "/a"));
  EXPECT_TRUE(Allowed(kRobots, "/b"));
  EXPECT_FALSE(Allowed(kRobots, "/c"));
}

TEST(RobotsRfc9309, Section2_2_1_MatchingGroupReplacesStarGroup) {
  constexpr std::string_view kRobots =
      "User-agent: *\nDisallow: /\nUser-agent: jobcrawler\nDisallow: /private\n";
  EXPECT_TRUE(Allowed(kRobots, "/stellen"));
  EXPECT_FALSE(Allowed(kRobots, "/private"));
  EXPECT_FALSE(Allowed(kRobots, "/stellen", "otherbot"));
}

TEST(RobotsRfc9309, Section2_2_1_MatchingGroupWithoutRulesAllowsAll) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /\nUser-agent: jobcrawler\n", "/x"));
}

TEST(RobotsRfc9309, Section2_2_1_NoMatchingGroupAndNoStarAllowsAll) {
  EXPECT_TRUE(Allowed("User-agent: otherbot\nDisallow: /\n", "/x"));
  EXPECT_TRUE(Allowed("", "/x"));
}

// --- §2.2.2 The Allow and Disallow lines ---------------------------------

TEST(RobotsRfc9309, Section2_2_2_LongestMatchWins) {
  constexpr std::string_view kRobots =
      "User-agent: *\nDisallow: /stellen\nAllow: /stellen/it\nDisallow: /stellen/it/intern\n";
  EXPECT_FALSE(Allowed(kRobots, "/stellen/vertrieb"));
  EXPECT_TRUE(Allowed(kRobots, "/stellen/it/dev"));
  EXPECT_FALSE(Allowed(kRobots, "/stellen/it/intern/1"));
}

TEST(RobotsRfc9309, Section2_2_2_LengthIsCountedInPatternOctets) {
  // "/*/it" (5 octets) is longer than "/job" (4) though it matches fewer.
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /job\nAllow: /*/it\n", "/job/it"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /jobs/\nAllow: /*/it\n", "/jobs/it"));
}

TEST(RobotsRfc9309, Section2_2_2_AllowWinsOnEqualLength) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /x\nAllow: /x\n", "/x"));
  EXPECT_TRUE(Allowed("User-agent: *\nAllow: /x\nDisallow: /x\n", "/x"));
  EXPECT_TRUE(Allowed("User-agent: *\nAllow: /x*\nDisallow: /x$\n", "/x"));
}

TEST(RobotsRfc9309, Section2_2_2_EmptyDisallowAllowsEverything) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow:\n", "/x"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: \n", "/"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: # nothing\n", "/"));
}

TEST(RobotsRfc9309, Section2_2_2_NoMatchAllows) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /private\n", "/public"));
}

TEST(RobotsRfc9309, Section2_2_2_RobotsTxtIsAlwaysAllowed) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /\n", "/robots.txt"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /robots.txt\n", "/robots.txt"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /\n", "/robots.txt.bak"));
}

TEST(RobotsRfc9309, Section2_2_2_MatchingIsCaseSensitive) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /Private\n", "/private"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /Private\n", "/Private"));
}

TEST(RobotsRfc9309, Section2_2_2_MatchStartsAtFirstOctet) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /a\n", "/b/a"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a\n", "/abc"));
}

TEST(RobotsRfc9309, Section2_2_2_QueryIsPartOfMatch) {
  constexpr std::string_view kRobots = "User-agent: *\nDisallow: /*&order=\nDisallow: /suche?\n";
  EXPECT_FALSE(Allowed(kRobots, "/stellen?seite=2&order=neu"));
  EXPECT_TRUE(Allowed(kRobots, "/stellen?seite=2"));
  EXPECT_FALSE(Allowed(kRobots, "/suche?q=c%2B%2B"));
  EXPECT_TRUE(Allowed(kRobots, "/suche"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar?baz=quz\n", "/foo/bar?baz=quz"));
}

TEST(RobotsRfc9309, Section2_2_2_NonAsciiIsPercentEncoded) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/ツ\n", "/foo/bar/%E3%83%84"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "/foo/bar/%E3%83%84"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /stellenangebote/für-it\n",
                       "/stellenangebote/f%C3%BCr-it?seite=2"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "/foo/bar/ツ"));
}

TEST(RobotsRfc9309, Section2_2_2_UnreservedEscapesAreDecoded) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", "/foo/bar/baz"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/baz\n", "/foo/bar/%62%61%7A"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /~user\n", "/%7Euser"));
}

TEST(RobotsRfc9309, Section2_2_2_ReservedEscapesEqualTheirCharacters) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar?baz=https://foo.bar\n",
                       "/foo/bar?baz=https%3A%2F%2Ffoo.bar"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a/b\n", "/a%2Fb"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a%2Fb\n", "/a/b"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a%2Fb\n", "/a%2fb"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /x?a=1\n", "/x%3Fa=1"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /a/b\n", "/a%2Bb"));
}

TEST(RobotsRfc9309, Section2_2_2_HexDigitCaseDoesNotMatter) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%e3%83%84\n", "/foo/bar/%E3%83%84"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "/foo/bar/%e3%83%84"));
}

// --- §2.2.3 Special characters -------------------------------------------

TEST(RobotsRfc9309, Section2_2_3_StarMatchesAnySequence) {
  constexpr std::string_view kRobots = "User-agent: *\nDisallow: /stellen/*/bewerben\n";
  EXPECT_FALSE(Allowed(kRobots, "/stellen/123/bewerben"));
  EXPECT_FALSE(Allowed(kRobots, "/stellen//bewerben"));
  EXPECT_FALSE(Allowed(kRobots, "/stellen/a/b/bewerben/jetzt"));
  EXPECT_TRUE(Allowed(kRobots, "/stellen/123"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: *.gif\n", "/img/logo.gif"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /**\n", "/"));
}

TEST(RobotsRfc9309, Section2_2_3_DollarAnchorsEnd) {
  constexpr std::string_view kRobots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /exact$\n";
  EXPECT_FALSE(Allowed(kRobots, "/docs/a.pdf"));
  EXPECT_TRUE(Allowed(kRobots, "/docs/a.pdf?download=1"));
  EXPECT_TRUE(Allowed(kRobots, "/docs/a.pdf.html"));
  EXPECT_FALSE(Allowed(kRobots, "/exact"));
  EXPECT_TRUE(Allowed(kRobots, "/exactly"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /*a*a$\n", "/xaxaxa"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /*a*a$\n", "/xaxax"));
}

TEST(RobotsRfc9309, Section2_2_3_EncodedSpecialCharactersMatchLiterally) {
  EXPECT_FALSE(
      Allowed("User-agent: *\nDisallow: /path/file-with-a-%2A.html\n", "/path/file-with-a-*.html"));
  EXPECT_TRUE(
      Allowed("User-agent: *\nDisallow: /path/file-with-a-%2A.html\n", "/path/file-with-a-b.html"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /path/foo-%24\n", "/path/foo-$"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /path/foo-%24\n", "/path/foo-"));
}

// --- §2.3.1 Access results -----------------------------------------------

TEST(RobotsRfc9309, Section2_3_1_3_UnavailableAllowsAll) {
  const RobotsRules rules = RobotsRules::AllowAll();
  EXPECT_TRUE(rules.IsAllowed("/"));
  EXPECT_TRUE(rules.IsAllowed("/anything?at=all"));
  EXPECT_FALSE(rules.crawl_delay_seconds());
}

TEST(RobotsRfc9309, Section2_3_1_4_UnreachableDisallowsAll) {
  const RobotsRules rules = RobotsRules::DisallowAll();
  EXPECT_FALSE(rules.IsAllowed("/"));
  EXPECT_FALSE(rules.IsAllowed("/anything?at=all"));
  EXPECT_FALSE(rules.IsAllowed(""));
  EXPECT_TRUE(rules.IsAllowed("/robots.txt"));  // §2.2.2, so it can be re-fetched
}

TEST(RobotsRfc9309, Section2_3_1_5_ParseableLinesAroundGarbageAreUsed) {
  constexpr std::string_view kRobots =
      "<html><body>oops</body></html>\nUser-agent: *\n\x01\x02\xff garbage\n"
      ": no key\nDisallow: /x\nthis is prose without a colon\nDisallow: /y\n";
  EXPECT_FALSE(Allowed(kRobots, "/x"));
  EXPECT_FALSE(Allowed(kRobots, "/y"));
  EXPECT_TRUE(Allowed(kRobots, "/z"));
}

// --- §2.5 Limits ---------------------------------------------------------

TEST(RobotsRfc9309, Section2_5_RulesWithin500KiBAreUsed) {
  std::string robots = "User-agent: *\n";
  robots.append(kMaxRobotsBytes - robots.size() - 12, '#');
  robots += "\nDisallow:/x";  // ends exactly at the limit
  ASSERT_EQ(robots.size(), kMaxRobotsBytes);
  EXPECT_FALSE(Allowed(robots, "/x"));
}

TEST(RobotsRfc9309, Section2_5_RulesAfter500KiBAreIgnored) {
  std::string robots = "User-agent: *\nDisallow: /a\n";
  robots.append(kMaxRobotsBytes, '\n');
  robots += "Disallow: /b\n";
  EXPECT_FALSE(Allowed(robots, "/a"));
  EXPECT_TRUE(Allowed(robots, "/b"));
}

// --- §5 Examples ---------------------------------------------------------

TEST(RobotsRfc9309, Section5_1_SimpleExample) {
  constexpr std::string_view kRobots =
      "User-Agent: *\nDisallow: *.gif$\nDisallow: /example/\nAllow: /publications/\n\n"
      "User-Agent: foobot\nDisallow:/\nAllow:/example/page.html\nAllow:/example/allowed.gif\n\n"
      "User-Agent: barbot\nUser-Agent: bazbot\nDisallow: /example/page.html\n\n"
      "User-Agent: quxbot\n\nEOF\n";
  EXPECT_FALSE(Allowed(kRobots, "/a.gif", "otherbot"));
  EXPECT_FALSE(Allowed(kRobots, "/example/x", "otherbot"));
  EXPECT_TRUE(Allowed(kRobots, "/publications/x", "otherbot"));
  EXPECT_FALSE(Allowed(kRobots, "/x", "foobot"));
  EXPECT_TRUE(Allowed(kRobots, "/example/page.html", "foobot"));
  EXPECT_TRUE(Allowed(kRobots, "/example/allowed.gif", "foobot"));
  EXPECT_FALSE(Allowed(kRobots, "/example/page.html", "barbot"));
  EXPECT_FALSE(Allowed(kRobots, "/example/page.html", "bazbot"));
  EXPECT_TRUE(Allowed(kRobots, "/a.gif", "bazbot"));
  EXPECT_TRUE(Allowed(kRobots, "/example/x.gif", "quxbot"));
}

TEST(RobotsRfc9309, Section5_2_LongestMatchExample) {
  constexpr std::string_view kRobots =
      "User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n";
  EXPECT_TRUE(Allowed(kRobots, "/example/page/", "foobot"));
  EXPECT_TRUE(Allowed(kRobots, "/example/page/allowed.gif", "foobot"));
  EXPECT_FALSE(Allowed(kRobots, "/example/page/disallowed.gif", "foobot"));
}

// --- Our choices ---------------------------------------------------------

TEST(RobotsOurChoice, ParserReportsRecordsWithLineNumbers) {
  EXPECT_EQ(Records("User-agent: a\n\n  Allow : /x  # c\nDisallow:\nCrawl-delay: 2\n"
                    "Sitemap: https://e.org/s.xml\nHost: e.org\n"),
            (Strings{"1 user-agent a", "3 allow /x", "4 disallow ", "5 crawl-delay 2",
                     "6 sitemap https://e.org/s.xml", "7 unknown Host e.org"}));
}

TEST(RobotsOurChoice, AcceptsUtf8ByteOrderMark) {
  EXPECT_EQ(Records("\xEF\xBB\xBFUser-agent: a\n"), Strings{"1 user-agent a"});
  EXPECT_FALSE(Allowed("\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n", "/x"));
}

TEST(RobotsOurChoice, SkipsAByteOrderMarkCutShortButNoOtherBytes) {
  EXPECT_EQ(Records("\xEF\xBBUser-agent: a\n"), Strings{"1 user-agent a"});
  EXPECT_EQ(Records("\xEFUser-agent: a\n"), Strings{"1 user-agent a"});
  EXPECT_EQ(Records("\xBBUser-agent: a\n"), Strings{"1 unknown \xBBUser-agent a"});
  EXPECT_EQ(Records("User-agent: a\n\xEF\xBB\xBF" "Allow: /\n"),
            (Strings{"1 user-agent a", "2 unknown \xEF\xBB\xBF" "Allow /"}));
}

TEST(RobotsOurChoice, AcceptsLfCrAndCrLfLineEnds) {
  EXPECT_EQ(Records("User-agent: a\r\nAllow: /b\rDisallow: /c\n\r\nAllow: /d"),
            (Strings{"1 user-agent a", "2 allow /b", "3 disallow /c", "5 allow /d"}));
  EXPECT_FALSE(Allowed("User-agent: *\r\nDisallow: /x\r\n", "/x"));
  EXPECT_FALSE(Allowed("User-agent: *\rDisallow: /x\r", "/x"));
}

TEST(RobotsOurChoice, AcceptsMisspelledDisallowAndUserAgent) {
  EXPECT_FALSE(Allowed("User-agent: *\nDissallow: /x\n", "/x"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisalow: /x\n", "/x"));
  EXPECT_FALSE(Allowed("Useragent: *\nDisallow: /x\n", "/x"));
  EXPECT_FALSE(Allowed("User agent: *\nDisallow: /x\n", "/x"));
  EXPECT_EQ(Issues("User-agent: *\nDissallow: /x\n"), std::vector{RobotsIssue::kMisspelledKey});
}

TEST(RobotsOurChoice, DoesNotAcceptMisspelledAllow) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /\nAlow: /x\n", "/x"));
  EXPECT_EQ(Records("Alow: /x\n"), Strings{"1 unknown Alow /x"});
}

TEST(RobotsOurChoice, AcceptsMissingColonOnlyForKnownKeyAndOneWordValue) {
  EXPECT_FALSE(Allowed("User-agent *\nDisallow /x\n", "/x"));
  EXPECT_EQ(Records("Disallow /x\n"), (Strings{"1 issue missing-colon", "1 disallow /x"}));
  EXPECT_EQ(Records("Disallow /x /y\n"), Strings{"1 issue no-separator"});
  EXPECT_EQ(Records("Please do not crawl\n"), Strings{"1 issue no-separator"});
  EXPECT_EQ(Records("Foo /x\n"), Strings{"1 issue no-separator"});
}

TEST(RobotsOurChoice, OverlongDisallowIsReadUpToTheLimitOverlongAllowDropped) {
  const std::string a_run(kMaxRobotsLineBytes, 'a');
  const std::string robots = "User-agent: *\nDisallow: /" + a_run + "x\nDisallow: /b\n";
  EXPECT_FALSE(Allowed(robots, "/" + a_run + "x"));
  EXPECT_FALSE(Allowed(robots, "/" + a_run + "y"));  // the cut pattern matches more
  EXPECT_TRUE(Allowed(robots, "/a"));
  EXPECT_FALSE(Allowed(robots, "/b"));
  EXPECT_EQ(Issues(robots), std::vector{RobotsIssue::kLineTooLong});
  const std::string allow = "User-agent: *\nDisallow: /\nAllow: /" + a_run + "\n";
  EXPECT_FALSE(Allowed(allow, "/" + a_run));
  // A comment before the limit leaves the record whole: an Allow counts.
  const std::string comment = "User-agent: *\nDisallow: /\nAllow: /x #" + a_run + "\n";
  EXPECT_TRUE(Allowed(comment, "/x"));
}

TEST(RobotsOurChoice, LineCutBySizeLimitKeepsOnlyADisallow) {
  const auto cut = [](std::string robots, std::string_view before, std::string_view after) {
    robots.append(kMaxRobotsBytes - robots.size() - before.size(), '\n');
    return robots + std::string(before) + std::string(after) + "\n";
  };
  // "Allow: /private" cut at the limit: dropped.
  const std::string allow = cut("User-agent: *\nDisallow: /\n", "Allow: /pri", "vate");
  EXPECT_FALSE(Allowed(allow, "/pri"));
  EXPECT_FALSE(Allowed(allow, "/private"));
  const std::vector<RobotsLineIssue> issues = RobotsRules::Parse(allow, kAgent).issues();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].issue, RobotsIssue::kTruncated);
  // "Disallow: /private" cut at the limit: read as "Disallow: /pri".
  const std::string disallow = cut("User-agent: *\n", "Disallow: /pri", "vate");
  EXPECT_FALSE(Allowed(disallow, "/private"));
  EXPECT_FALSE(Allowed(disallow, "/prime"));
  EXPECT_TRUE(Allowed(disallow, "/public"));
  // An escape split by the cut is dropped, not read as a literal "%".
  const std::string escape = cut("User-agent: *\n", "Disallow: /a%C", "3%BC");
  EXPECT_FALSE(Allowed(escape, "/a%C3%BC"));
  EXPECT_FALSE(Allowed(escape, "/ab"));
}

TEST(RobotsOurChoice, PatternWithoutLeadingSlashGetsOne) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: private/\n", "/private/x"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: private/\n", "/public/private/"));
}

TEST(RobotsOurChoice, DollarInsidePatternIsLiteral) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a$b\n", "/a$b"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a$b\n", "/a%24bc"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /a$b\n", "/a"));
}

TEST(RobotsOurChoice, StrayPercentIsALiteralPercent) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /100%\n", "/100%25"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /100%25\n", "/100%"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /%zz\n", "/%25zz"));
}

TEST(RobotsOurChoice, NormalizedFormsAreVisible) {
  EXPECT_EQ(RobotsPattern("/für").ToString(), "/f%C3%BCr");
  EXPECT_EQ(RobotsPattern("/%7e%2f*a$").ToString(), "/~/*a$");
  EXPECT_EQ(RobotsPattern("/%2a%24%25%20%e3").ToString(), "/%2A%24%25%20%E3");
  // Found by fuzzing: a decoded "#" read again would cut the path there.
  EXPECT_EQ(NormalizeRobotsPath("/a%23b"), "/a%23b");
  EXPECT_EQ(NormalizeRobotsPath(NormalizeRobotsPath("/a%23b")), "/a%23b");
  EXPECT_EQ(NormalizeRobotsPath("/a*b$c d#frag"), "/a%2Ab%24c%20d");
  EXPECT_EQ(NormalizeRobotsPath(""), "/");
  EXPECT_EQ(NormalizeRobotsPath("?q=1"), "/?q=1");
}

TEST(RobotsOurChoice, ProductTokenEndsAtSlashBlankOrParenthesis) {
  EXPECT_FALSE(Allowed("User-agent: jobcrawler/2.0\nDisallow: /x\n", "/x"));
  EXPECT_FALSE(Allowed("User-agent: jobcrawler (beta)\nDisallow: /x\n", "/x"));
  EXPECT_TRUE(Allowed("User-agent: jobcrawler-beta\nDisallow: /x\n", "/x"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /x\n", "/x", ""));
}

TEST(RobotsOurChoice, CrawlDelayIsANonNegativeDecimal) {
  const auto delay = [](std::string_view value) {
    return RobotsRules::Parse("User-agent: *\nCrawl-delay: " + std::string(value) + "\n", kAgent)
        .crawl_delay_seconds();
  };
  EXPECT_EQ(delay("10"), 10.0);
  EXPECT_EQ(delay("0.5"), 0.5);
  EXPECT_EQ(delay(".5"), 0.5);
  EXPECT_EQ(delay("0"), 0.0);
  EXPECT_FALSE(delay("-1"));
  EXPECT_FALSE(delay("+1"));
  EXPECT_FALSE(delay("1e3"));
  EXPECT_FALSE(delay("10 seconds"));
  EXPECT_FALSE(delay("inf"));
  EXPECT_FALSE(delay("."));
  EXPECT_FALSE(delay("1.2.3"));
  EXPECT_FALSE(delay(""));
  EXPECT_EQ(Issues("User-agent: *\nCrawl-delay: soon\n"),
            std::vector{RobotsIssue::kInvalidCrawlDelay});
}

TEST(RobotsOurChoice, CrawlDelayComesFromSelectedGroupsLargestWins) {
  constexpr std::string_view kRobots =
      "User-agent: *\nCrawl-delay: 30\nDisallow: /a\n"
      "User-agent: jobcrawler\nCrawl-delay: 2\nDisallow: /b\n"
      "User-agent: jobcrawler\nCrawl-delay: 5\n";
  EXPECT_EQ(RobotsRules::Parse(kRobots, kAgent).crawl_delay_seconds(), 5.0);
  EXPECT_EQ(RobotsRules::Parse(kRobots, "otherbot").crawl_delay_seconds(), 30.0);
  EXPECT_FALSE(RobotsRules::Parse("User-agent: jobcrawler\nDisallow: /\n"
                                  "User-agent: *\nCrawl-delay: 9\n",
                                  kAgent)
                   .crawl_delay_seconds());
  EXPECT_FALSE(RobotsRules::Parse("Crawl-delay: 9\n", kAgent).crawl_delay_seconds());
}

TEST(RobotsRfc9309, Section2_2_4_CrawlDelayDoesNotEndRunOfUserAgentLines) {
  constexpr std::string_view kRobots =
      "User-agent: otherbot\nCrawl-delay: 1\nUser-agent: jobcrawler\nDisallow: /x\n";
  EXPECT_FALSE(Allowed(kRobots, "/x"));
  EXPECT_FALSE(Allowed(kRobots, "/x", "otherbot"));
  // The delay belongs to the whole group, including agents named after it.
  EXPECT_EQ(RobotsRules::Parse(kRobots, kAgent).crawl_delay_seconds(), 1.0);
  EXPECT_EQ(RobotsRules::Parse("User-agent: *\nCrawl-delay: 4\nUser-agent: jobcrawler\n", kAgent)
                .crawl_delay_seconds(),
            4.0);
}

TEST(RobotsOurChoice, SitemapsAreCollectedFromAnywhere) {
  constexpr std::string_view kRobots =
      "Sitemap: https://e.org/a.xml\nUser-agent: otherbot\nDisallow: /\n"
      "Sitemap: https://e.org/b.xml # jobs\nSitemap:\nUser-agent: *\nsitemap: "
      "https://e.org/c.xml\n";
  EXPECT_EQ(RobotsRules::Parse(kRobots, kAgent).sitemaps(),
            (Strings{"https://e.org/a.xml", "https://e.org/b.xml", "https://e.org/c.xml"}));
  EXPECT_TRUE(RobotsRules::AllowAll().sitemaps().empty());
}

TEST(RobotsOurChoice, SitemapDoesNotEndRunOfUserAgentLines) {
  EXPECT_FALSE(
      Allowed("User-agent: otherbot\nSitemap: https://e.org/s.xml\n"
              "User-agent: jobcrawler\nDisallow: /x\n",
              "/x", "otherbot"));
}

TEST(RobotsOurChoice, IssuesAreRecordedWithLinesAndBounded) {
  const RobotsRules rules = RobotsRules::Parse("Disallow: /\nUser-agent: *\nnonsense\n", kAgent);
  ASSERT_EQ(rules.issues().size(), 2u);
  EXPECT_EQ(rules.issues()[0].line, 1);
  EXPECT_EQ(rules.issues()[0].issue, RobotsIssue::kRuleOutsideGroup);
  EXPECT_EQ(rules.issues()[1].line, 3);
  EXPECT_EQ(rules.issues()[1].issue, RobotsIssue::kNoSeparator);
  std::string garbage;
  for (int i = 0; i < 1000; ++i) garbage += "nonsense\n";
  EXPECT_EQ(RobotsRules::Parse(garbage, kAgent).issues().size(), RobotsRules::kMaxRecordedIssues);
}

TEST(RobotsOurChoice, FragmentIsNotPartOfPath) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /a$\n", "/ab#frag"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: /a$\n", "/a#frag"));
}

TEST(RobotsOurChoice, HostileWildcardPatternIsMatchedWithoutBacktracking) {
  std::string pattern = "/";
  for (int i = 0; i < 50; ++i) pattern += "*a";
  const std::string robots = "User-agent: *\nDisallow: " + pattern + "b$\n";
  const std::string path = "/" + std::string(10 * 1024, 'a');
  EXPECT_TRUE(Allowed(robots, path));
  EXPECT_FALSE(Allowed(robots, path + "b"));
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: " + pattern + "\n", path));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: " + pattern + "\n", "/" + std::string(49, 'a')));
}

}  // namespace
}  // namespace jobcrawler::crawler
