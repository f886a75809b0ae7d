// Tests for CollapseWhitespace, NormalizeCountry (parsers/normalize.cpp),
// NormalizeEmploymentType (parsers/employment.cpp) and DetectRemote
// (parsers/remote.cpp). Salaries, dates and places have their own files.
#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>

namespace jobcrawler::parsers {
namespace {

TEST(CollapseWhitespace, CollapsesRunsAndTrims) {
  EXPECT_EQ(CollapseWhitespace("  a \t b\n\nc  "), "a b c");
  EXPECT_EQ(CollapseWhitespace(""), "");
  EXPECT_EQ(CollapseWhitespace(" \r\n "), "");
  EXPECT_EQ(CollapseWhitespace("abc"), "abc");
}

TEST(CollapseWhitespace, TreatsUnicodeSpacesAsWhitespace) {
  EXPECT_EQ(CollapseWhitespace("4.500\u00A0€"), "4.500 €");
  EXPECT_EQ(CollapseWhitespace("\u00A0Hagen\u2009\u202F(Westf.)\u3000"),
            "Hagen (Westf.)");
  EXPECT_EQ(CollapseWhitespace("a\u2028b\u0085c"), "a b c");
}

TEST(CollapseWhitespace, KeepsOtherUtf8AndInvalidBytes) {
  EXPECT_EQ(CollapseWhitespace("Grüße – 5 €"), "Grüße – 5 €");
  EXPECT_EQ(CollapseWhitespace("a\u200Bb"), "a\u200Bb");
  EXPECT_EQ(CollapseWhitespace("a \xC2"), "a \xC2");
  EXPECT_EQ(CollapseWhitespace("\xE2\x80"), "\xE2\x80");
}

TEST(NormalizeCountry, ReadsGermany) {
  EXPECT_EQ(NormalizeCountry("Deutschland"), "DE");
  EXPECT_EQ(NormalizeCountry("Germany"), "DE");
  EXPECT_EQ(NormalizeCountry("DE"), "DE");
  EXPECT_EQ(NormalizeCountry("de"), "DE");
  EXPECT_EQ(NormalizeCountry("DEU"), "DE");
  EXPECT_EQ(NormalizeCountry(" Bundesrepublik Deutschland "), "DE");
}

TEST(NormalizeCountry, ReadsNeighbours) {
  EXPECT_EQ(NormalizeCountry("Österreich"), "AT");
  EXPECT_EQ(NormalizeCountry("Oesterreich"), "AT");
  EXPECT_EQ(NormalizeCountry("Austria"), "AT");
  EXPECT_EQ(NormalizeCountry("Schweiz"), "CH");
  EXPECT_EQ(NormalizeCountry("Switzerland"), "CH");
  EXPECT_EQ(NormalizeCountry("Niederlande"), "NL");
  EXPECT_EQ(NormalizeCountry("The Netherlands"), "NL");
  EXPECT_EQ(NormalizeCountry("Belgien"), "BE");
  EXPECT_EQ(NormalizeCountry("Luxemburg"), "LU");
  EXPECT_EQ(NormalizeCountry("Frankreich"), "FR");
  EXPECT_EQ(NormalizeCountry("Dänemark"), "DK");
  EXPECT_EQ(NormalizeCountry("Polen"), "PL");
  EXPECT_EQ(NormalizeCountry("Tschechien"), "CZ");
  EXPECT_EQ(NormalizeCountry("United Kingdom"), "GB");
  EXPECT_EQ(NormalizeCountry("U.S.A."), "US");
}

TEST(NormalizeCountry, UpperCasesUnknownTwoLetterCodes) {
  EXPECT_EQ(NormalizeCountry(" se "), "SE");
  EXPECT_EQ(NormalizeCountry("xx"), "XX");
}

TEST(NormalizeCountry, ReturnsEmptyForUnknownText) {
  EXPECT_EQ(NormalizeCountry(""), "");
  EXPECT_EQ(NormalizeCountry("Atlantis"), "");
  EXPECT_EQ(NormalizeCountry("D3"), "");
  EXPECT_EQ(NormalizeCountry("Ü"), "");
  EXPECT_EQ(NormalizeCountry(std::string(100000, 'd')), "");
}

TEST(NormalizeEmploymentType, ReadsGermanTerms) {
  EXPECT_EQ(NormalizeEmploymentType("Vollzeit"), "FULL_TIME");
  EXPECT_EQ(NormalizeEmploymentType("VOLLZEIT"), "FULL_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Teilzeit"), "PART_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Voll- oder Teilzeit"),
            "FULL_TIME,PART_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Teil- oder Vollzeit"),
            "FULL_TIME,PART_TIME");
  EXPECT_EQ(NormalizeEmploymentType("freiberuflich"), "CONTRACTOR");
  EXPECT_EQ(NormalizeEmploymentType("auf Honorarbasis"), "CONTRACTOR");
  EXPECT_EQ(NormalizeEmploymentType("freie Mitarbeit"), "CONTRACTOR");
  EXPECT_EQ(NormalizeEmploymentType("befristet"), "TEMPORARY");
  EXPECT_EQ(NormalizeEmploymentType("Praktikum"), "INTERN");
  EXPECT_EQ(NormalizeEmploymentType("Pflichtpraktikum"), "INTERN");
  EXPECT_EQ(NormalizeEmploymentType("Werkstudent (m/w/d)"), "INTERN");
  EXPECT_EQ(NormalizeEmploymentType("Ehrenamt"), "VOLUNTEER");
  EXPECT_EQ(NormalizeEmploymentType("Minijob"), "PART_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Vollzeit (40 Std./Woche)"), "FULL_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Vollzeit / Teilzeit"),
            "FULL_TIME,PART_TIME");
}

TEST(NormalizeEmploymentType, ReadsEnglishAndSchemaOrgTerms) {
  EXPECT_EQ(NormalizeEmploymentType("FULL_TIME"), "FULL_TIME");
  EXPECT_EQ(NormalizeEmploymentType("full-time"), "FULL_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Full time"), "FULL_TIME");
  EXPECT_EQ(NormalizeEmploymentType("part_time"), "PART_TIME");
  EXPECT_EQ(NormalizeEmploymentType("CONTRACTOR"), "CONTRACTOR");
  EXPECT_EQ(NormalizeEmploymentType("Freelance"), "CONTRACTOR");
  EXPECT_EQ(NormalizeEmploymentType("TEMPORARY"), "TEMPORARY");
  EXPECT_EQ(NormalizeEmploymentType("fixed-term contract"), "TEMPORARY");
  EXPECT_EQ(NormalizeEmploymentType("INTERN"), "INTERN");
  EXPECT_EQ(NormalizeEmploymentType("internship"), "INTERN");
  EXPECT_EQ(NormalizeEmploymentType("working student"), "INTERN");
  EXPECT_EQ(NormalizeEmploymentType("VOLUNTEER"), "VOLUNTEER");
  EXPECT_EQ(NormalizeEmploymentType("PER_DIEM"), "PER_DIEM");
  EXPECT_EQ(NormalizeEmploymentType("OTHER"), "OTHER");
}

TEST(NormalizeEmploymentType, JoinsInFixedOrderWithoutDuplicates) {
  EXPECT_EQ(NormalizeEmploymentType("PART_TIME, FULL_TIME, Vollzeit"),
            "FULL_TIME,PART_TIME");
  EXPECT_EQ(NormalizeEmploymentType("Teilzeit, befristet, Teilzeit"),
            "PART_TIME,TEMPORARY");
  EXPECT_EQ(NormalizeEmploymentType("OTHER intern volunteer freelance"),
            "CONTRACTOR,INTERN,VOLUNTEER,OTHER");
}

TEST(NormalizeEmploymentType, OurChoiceMapsPermanentToNothing) {
  EXPECT_EQ(NormalizeEmploymentType("Festanstellung"), "");
  EXPECT_EQ(NormalizeEmploymentType("unbefristet"), "");
  EXPECT_EQ(NormalizeEmploymentType("permanent contract"), "");
  EXPECT_EQ(NormalizeEmploymentType("Vollzeit, unbefristet"), "FULL_TIME");
}

TEST(NormalizeEmploymentType, OurChoiceMapsAgencyWorkToTemporary) {
  EXPECT_EQ(NormalizeEmploymentType("Zeitarbeit"), "TEMPORARY");
  EXPECT_EQ(NormalizeEmploymentType("Arbeitnehmerüberlassung"), "TEMPORARY");
  EXPECT_EQ(NormalizeEmploymentType("Teilzeitarbeit"), "PART_TIME");
}

TEST(NormalizeEmploymentType, DoesNotMatchInsideEnglishWords) {
  EXPECT_EQ(NormalizeEmploymentType("international"), "");
  EXPECT_EQ(NormalizeEmploymentType("Internal IT"), "");
  EXPECT_EQ(NormalizeEmploymentType(""), "");
  EXPECT_EQ(NormalizeEmploymentType("\xff\xfe\x00garbage"), "");
}

TEST(DetectRemote, ReadsFullyRemote) {
  EXPECT_EQ(DetectRemote("TELECOMMUTE"), "remote");
  EXPECT_EQ(DetectRemote("100% remote"), "remote");
  EXPECT_EQ(DetectRemote("100 % Remote möglich"), "remote");
  EXPECT_EQ(DetectRemote("vollständig remote"), "remote");
  EXPECT_EQ(DetectRemote("Full Remote"), "remote");
  EXPECT_EQ(DetectRemote("fully remote"), "remote");
  EXPECT_EQ(DetectRemote("Die Stelle ist komplett remote."), "remote");
  EXPECT_EQ(DetectRemote("100% Homeoffice"), "remote");
  EXPECT_EQ(DetectRemote("remote only"), "remote");
}

TEST(DetectRemote, OurChoiceReadsShortRemoteLocationAsRemote) {
  EXPECT_EQ(DetectRemote("Remote"), "remote");
  EXPECT_EQ(DetectRemote("Remote (Deutschland)"), "remote");
}

TEST(DetectRemote, ReadsHybrid) {
  EXPECT_EQ(DetectRemote("hybrid"), "hybrid");
  EXPECT_EQ(DetectRemote("Homeoffice möglich"), "hybrid");
  EXPECT_EQ(DetectRemote("Home-Office"), "hybrid");
  EXPECT_EQ(DetectRemote("Home Office"), "hybrid");
  EXPECT_EQ(DetectRemote("mobiles Arbeiten"), "hybrid");
  EXPECT_EQ(DetectRemote("teilweise remote"), "hybrid");
  EXPECT_EQ(DetectRemote("remote possible"), "hybrid");
  EXPECT_EQ(DetectRemote("Remote work possible"), "hybrid");
  EXPECT_EQ(DetectRemote("Wir bieten flexible Arbeitszeiten und Homeoffice."),
            "hybrid");
  EXPECT_EQ(DetectRemote("Remote-Anteil 50%"), "hybrid");
  EXPECT_EQ(DetectRemote("Homeoffice-Möglichkeit"), "hybrid");
  EXPECT_EQ(DetectRemote("Remote / Hybrid"), "hybrid");
}

TEST(DetectRemote, IgnoresNegatedCues) {
  EXPECT_EQ(DetectRemote("kein Homeoffice"), "");
  EXPECT_EQ(DetectRemote("Homeoffice ist nicht möglich"), "");
  EXPECT_EQ(DetectRemote("Homeoffice nicht möglich"), "");
  EXPECT_EQ(DetectRemote("no remote"), "");
}

TEST(DetectRemote, OurChoiceIgnoresBareRemoteInProse) {
  EXPECT_EQ(DetectRemote("Sie betreuen unsere Kunden per Remote-Support."), "");
}

TEST(DetectRemote, ReturnsEmptyWithoutCue) {
  EXPECT_EQ(DetectRemote(""), "");
  EXPECT_EQ(DetectRemote("Hagen"), "");
  EXPECT_EQ(DetectRemote("Entwicklung von Hybridfahrzeugen"), "");
  EXPECT_EQ(DetectRemote(std::string(3 << 20, 'x')), "");
}

// Every normaliser on pseudo-random mixes of the pieces they react to; run
// under ASan/UBSan this is a cheap stand-in for the fuzz targets.
TEST(Normalizers, SurviveRandomMixesOfTheirTokens) {
  constexpr std::array<std::string_view, 24> kPieces = {
      "4",   "500", ".",  ",",   "-",      "\u2013", "\u20AC", "$",
      " ",   "\u00A0", "k", "bis", "vor", "Tagen", "(",      ")",
      "\xC3", "\xFF", "Mio", "2026", "Westf.", "remote", "voll", "i. W."};
  std::uint32_t state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    state = state * 1664525u + 1013904223u;
    const std::uint32_t length = (state >> 16) % 40;
    for (std::uint32_t k = 0; k < length; ++k) {
      state = state * 1664525u + 1013904223u;
      text.append(kPieces[(state >> 16) % kPieces.size()]);
    }
    (void)ParseSalary(text);
    (void)ParseAmount(text);
    (void)NormalizeSalaryPeriod(text);
    (void)NormalizeDate(text, "2026-11-20");
    (void)ParsePlace(text);
    (void)NormalizeCountry(text);
    (void)NormalizeEmploymentType(text);
    (void)DetectRemote(text);
    EXPECT_EQ(CollapseWhitespace(CollapseWhitespace(text)),
              CollapseWhitespace(text));
  }
}

TEST(NormalizeCountry, ReadsCountriesBeyondTheNeighbours) {
  EXPECT_EQ(NormalizeCountry("Canada"), "CA");
  EXPECT_EQ(NormalizeCountry("Kanada"), "CA");
  EXPECT_EQ(NormalizeCountry("United States of America"), "US");
  EXPECT_EQ(NormalizeCountry("Spanien"), "ES");
  EXPECT_EQ(NormalizeCountry("Türkei"), "TR");
  EXPECT_EQ(NormalizeCountry("Japan"), "JP");
  EXPECT_EQ(NormalizeCountry("Südafrika"), "ZA");
  EXPECT_EQ(NormalizeCountry("Schweden"), "SE");
  EXPECT_EQ(NormalizeCountry("Sverige"), "SE");
  EXPECT_EQ(NormalizeCountry("GBR"), "GB");
  EXPECT_EQ(NormalizeCountry("CHE"), "CH");
}

TEST(NormalizeCountry, OurChoiceLeavesOutCodesThatAreCommonWords) {
  EXPECT_EQ(NormalizeCountry("aus"), "");
  EXPECT_EQ(NormalizeCountry("CAN"), "");
  EXPECT_EQ(NormalizeCountry("Georgia"), "");
}

// internal::FoldForMatching reads ASCII without utf8proc; the result must be
// what the Unicode path gives for the same characters.
TEST(FoldForMatching, ReadsAsciiAsTheUnicodePathWould) {
  std::string ascii;
  for (int c = 0; c < 0x80; ++c) ascii += static_cast<char>(c);
  std::string expected;
  for (int c = 0; c < 0x80; ++c) {
    if (c <= 0x20 || c == 0x7F) {
      expected += ' ';
    } else if (c == '`') {
      expected += '\'';
    } else {
      expected += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  EXPECT_EQ(internal::FoldForMatching(ascii), expected);
  EXPECT_EQ(internal::FoldForMatching("IT-Leiter Grüße \xE2\x80\x93 A\xCC\x88"), "it-leiter gruesse - ae");
}

}  // namespace
}  // namespace jobcrawler::parsers
