#include "parsers/extract/json_ld.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace jobcrawler::parsers {
namespace {

std::vector<std::string> Titles(std::string_view text) {
  std::vector<std::string> titles;
  for (const Posting& posting : ExtractJsonLd(text).postings) titles.push_back(posting.title);
  return titles;
}

// The one posting in `text`; fails the test when there is not exactly one.
Posting Only(std::string_view text) {
  const JsonLdExtraction extraction = ExtractJsonLd(text);
  EXPECT_TRUE(extraction.ok()) << extraction.error;
  EXPECT_EQ(extraction.postings.size(), 1u) << text;
  return extraction.postings.empty() ? Posting{} : extraction.postings.front();
}

// A JobPosting titled "T" with `members` ("\"key\": value, ...") added.
std::string Job(std::string_view members) {
  return std::string(R"({"@context": "https://schema.org", "@type": "JobPosting", "title": "T")") +
         (members.empty() ? "" : ", ") + std::string(members) + "}";
}

using Strings = std::vector<std::string>;

TEST(JsonLd, ReadsSingleObject) { EXPECT_EQ(Titles(Job("")), Strings{"T"}); }

TEST(JsonLd, ReadsTopLevelArray) {
  EXPECT_EQ(Titles(R"([{"@type": "Organization", "name": "X"},
                       {"@type": "JobPosting", "title": "A"}, {"@type": "JobPosting", "title": "B"}])"),
            (Strings{"A", "B"}));
}

TEST(JsonLd, ReadsPostingsInsideGraph) {
  EXPECT_EQ(Titles(R"({"@context": "https://schema.org", "@graph": [
                        {"@type": "WebPage"}, {"@type": "JobPosting", "title": "A"}]})"),
            Strings{"A"});
}

TEST(JsonLd, ReadsGraphNestedInArraysAndGraphs) {
  EXPECT_EQ(Titles(R"([{"@graph": [{"@graph": {"@type": "JobPosting", "title": "A"}}]},
                       {"@graph": [[{"@type": "JobPosting", "title": "B"}]]}])"),
            (Strings{"A", "B"}));
}

TEST(JsonLd, ReadsPostingsNestedAsPropertyValues) {
  EXPECT_EQ(Titles(R"({"@type": "ItemList", "itemListElement": [
                        {"@type": "ListItem", "item": {"@type": "JobPosting", "title": "A"}}]})"),
            Strings{"A"});
}

TEST(JsonLd, MatchesTypeGivenAsListOrWithPrefix) {
  EXPECT_EQ(Titles(R"([{"@type": ["Thing", "JobPosting"], "title": "A"},
                       {"@type": "schema:JobPosting", "title": "B"},
                       {"@type": "http://schema.org/JobPosting", "title": "C"},
                       {"@type": "JobPostingDraft", "title": "no"}])"),
            (Strings{"A", "B", "C"}));
}

TEST(JsonLd, FallsBackToNameWhenTitleIsMissing) {
  EXPECT_EQ(Only(R"({"@type": "JobPosting", "name": "Head of IT"})").title, "Head of IT");
}

TEST(JsonLd, ReadsHiringOrganizationAsObjectOrString) {
  EXPECT_EQ(
      Only(Job(R"("hiringOrganization": {"@type": "Organization", "name": "Stadtwerke"})")).company,
      "Stadtwerke");
  EXPECT_EQ(Only(Job(R"("hiringOrganization": "M&amp;M GmbH")")).company, "M&M GmbH");
}

TEST(JsonLd, ReadsJobLocationWithPostalAddress) {
  const Posting posting = Only(Job(R"("jobLocation": {"@type": "Place", "address": {
      "@type": "PostalAddress", "streetAddress": "Körnerstr. 1", "addressLocality": "Hagen",
      "postalCode": "58095", "addressRegion": "NRW", "addressCountry": "DE"}})"));
  EXPECT_EQ(posting.street, "Körnerstr. 1");
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.postal_code, "58095");
  EXPECT_EQ(posting.region, "NRW");
  EXPECT_EQ(posting.country, "DE");
}

TEST(JsonLd, KeepsEveryOneOfSeveralJobLocations) {
  const Posting posting = Only(Job(R"("jobLocation": [
      {"address": {"addressLocality": "Hagen", "addressCountry": {"name": "Deutschland"}}},
      {"address": {"addressLocality": "Dortmund", "postalCode": "44135"}},
      {"address": {"addressLocality": "Hagen", "addressCountry": "Deutschland"}},
      "Bochum"])"));
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.country, "DE");
  ASSERT_EQ(posting.other_places.size(), 2u) << "duplicates are dropped";
  EXPECT_EQ(posting.other_places[0], (PostingPlace{"Dortmund", "44135", "", ""}));
  EXPECT_EQ(posting.other_places[1].locality, "Bochum");
}

TEST(JsonLd, CapsThePlacesOfAPostingThatListsHundreds) {
  std::string locations;
  for (int i = 0; i < 300; ++i) {
    locations += (i ? "," : "") + std::string(R"({"address": {"addressLocality": "Ort)") +
                 std::to_string(i) + "\"}}";
  }
  const Posting posting = Only(Job(R"("jobLocation": [)" + locations + "]"));
  EXPECT_EQ(posting.other_places.size() + 1, kMaxPostingPlaces);
}

TEST(JsonLd, ReadsCountryNamesAsIsoCodes) {
  for (const auto& [name, code] : std::vector<std::pair<std::string, std::string>>{
           {"Canada", "CA"}, {"Deutschland", "DE"}, {"Germany", "DE"}, {"Österreich", "AT"},
           {"Schweiz", "CH"}, {"United States", "US"}}) {
    const Posting posting = Only(Job(R"("jobLocation": {"address": {"addressLocality": "X",
        "addressCountry": ")" + name + "\"}}"));
    EXPECT_EQ(posting.country, code) << name;
  }
}

TEST(JsonLd, ReadsAnApplicantTrackingPathInTheLocality) {
  const Posting posting = Only(Job(R"("jobLocation": {"address": {
      "addressLocality": "AMER - Canada - Quebec - Montreal - 10 Rue Duke"}})"));
  EXPECT_EQ(posting.locality, "Montreal");
  EXPECT_EQ(posting.region, "Quebec");
  EXPECT_EQ(posting.country, "CA");
}

TEST(JsonLd, ReadsJobLocationAsPlainString) {
  const Posting posting = Only(Job(R"("jobLocation": "58095 Hagen")"));
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.postal_code, "58095");
}

TEST(JsonLd, ReadsAddressAsPlainString) {
  const Posting posting = Only(Job(R"("jobLocation": {"address": "58095 Hagen"})"));
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.postal_code, "58095");
}

TEST(JsonLd, ReadsSalaryValueAsNumber) {
  const Posting posting = Only(Job(R"("baseSalary": {"@type": "MonetaryAmount",
      "currency": "EUR", "value": 85000})"));
  EXPECT_EQ(posting.salary_min, 85000);
  EXPECT_EQ(posting.salary_max, 85000);
  EXPECT_EQ(posting.salary_currency, "EUR");
  EXPECT_EQ(posting.salary_period, "");
}

TEST(JsonLd, ReadsSalaryValueAsNumericString) {
  const Posting posting = Only(Job(R"("baseSalary": {"currency": "eur", "value": "4.500"})"));
  EXPECT_EQ(posting.salary_min, 4500);
  EXPECT_EQ(posting.salary_max, 4500);
  EXPECT_EQ(posting.salary_currency, "EUR");
}

TEST(JsonLd, ReadsSalaryValueAsRangeString) {
  const Posting posting =
      Only(Job(R"("baseSalary": {"currency": "EUR", "value": "4.500 - 5.200"})"));
  EXPECT_EQ(posting.salary_min, 4500);
  EXPECT_EQ(posting.salary_max, 5200);
  EXPECT_EQ(posting.salary_currency, "EUR");
}

TEST(JsonLd, ReadsSalaryAsQuantitativeValue) {
  const Posting posting = Only(Job(R"("baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
      "value": {"@type": "QuantitativeValue", "minValue": 90000, "maxValue": "110000",
                "unitText": "YEAR"}})"));
  EXPECT_EQ(posting.salary_min, 90000);
  EXPECT_EQ(posting.salary_max, 110000);
  EXPECT_EQ(posting.salary_currency, "EUR");
  EXPECT_EQ(posting.salary_period, "YEAR");
}

TEST(JsonLd, ReadsSingleQuantitativeValueAndUnitCode) {
  const Posting posting = Only(Job(R"("baseSalary": {"currency": "EUR",
      "value": {"value": 6500.5, "unitCode": "MON"}})"));
  EXPECT_EQ(posting.salary_min, 6500.5);
  EXPECT_EQ(posting.salary_max, 6500.5);
  EXPECT_EQ(posting.salary_period, "MONTH");
}

TEST(JsonLd, ReadsMinAndMaxPutOnTheMonetaryAmount) {
  const Posting posting = Only(Job(R"("baseSalary": {"currency": "EUR", "minValue": 70000,
      "maxValue": 80000, "unitText": "YEAR"})"));
  EXPECT_EQ(posting.salary_min, 70000);
  EXPECT_EQ(posting.salary_max, 80000);
  EXPECT_EQ(posting.salary_period, "YEAR");
}

TEST(JsonLd, TreatsZeroSalaryAsNotStated) {
  const Posting posting = Only(Job(R"("baseSalary": {"currency": "EUR", "value": 0})"));
  EXPECT_EQ(posting.salary_min, std::nullopt);
  EXPECT_EQ(posting.salary_max, std::nullopt);
  EXPECT_EQ(posting.salary_currency, "");
}

// Found by fuzzing (tests/fuzz/regressions/microdata/): "8.50" for 8,500.
TEST(JsonLd, TreatsSalaryRangeRunningBackwardsAsNotStated) {
  const Posting posting = Only(Job(R"("baseSalary": {"currency": "EUR", "value":
      {"@type": "QuantitativeValue", "minValue": "7.000", "maxValue": "8.50"}})"));
  EXPECT_EQ(posting.salary_min, std::nullopt);
  EXPECT_EQ(posting.salary_max, std::nullopt);
  EXPECT_EQ(posting.salary_currency, "");
}

TEST(JsonLd, ReadsIdentifierAsStringNumberOrPropertyValue) {
  EXPECT_EQ(Only(Job(R"("identifier": "A-17")")).identifier, "A-17");
  EXPECT_EQ(Only(Job(R"("identifier": 10442187)")).identifier, "10442187");
  EXPECT_EQ(Only(Job(R"("identifier": {"@type": "PropertyValue", "name": "StepStone",
                                        "value": 10442187})"))
                .identifier,
            "10442187");
}

TEST(JsonLd, ReadsEmploymentTypeAsStringOrList) {
  EXPECT_EQ(Only(Job(R"("employmentType": "FULL_TIME")")).employment_type, "FULL_TIME");
  EXPECT_EQ(Only(Job(R"("employmentType": ["PART_TIME", "FULL_TIME"])")).employment_type,
            "FULL_TIME,PART_TIME");
}

TEST(JsonLd, ReadsTelecommuteAsRemote) {
  EXPECT_EQ(Only(Job(R"("jobLocationType": "TELECOMMUTE")")).remote, "remote");
  EXPECT_EQ(Only(Job(R"("jobLocationType": ["TELECOMMUTE"])")).remote, "remote");
  EXPECT_EQ(Only(Job("")).remote, "");
}

TEST(JsonLd, IgnoresApplicantLocationRequirements) {
  const Posting posting = Only(Job(R"("applicantLocationRequirements": {"@type": "Country",
      "name": "Deutschland"})"));
  EXPECT_EQ(posting.country, "");
}

TEST(JsonLd, ReadsDatesAsIsoDates) {
  const Posting posting = Only(Job(R"("datePosted": "2026-11-20T08:15:00+01:00",
                                      "validThrough": "2027-01-31")"));
  EXPECT_EQ(posting.date_posted, "2026-11-20");
  EXPECT_EQ(posting.valid_through, "2027-01-31");
}

TEST(JsonLd, CleansEscapedHtmlDescription) {
  EXPECT_EQ(
      Only(
          Job(R"("description": "&lt;p&gt;Sie leiten die IT.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;ITIL&lt;/li&gt;&lt;/ul&gt;")"))
          .description,
      "Sie leiten die IT. ITIL");
}

TEST(JsonLd, CleansRawHtmlDescriptionWithUnicodeEscapes) {
  EXPECT_EQ(
      Only(
          Job(R"("description": "\u003cp\u003eF\u00fchrung von\u003cbr\u003e12 Personen\u003c/p\u003e")"))
          .description,
      "Führung von 12 Personen");
}

TEST(JsonLd, ReadsUrl) {
  EXPECT_EQ(Only(Job(R"("url": " https://jobs.example.de/stelle/17 ", "sameAs": "x")")).url,
            "https://jobs.example.de/stelle/17");
}

TEST(JsonLd, MarksPostingsAsJsonLd) { EXPECT_EQ(Only(Job("")).format, PostingFormat::kJsonLd); }

TEST(JsonLd, IgnoresValuesOfUnexpectedTypes) {
  const Posting posting = Only(Job(R"("hiringOrganization": 17, "jobLocation": true,
      "baseSalary": [null], "identifier": {"value": {"x": 1}}, "datePosted": [], "url": {})"));
  EXPECT_EQ(posting.company, "17");
  EXPECT_EQ(posting.locality, "");
  EXPECT_EQ(posting.salary_min, std::nullopt);
  EXPECT_EQ(posting.identifier, "");
  EXPECT_EQ(posting.date_posted, "");
  EXPECT_EQ(posting.url, "");
}

TEST(JsonLd, ReadsBlockWithoutPostingsAsEmpty) {
  const JsonLdExtraction extraction = ExtractJsonLd(R"({"@type": "BreadcrumbList"})");
  EXPECT_TRUE(extraction.ok());
  EXPECT_TRUE(extraction.postings.empty());
}

TEST(JsonLd, RepairsMalformedBlockAndSaysHow) {
  const JsonLdExtraction extraction = ExtractJsonLd(
      "<!--\n{\"@type\": \"JobPosting\", // Anzeige\n \"title\": \"IT-Leiter\",}\n-->");
  ASSERT_EQ(extraction.postings.size(), 1u);
  EXPECT_EQ(extraction.postings[0].title, "IT-Leiter");
  EXPECT_EQ(extraction.repairs, "stripped wrapper, removed comments, removed trailing commas");
}

TEST(JsonLd, ReadsBlockEscapedWithQuoteEntities) {
  EXPECT_EQ(
      Titles("{&quot;@type&quot;: &quot;JobPosting&quot;, &quot;title&quot;: &quot;CIO&quot;}"),
      Strings{"CIO"});
}

TEST(JsonLd, ReportsUnreadableBlock) {
  const JsonLdExtraction extraction = ExtractJsonLd(R"({"@type": "JobPosting", "title": )");
  EXPECT_FALSE(extraction.ok());
  EXPECT_TRUE(extraction.postings.empty());
}

TEST(JsonLd, RejectsHostileNesting) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{\"@graph\": [";
  EXPECT_FALSE(ExtractJsonLd(deep).ok());
}

TEST(JsonLd, ReadsPostingsAtTheDepthLimit) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "{\"@graph\": [";
  text += Job("");
  for (int i = 0; i < 30; ++i) text += "]}";
  EXPECT_EQ(Titles(text), Strings{"T"});
}

TEST(JsonLd, SurvivesGarbageAndEmptyInput) {
  EXPECT_FALSE(ExtractJsonLd("").ok());
  EXPECT_FALSE(ExtractJsonLd(std::string("\0\x01\xFF{[\"", 6)).ok());
  EXPECT_TRUE(ExtractJsonLd("42").ok());
  EXPECT_TRUE(ExtractJsonLd("null").postings.empty());
}

}  // namespace
}  // namespace jobcrawler::parsers
