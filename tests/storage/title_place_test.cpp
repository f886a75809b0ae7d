// The title key without a trailing place that is the posting's own
// (storage/title_place.h, TitleKey in storage/dedup.h).
#include "storage/title_place.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/dedup.h"

namespace jobcrawler::storage {
namespace {

parsers::Posting At(std::string title, std::string locality, std::string postal_code = "") {
  parsers::Posting posting;
  posting.title = std::move(title);
  posting.company = "Muster GmbH";
  posting.locality = std::move(locality);
  posting.postal_code = std::move(postal_code);
  return posting;
}

std::string Key(std::string title, std::string locality, std::string postal_code = "") {
  return TitleKey(At(std::move(title), std::move(locality), std::move(postal_code)));
}

TEST(TitleKey, LeavesOutTheOwnPlaceAfterASeparator) {
  for (const char* title :
       {"IT-Leiter (w/m/d) – Hagen", "IT-Leiter (m/w/d)", "IT-Leiter (m/w/d) in Hagen",
        "IT-Leiter (m/w/d) | Hagen", "IT-Leiter (m/w/d) (Hagen)", "IT-Leiter (m/w/d) [Hagen]",
        "IT-Leiter - Hagen", "IT-Leiter, Hagen", "IT-Leiter / Hagen", "IT-Leiter: Hagen",
        "IT-Leiter — HAGEN", "IT-Leiter · Hagen", "IT-Leiter – Hagen (m/w/d)",
        "IT-Leiter*in – Hagen", "IT-Leiter (m/w/d) – in Hagen", "IT-Leiter – Standort Hagen",
        "IT-Leiter (m/w/d) – 58095 Hagen", "IT-Leiter in Hagen."}) {
    EXPECT_EQ(Key(title, "Hagen"), "it leiter") << title;
  }
}

TEST(TitleKey, AGenderTagSetsThePlaceOff) {
  EXPECT_EQ(Key("IT-Leiter (m/w/d) Hagen", "Hagen"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter (all genders) Hagen", "Hagen"), "it leiter");
}

TEST(TitleKey, KnowsTheLocalitysPartsDistrictsAndPostalTown) {
  EXPECT_EQ(Key("IT-Leiter – Hohenlimburg", "Hagen-Hohenlimburg"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter – Hagen", "Hagen-Hohenlimburg"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter – Hagen-Hohenlimburg", "Hagen-Hohenlimburg"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter – Hagen", "Hohenlimburg"), "it leiter") << "a district of Hagen";
  EXPECT_EQ(Key("IT-Leiter – Hagen", "", "58095"), "it leiter") << "58095 is Hagen";
  EXPECT_EQ(Key("IT-Leiter – Hagen", "58095 Hagen"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter | Hagen", "Hagen (Westf.)"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter – Hagen (Westf.)", "Hagen (Westf.)"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter – Wetter (Ruhr)", "Wetter (Ruhr)"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter in Lüdenscheid", "Lüdenscheid"), "it leiter");
}

// A wrong merge is worse than a missed one: each of these keeps its place.
TEST(TitleKey, KeepsAPlaceThatIsNotTheOwnOrNotSetOffAtTheEnd) {
  EXPECT_EQ(Key("IT-Leiter – Dortmund", "Hagen"), FoldTitle("IT-Leiter – Dortmund"));
  EXPECT_EQ(Key("Leiter IT Hagen", "Hagen"), "leiter it hagen") << "no separator";
  EXPECT_EQ(Key("IT-Leiter-Hagen", "Hagen"), "it leiter hagen") << "a hyphen joins words";
  EXPECT_EQ(Key("Hagen – IT-Leiter", "Hagen"), FoldTitle("Hagen – IT-Leiter"));
  EXPECT_EQ(Key("IT-Leiter Hagen – Infrastruktur", "Hagen"),
            FoldTitle("IT-Leiter Hagen – Infrastruktur"));
  EXPECT_EQ(Key("IT-Leiter | Stadtwerke Hagen", "Hagen"), "it leiter stadtwerke hagen");
  EXPECT_EQ(Key("IT-Leiter – Hagen", ""), FoldTitle("IT-Leiter – Hagen")) << "no place known";
  EXPECT_EQ(Key("IT-Leiter – Haspe", "Hagen"), FoldTitle("IT-Leiter – Haspe"))
      << "another district of the town is another place";
  EXPECT_EQ(Key("IT-Leiter – Hagenow", "Hagen"), FoldTitle("IT-Leiter – Hagenow"));
}

TEST(TitleKey, KeepsATitleThatIsOnlyAPlace) {
  EXPECT_EQ(Key("Hagen", "Hagen"), "hagen");
  EXPECT_EQ(Key("in Hagen", "Hagen"), "in hagen");
  EXPECT_EQ(Key("(m/w/d) Hagen", "Hagen"), "hagen");
}

TEST(TitleKey, ALocalityOfSeveralTownsLendsOnlyItsFirst) {
  EXPECT_EQ(Key("IT-Leiter – Hagen", "Hagen, Dortmund"), "it leiter");
  EXPECT_EQ(Key("IT-Leiter – Dortmund", "Hagen, Dortmund"), FoldTitle("IT-Leiter – Dortmund"));
}

TEST(TitleKey, NeverKeepsAStrayLetterOfAGenderTag) {
  EXPECT_EQ(Key("IT-Leiter m/w/d Hagen", "Hagen"), "it leiter hagen");
}

TEST(TitleKey, LooksOnlyAtTheEndOfALongTitle) {
  std::string title(100000, '|');
  title += "IT-Leiter – Hagen";
  EXPECT_EQ(Key(title, "Hagen"), "it leiter");
}

TEST(IdentityKeys, TheSameJobWithAndWithoutItsPlaceSharesTheTclKey) {
  parsers::Posting with_place = At("IT-Leiter (w/m/d) – Hagen", "Hagen", "58095");
  parsers::Posting without = At("IT-Leiter (m/w/d)", "Hagen", "58095");
  EXPECT_EQ(IdentityKeys(with_place, "").back(), "tcl:it leiter|muster|hagen");
  EXPECT_EQ(IdentityKeys(with_place, "").back(), IdentityKeys(without, "").back());
}

TEST(LegacyTitleKey, IsTheWholeTitlesKeyWhenAPlaceWasLeftOut) {
  EXPECT_EQ(LegacyTitleKey(At("IT-Leiter | Hagen", "Hagen")), "tcl:it leiter hagen|muster|hagen");
  EXPECT_EQ(LegacyTitleKey(At("IT-Leiter", "Hagen")), "");
  EXPECT_EQ(LegacyTitleKey(At("IT-Leiter – Dortmund", "Hagen")), "");
}

TEST(SameRank, APlaceAtTheEndIsNoRankWord) {
  EXPECT_FALSE(SameRank("IT Manager – Vicenza", "IT Manager")) << "\"vice\"";
  EXPECT_TRUE(SameRank(At("IT Manager – Vicenza", "Vicenza"), At("IT Manager", "Vicenza")));
  EXPECT_FALSE(SameRank(At("Vice IT Manager – Vicenza", "Vicenza"), At("IT Manager", "Vicenza")));
}

TEST(OwnPlaceNames, FoldsTheLocalityItsPartsAndTheTowns) {
  EXPECT_EQ(OwnPlaceNames(At("", "Hagen-Hohenlimburg")),
            (std::vector<std::string>{"hagen hohenlimburg", "hagen", "hohenlimburg"}));
  EXPECT_EQ(OwnPlaceNames(At("", "", "58095")), std::vector<std::string>{"hagen"});
  EXPECT_TRUE(OwnPlaceNames(At("", "")).empty());
}

}  // namespace
}  // namespace jobcrawler::storage
