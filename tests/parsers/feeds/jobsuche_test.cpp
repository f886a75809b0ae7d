#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/feeds/feed.h"
#include "tests/parsers/feeds/feed_fixtures.h"

namespace jobcrawler::parsers {
namespace {

using testing::HasDiagnostic;
using testing::ReadFeedFixture;
using testing::Titles;
using Strings = std::vector<std::string>;

constexpr std::string_view kSearchUrl =
    "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&wo=Hagen"
    "&page=1&size=100";

FeedPage ParseJobsuche(std::string_view body, const FeedOptions& options = {}) {
  return ParseFeed(FeedType::kArbeitsagentur, body, kSearchUrl, options);
}

FeedPage ParseFixture(std::string_view name) { return ParseJobsuche(ReadFeedFixture(name)); }

TEST(Jobsuche, ReadsV6SearchResults) {
  const FeedPage page = ParseFixture("jobsuche_v6_hagen.json");
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_FALSE(page.truncated);
  EXPECT_EQ(Titles(page), (Strings{"IT-Leiter (m/w/d)", "Leitung IT-Infrastruktur (w/m/d)",
                                   "Teamleiter IT-Support & Service (m/w/d)"}));
  EXPECT_EQ(page.paging.listed, 3u);
  EXPECT_EQ(page.paging.total, 3);
  EXPECT_EQ(page.paging.page, 1);
  EXPECT_EQ(page.paging.size, 100);
  EXPECT_TRUE(page.diagnostics.empty()) << page.diagnostics.front();
}

TEST(Jobsuche, PostingUrlIsThePublicJobPageAndIdentifierTheReferenceNumber) {
  const FeedPage page = ParseFixture("jobsuche_v6_hagen.json");
  ASSERT_EQ(page.postings.size(), 3u);
  const Posting& first = page.postings[0].posting;
  EXPECT_EQ(first.url, "https://www.arbeitsagentur.de/jobsuche/jobdetail/10001-1000123456-S");
  EXPECT_EQ(first.identifier, "10001-1000123456-S");
  EXPECT_EQ(first.format, PostingFormat::kJsonLd);
}

TEST(Jobsuche, ExterneUrlIsAnotherSightingOfTheSameJob) {
  const FeedPage page = ParseFixture("jobsuche_v6_hagen.json");
  ASSERT_EQ(page.postings.size(), 3u);
  EXPECT_EQ(page.postings[0].also_seen_at,
            Strings{"https://karriere.volmetal-versorgung.example/stellen/it-leiter-4711"});
  EXPECT_EQ(page.postings[1].also_seen_at, Strings{});
  // A bare "www." address, as some employers enter it.
  EXPECT_EQ(page.postings[2].also_seen_at,
            Strings{"http://www.lennepark-kliniken.example/jobs/teamleiter-it"});
}

TEST(Jobsuche, NormalisesPlaceSalaryDateEmploymentAndRemote) {
  const FeedPage page = ParseFixture("jobsuche_v6_hagen.json");
  ASSERT_EQ(page.postings.size(), 3u);
  const Posting& p = page.postings[0].posting;
  EXPECT_EQ(p.company, "Volmetal Versorgung GmbH");
  EXPECT_EQ(p.street, "Körnerstraße 40");
  EXPECT_EQ(p.locality, "Hagen");
  EXPECT_EQ(p.postal_code, "58095");
  EXPECT_EQ(p.region, "NORDRHEIN-WESTFALEN");
  EXPECT_EQ(p.country, "DE");
  EXPECT_EQ(p.salary_min, 85000);
  EXPECT_EQ(p.salary_max, 105000);
  EXPECT_EQ(p.salary_currency, "EUR");
  EXPECT_EQ(p.salary_period, "YEAR");
  EXPECT_EQ(p.date_posted, "2026-11-02");
  EXPECT_EQ(p.employment_type, "FULL_TIME");
  EXPECT_EQ(p.remote, "hybrid");

  const Posting& hourly = page.postings[1].posting;
  EXPECT_EQ(hourly.salary_min, 38.5);
  EXPECT_EQ(hourly.salary_period, "HOUR");
  EXPECT_EQ(hourly.employment_type, "PART_TIME,TEMPORARY");
  EXPECT_EQ(hourly.remote, "");

  const Posting& third = page.postings[2].posting;
  EXPECT_EQ(third.locality, "Hagen");  // "Hagen (Westf.)"
  EXPECT_EQ(third.postal_code, "58119");
  EXPECT_EQ(third.date_posted, "2026-11-05");  // veroeffentlichungszeitraum.von
  EXPECT_FALSE(third.salary_min.has_value());
  EXPECT_EQ(third.salary_currency, "");
}

TEST(Jobsuche, FurtherLocationsBecomeOtherPlaces) {
  const FeedPage page = ParseFixture("jobsuche_v6_hagen.json");
  ASSERT_EQ(page.postings.size(), 3u);
  const FeedPosting& two_places = page.postings[1];
  EXPECT_EQ(two_places.posting.locality, "Dortmund");
  ASSERT_EQ(two_places.other_places.size(), 1u);
  EXPECT_EQ(two_places.other_places[0].locality, "Hagen");  // "Hagen, Westfalen"
  EXPECT_EQ(two_places.other_places[0].postal_code, "58097");
  EXPECT_EQ(two_places.other_places[0].country, "DE");
}

TEST(Jobsuche, ReadsTheOlderV4Shape) {
  const FeedPage page = ParseFixture("jobsuche_v4.json");
  EXPECT_EQ(page.shape, FeedShape::kOk);
  ASSERT_EQ(page.postings.size(), 2u);
  const FeedPosting& first = page.postings[0];
  EXPECT_EQ(first.posting.title, "Leiter Informationstechnik (m/w/d)");
  EXPECT_EQ(first.posting.identifier, "10000-1000789012-S");
  EXPECT_EQ(first.posting.url,
            "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1000789012-S");
  EXPECT_EQ(first.posting.company, "Stadtwerke Musterhagen GmbH");
  EXPECT_EQ(first.posting.postal_code, "58135");
  EXPECT_EQ(first.posting.locality, "Hagen");
  EXPECT_EQ(first.posting.street, "Am Pfingstberg 3");
  EXPECT_EQ(first.posting.date_posted, "2026-10-30");
  EXPECT_EQ(first.also_seen_at,
            Strings{"https://stadtwerke-musterhagen.example/karriere/leiter-it"});
  // Numbers as strings, and a postal code that lost its leading zero.
  EXPECT_EQ(page.paging.total, 2);
  EXPECT_EQ(page.postings[1].posting.postal_code, "09111");
  EXPECT_EQ(page.postings[1].posting.locality, "Chemnitz");
}

TEST(Jobsuche, ZeroHitsWithoutErgebnislisteIsEmptyNotUnknown) {
  const FeedPage page = ParseFixture("jobsuche_v6_zero_hits.json");
  EXPECT_EQ(page.shape, FeedShape::kEmpty);
  EXPECT_TRUE(page.postings.empty());
  EXPECT_EQ(page.paging.total, 0);
}

TEST(Jobsuche, EmptyListIsEmpty) {
  EXPECT_EQ(ParseJobsuche(R"({"ergebnisliste": [], "maxErgebnisse": 0})").shape, FeedShape::kEmpty);
}

TEST(Jobsuche, RenamedListIsUnknown) {
  const FeedPage page = ParseFixture("jobsuche_unknown_shape.json");
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(page.postings.empty());
  EXPECT_TRUE(HasDiagnostic(page, "no ergebnisliste or stellenangebote")) << page.diagnostics[0];
}

TEST(Jobsuche, ErrorAnswerIsUnknownAndQuotesTheService) {
  const FeedPage page = ParseFixture("jobsuche_error.json");
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(page, "page * size darf 10000 nicht"));
}

TEST(Jobsuche, ListOfWrongTypeOrNoJsonIsUnknown) {
  EXPECT_EQ(ParseJobsuche(R"({"ergebnisliste": {"a": 1}})").shape, FeedShape::kUnknown);
  EXPECT_EQ(ParseJobsuche("[]").shape, FeedShape::kUnknown);
  EXPECT_EQ(ParseJobsuche("<html><body>Wartungsarbeiten</body></html>").shape, FeedShape::kUnknown);
  EXPECT_EQ(ParseJobsuche("").shape, FeedShape::kUnknown);
}

TEST(Jobsuche, TakesWhatIsThereAndSkipsWhatHasNoPage) {
  const FeedPage page = ParseFixture("jobsuche_v6_missing_fields.json");
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_EQ(page.paging.listed, 6u);
  EXPECT_EQ(Titles(page),
            (Strings{"Leiter/in - IT", "Stellvertretende IT-Leitung (m/w/d)", "Leitung EDV"}));
  EXPECT_TRUE(HasDiagnostic(page, "entry 1 skipped: no referenznummer"));
  EXPECT_TRUE(HasDiagnostic(page, "entry 2: no title; the occupation is used"));
  EXPECT_TRUE(HasDiagnostic(page, "entry 3 skipped: not an object"));
  EXPECT_TRUE(HasDiagnostic(page, "entry 4 skipped: not an object"));

  const FeedPosting& odd = page.postings[1];
  EXPECT_FALSE(odd.posting.salary_min.has_value());  // von > bis: not a salary
  EXPECT_TRUE(odd.also_seen_at.empty());             // javascript: is no page
  EXPECT_EQ(odd.posting.remote, "hybrid");           // "true" as a string

  const Posting& numeric = page.postings[2].posting;
  EXPECT_EQ(numeric.identifier, "1000678901");
  EXPECT_EQ(numeric.locality, "Hagen");  // the first location with an address
  EXPECT_EQ(numeric.salary_min, 5200);   // "ab 5.200 € im Monat"
  EXPECT_FALSE(numeric.salary_max.has_value());
  EXPECT_EQ(numeric.salary_period, "MONTH");
  EXPECT_EQ(numeric.date_posted, "");
}

TEST(Jobsuche, ListWhoseEntriesAreAllUnreadableIsUnknown) {
  const FeedPage page = ParseJobsuche(R"({"ergebnisliste": [{"refNummer": "x"}, {"id": 2}]})");
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(page, "none of the 2 entries could be read"));
}

TEST(Jobsuche, CompanyOptionFillsOnlyMissingCompanies) {
  FeedOptions options;
  options.company = "Fallback GmbH";
  const FeedPage page = ParseJobsuche(ReadFeedFixture("jobsuche_v6_missing_fields.json"), options);
  ASSERT_EQ(page.postings.size(), 3u);
  EXPECT_EQ(page.postings[0].posting.company, "Fallback GmbH");
  const FeedPage named = ParseJobsuche(ReadFeedFixture("jobsuche_v6_hagen.json"), options);
  EXPECT_EQ(named.postings[0].posting.company, "Volmetal Versorgung GmbH");
}

TEST(Jobsuche, ReferenceNumberIsEscapedInTheJobPageUrl) {
  const FeedPage page = ParseJobsuche(
      R"({"ergebnisliste": [{"referenznummer": "10001 12/34?x", "stellenangebotsTitel": "IT-Leiter"}]})");
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].posting.url,
            "https://www.arbeitsagentur.de/jobsuche/jobdetail/10001%2012%2F34%3Fx");
}

}  // namespace
}  // namespace jobcrawler::parsers
