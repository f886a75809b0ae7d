#include "parsers/page_extractor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace jobcrawler::parsers {
namespace {

using Strings = std::vector<std::string>;

// The contents of tests/data/parsers/<name>; fails the test when unreadable.
std::string Fixture(std::string_view name) {
  const std::string path = std::string(JOBCRAWLER_TEST_DATA_DIR) + "/parsers/" + std::string(name);
  std::ifstream file(path, std::ios::binary);
  EXPECT_TRUE(file.good()) << "cannot open " << path;
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

std::string JsonLdScript(std::string_view body) {
  return "<script type=\"application/ld+json\">" + std::string(body) + "</script>";
}

TEST(PageExtractor, ReadsStepStoneLikeDetailPage) {
  const PageExtraction page = ExtractPage(Fixture("stepstone_like_detail.html"));
  EXPECT_EQ(page.title, "IT-Leiter (m/w/d) - Hagen - Stadtwerke Hagen GmbH | Jobbörse Beispiel");
  EXPECT_EQ(page.base_href, "https://www.jobboerse.example/");
  EXPECT_EQ(
      page.canonical,
      "https://www.jobboerse.example/stellenangebote--IT-Leiter-m-w-d-Hagen--10442187-inline.html");
  EXPECT_EQ(page.json_ld_blocks, 2);
  EXPECT_EQ(page.json_ld_errors, 0);
  EXPECT_EQ(page.diagnostics, Strings{"JSON-LD block 2: repaired (removed trailing commas)"});
  ASSERT_EQ(page.postings.size(), 1u);
  const Posting& posting = page.postings[0];
  EXPECT_EQ(posting.title, "IT-Leiter (m/w/d)");
  EXPECT_EQ(posting.company, "Stadtwerke Hagen GmbH");
  EXPECT_EQ(posting.description,
            "Ihre Aufgaben Leitung der IT-Abteilung mit 14 Mitarbeitenden Verantwortung für "
            "Budget & Strategie Wir freuen uns auf Ihre Bewerbung!");
  EXPECT_EQ(posting.street, "Körnerstraße 40");
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.postal_code, "58095");
  EXPECT_EQ(posting.region, "Nordrhein-Westfalen");
  EXPECT_EQ(posting.country, "DE");
  EXPECT_EQ(posting.salary_min, 85000);
  EXPECT_EQ(posting.salary_max, 98000);
  EXPECT_EQ(posting.salary_currency, "EUR");
  EXPECT_EQ(posting.salary_period, "YEAR");
  EXPECT_EQ(posting.employment_type, "FULL_TIME");
  EXPECT_EQ(posting.remote, "");
  EXPECT_EQ(posting.date_posted, "2026-11-20");
  EXPECT_EQ(posting.valid_through, "2027-01-31");
  EXPECT_EQ(posting.url, page.canonical);
  EXPECT_EQ(posting.identifier, "10442187");
  EXPECT_EQ(posting.format, PostingFormat::kJsonLd);
}

TEST(PageExtractor, CollectsFollowableLinksInDocumentOrderWithoutDuplicates) {
  const PageExtraction page = ExtractPage(Fixture("stepstone_like_detail.html"));
  EXPECT_EQ(page.links,
            (Strings{"/", "/login", "/jobs/it-leiter?ort=hagen&umkreis=30", "/region/hagen"}));
}

TEST(PageExtractor, ReadsCareerPageWithMicrodataOnly) {
  const PageExtraction page = ExtractPage(Fixture("career_page_microdata.html"));
  EXPECT_EQ(page.json_ld_blocks, 0);
  ASSERT_EQ(page.postings.size(), 1u);
  const Posting& posting = page.postings[0];
  EXPECT_EQ(posting.title, "Head of IT (m/w/d)");
  EXPECT_EQ(posting.company, "Maschinenbau Volmetal GmbH");
  EXPECT_EQ(posting.description,
            "Das erwartet Sie Sie verantworten die gesamte IT & OT unseres Standorts. "
            "SAP S/4HANA-Einführung Informationssicherheit nach ISO 27001");
  EXPECT_EQ(posting.street, "Volmestraße 12");
  EXPECT_EQ(posting.locality, "Hagen-Hohenlimburg");
  EXPECT_EQ(posting.postal_code, "58119");
  EXPECT_EQ(posting.region, "NRW");
  EXPECT_EQ(posting.country, "DE");
  EXPECT_EQ(posting.salary_min, 7000);
  EXPECT_EQ(posting.salary_max, 8500);
  EXPECT_EQ(posting.salary_currency, "EUR");
  EXPECT_EQ(posting.salary_period, "MONTH");
  EXPECT_EQ(posting.employment_type, "FULL_TIME");
  EXPECT_EQ(posting.remote, "");
  EXPECT_EQ(posting.date_posted, "2026-10-05");
  EXPECT_EQ(posting.valid_through, "2026-12-15");
  EXPECT_EQ(posting.url, "https://www.volmetal.example/karriere/head-of-it");
  EXPECT_EQ(posting.identifier, "VT-2026-031");
  EXPECT_EQ(posting.format, PostingFormat::kMicrodata);
  EXPECT_EQ(page.links,
            (Strings{"/karriere/", "/kontakt", "https://www.volmetal.example/karriere/head-of-it",
                     "/karriere/bewerben?stelle=VT-2026-031"}));
}

TEST(PageExtractor, ReadsListingPageLinksAndPagination) {
  const PageExtraction page = ExtractPage(Fixture("listing_with_pagination.html"));
  EXPECT_EQ(page.title, "IT-Leitung Jobs in Hagen – Seite 2 von 5");
  EXPECT_EQ(page.canonical, "https://jobs.ruhr.example/suche?q=it-leitung&ort=hagen&seite=2");
  EXPECT_EQ(page.base_href, "");
  EXPECT_EQ(page.links,
            (Strings{"/suche?q=it-leitung&ort=hagen&seite=3", "/stelle/4711", "/stelle/4712",
                     "/stelle/4711#bewerben", "/suche?q=it-leitung&ort=hagen&seite=1",
                     "/suche?q=it-leitung&ort=hagen&seite=5"}));
  EXPECT_TRUE(page.postings.empty());
  EXPECT_EQ(page.json_ld_blocks, 2);
  EXPECT_EQ(page.json_ld_errors, 1);
  ASSERT_EQ(page.diagnostics.size(), 2u);
  EXPECT_EQ(page.diagnostics[0],
            "JSON-LD block 1: repaired (stripped wrapper, removed trailing commas)");
  EXPECT_TRUE(page.diagnostics[1].starts_with("JSON-LD block 2: skipped, ")) << page.diagnostics[1];
}

TEST(PageExtractor, KeepsGoodBlocksWhenAnotherIsBroken) {
  const PageExtraction page =
      ExtractPage(JsonLdScript("{\"@type\": \"JobPosting\", \"title\": ") +
                  JsonLdScript(R"({"@type": "JobPosting", "title": "CIO"})"));
  EXPECT_EQ(page.json_ld_blocks, 2);
  EXPECT_EQ(page.json_ld_errors, 1);
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].title, "CIO");
}

TEST(PageExtractor, GathersPostingsFromSeveralBlocks) {
  const PageExtraction page =
      ExtractPage(JsonLdScript(R"({"@type": "JobPosting", "title": "A"})") + "<p>x</p>" +
                  JsonLdScript(R"([{"@type": "JobPosting", "title": "B"}])"));
  ASSERT_EQ(page.postings.size(), 2u);
  EXPECT_EQ(page.postings[1].title, "B");
}

TEST(PageExtractor, IgnoresScriptsOfOtherTypes) {
  const PageExtraction page = ExtractPage(
      R"(<script type="application/json">{"@type": "JobPosting", "title": "A"}</script>
         <script>{"@type": "JobPosting", "title": "B"}</script>)");
  EXPECT_EQ(page.json_ld_blocks, 0);
  EXPECT_TRUE(page.postings.empty());
}

TEST(PageExtractor, PrefersJsonLdOverMicrodata) {
  const PageExtraction page = ExtractPage(
      JsonLdScript(R"({"@type": "JobPosting", "title": "From JSON-LD"})") +
      R"(<div itemscope itemtype="http://schema.org/JobPosting"><b itemprop="title">From microdata</b></div>)");
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].title, "From JSON-LD");
}

TEST(PageExtractor, TakesFirstBaseCanonicalAndTitle) {
  const PageExtraction page = ExtractPage(
      R"(<base target="_blank"><base href="/a/"><base href="/b/"><link rel="canonical" href="/c1">
         <link rel="canonical" href="/c2"><title>Erster</title><title>Zweiter</title>)");
  EXPECT_EQ(page.base_href, "/a/");
  EXPECT_EQ(page.canonical, "/c1");
  EXPECT_EQ(page.title, "Erster");
}

TEST(PageExtractor, SkipsSvgLinksAndTitles) {
  const PageExtraction page = ExtractPage(R"(<svg><title>Icon</title><a href="/svg">x</a></svg>)");
  EXPECT_EQ(page.title, "");
  EXPECT_TRUE(page.links.empty());
}

TEST(PageExtractor, ReadsEmptyPage) {
  const PageExtraction page = ExtractPage("");
  EXPECT_TRUE(page.postings.empty());
  EXPECT_TRUE(page.links.empty());
  EXPECT_EQ(page.title, "");
  EXPECT_TRUE(page.diagnostics.empty());
}

TEST(PageExtractor, SurvivesBinaryGarbage) {
  std::string garbage;
  for (unsigned i = 0; i < 100000; ++i) garbage += static_cast<char>((i * 104729u + 7) % 256);
  const PageExtraction page = ExtractPage(garbage);
  EXPECT_TRUE(page.postings.empty());
}

TEST(PageExtractor, SurvivesHostileJsonLdNesting) {
  const PageExtraction page = ExtractPage(JsonLdScript(std::string(200000, '[')));
  EXPECT_EQ(page.json_ld_errors, 1);
  ASSERT_EQ(page.diagnostics.size(), 1u);
  EXPECT_EQ(page.diagnostics[0], "JSON-LD block 1: skipped, nested deeper than 64 levels");
}

TEST(PageExtractor, SurvivesDeeplyNestedHtml) {
  std::string html;
  for (int i = 0; i < 50000; ++i) html += "<div><a href=\"/x\">";
  const PageExtraction page = ExtractPage(html);
  EXPECT_EQ(page.links, Strings{"/x"});
}

TEST(PageExtractor, ReadsHugePageWithManyLinks) {
  std::string html = "<title>Viele</title>";
  for (int i = 0; i < 20000; ++i)
    html += "<li><a href=\"/stelle/" + std::to_string(i) + "\">Job</a></li>";
  const PageExtraction page = ExtractPage(html);
  EXPECT_EQ(page.links.size(), 20000u);
  EXPECT_EQ(page.title, "Viele");
}

}  // namespace
}  // namespace jobcrawler::parsers
