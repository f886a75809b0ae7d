// Specifications of the [match] pattern language (parsers/title_pattern.h).
#include "parsers/match/title_pattern.h"

#include <gtest/gtest.h>

#include <string>

#include "parsers/match/matcher.h"

namespace jobcrawler::parsers {
namespace {

bool Matches(std::string_view pattern, std::string_view title) {
  const std::optional<TitlePattern> parsed = TitlePattern::Parse(pattern);
  if (!parsed) return false;
  const std::string folded = FoldForMatching(title);
  return parsed->Matches(SplitFolded(folded));
}

TEST(MatchPattern, WordsMustBeAdjacentAndInOrder) {
  EXPECT_TRUE(Matches("leiter it", "Leiter IT (m/w/d)"));
  EXPECT_TRUE(Matches("leiter it", "Stellv. Leiter IT"));
  EXPECT_FALSE(Matches("leiter it", "IT-Leiter"));
  EXPECT_FALSE(Matches("leiter it", "Leiter der IT"));
}

TEST(MatchPattern, GapAllowsUpToThreeWords) {
  EXPECT_TRUE(Matches("leiter ... it", "Leiter IT"));
  EXPECT_TRUE(Matches("leiter ... it", "Leiter der IT"));
  EXPECT_TRUE(Matches("leiter ... it", "Leiter der Abteilung für IT"));
  EXPECT_FALSE(Matches("leiter ... it", "Leiter der großen Abteilung für IT"));
  EXPECT_TRUE(Matches("leiter...it", "Leiter Organisation und IT"));
}

TEST(MatchPattern, StarMatchesAnyLettersInsideAWord) {
  EXPECT_TRUE(Matches("*leiter* it", "Abteilungsleiterin IT"));
  EXPECT_TRUE(Matches("*leiter* it", "Leiter IT"));
  EXPECT_TRUE(Matches("it*", "IT-Leitung"));
  EXPECT_FALSE(Matches("*leiter it", "Leiterin IT"));
}

TEST(MatchPattern, BarSeparatesAlternatives) {
  EXPECT_TRUE(Matches("it|edv leiter", "EDV-Leiter"));
  EXPECT_TRUE(Matches("it|edv leiter", "IT-Leiter"));
  EXPECT_FALSE(Matches("it|edv leiter", "IuK-Leiter"));
}

TEST(MatchPattern, PatternTextIsFoldedLikeTitles) {
  EXPECT_TRUE(Matches("IT-Leiter", "it leiter"));
  EXPECT_TRUE(Matches("Größe", "GROESSE"));
  EXPECT_TRUE(Matches("Leiter (m/w/d) IT", "Leiter IT"));
}

// Regression: Parse kept views into a destroyed temporary fold (ASan:
// stack-use-after-scope); long words defeat the small-string buffer.
TEST(MatchPattern, PlainChunksFoldingToSeveralWordsStayIntact) {
  EXPECT_TRUE(Matches("Informationstechnologie-Abteilungsleiterinnenbereich",
                      "informationstechnologie abteilungsleiterinnenbereich"));
}

TEST(MatchPattern, EmptyPatternsDoNotParse) {
  EXPECT_FALSE(TitlePattern::Parse("").has_value());
  EXPECT_FALSE(TitlePattern::Parse(" ... ").has_value());
  EXPECT_FALSE(TitlePattern::Parse("(m/w/d)").has_value());
  EXPECT_FALSE(TitlePattern::Parse("|").has_value());
}

TEST(MatchPattern, NeverMatchesAnEmptyTitle) {
  EXPECT_FALSE(Matches("*", ""));
  EXPECT_TRUE(Matches("*", "x"));
}

TEST(MatchPattern, GlobHandlesBacktracking) {
  EXPECT_TRUE(GlobMatches("*leiter*", "bereichsleiterin"));
  EXPECT_TRUE(GlobMatches("a*b*c", "axxbyybc"));
  EXPECT_FALSE(GlobMatches("a*b*c", "axxbyyb"));
  EXPECT_TRUE(GlobMatches("", ""));
  EXPECT_FALSE(GlobMatches("", "a"));
}

}  // namespace
}  // namespace jobcrawler::parsers
