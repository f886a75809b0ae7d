#include "parsers/extract/page_extractor.h"

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


// ---- Pagination, profiles and fallbacks ----

TEST(PageExtractor, FindsNextPageByAnchorText) {
  const PageExtraction page = ExtractPage(Fixture("pagination_weiter.html"));
  EXPECT_EQ(page.next_pages, Strings{"?page=3"});
  EXPECT_EQ(page.links, (Strings{"/job/1", "?page=1", "?page=3"}));
}

TEST(PageExtractor, FindsNextPageByLoneArrowButNotDoubleArrowOrLookalikes) {
  const PageExtraction page = ExtractPage(Fixture("pagination_guillemet.html"));
  EXPECT_EQ(page.next_pages, Strings{"/jobs/seite-3"});
}

TEST(PageExtractor, FindsNextPageByRelNext) {
  const PageExtraction page = ExtractPage(Fixture("pagination_rel_next.html"));
  EXPECT_EQ(page.next_pages, (Strings{"/stellen/?p=2", "/stellen/?p=2&sort=date"}));
}

TEST(PageExtractor, FindsNextPageByAriaLabel) {
  const PageExtraction page = ExtractPage(Fixture("pagination_aria_label.html"));
  EXPECT_EQ(page.next_pages, (Strings{"/stellen?p=3", "/stellen?p=3&alt=1"}));
}

TEST(PageExtractor, ExistingListingReportsItsRelNextPage) {
  const PageExtraction page = ExtractPage(Fixture("listing_with_pagination.html"));
  EXPECT_EQ(page.next_pages, Strings{"/suche?q=it-leitung&ort=hagen&seite=3"});
}

TEST(PageExtractor, NextPageTextIsReadOnlyNearTheAnchor) {
  std::string html = "<a href=/p2><b>";
  for (int i = 0; i < 20; ++i) html += "<span>";
  html += "Weiter</b></a>";
  EXPECT_TRUE(ExtractPage(html).next_pages.empty());
  EXPECT_EQ(ExtractPage("<a href=/p2><span><i></i>Weiter</span></a>").next_pages, Strings{"/p2"});
}

TEST(PageExtractor, ReadsArrowAndWordVariantsOfNext) {
  for (std::string_view text : {"&gt;", "→", "Nächste Seite", "NÄCHSTE", "next page", "Next ›",
                                "weiter &raquo;"}) {
    EXPECT_EQ(ExtractPage("<a href=/p2>" + std::string(text) + "</a>").next_pages, Strings{"/p2"})
        << text;
  }
  for (std::string_view text : {"&gt;&gt;", "«", "Weiterlesen", "weitere Jobs", "2", ""}) {
    EXPECT_TRUE(ExtractPage("<a href=/p2>" + std::string(text) + "</a>").next_pages.empty())
        << text;
  }
  EXPECT_TRUE(ExtractPage("<a href='#' rel=next>Weiter</a>").next_pages.empty());
}

TEST(PageExtractor, AppliesProfileWhenThePageHasNoStructuredData) {
  ExtractionProfile profile;
  profile.posting = "#jobs > .job-card";
  profile.title = "h3";
  profile.url = "a.job-link @href";
  profile.links = "a.job-link";
  profile.next_page = ".pager .more @data-href";
  const PageExtraction page = ExtractPage(Fixture("listing_with_profile.html"),
                                          {.profile = &profile, .today = "2026-11-20"});
  ASSERT_EQ(page.postings.size(), 2u);
  EXPECT_EQ(page.postings[0].format, PostingFormat::kHtmlProfile);
  // The profile's next page replaces the "Weiter" anchor's.
  EXPECT_EQ(page.next_pages, Strings{"/stellen?seite=2"});
  EXPECT_EQ(page.links, (Strings{"/", "/stellen/it-leiter-4711", "/stellen/cio-4712",
                                 "/stellen?seite=9", "/stellen?seite=2"}));
  EXPECT_TRUE(page.diagnostics.empty());
}

TEST(PageExtractor, ProfileWithoutNextPageKeepsGenericPagination) {
  ExtractionProfile profile;
  profile.title = "h3";
  const PageExtraction page =
      ExtractPage(Fixture("listing_with_profile.html"), {.profile = &profile, .today = ""});
  EXPECT_EQ(page.next_pages, Strings{"/stellen?seite=9"});
}

TEST(PageExtractor, StructuredDataBeatsTheProfile) {
  ExtractionProfile profile;
  profile.title = "h1";
  const PageExtraction page = ExtractPage(Fixture("career_page_microdata.html"),
                                          {.profile = &profile, .today = "2026-11-20"});
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].format, PostingFormat::kMicrodata);
}

TEST(PageExtractor, ReportsUnusableProfileSelectors) {
  ExtractionProfile profile;
  profile.title = "h1 >";
  const PageExtraction page = ExtractPage("<h1>CIO</h1>", {.profile = &profile, .today = ""});
  EXPECT_TRUE(page.postings.empty());
  EXPECT_EQ(page.diagnostics,
            Strings{"profile title: invalid selector at 5: expected a selector"});
}

TEST(PageExtractor, FallsBackToMetaTagsLast) {
  const PageExtraction ad = ExtractPage(Fixture("opengraph_job_ad.html"));
  ASSERT_EQ(ad.postings.size(), 1u);
  EXPECT_EQ(ad.postings[0].format, PostingFormat::kMeta);
  EXPECT_TRUE(ExtractPage(Fixture("opengraph_home_page.html")).postings.empty());
  EXPECT_TRUE(ExtractPage(Fixture("opengraph_listing_page.html")).postings.empty());
}

TEST(PageExtractor, ReadsOneJobAdWithoutStructuredData) {
  const PageExtraction page = ExtractPage(
      Fixture("career_page_no_structured_data.html"), {.profile = nullptr, .today = "2026-11-20"});
  ASSERT_EQ(page.postings.size(), 1u) << page.ad_verdict;
  EXPECT_EQ(page.ad_verdict, "one job ad (title, tasks, apply)");
  const Posting& posting = page.postings[0];
  EXPECT_EQ(posting.format, PostingFormat::kHtmlGeneric);
  EXPECT_EQ(posting.title, "Leitung des Fachbereichs IT und Digitalisierung (m/w/d)");
  EXPECT_EQ(posting.company, "Stadt Hagen");
  EXPECT_EQ(posting.locality, "Hagen");
  EXPECT_EQ(posting.postal_code, "58095");
  EXPECT_EQ(posting.salary_max, 8200);
  EXPECT_EQ(posting.salary_currency, "EUR");
  EXPECT_EQ(posting.salary_period, "MONTH");
  EXPECT_EQ(posting.employment_type, "FULL_TIME");
  EXPECT_EQ(posting.date_posted, "2026-11-02");
  EXPECT_EQ(posting.valid_through, "2026-11-30");
  EXPECT_EQ(posting.remote, "hybrid");
  EXPECT_EQ(posting.url, "https://www.hagen.example/karriere/stellen/2026-114");
  EXPECT_NE(posting.description.find("Sie leiten den Fachbereich mit 45 Beschäftigten."),
            std::string::npos);
}

TEST(PageExtractor, ListingPagesYieldNoGenericPosting) {
  for (const char* name : {"listing_with_pagination.html", "listing_with_profile.html",
                           "opengraph_home_page.html", "pagination_weiter.html"}) {
    EXPECT_TRUE(ExtractPage(Fixture(name)).postings.empty()) << name;
  }
}

TEST(PageExtractor, DropsPlaceholderSalariesWithADiagnostic) {
  const PageExtraction page = ExtractPage(JsonLdScript(
      R"({"@type": "JobPosting", "title": "CIO", "baseSalary": {"currency": "EUR",
          "value": {"minValue": 1, "maxValue": 1000000, "unitText": "YEAR"}}})"));
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_FALSE(page.postings[0].salary_min);
  EXPECT_FALSE(page.postings[0].salary_max);
  EXPECT_EQ(page.postings[0].salary_currency, "");
  EXPECT_EQ(page.diagnostics,
            Strings{"posting \"CIO\": salary 1\xE2\x80\x93" "1000000 EUR/YEAR dropped as a "
                    "placeholder (an amount of 1)"});
}

TEST(PageExtractor, MetaFallbackSkipsPagesThatPaginate) {
  const std::string ad =
      "<title>CIO (m/w/d)</title><meta name=description content=x>";
  EXPECT_EQ(ExtractPage(ad).postings.size(), 1u);
  EXPECT_TRUE(ExtractPage(ad + "<a href=/p2>Weiter</a>").postings.empty());
}

TEST(PageExtractor, SignatureChangesWithPostingsAndLinksOnly) {
  const std::string a = ExtractPage("<p>x</p><a href=/1>1</a>").page_signature;
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a, ExtractPage("<div>other text</div><a href=/1>eins</a>").page_signature);
  EXPECT_NE(a, ExtractPage("<a href=/2>1</a>").page_signature);
  EXPECT_NE(ExtractPage("<a href=/ab>1</a><a href=/c>1</a>").page_signature,
            ExtractPage("<a href=/a>1</a><a href=/bc>1</a>").page_signature);
  EXPECT_NE(ExtractPage(JsonLdScript(R"({"@type": "JobPosting", "title": "A"})")).page_signature,
            ExtractPage(JsonLdScript(R"({"@type": "JobPosting", "title": "B"})")).page_signature);
  // The next-page link does not count, and a page with nothing else has none.
  EXPECT_EQ(ExtractPage("<a href=/job/1>J</a><a href=/?seite=2>Weiter</a>").page_signature,
            ExtractPage("<a href=/job/1>J</a><a href=/?seite=3>Weiter</a>").page_signature);
  EXPECT_EQ(ExtractPage("<a href=/?seite=3>Weiter</a>").page_signature, "");
}

// Regression: a listing of unclosed anchors was cut at about a thousand
// links, silently.
TEST(PageExtractor, ReadsEveryLinkOfAListingWithUnclosedAnchors) {
  std::string html = "<!doctype html><html><body><ul>";
  for (int i = 0; i < 3000; ++i) html += "<li><a href=\"/jobs/" + std::to_string(i) + "\">Job";
  const PageExtraction page = ExtractPage(html);
  EXPECT_EQ(page.links.size(), 3000u);
  EXPECT_EQ(page.nesting_cut, "");
}

TEST(PageExtractor, SaysWhenAPageWasCutForNestingTooDeeply) {
  std::string html = "<html><body><a href=/first>1</a>";
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += "<a href=/deep>2</a>";
  const PageExtraction page = ExtractPage(html);
  EXPECT_EQ(page.links, Strings{"/first"});
  EXPECT_NE(page.nesting_cut.find("nests elements too deeply"), std::string::npos);
  EXPECT_NE(page.nesting_cut.find(" of " + std::to_string(html.size()) + " bytes"),
            std::string::npos)
      << page.nesting_cut;
}

}  // namespace
}  // namespace jobcrawler::parsers
