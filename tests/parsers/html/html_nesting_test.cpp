#include "parsers/html/html_nesting.h"

#include <gtest/gtest.h>

#include <string>

namespace jobcrawler::parsers {
namespace {

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// True when the whole of `html` is within a depth of `max_depth`.
bool Fits(std::string_view html, int max_depth) {
  return NestingLimitedLength(html, {.max_depth = max_depth}) == html.size();
}

TEST(HtmlNesting, CutsAtTheStartTagThatGoesTooDeep) {
  EXPECT_EQ(NestingLimitedLength("<div><div><div>x", {.max_depth = 2}), 10u);
}

TEST(HtmlNesting, CountsClosedElementsOff) {
  EXPECT_TRUE(Fits(Repeat("<div><span>x</span></div>", 1000), 2));
  EXPECT_TRUE(Fits("</div></div><div>", 1));
}

TEST(HtmlNesting, IgnoresVoidAndImplicitlyClosedElements) {
  EXPECT_TRUE(Fits("<ul>" + Repeat("<li><img src=x><br>text<p>more", 1000), 1));
  EXPECT_TRUE(Fits("<table>" + Repeat("<tr><td>1<td>2", 1000), 1));
}

TEST(HtmlNesting, IgnoresSelfClosingTagsInSvgOnly) {
  EXPECT_TRUE(Fits("<svg>" + Repeat("<path d='M0 0'/>", 1000) + "</svg>", 1));
  EXPECT_FALSE(Fits(Repeat("<div/>", 3), 2));
}

TEST(HtmlNesting, SkipsCommentsAndRawText) {
  EXPECT_TRUE(Fits("<!--" + Repeat("<div>", 100) + "-->", 1));
  EXPECT_TRUE(Fits("<script>" + Repeat("<div>", 100) + "</SCRIPT ><div>", 1));
  EXPECT_TRUE(Fits("<title>" + Repeat("<b>", 100) + "</title>", 1));
}

TEST(HtmlNesting, HonoursQuotedGreaterThanInAttributes) {
  EXPECT_TRUE(Fits(R"(<div title="a>b<div><div>">x</div>)", 1));
}

TEST(HtmlNesting, CountsUnknownAndFormattingElements) {
  EXPECT_FALSE(Fits(Repeat("<b>", 3), 2));
  EXPECT_FALSE(Fits(Repeat("<x-card>", 3), 2));
}

// Regression: a listing of unclosed anchors was cut after about a thousand.
TEST(HtmlNesting, AnAnchorClosesTheOpenAnchor) {
  EXPECT_TRUE(Fits("<ul>" + Repeat("<li><a href=/job>Job", 3000), 2));
  EXPECT_TRUE(Fits(Repeat("<a href=/job>Job ", 3000), 1));
  const std::string flat = "<div>" + Repeat("<a href=/job><b>Job</b>", 3000);
  EXPECT_EQ(NestingLimitedLength(flat), flat.size());
}

TEST(HtmlNesting, ClosedAnchorsAndAnchorsInsideSvgStillCount) {
  EXPECT_TRUE(Fits(Repeat("<div><a>x</a></div>", 100), 2));
  EXPECT_TRUE(Fits("<a><div><a>x", 2)) << "<a>, <div>: the second <a> adds no level";
  EXPECT_FALSE(Fits("<a><div><div>", 2));
  EXPECT_FALSE(Fits("<svg>" + Repeat("<a>", 3), 3)) << "SVG's <a> is another element";
}

// </a> without an open <a> is ignored by the tree builder; counting it off
// would let a page nest <div>s without limit.
TEST(HtmlNesting, AStrayAnchorEndTagHidesNoLevel) {
  EXPECT_FALSE(Fits(Repeat("<div><a><a></a></a>", 4), 3));
  EXPECT_FALSE(Fits("<div><a></div></a><div><div>", 2)) << "</div> closed the <a> as well";
}

TEST(HtmlNesting, CutsWhereTheWorkBudgetRunsOut) {
  // Tags at depths 0, 1, 2 cost 1, 2, 3 units: the third tag breaks a budget of 5.
  EXPECT_EQ(NestingLimitedLength("<div><div><div>", {.max_work = 5}), 10u);
  EXPECT_EQ(NestingLimitedLength("<div></div><div>", {.max_work = 3}), 11u);
}

TEST(HtmlNesting, FitsLargeOrdinaryPagesInTheDefaultBudget) {
  const std::string page = Repeat("<div>", 40) + Repeat("<li><a href=/x>Job</a></li>", 100000);
  EXPECT_EQ(NestingLimitedLength(page), page.size());
}

TEST(HtmlNesting, ReadsEmptyAndUnterminatedInput) {
  EXPECT_EQ(NestingLimitedLength(""), 0u);
  EXPECT_TRUE(Fits("<div title=\"", 1));
  EXPECT_TRUE(Fits("<", 1));
  EXPECT_TRUE(Fits("<!--", 1));
  EXPECT_TRUE(Fits("<script>", 1));
}

}  // namespace
}  // namespace jobcrawler::parsers
