#include "parsers/extract/profile_extractor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace jobcrawler::parsers {
namespace {

using Strings = std::vector<std::string>;

std::string Fixture(std::string_view name) {
  const std::string path = std::string(JOBCRAWLER_TEST_DATA_DIR) + "/parsers/" + std::string(name);
  std::ifstream file(path, std::ios::binary);
  EXPECT_TRUE(file.good()) << "cannot open " << path;
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// The profile a user would write for career_page_no_structured_data.html.
ExtractionProfile StadtHagenProfile() {
  ExtractionProfile profile;
  profile.title = "h1.stelle-titel";
  profile.company = ".eckdaten .arbeitgeber";
  profile.location = "dd.ort";
  profile.salary = "dd.verguetung";
  profile.employment_type = "dd.umfang";
  profile.date_posted = "dl time @datetime";
  profile.valid_through = "dd.frist";
  profile.description = "section.text p";
  profile.identifier = "article @data-job-id";
  profile.url = "a.bewerben @href";
  return profile;
}

// The profile for listing_with_profile.html.
ExtractionProfile ListingProfile() {
  ExtractionProfile profile;
  profile.posting = "#jobs > .job-card";
  profile.title = "h3";
  profile.url = "a.job-link @href";
  profile.location = ".loc";
  profile.employment_type = ".type";
  profile.date_posted = ".date";
  profile.links = "a.job-link";
  profile.next_page = ".pager .more @data-href";
  return profile;
}

TEST(ProfileExtractor, ReadsEveryFieldOfACareerPageWithoutStructuredData) {
  const HtmlDocument document(Fixture("career_page_no_structured_data.html"));
  const std::vector<Posting> postings =
      ExtractWithProfile(document, StadtHagenProfile(), "2026-11-20");
  ASSERT_EQ(postings.size(), 1u);
  const Posting& posting = postings[0];
  EXPECT_EQ(posting.title, "Leitung des Fachbereichs IT und Digitalisierung (m/w/d)");
  EXPECT_EQ(posting.company, "Stadt Hagen");
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.postal_code, "58095");
  EXPECT_EQ(posting.salary_max, 8200);
  EXPECT_FALSE(posting.salary_min.has_value());
  EXPECT_EQ(posting.salary_currency, "EUR");
  EXPECT_EQ(posting.salary_period, "MONTH");
  EXPECT_EQ(posting.employment_type, "FULL_TIME");
  EXPECT_EQ(posting.date_posted, "2026-11-02");
  EXPECT_EQ(posting.valid_through, "2026-11-30");
  EXPECT_EQ(posting.description,
            "Sie leiten den Fachbereich mit 45 Beschäftigten. "
            "Mobiles Arbeiten ist nach Absprache möglich.");
  EXPECT_EQ(posting.identifier, "2026-114");
  EXPECT_EQ(posting.url, "/karriere/bewerben?id=2026-114");
  EXPECT_EQ(posting.remote, "hybrid");
  EXPECT_EQ(posting.format, PostingFormat::kHtmlProfile);
}

TEST(ProfileExtractor, ReadsOnePostingPerContainerAndDropsThoseWithoutTitle) {
  const HtmlDocument document(Fixture("listing_with_profile.html"));
  const std::vector<Posting> postings = ExtractWithProfile(document, ListingProfile(), "2026-11-20");
  ASSERT_EQ(postings.size(), 2u);  // the promo card has no <h3>
  EXPECT_EQ(postings[0].title, "Leiter IT-Infrastruktur (w/m/d)");
  EXPECT_EQ(postings[0].url, "/stellen/it-leiter-4711");
  EXPECT_EQ(postings[0].locality, "Hagen");
  EXPECT_EQ(postings[0].employment_type, "FULL_TIME");
  EXPECT_EQ(postings[0].date_posted, "2026-11-17");
  EXPECT_EQ(postings[1].title, "Chief Information Officer (m/w/d)");
  EXPECT_EQ(postings[1].locality, "Iserlohn");
  EXPECT_EQ(postings[1].employment_type, "PART_TIME");
  EXPECT_EQ(postings[1].date_posted, "2026-11-20");
}

TEST(ProfileExtractor, SelectsLinksAndNextPages) {
  const HtmlDocument document(Fixture("listing_with_profile.html"));
  EXPECT_EQ(ProfileLinks(document, "a.job-link"),
            (Strings{"/stellen/it-leiter-4711", "/stellen/cio-4712"}));
  EXPECT_EQ(ProfileLinks(document, ".pager .more @data-href"), Strings{"/stellen?seite=2"});
  // An element without href lends its first descendant's.
  EXPECT_EQ(ProfileLinks(document, "h3"), (Strings{"/stellen/it-leiter-4711", "/stellen/cio-4712"}));
  EXPECT_EQ(ProfileLinks(document, ""), Strings{});
  EXPECT_EQ(ProfileLinks(document, "a["), Strings{});
}

TEST(ProfileExtractor, LeftOutFieldsStayEmpty) {
  const HtmlDocument document("<h1>CIO (m/w/d)</h1><p class=ort>irgendwo im Sauerland</p>");
  ExtractionProfile profile;
  profile.title = "h1";
  profile.location = ".ort";
  profile.salary = ".gehalt";
  const std::vector<Posting> postings = ExtractWithProfile(document, profile, "");
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].company, "");
  EXPECT_FALSE(postings[0].salary_min || postings[0].salary_max);
  EXPECT_EQ(postings[0].url, "");
  // Text ParsePlace cannot read is kept as the locality (our choice).
  EXPECT_FALSE(postings[0].locality.empty());
}

TEST(ProfileExtractor, KeepsEveryPlaceTheLocationNames) {
  const HtmlDocument document("<h1>CIO</h1><p class=ort>Hagen / Iserlohn / 58507 Lüdenscheid</p>");
  ExtractionProfile profile;
  profile.title = "h1";
  profile.location = ".ort";
  const std::vector<Posting> postings = ExtractWithProfile(document, profile, "");
  ASSERT_EQ(postings.size(), 1u);
  // ParsePlace's rule: a place with a postal code comes first.
  EXPECT_EQ(postings[0].locality, "Lüdenscheid");
  EXPECT_EQ(postings[0].postal_code, "58507");
  ASSERT_EQ(postings[0].other_places.size(), 2u);
  EXPECT_EQ(postings[0].other_places[0], (PostingPlace{"Hagen", "", "", ""}));
  EXPECT_EQ(postings[0].other_places[1].locality, "Iserlohn");
}

TEST(ProfileExtractor, BareAttributeReadsTheContainer) {
  const HtmlDocument document(R"(<ul><li data-id="7"><b>CIO</b></li><li data-id="8"><b>CTO</b></li></ul>)");
  ExtractionProfile profile;
  profile.posting = "li";
  profile.title = "b";
  profile.identifier = "@data-id";
  const std::vector<Posting> postings = ExtractWithProfile(document, profile, "");
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[1].identifier, "8");
}

TEST(ProfileExtractor, SeparatePostalCodeFieldWins) {
  const HtmlDocument document("<h1>CIO</h1><p class=ort>Hagen</p><p class=plz>PLZ 58099</p>");
  ExtractionProfile profile;
  profile.title = "h1";
  profile.location = ".ort";
  profile.postal_code = ".plz";
  const std::vector<Posting> postings = ExtractWithProfile(document, profile, "");
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].locality, "Hagen");
  EXPECT_EQ(postings[0].postal_code, "58099");
}

TEST(ProfileExtractor, NoTitleSelectorOrBadSelectorsYieldNothing) {
  const HtmlDocument document("<h1>CIO</h1>");
  ExtractionProfile profile;
  profile.company = "h1";
  EXPECT_TRUE(ExtractWithProfile(document, profile, "").empty());
  profile.title = "h1 >";
  EXPECT_TRUE(ExtractWithProfile(document, profile, "").empty());
  profile.title = "h1";
  profile.posting = "div[";
  EXPECT_TRUE(ExtractWithProfile(document, profile, "").empty());
}

TEST(ProfileExtractor, ProfileIsEmptyOnlyWithoutAnyKey) {
  ExtractionProfile profile;
  EXPECT_TRUE(profile.empty());
  profile.next_page = "a.next";
  EXPECT_FALSE(profile.empty());
}

TEST(ProfileSelectorCheck, AcceptsSelectorsWithAndWithoutAttribute) {
  EXPECT_EQ(CheckProfileSelector("a.apply @href", true), "");
  EXPECT_EQ(CheckProfileSelector("@data-id", true), "");
  EXPECT_EQ(CheckProfileSelector("time @datetime ", true), "");
  EXPECT_EQ(CheckProfileSelector("a[href$='@x']", true), "");  // not a suffix: no space before @
}

TEST(ProfileSelectorCheck, NamesThePositionInTheValue) {
  EXPECT_EQ(CheckProfileSelector("div >> a @href", true), "invalid selector at 6: unexpected '>'");
  EXPECT_EQ(CheckProfileSelector("   ", true), "invalid selector at 1: expected a selector");
  EXPECT_EQ(CheckProfileSelector("li @id", false), "invalid selector at 4: unexpected '@'");
}

TEST(ProfileSelectorCheck, ListsEveryBadKey) {
  ExtractionProfile profile;
  profile.title = "h1";
  profile.posting = "li @id";
  profile.url = "a[";
  EXPECT_EQ(ProfileErrors(profile),
            (Strings{"posting: invalid selector at 4: unexpected '@'",
                     "url: invalid selector at 3: expected an attribute name"}));
}

}  // namespace
}  // namespace jobcrawler::parsers
