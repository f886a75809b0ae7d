// robots.txt against the references: a table of cases on which widely used
// parsers disagree, each with the answer we give and what it rests on.
//
// `basis` names the section of RFC 9309 (https://www.rfc-editor.org/rfc/rfc9309)
// that decides the case, or "ours" for a deliberate departure listed in the
// banners of crawler/robots_parser.h, robots_matcher.h and robots.h.
// `others` says how other parsers answer where they differ: "Google" is
// google/robotstxt (as its own tests show), "Python" is the standard
// library's urllib.robotparser (Python 3.11, run on each case).
// The cases are our own; each one is a test of its own (RobotsReference/...).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/robots.h"

namespace jobcrawler::crawler {
namespace {

constexpr std::string_view kAgent = "jobcrawler/0.1 (+https://example.org/bot)";

struct ReferenceCase {
  std::string name;
  std::string basis;
  std::string robots;
  std::string path;
  bool allowed = false;
  std::string others;
  std::string agent = std::string(kAgent);
};

// gtest names a failing case by this rather than by its bytes.
void PrintTo(const ReferenceCase& c, std::ostream* out) { *out << c.name; }

// `robots` followed by blank lines so that `cut` starts at kMaxRobotsBytes
// minus its first `kept` octets: the limit cuts `cut` after them.
std::string CutAtLimit(std::string robots, std::string_view cut, std::size_t kept) {
  robots.append(kMaxRobotsBytes - robots.size() - kept, '\n');
  return robots + std::string(cut) + "\n";
}

std::vector<ReferenceCase> GroupCases() {
  return {
      {"StarGroupApplies", "2.2.1", "User-agent: *\nDisallow: /x\n", "/x", false, ""},
      {"OwnGroupReplacesStar", "2.2.1",
       "User-agent: *\nDisallow: /\n\nUser-agent: jobcrawler\nDisallow: /private\n", "/jobs", true,
       ""},
      {"AgentNameIsCaseInsensitive", "2.2.1", "User-agent: JobCrawler\nDisallow: /x\n", "/x",
       false, ""},
      {"AgentNameMatchesWholly", "2.2.1", "User-agent: job\nDisallow: /x\n", "/x", true,
       "Python: disallowed (substring match)"},
      {"LongerAgentNameIsAnotherAgent", "2.2.1", "User-agent: jobcrawler-news\nDisallow: /x\n",
       "/x", true, ""},
      {"AgentValueWithVersion", "ours (product token up to \"/\")",
       "User-agent: jobcrawler/2.1\nDisallow: /x\n", "/x", false, "Python: allowed"},
      {"AgentValueUpToBlank", "ours (product token up to a blank)",
       "User-agent: jobcrawler bot\nDisallow: /x\n", "/x", false,
       "Google: the same; Python: allowed"},
      {"GroupsOfOneAgentAreMerged", "2.2.1",
       "User-agent: jobcrawler\nDisallow: /a\n\nUser-agent: other\nDisallow: /b\n\n"
       "User-agent: jobcrawler\nDisallow: /c\n",
       "/c", false, "Python: allowed (first matching group only)"},
      {"StarGroupsAreMerged", "2.2.1",
       "User-agent: *\nDisallow: /a\n\nUser-agent: other\nDisallow: /\n\nUser-agent: *\n"
       "Disallow: /b\n",
       "/b", false, "Python: allowed"},
      {"BlankLineKeepsAgentLinesTogether", "2.2 (emptyline inside a group)",
       "User-agent: other\n\nUser-agent: jobcrawler\nDisallow: /x\n", "/x", false,
       "Python: allowed for \"other\" (a blank line ends a group)", "other"},
      {"RuleEndsTheRunOfAgentLines", "2.1",
       "User-agent: other\nDisallow: /y\nUser-agent: jobcrawler\nDisallow: /x\n", "/x", true, "",
       "other"},
      {"OwnGroupWithoutRulesAllowsAll", "2.2.1",
       "User-agent: *\nDisallow: /\n\nUser-agent: jobcrawler\nAllow:\n", "/x", true, ""},
      {"NoGroupForUsAndNoStarAllowsAll", "2.2.1", "User-agent: other\nDisallow: /\n", "/x", true,
       ""},
      {"MissingUserAgentLine", "2.2.2 (rules outside groups are ignored)", "Disallow: /x\n", "/x",
       true, ""},
      {"RulesBeforeTheFirstAgentAreIgnored", "2.2.2",
       "Disallow: /x\nUser-agent: *\nDisallow: /y\n", "/x", true, ""},
      {"EmptyAgentValueNamesNobody", "ours", "User-agent:\nDisallow: /x\n", "/x", true,
       "Python: disallowed"},
      {"CrawlDelayDoesNotEndTheGroup", "2.2.4 (other records MUST NOT interfere)",
       "User-agent: other\nCrawl-delay: 5\nUser-agent: jobcrawler\nDisallow: /x\n", "/x", false,
       "Python: allowed for \"other\"", "other"},
      {"SitemapDoesNotEndTheGroup", "2.2.4",
       "User-agent: other\nSitemap: https://e.de/s.xml\nUser-agent: jobcrawler\nDisallow: /x\n",
       "/x", false, "", "other"},
  };
}

std::vector<ReferenceCase> PrecedenceCases() {
  return {
      {"LongestMatchAllows", "2.2.2", "User-agent: *\nAllow: /p\nDisallow: /\n", "/page", true, ""},
      {"LongestMatchListedLast", "2.2.2", "User-agent: *\nAllow: /page\nDisallow: /page.html\n",
       "/page.html", false, "Python: allowed (first match)"},
      {"WildcardCountsTowardsLength", "2.2.2", "User-agent: *\nAllow: /page\nDisallow: /*.html\n",
       "/page.html", false, "Python: allowed"},
      {"AllowWinsATieListedFirst", "2.2.2", "User-agent: *\nAllow: /folder\nDisallow: /folder\n",
       "/folder/page", true, ""},
      {"AllowWinsATieListedLast", "2.2.2", "User-agent: *\nDisallow: /folder\nAllow: /folder\n",
       "/folder/page", true, "Python: disallowed (first match)"},
      {"AllowWinsAnAnchoredTie", "2.2.2", "User-agent: *\nDisallow: /x$\nAllow: /x*\n", "/x", true,
       ""},
      {"RootAloneAllowed", "2.2.3", "User-agent: *\nAllow: /$\nDisallow: /\n", "/", true,
       "Python: disallowed (no \"$\")"},
      {"BelowRootDisallowed", "2.2.3", "User-agent: *\nAllow: /$\nDisallow: /\n", "/page", false,
       ""},
      {"EmptyDisallowAllowsAll", "2.2.2", "User-agent: *\nDisallow:\n", "/x", true, ""},
      {"RobotsTxtIsAlwaysAllowed", "2.2.2", "User-agent: *\nDisallow: /\n", "/robots.txt", true,
       "Python: disallowed"},
      {"PathsAreCaseSensitive", "2.2.2", "User-agent: *\nDisallow: /Private\n", "/private", true,
       ""},
      {"QueryIsPartOfThePath", "2.2.2", "User-agent: *\nDisallow: /*&order=\n",
       "/stellen?seite=2&order=neu", false, "Python: allowed (no \"*\")"},
  };
}

std::vector<ReferenceCase> SpecialCharacterCases() {
  return {
      {"StarInTheMiddle", "2.2.3", "User-agent: *\nDisallow: /stellen/*/bewerben\n",
       "/stellen/4711/bewerben", false, "Python: allowed"},
      {"DollarAnchorsTheEnd", "2.2.3", "User-agent: *\nDisallow: /*.pdf$\n", "/a.pdf", false,
       "Python: allowed"},
      {"DollarAnchorsBeforeAQuery", "2.2.3", "User-agent: *\nDisallow: /*.pdf$\n", "/a.pdf?x=1",
       true, ""},
      {"TrailingStarChangesNothing", "2.2.3", "User-agent: *\nDisallow: /fish*\n", "/fish", false,
       "Python: allowed"},
      {"PatternStartingWithStar", "2.2.3", "User-agent: *\nDisallow: *.gif\n", "/img/a.gif", false,
       "Python: allowed"},
      {"EncodedStarIsALiteralStar", "2.2.3", "User-agent: *\nDisallow: /a-%2A.html\n",
       "/a-*.html", false, ""},
      {"EncodedStarIsNoWildcard", "2.2.3", "User-agent: *\nDisallow: /a-%2A.html\n", "/a-b.html",
       true, ""},
      {"EncodedDollarIsALiteralDollar", "2.2.3", "User-agent: *\nDisallow: /foo-%24\n", "/foo-$",
       false, ""},
      {"DollarInsideAPatternIsLiteral", "ours", "User-agent: *\nDisallow: /a$b\n", "/a", true, ""},
      {"CommentEndsTheValue", "2.2.3", "User-agent: *\nDisallow: /x # not /y\n", "/y", true, ""},
  };
}

std::vector<ReferenceCase> EncodingCases() {
  return {
      {"RawUtf8PatternMatchesEncodedPath", "2.2.2 (table, row 3)",
       "User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", "/foo/bar/%E3%83%84", false, ""},
      {"EncodedPatternMatchesEncodedPath", "2.2.2 (table, row 4)",
       "User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "/foo/bar/%E3%83%84", false, ""},
      {"EncodedPatternMatchesRawUtf8Path", "2.2.2 (octets outside ASCII are encoded)",
       "User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", "/foo/bar/\xE3\x83\x84", false,
       "Google: allowed (expects the caller to encode the URL)"},
      {"UnreservedEscapesAreDecoded", "2.2.2 (table, row 5)",
       "User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", "/foo/bar/baz", false,
       "Google: allowed (no decoding)"},
      {"ReservedCharacterEqualsItsEscape", "2.2.2 (table, row 2)",
       "User-agent: *\nDisallow: /foo/bar?baz=https://foo.bar\n",
       "/foo/bar?baz=https%3A%2F%2Ffoo.bar", false, ""},
      {"EncodedSlashEqualsSlash", "2.2.2 (reserved octets are compared encoded)",
       "User-agent: *\nDisallow: /a/b\n", "/a%2Fb", false, ""},
      {"HexCaseDoesNotMatter", "2.2.2", "User-agent: *\nDisallow: /f%c3%bcr\n", "/f%C3%BCr", false,
       ""},
      {"TildeEncodedOrNot", "2.2.2", "User-agent: *\nDisallow: /~joe/\n", "/%7Ejoe/index.html",
       false, ""},
      {"PlusIsNoSpace", "2.2.2", "User-agent: *\nDisallow: /a+b\n", "/a%20b", true, ""},
      {"StrayPercentIsALiteralPercent", "ours", "User-agent: *\nDisallow: /100%\n", "/100%25",
       false, ""},
  };
}

std::vector<ReferenceCase> SyntaxCases() {
  return {
      {"CrLfLineEnds", "2.2 (NL)", "User-agent: *\r\nDisallow: /x\r\n", "/x", false, ""},
      {"BareCrLineEnds", "2.2 (NL)", "User-agent: *\rDisallow: /x\r", "/x", false, ""},
      {"MixedLineEnds", "2.2 (NL)", "User-agent: *\rDisallow: /a\r\nDisallow: /x\n", "/x", false,
       ""},
      {"ByteOrderMark", "ours (the RFC is silent)", "\xEF\xBB\xBFUser-agent: *\nDisallow: /x\n",
       "/x", false, "Google: the same; Python: allowed (the mark spoils the first key)"},
      {"ByteOrderMarkCutShort", "ours", "\xEF\xBBUser-agent: *\nDisallow: /x\n", "/x", false,
       "Google: the same"},
      {"ByteOrderMarkMidFile", "ours", "User-agent: *\n\xEF\xBB\xBF" "Disallow: /x\n", "/x", true,
       "Google: the same"},
      {"NoBlankAfterColon", "2.2", "User-agent:*\nDisallow:/x\n", "/x", false, ""},
      {"MissingColon", "ours", "User-agent: *\nDisallow /x\n", "/x", false,
       "Google: the same; Python: allowed"},
      {"MisspelledDisallow", "ours (2.2.4 allows leniency)", "User-agent: *\nDissallow: /x\n",
       "/x", false, "Python: allowed"},
      {"MisspelledAllowIsIgnored", "ours", "User-agent: *\nDisallow: /\nAlow: /x\n", "/x", false,
       ""},
  };
}

std::vector<ReferenceCase> LimitCases() {
  const std::string group = "User-agent: *\nDisallow: /\n";
  const std::string long_value(kMaxRobotsLineBytes, 'a');
  return {
      {"RuleEndingAtTheLimitCounts", "2.5",
       CutAtLimit("User-agent: *\n", "Disallow: /x", 12), "/x", false, ""},
      {"RuleAfterTheLimitIsIgnored", "2.5",
       CutAtLimit("User-agent: *\n", "\nDisallow: /x", 0), "/x", true, ""},
      {"DisallowCutByTheLimitKeepsItsStart", "ours (cut lines may only make us crawl less)",
       CutAtLimit("User-agent: *\n", "Disallow: /private", 14), "/prime", false,
       "Google: the same"},
      {"AllowCutByTheLimitIsDropped", "ours (cut lines may only make us crawl less)",
       CutAtLimit(group, "Allow: /private", 11), "/pri", false, "Google: allowed"},
      {"OverlongDisallowIsCut", "ours", "User-agent: *\nDisallow: /" + long_value + "\n",
       "/" + long_value, false, "Google: the same (at 16,664 octets)"},
      {"OverlongAllowIsDropped", "ours", group + "Allow: /" + long_value + "\n", "/a", false,
       "Google: allowed"},
  };
}

std::vector<ReferenceCase> AllCases() {
  std::vector<ReferenceCase> all;
  for (auto part : {GroupCases(), PrecedenceCases(), SpecialCharacterCases(), EncodingCases(),
                    SyntaxCases(), LimitCases()}) {
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}

class RobotsReference : public ::testing::TestWithParam<ReferenceCase> {};

TEST_P(RobotsReference, Decides) {
  const ReferenceCase& c = GetParam();
  SCOPED_TRACE("basis: " + c.basis + (c.others.empty() ? "" : "; others: " + c.others));
  EXPECT_EQ(RobotsRules::Parse(c.robots, c.agent).IsAllowed(c.path), c.allowed)
      << "path " << c.path << " for " << c.agent;
}

std::string CaseName(const ::testing::TestParamInfo<ReferenceCase>& param) {
  return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Table, RobotsReference, ::testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace jobcrawler::crawler
