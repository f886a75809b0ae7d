// Specifications of the bundled gazetteer (parsers/gazetteer.h).
#include "parsers/match/gazetteer.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "parsers/match/matcher.h"

namespace jobcrawler::parsers {
namespace {

const GazetteerTown& Town(std::string_view folded_name) {
  const GazetteerTown* town = FindTownByName(folded_name);
  EXPECT_NE(town, nullptr) << folded_name;
  static const GazetteerTown kNowhere{};
  return town != nullptr ? *town : kNowhere;
}

TEST(Gazetteer, CoversTheTownsAroundHagen) {
  for (const char* name :
       {"hagen", "dortmund", "bochum", "wetter", "herdecke", "witten",
        "schwerte", "iserlohn", "gevelsberg", "ennepetal", "schwelm",
        "breckerfeld", "luedenscheid", "altena", "hemer", "sprockhoevel",
        "hattingen", "wuppertal", "unna", "menden", "halver", "schalksmuehle",
        "nachrodt wiblingwerde"}) {
    EXPECT_NE(FindTownByName(name), nullptr) << name;
  }
  EXPECT_GE(GazetteerTowns().size(), 60u);
  EXPECT_LE(GazetteerTowns().size(), 120u);
}

TEST(Gazetteer, KeysAreFoldedAndDistrictsNameKnownTowns) {
  std::set<std::string> names;
  for (const GazetteerTown& town : GazetteerTowns()) {
    names.insert(std::string(town.name));
    EXPECT_EQ(FoldForMatching(town.name).find(town.keys.substr(
                  0, town.keys.find('|'))),
              0u)
        << town.name;
    EXPECT_LE(town.postal_first, town.postal_last) << town.name;
  }
  for (const GazetteerDistrict& district : GazetteerDistricts()) {
    EXPECT_TRUE(names.contains(std::string(district.town))) << district.key;
    EXPECT_EQ(FoldForMatching(district.key), district.key);
  }
}

TEST(Gazetteer, PostalRangesDoNotOverlap) {
  const auto towns = GazetteerTowns();
  for (size_t i = 0; i < towns.size(); ++i) {
    for (size_t j = i + 1; j < towns.size(); ++j) {
      EXPECT_TRUE(towns[i].postal_last < towns[j].postal_first ||
                  towns[j].postal_last < towns[i].postal_first)
          << towns[i].name << " / " << towns[j].name;
    }
  }
}

TEST(Gazetteer, FindsTownsByPostalCode) {
  ASSERT_NE(FindTownByPostalCode(58095), nullptr);
  EXPECT_EQ(FindTownByPostalCode(58095)->name, "Hagen");
  EXPECT_EQ(FindTownByPostalCode(58300)->name, "Wetter (Ruhr)");
  EXPECT_EQ(FindTownByPostalCode(10115), nullptr);
}

TEST(Gazetteer, FindsTownsAndDistrictsInLocalities) {
  const auto towns = FindTownsInLocality(FoldForMatching("Hohenlimburg"));
  ASSERT_EQ(towns.size(), 1u);
  EXPECT_EQ(towns[0]->name, "Hagen");
  EXPECT_TRUE(FindTownsInLocality(FoldForMatching("Kopenhagen")).empty());
  EXPECT_TRUE(
      FindTownsInLocality(FoldForMatching("Mülheim an der Ruhr")).size() == 1);
}

TEST(Gazetteer, HaversineDistancesAreRoughlyRight) {
  EXPECT_DOUBLE_EQ(DistanceKm(Town("hagen"), Town("hagen")), 0.0);
  EXPECT_NEAR(DistanceKm(Town("hagen"), Town("dortmund")), 17, 3);
  EXPECT_NEAR(DistanceKm(Town("hagen"), Town("wetter")), 6, 2);
  EXPECT_NEAR(DistanceKm(Town("hagen"), Town("wuppertal")), 26, 4);
  EXPECT_NEAR(DistanceKm(Town("hagen"), Town("duesseldorf")), 53, 5);
  EXPECT_DOUBLE_EQ(DistanceKm(Town("hagen"), Town("bochum")),
                   DistanceKm(Town("bochum"), Town("hagen")));
}

TEST(Gazetteer, AllTownsLieWithinAboutFiftyFiveKmOfHagen) {
  for (const GazetteerTown& town : GazetteerTowns()) {
    EXPECT_LT(DistanceKm(Town("hagen"), town), 55) << town.name;
  }
}

}  // namespace
}  // namespace jobcrawler::parsers
