#include "parsers/extract/json_repair.h"

#include <gtest/gtest.h>

#include <string>

namespace jobcrawler::parsers {
namespace {

using nlohmann::json;

// Reads `text` leniently and returns the value, or the error as a string.
json Read(std::string_view text) {
  LenientJson parsed = ParseLenientJson(text);
  return parsed.ok() ? parsed.value : json("error: " + parsed.error);
}

std::string Repairs(std::string_view text) { return ParseLenientJson(text).repairs.Describe(); }

TEST(JsonRepair, ReadsStrictJsonWithoutRepair) {
  EXPECT_EQ(Read(R"({"a": [1, 2]})"), json::parse(R"({"a": [1, 2]})"));
  EXPECT_EQ(Repairs(R"({"a": 1})"), "");
}

TEST(JsonRepair, RemovesTrailingCommasBeforeClosingBrackets) {
  EXPECT_EQ(Read("{\"a\": [1, 2, ], \"b\": {\"c\": 3,\n},\n}"),
            json::parse(R"({"a": [1, 2], "b": {"c": 3}})"));
  EXPECT_EQ(Repairs(R"({"a": 1,})"), "removed trailing commas");
}

TEST(JsonRepair, KeepsCommasInsideStrings) {
  EXPECT_EQ(Read(R"({"a": "x, ]", "b": 1,})"), json::parse(R"({"a": "x, ]", "b": 1})"));
}

TEST(JsonRepair, EscapesRawNewlinesAndTabsInStrings) {
  EXPECT_EQ(Read("{\"description\": \"Zeile 1\n\tZeile 2\"}"),
            json::parse(R"({"description": "Zeile 1\n\tZeile 2"})"));
  EXPECT_EQ(Repairs("{\"a\": \"x\ny\"}"), "fixed strings");
}

TEST(JsonRepair, DropsBackslashOfUnknownEscapes) {
  EXPECT_EQ(Read(R"({"a": "it\'s", "b": 1,})"), json::parse(R"({"a": "it's", "b": 1})"));
}

TEST(JsonRepair, RemovesLineAndBlockCommentsOutsideStrings) {
  EXPECT_EQ(Read("{ // Stellenanzeige\n \"url\": \"https://x.de/a//b\", /* id */ \"id\": 7 }"),
            json::parse(R"({"url": "https://x.de/a//b", "id": 7})"));
}

TEST(JsonRepair, StripsHtmlCommentWrapper) {
  EXPECT_EQ(Read("<!--\n{\"a\": 1}\n//-->"), json::parse(R"({"a": 1})"));
  EXPECT_EQ(Repairs("<!-- {\"a\": 1} -->"), "stripped wrapper");
}

TEST(JsonRepair, StripsCdataWrappers) {
  EXPECT_EQ(Read("//<![CDATA[\n{\"a\": 1}\n//]]>"), json::parse(R"({"a": 1})"));
  EXPECT_EQ(Read("/*<![CDATA[*/{\"a\": 1}/*]]>*/"), json::parse(R"({"a": 1})"));
  EXPECT_EQ(Read("<![CDATA[{\"a\": 1}]]>"), json::parse(R"({"a": 1})"));
}

TEST(JsonRepair, StripsLeadingByteOrderMark) {
  EXPECT_EQ(Read("\xEF\xBB\xBF {\"a\": 1}"), json::parse(R"({"a": 1})"));
}

TEST(JsonRepair, DecodesHtmlEscapedBlockWhenRawTextIsNotJson) {
  EXPECT_EQ(Read("{&quot;title&quot;: &quot;IT-Leiter &amp;amp; CIO&quot;}"),
            json::parse(R"({"title": "IT-Leiter &amp; CIO"})"));
  EXPECT_EQ(Repairs("{&quot;a&quot;: 1}"), "decoded HTML entities");
}

TEST(JsonRepair, LeavesEntitiesInValidJsonAlone) {
  EXPECT_EQ(Read(R"({"d": "&quot;Hagen&quot;"})"), json::parse(R"({"d": "&quot;Hagen&quot;"})"));
}

TEST(JsonRepair, ReplacesInvalidUtf8) {
  EXPECT_EQ(Read("{\"city\": \"K\xF6ln\",}"), json::parse("{\"city\": \"K\xEF\xBF\xBDln\"}"));
}

TEST(JsonRepair, RejectsNestingDeeperThanTheLimit) {
  const std::string deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_EQ(Read(deep), json("error: nested deeper than 64 levels"));
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ParseLenientJson(ok).ok());
}

TEST(JsonRepair, RejectsHugeBlocksWithoutParsing) {
  const std::string huge = "[" + std::string(kMaxJsonBytes, ' ') + "]";
  EXPECT_FALSE(ParseLenientJson(huge).ok());
}

TEST(JsonRepair, ReportsEmptyBlock) {
  EXPECT_EQ(Read(""), json("error: empty block"));
  EXPECT_EQ(Read(" <!-- --> "), json("error: empty block"));
}

TEST(JsonRepair, ReportsUnrepairableTextWithParserMessage) {
  const LenientJson parsed = ParseLenientJson("{\"a\": nope}");
  EXPECT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error.find("parse error"), std::string::npos) << parsed.error;
}

TEST(JsonRepair, NeverThrowsOnBinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 10000; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  EXPECT_FALSE(ParseLenientJson(garbage).ok());
}

TEST(JsonRepair, CountsNestingOutsideStringsOnly) {
  EXPECT_EQ(JsonNestingDepth(R"({"a": "[[[{{{", "b": [{}]})", 64), 3);
  EXPECT_EQ(JsonNestingDepth(R"(["\"[[["])", 64), 1);
}

TEST(JsonRepair, DecodesBasicEntitiesInOnePass) {
  EXPECT_EQ(DecodeBasicEntities("&quot;a&quot; &amp;quot; &#39;b&#39; &lt;&gt; &euro;"),
            "\"a\" &quot; 'b' <> &euro;");
}

}  // namespace
}  // namespace jobcrawler::parsers
