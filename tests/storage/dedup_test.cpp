#include "storage/dedup.h"

#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "tests/storage/description_fixture.h"

namespace jobcrawler::storage {
namespace {

parsers::Posting MakePosting(std::string title, std::string company, std::string locality) {
  parsers::Posting posting;
  posting.title = std::move(title);
  posting.company = std::move(company);
  posting.locality = std::move(locality);
  return posting;
}

TEST(FoldText, LowerCasesSpellsUmlautsAndCollapsesPunctuation) {
  EXPECT_EQ(FoldText("  Größe:  ÄRGER, über-Maß! "), "groesse aerger ueber mass");
  EXPECT_EQ(FoldText("Öl\xC2\xA0Übung"), "oel uebung");
  EXPECT_EQ(FoldText(""), "");
  EXPECT_EQ(FoldText("--"), "");
}

TEST(FoldText, KeepsOtherUtf8LettersAsTheyAre) {
  EXPECT_EQ(FoldText("Café René"), "café rené");
}

TEST(FoldTitle, RemovesBracketedGenderTags) {
  EXPECT_EQ(FoldTitle("IT-Leiter (m/w/d)"), "it leiter");
  EXPECT_EQ(FoldTitle("IT-Leiter (w/m/d)"), "it leiter");
  EXPECT_EQ(FoldTitle("IT-Leiter (all genders)"), "it leiter");
  EXPECT_EQ(FoldTitle("IT-Leiter m/w/d"), "it leiter");
  EXPECT_EQ(FoldTitle("Head of IT (m/f/x)"), "head of it");
}

TEST(FoldTitle, RemovesGenderSuffixesButKeepsTheWordIn) {
  EXPECT_EQ(FoldTitle("IT-Leiter*in"), "it leiter");
  EXPECT_EQ(FoldTitle("IT-Leiter:in"), "it leiter");
  EXPECT_EQ(FoldTitle("Leiter/in IT"), "leiter it");
  EXPECT_EQ(FoldTitle("Teamleiter*innen"), "teamleiter");
  EXPECT_EQ(FoldTitle("IT-Leiter in Hagen"), "it leiter in hagen");
  EXPECT_EQ(FoldTitle("Leiter/Informatik"), "leiter informatik");
}

TEST(FoldTitle, KeepsQualifiersThatMakeADifferentJob) {
  EXPECT_NE(FoldTitle("Stellvertretender IT-Leiter (m/w/d)"), FoldTitle("IT-Leiter (m/w/d)"));
}

TEST(FoldCompany, RemovesLegalForms) {
  EXPECT_EQ(FoldCompany("Muster GmbH"), "muster");
  EXPECT_EQ(FoldCompany("Muster GmbH & Co. KG"), "muster");
  EXPECT_EQ(FoldCompany("Muster AG"), "muster");
  EXPECT_EQ(FoldCompany("Muster SE"), "muster");
  EXPECT_EQ(FoldCompany("Muster KGaA"), "muster");
  EXPECT_EQ(FoldCompany("Förderverein Hagen e.V."), "foerderverein hagen");
  EXPECT_EQ(FoldCompany("Muster Verwaltungs mbH"), "muster verwaltungs");
  EXPECT_EQ(FoldCompany("Muster UG (haftungsbeschränkt)"), "muster");
}

TEST(IdentityKeys, ListsIdThenUrlThenTitleCompanyLocality) {
  parsers::Posting posting = MakePosting("IT-Leiter (m/w/d)", "Muster GmbH", "Hagen");
  posting.identifier = "A-17";
  posting.url = "https://jobs.example/a17";
  EXPECT_EQ(IdentityKeys(posting, "https://board.example/list"),
            (std::vector<std::string>{"id:muster:A-17", "url:https://jobs.example/a17",
                                      "tcl:it leiter|muster|hagen"}));
}

TEST(IdentityKeys, UsesThePageUrlWhenThePostingHasNone) {
  parsers::Posting posting = MakePosting("IT-Leiter", "Muster GmbH", "Hagen");
  EXPECT_EQ(IdentityKeys(posting, "https://jobs.example/page")[0],
            "url:https://jobs.example/page");
}

TEST(IdentityKeys, OurChoiceNoIdKeyWithoutCompanyAndNoTclKeyWithoutTitle) {
  parsers::Posting posting;
  posting.identifier = "17";
  posting.locality = "Hagen";
  EXPECT_TRUE(IdentityKeys(posting, "").empty());
}

TEST(IdentityKeys, SameJobWrittenDifferentlyShareTheTclKey) {
  parsers::Posting a = MakePosting("IT-Leiter (m/w/d)", "Stadtwerke Hagen GmbH", "Hagen");
  parsers::Posting b = MakePosting("IT-LEITER*IN", "Stadtwerke Hagen", "HAGEN");
  EXPECT_EQ(IdentityKeys(a, "").back(), IdentityKeys(b, "").back());
}

TEST(Completeness, CountsNonEmptyFields) {
  parsers::Posting posting = MakePosting("IT-Leiter", "Muster", "");
  EXPECT_EQ(Completeness(posting), 2);
  posting.salary_min = 80000;
  EXPECT_EQ(Completeness(posting), 3);
}

TEST(FillMissing, TakesOnlyEmptyFieldsAndSalaryAsOneUnit) {
  parsers::Posting base = MakePosting("IT-Leiter", "", "Hagen");
  parsers::Posting other = MakePosting("Other title", "Muster", "Dortmund");
  other.salary_min = 4500;
  other.salary_currency = "EUR";
  other.salary_period = "MONTH";
  parsers::Posting merged = FillMissing(base, other);
  EXPECT_EQ(merged.title, "IT-Leiter");
  EXPECT_EQ(merged.company, "Muster");
  EXPECT_EQ(merged.locality, "Hagen");
  EXPECT_EQ(merged.salary_min, 4500);
  EXPECT_EQ(merged.salary_period, "MONTH");
}

}  // namespace
}  // namespace jobcrawler::storage

namespace jobcrawler::storage {
namespace {

std::string WithReplaced(std::string text, std::string_view from, std::string_view to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(DescriptionFingerprint, CountsFoldedWordsAndIgnoresCaseAndPunctuation) {
  TextFingerprint fingerprint = DescriptionFingerprint("Wir suchen: eine IT-Leitung!");
  EXPECT_EQ(fingerprint.words, 5);
  EXPECT_EQ(fingerprint.simhash, DescriptionFingerprint("wir SUCHEN eine it leitung").simhash);
  EXPECT_EQ(DescriptionFingerprint("").simhash, 0u);
  EXPECT_EQ(DescriptionFingerprint(" -- ").words, 0);
}

// `words` pseudo-random words from a small vocabulary (a fixed sequence).
std::string WordSequence(int words) {
  constexpr std::string_view kWords[] = {"wir", "suchen", "eine", "leitung", "der", "it",
                                         "in",  "hagen",  "mit",  "erfahrung", "und", "team"};
  std::uint32_t state = 12345;
  std::string text;
  for (int i = 0; i < words; ++i) {
    state = state * 1103515245u + 12345u;
    text += kWords[(state >> 16) % std::size(kWords)];
    text += ' ';
  }
  return text;
}

// Fingerprints are stored and compared with those of later runs: the same
// text must keep its fingerprint from one version to the next. The texts
// span one, a few hundred and thousands of shingles.
TEST(DescriptionFingerprint, StaysTheSameAcrossVersions) {
  EXPECT_EQ(DescriptionFingerprint("Wir suchen eine IT-Leitung").simhash, 4304130938845567801u);
  EXPECT_EQ(DescriptionFingerprint(WordSequence(3)).simhash, 14279502362612553935u);
  EXPECT_EQ(DescriptionFingerprint(WordSequence(300)).simhash, 5002588645200366553u);
  EXPECT_EQ(DescriptionFingerprint(WordSequence(5000)).simhash, 4980107101671439321u);
  EXPECT_EQ(DescriptionFingerprint(testing::LongDescription()).simhash, 861811566075422443u);
}

TEST(DescriptionFingerprint, ShortTextsStillHash) {
  EXPECT_NE(DescriptionFingerprint("IT").simhash, DescriptionFingerprint("CIO").simhash);
}

TEST(DescriptionFingerprint, SmallEditsOfALongAdStayWithinTheMergeDistance) {
  std::string ad = testing::LongDescription();
  std::uint64_t hash = DescriptionFingerprint(ad).simhash;
  EXPECT_GE(DescriptionFingerprint(ad).words, kMinSimHashWords);
  EXPECT_LE(HammingDistance(hash, DescriptionFingerprint(ad + " Referenz 4711.").simhash),
            kMaxSimHashDistance);
  EXPECT_LE(HammingDistance(hash, DescriptionFingerprint(
                                      WithReplaced(ad, "Frau Beispiel", "Herrn Muster"))
                                      .simhash),
            kMaxSimHashDistance);
}

TEST(DescriptionFingerprint, AnotherAdOfTheSameCompanyIsFarAway) {
  EXPECT_GT(HammingDistance(DescriptionFingerprint(testing::LongDescription()).simhash,
                            DescriptionFingerprint(testing::OtherDescription()).simhash),
            4 * kMaxSimHashDistance);
}

TEST(HammingDistance, CountsDifferingBits) {
  EXPECT_EQ(HammingDistance(0, 0), 0);
  EXPECT_EQ(HammingDistance(0b1011, 0b0001), 2);
  EXPECT_EQ(HammingDistance(0, ~std::uint64_t{0}), 64);
}

TEST(SameRank, DeputyAndHeadAreDifferentRanks) {
  EXPECT_FALSE(SameRank("IT-Leiter (m/w/d)", "Stellvertretender IT-Leiter (m/w/d)"));
  EXPECT_FALSE(SameRank("Head of IT", "Deputy Head of IT"));
  EXPECT_FALSE(SameRank("Stv. IT-Leiter", "IT-Leiter"));
  EXPECT_FALSE(SameRank("Senior IT Manager", "Junior IT Manager"));
  EXPECT_FALSE(SameRank("IT-Leitung", "Assistenz der IT-Leitung"));
  EXPECT_FALSE(SameRank("Interim CIO", "CIO"));
}

TEST(SameRank, DifferentWordingOfOneRankIsTheSame) {
  EXPECT_TRUE(SameRank("IT-Leiter (m/w/d)", "Leitung IT*in"));
  EXPECT_TRUE(SameRank("Stellvertretende IT-Leitung", "Stellv. Leiter IT"));
  EXPECT_TRUE(SameRank("Leiter IT und Kommunikation", "IT-Leiter"));
  EXPECT_TRUE(SameRank("", ""));
}

TEST(NearKey, IsFoldedCompanyAndPlaceAndEmptyWithoutCompany) {
  EXPECT_EQ(NearKey(MakePosting("CIO", "Muster GmbH & Co. KG", "Hagen (Westf.)")),
            "muster|hagen westf");
  EXPECT_EQ(NearKey(MakePosting("CIO", "Muster GmbH", "")), "muster|");
  EXPECT_EQ(NearKey(MakePosting("CIO", "GmbH", "Hagen")), "");
}

}  // namespace
}  // namespace jobcrawler::storage
