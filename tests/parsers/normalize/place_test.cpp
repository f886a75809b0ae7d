// Tests for ParsePlace (parsers/place.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {
namespace {

void ExpectPlace(std::string_view text, std::string_view locality,
                 std::string_view postal_code, std::string_view region,
                 std::string_view country) {
  SCOPED_TRACE(std::string(text));
  const Place p = ParsePlace(text);
  EXPECT_EQ(p.locality, locality);
  EXPECT_EQ(p.postal_code, postal_code);
  EXPECT_EQ(p.region, region);
  EXPECT_EQ(p.country, country);
}

TEST(ParsePlace, ReadsPostalCodeAndLocality) {
  ExpectPlace("58095 Hagen", "Hagen", "58095", "", "");
  ExpectPlace("Hagen 58095", "Hagen", "58095", "", "");
  ExpectPlace("  58095\u00A0Hagen ", "Hagen", "58095", "", "");
}

TEST(ParsePlace, OurChoiceReadsCountryFromPostalPrefix) {
  ExpectPlace("D-58095 Hagen", "Hagen", "58095", "", "DE");
  ExpectPlace("D-58095 Hagen, Deutschland", "Hagen", "58095", "", "DE");
  ExpectPlace("A-1010 Wien", "Wien", "1010", "", "AT");
  ExpectPlace("CH-8001 Zürich", "Zürich", "8001", "", "CH");
}

TEST(ParsePlace, StripsWestphaliaSuffixes) {
  ExpectPlace("Hagen (Westf.)", "Hagen", "", "", "");
  ExpectPlace("Hagen in Westfalen", "Hagen", "", "", "");
  ExpectPlace("Hagen i. W.", "Hagen", "", "", "");
  ExpectPlace("Hagen/Westf.", "Hagen", "", "", "");
  ExpectPlace("58095 Hagen (Westf.), Deutschland", "Hagen", "58095", "", "DE");
}

TEST(ParsePlace, RecordsStatedRegion) {
  ExpectPlace("Hagen, Nordrhein-Westfalen", "Hagen", "", "Nordrhein-Westfalen",
              "");
  ExpectPlace("Hagen (NRW)", "Hagen", "", "Nordrhein-Westfalen", "");
  ExpectPlace("Hagen in NRW", "Hagen", "", "Nordrhein-Westfalen", "");
  ExpectPlace("Hagen, NRW, DE", "Hagen", "", "Nordrhein-Westfalen", "DE");
  ExpectPlace("Hagen, North Rhine-Westphalia, Germany", "Hagen", "",
              "Nordrhein-Westfalen", "DE");
  ExpectPlace("München, Bayern", "München", "", "Bayern", "");
  ExpectPlace("Stuttgart, BW, Deutschland", "Stuttgart", "",
              "Baden-Württemberg", "DE");
}

TEST(ParsePlace, KeepsDistrictInLocality) {
  ExpectPlace("Hagen-Haspe", "Hagen-Haspe", "", "", "");
  ExpectPlace("58135 Hagen-Haspe", "Hagen-Haspe", "58135", "", "");
}

TEST(ParsePlace, KeepsOtherParentheses) {
  ExpectPlace("Frankfurt (Oder)", "Frankfurt (Oder)", "", "", "");
}

TEST(ParsePlace, ReadsCountry) {
  ExpectPlace("58095 Hagen, Deutschland", "Hagen", "58095", "", "DE");
  ExpectPlace("Hagen, Germany", "Hagen", "", "", "DE");
  ExpectPlace("Wien, Österreich", "Wien", "", "", "AT");
  ExpectPlace("Deutschland", "", "", "", "DE");
}

TEST(ParsePlace, ReadsCityStates) {
  ExpectPlace("Berlin", "Berlin", "", "", "");
  ExpectPlace("Berlin, Berlin, Deutschland", "Berlin", "", "Berlin", "DE");
}

TEST(ParsePlace, OurChoiceReadsAmbiguousStateCodeAsCountryOnlyWhenLast) {
  ExpectPlace("Nürnberg, BY, DE", "Nürnberg", "", "Bayern", "DE");
  ExpectPlace("90402 Nürnberg, BY", "Nürnberg", "90402", "Bayern", "");
  ExpectPlace("Brüssel, BE", "Brüssel", "", "", "BE");
}

TEST(ParsePlace, SkipsStreetAddressWithoutPostalCode) {
  ExpectPlace("Musterstraße 1, Hagen", "Hagen", "", "", "");
  ExpectPlace("Musterstraße 1, 58095 Hagen", "Hagen", "58095", "", "");
}

TEST(ParsePlace, OurChoiceTakesFirstOfSeveralLocalities) {
  ExpectPlace("Hagen / Dortmund", "Hagen", "", "", "");
}

TEST(ParsePlace, ReturnsNothingForRemote) {
  ExpectPlace("Remote", "", "", "", "");
  ExpectPlace("Remote, Deutschland", "", "", "", "DE");
  ExpectPlace("Hagen / Remote", "Hagen", "", "", "");
  ExpectPlace("", "", "", "", "");
}

TEST(ParsePlace, RequiresFiveDigitGermanPostalCode) {
  ExpectPlace("5809 Hagen", "", "", "", "");
  ExpectPlace("580951 Hagen", "", "", "", "");
}

TEST(ParsePlace, ReadsCombinedNoteInParentheses) {
  ExpectPlace("Hagen (Westf./NRW)", "Hagen", "", "Nordrhein-Westfalen", "");
  ExpectPlace("Hagen (DE)", "Hagen", "", "", "DE");
}

TEST(ParsePlace, ReadsPostalCodeFromOtherParts) {
  ExpectPlace("Hagen, 58095", "Hagen", "58095", "", "");
  ExpectPlace("Köln, Nordrhein-Westfalen 50667", "Köln", "50667",
              "Nordrhein-Westfalen", "");
}

TEST(ParsePlace, ReadsNothingFromRemoteWithCountryNote) {
  ExpectPlace("Remote (DE)", "", "", "", "DE");
}

TEST(ParsePlace, SurvivesHostileInput) {
  EXPECT_EQ(ParsePlace(std::string(1 << 20, '(')).locality, "");
  std::string garbage;
  for (int i = 0; i < 1000; ++i) garbage.push_back(static_cast<char>(i * 13));
  (void)ParsePlace(garbage);
  (void)ParsePlace(std::string(1000, ','));
  (void)ParsePlace(std::string(1000, ' '));
  (void)ParsePlace("((((((())))");
  (void)ParsePlace(") ( i. W. in in in");
}

TEST(ParsePlace, ReadsApplicantTrackingPathsFromTheOutsideIn) {
  ExpectPlace("AMER - Canada - Quebec - Montreal - 10 Rue Duke", "Montreal", "", "Quebec", "CA");
  ExpectPlace("EMEA - Germany - Hagen", "Hagen", "", "", "DE");
  ExpectPlace("DEU - NW - Hagen - Eckeseyer Str. 120", "Hagen", "", "Nordrhein-Westfalen", "DE");
  ExpectPlace("Germany - NRW - 58095 Hagen", "Hagen", "58095", "Nordrhein-Westfalen", "DE");
  ExpectPlace("Hagen - Deutschland", "Hagen", "", "", "DE");
  ExpectPlace("Germany - Nordrhein-Westfalen", "", "", "Nordrhein-Westfalen", "DE");
}

TEST(ParsePlace, OurChoiceKeepsADashWithoutACountryInTheLocality) {
  ExpectPlace("Hagen - Haspe", "Hagen - Haspe", "", "", "");
}

TEST(ParsePlaces, ReadsEveryPlaceOfAList) {
  const std::vector<Place> places = ParsePlaces("Hagen, Dortmund und Bochum");
  ASSERT_EQ(places.size(), 3u);
  EXPECT_EQ(places[0].locality, "Hagen");
  EXPECT_EQ(places[1].locality, "Dortmund");
  EXPECT_EQ(places[2].locality, "Bochum");
  EXPECT_EQ(ParsePlaces("Hagen / Iserlohn / Lüdenscheid").size(), 3u);
  EXPECT_EQ(ParsePlaces("58095 Hagen oder 44135 Dortmund")[1].postal_code, "44135");
}

TEST(ParsePlaces, AppliesARegionOrCountryNamedOnceToEveryPlace) {
  const std::vector<Place> places = ParsePlaces("Hagen / Dortmund, NRW, Deutschland");
  ASSERT_EQ(places.size(), 2u);
  for (const Place& place : places) {
    EXPECT_EQ(place.region, "Nordrhein-Westfalen") << place.locality;
    EXPECT_EQ(place.country, "DE") << place.locality;
  }
}

TEST(ParsePlaces, KeepsOnePlaceForOneTown) {
  EXPECT_EQ(ParsePlaces("Hagen, 58095").size(), 1u);
  EXPECT_EQ(ParsePlaces("Hagen, Hagen").size(), 1u);
  EXPECT_EQ(ParsePlaces("Musterstraße 1, 58095 Hagen").size(), 1u);
  EXPECT_EQ(ParsePlaces("Hagen und Umgebung").size(), 1u);
  EXPECT_EQ(ParsePlaces("Hagen, Germany (hybrid)").size(), 1u);
  EXPECT_TRUE(ParsePlaces("").empty());
  EXPECT_TRUE(ParsePlaces("Remote").empty());
}

TEST(ParsePlaces, CapsThePlacesOfAHugeList) {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "Ort" + std::string{static_cast<char>('A' + i % 26), static_cast<char>('a' + i / 26)};
    text += ", ";
  }
  EXPECT_EQ(ParsePlaces(text).size(), kMaxParsedPlaces);
}

}  // namespace
}  // namespace jobcrawler::parsers
