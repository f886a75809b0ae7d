#include "parsers/html/selector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jobcrawler::parsers {
namespace {

using Strings = std::vector<std::string>;

// The id (or else the tag name) of every element `selector` finds in `html`.
Strings Select(std::string_view html, std::string_view selector) {
  std::string error;
  const std::optional<Selector> parsed = Selector::Parse(selector, &error);
  EXPECT_TRUE(parsed.has_value()) << selector << ": " << error;
  if (!parsed) return {};
  const HtmlDocument document(html);
  Strings found;
  for (const HtmlNode& node : parsed->SelectAll(document.Root())) {
    found.emplace_back(node.Attribute("id").value_or(node.TagName()));
  }
  return found;
}

// The parse error for `selector`, or "no error".
std::string ErrorOf(std::string_view selector) {
  std::string error;
  return Selector::Parse(selector, &error) ? "no error" : error;
}

constexpr char kPage[] = R"(
  <div id="d1" class="jobs list">
    <a id="a1" class="job" href="/stelle/1" data-x="">Eins</a>
    <p id="p1"><a id="a2" class="job top" href="https://x.example/stelle/2.html">Zwei</a></p>
    <a id="a3" href="/kontakt">Kontakt</a>
  </div>
  <section id="s1"><a id="a4" class="JOB" rel="next" href="/seite/2">4</a></section>)";

TEST(Selector, MatchesTypeCaseInsensitively) {
  EXPECT_EQ(Select(kPage, "A"), (Strings{"a1", "a2", "a3", "a4"}));
  EXPECT_EQ(Select(kPage, "section"), Strings{"s1"});
}

TEST(Selector, UniversalMatchesEveryDescendant) {
  EXPECT_EQ(Select("<p id=x><b id=y></b></p>", "p *"), Strings{"y"});
}

TEST(Selector, MatchesClassAsOneTokenCaseSensitively) {
  EXPECT_EQ(Select(kPage, ".job"), (Strings{"a1", "a2"}));
  EXPECT_EQ(Select(kPage, ".top.job"), Strings{"a2"});
  EXPECT_EQ(Select(kPage, ".jo"), Strings{});
}

TEST(Selector, MatchesId) { EXPECT_EQ(Select(kPage, "#p1 > a"), Strings{"a2"}); }

TEST(Selector, MatchesAttributePresenceAndValues) {
  EXPECT_EQ(Select(kPage, "[data-x]"), Strings{"a1"});
  EXPECT_EQ(Select(kPage, "[rel=next]"), Strings{"a4"});
  EXPECT_EQ(Select(kPage, "a[href=\"/kontakt\"]"), Strings{"a3"});
  EXPECT_EQ(Select(kPage, "a[href='/kontakt']"), Strings{"a3"});
  EXPECT_EQ(Select(kPage, "a[href*=stelle]"), (Strings{"a1", "a2"}));
  EXPECT_EQ(Select(kPage, "a[href^=\"/\"]"), (Strings{"a1", "a3", "a4"}));
  EXPECT_EQ(Select(kPage, "a[href$=\".html\"]"), Strings{"a2"});
  EXPECT_EQ(Select(kPage, "[ HREF = '/kontakt' ]"), Strings{"a3"});
}

TEST(Selector, EmptyOperandNeverMatchesSubstringOperators) {  // as CSS says
  EXPECT_EQ(Select(kPage, "[href*='']"), Strings{});
  EXPECT_EQ(Select(kPage, "[data-x='']"), Strings{"a1"});
}

TEST(Selector, MatchesCompound) {
  EXPECT_EQ(Select(kPage, "a.job[href^='/']"), Strings{"a1"});
}

TEST(Selector, DescendantAndChildCombinators) {
  EXPECT_EQ(Select(kPage, "div a"), (Strings{"a1", "a2", "a3"}));
  EXPECT_EQ(Select(kPage, "div > a"), (Strings{"a1", "a3"}));
  EXPECT_EQ(Select(kPage, "div>p>a"), Strings{"a2"});
  EXPECT_EQ(Select(kPage, "body div p a"), Strings{"a2"});
  EXPECT_EQ(Select(kPage, "section > p a"), Strings{});
}

TEST(Selector, ChildAfterDescendantLooksAtEveryAncestor) {
  // "ul li > a": the <ul> need not be the parent of the <li>.
  EXPECT_EQ(Select("<ul><li><ol><li><a id=x></a></li></ol></li></ul>", "ul li > a"),
            Strings{"x"});
}

TEST(Selector, ListReturnsDocumentOrderWithoutDuplicates) {
  EXPECT_EQ(Select(kPage, "#a3, .job, a.top"), (Strings{"a1", "a2", "a3"}));
}

TEST(Selector, NthOfTypeCountsSameTypeSiblings) {
  const std::string list = "<ul><li id=l1></li><b></b><li id=l2></li><li id=l3></li><li id=l4></li></ul>";
  EXPECT_EQ(Select(list, "li:nth-of-type(2)"), Strings{"l2"});
  EXPECT_EQ(Select(list, "li:first-of-type"), Strings{"l1"});
  EXPECT_EQ(Select(list, "li:nth-of-type(odd)"), (Strings{"l1", "l3"}));
  EXPECT_EQ(Select(list, "li:nth-of-type(even)"), (Strings{"l2", "l4"}));
  EXPECT_EQ(Select(list, "li:nth-of-type(3n+1)"), (Strings{"l1", "l4"}));
  EXPECT_EQ(Select(list, "li:nth-of-type(-n + 2)"), (Strings{"l1", "l2"}));
  EXPECT_EQ(Select(list, "li:nth-of-type(n)"), (Strings{"l1", "l2", "l3", "l4"}));
  EXPECT_EQ(Select(list, "li:nth-of-type(0)"), Strings{});
}

TEST(Selector, RootIsAnAncestorButNeverAMatch) {  // our choice, see selector.h
  const HtmlDocument document("<div class=job id=c><h2 id=t>T</h2><div class=job id=n></div></div>");
  const std::optional<Selector> selector = Selector::Parse(".job h2, .job", nullptr);
  ASSERT_TRUE(selector);
  const std::optional<HtmlNode> container = Selector::Parse("#c", nullptr)->SelectFirst(document.Root());
  ASSERT_TRUE(container);
  Strings ids;
  for (const HtmlNode& node : selector->SelectAll(*container)) ids.emplace_back(*node.Attribute("id"));
  EXPECT_EQ(ids, (Strings{"t", "n"}));
}

TEST(Selector, SelectFirstStopsAtTheFirstMatch) {
  const HtmlDocument document(kPage);
  const std::optional<HtmlNode> first = Selector::Parse("a", nullptr)->SelectFirst(document.Root());
  ASSERT_TRUE(first);
  EXPECT_EQ(first->Attribute("id"), "a1");
  EXPECT_FALSE(Selector::Parse("table", nullptr)->SelectFirst(document.Root()));
}

TEST(Selector, KeepsItsText) { EXPECT_EQ(Selector::Parse("a.b", nullptr)->text(), "a.b"); }

TEST(SelectorError, NamesTheOneBasedPosition) {
  EXPECT_EQ(ErrorOf(""), "invalid selector at 1: expected a selector");
  EXPECT_EQ(ErrorOf("div >"), "invalid selector at 6: expected a selector");
  EXPECT_EQ(ErrorOf("a,"), "invalid selector at 3: expected a selector");
  EXPECT_EQ(ErrorOf("a.!"), "invalid selector at 3: expected a class name after '.'");
  EXPECT_EQ(ErrorOf("a#"), "invalid selector at 3: expected an id after '#'");
  EXPECT_EQ(ErrorOf("a!"), "invalid selector at 2: unexpected '!'");
  EXPECT_EQ(ErrorOf("div a ) b"), "invalid selector at 7: unexpected ')'");
  // Found by fuzzing: the whole character is quoted, not its first byte.
  EXPECT_EQ(ErrorOf("a[href]\u203a"), "invalid selector at 8: unexpected '\u203a'");
}

TEST(SelectorError, RejectsUnsupportedSyntaxInsteadOfIgnoringIt) {
  EXPECT_EQ(ErrorOf("h2 + p"), "invalid selector at 4: sibling combinator '+' is not supported");
  EXPECT_EQ(ErrorOf("h2 ~ p"), "invalid selector at 4: sibling combinator '~' is not supported");
  EXPECT_EQ(ErrorOf("a:hover"), "invalid selector at 3: unsupported pseudo-class ':hover'");
  EXPECT_EQ(ErrorOf("a:not(.x)"), "invalid selector at 3: unsupported pseudo-class ':not'");
  EXPECT_EQ(ErrorOf("a::before"), "invalid selector at 3: unsupported pseudo-class ':'");
  EXPECT_EQ(ErrorOf("[class~=x]"), "invalid selector at 7: attribute operator '~=' is not supported");
  EXPECT_EQ(ErrorOf("#a#b"), "invalid selector at 5: a compound selector names one id at most");
}

TEST(SelectorError, ReportsMalformedAttributes) {
  EXPECT_EQ(ErrorOf("[]"), "invalid selector at 2: expected an attribute name");
  EXPECT_EQ(ErrorOf("[href"), "invalid selector at 6: expected ']' or an operator (= *= ^= $=)");
  EXPECT_EQ(ErrorOf("[href*x]"), "invalid selector at 7: expected '=' after '*'");
  EXPECT_EQ(ErrorOf("[href=]"), "invalid selector at 7: expected a value");
  EXPECT_EQ(ErrorOf("[href='x]"), "invalid selector at 7: unterminated string");
  EXPECT_EQ(ErrorOf("[href='a\\'b']"), "invalid selector at 9: escapes are not supported");
  EXPECT_EQ(ErrorOf("[href=x y]"), "invalid selector at 9: expected ']'");
}

TEST(SelectorError, ReportsMalformedNth) {
  EXPECT_EQ(ErrorOf("li:nth-of-type"), "invalid selector at 15: expected '('");
  EXPECT_EQ(ErrorOf("li:nth-of-type(2"), "invalid selector at 16: expected ')'");
  EXPECT_EQ(ErrorOf("li:nth-of-type(x)"),
            "invalid selector at 16: expected an integer, odd, even or an+b");
  EXPECT_EQ(ErrorOf("li:nth-of-type(2n1)"),
            "invalid selector at 16: expected an integer, odd, even or an+b");
  EXPECT_EQ(ErrorOf("li:nth-of-type(99999999999)"),
            "invalid selector at 16: expected an integer, odd, even or an+b");
}

TEST(SelectorError, RejectsOverlongSelectors) {
  EXPECT_EQ(ErrorOf(std::string(kMaxSelectorLength + 1, 'a')),
            "invalid selector at 1025: longer than 1024 characters");
  EXPECT_EQ(ErrorOf(std::string(kMaxSelectorLength, 'a')), "no error");
}

TEST(SelectorError, NullErrorPointerIsAllowed) { EXPECT_FALSE(Selector::Parse(">", nullptr)); }

TEST(SelectorHostile, DeepNestingWithDescendantSelectorsStaysLinear) {
  // Backtracking matchers take exponential time on this; ours walks once.
  // HtmlDocument keeps only the first ~1000 levels (html_nesting.h).
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div>";
  const std::size_t divs = Select(html, "div").size();
  ASSERT_GT(divs, 500u);
  EXPECT_EQ(Select(html, "div div").size(), divs - 1);
  EXPECT_EQ(Select(html, "div > div > div").size(), divs - 2);
  EXPECT_EQ(Select(html, "div div div div div div div div div div div div p"), Strings{});
  EXPECT_EQ(Select(html, "body > div div div div div div div div div div div div").size(),
            divs - 11);
}

TEST(SelectorHostile, FindsTheInnermostElementOfADeepTree) {
  std::string html;
  for (int i = 0; i < 900; ++i) html += "<div>";
  html += "<span id=deep>x</span>";
  EXPECT_EQ(Select(html, "div div div div div div div div span, div > div > span"),
            Strings{"deep"});
}

TEST(SelectorHostile, WideSiblingListsCountPositionsCorrectly) {
  std::string html = "<ul>";
  for (int i = 1; i <= 20000; ++i) html += "<li id=l" + std::to_string(i) + "></li>";
  EXPECT_EQ(Select(html, "li:nth-of-type(20000)"), Strings{"l20000"});
  EXPECT_EQ(Select(html, "ul > li").size(), 20000u);
}

TEST(SelectorHostile, GarbageSelectorsFailCleanly) {
  for (std::string_view text : {"[[[[", "((((", ":::", ">>>", "a[href=\"", ",,,", "a >> b"}) {
    std::string error;
    EXPECT_FALSE(Selector::Parse(text, &error)) << text;
    EXPECT_TRUE(error.starts_with("invalid selector at ")) << error;
  }
}

}  // namespace
}  // namespace jobcrawler::parsers
