#include "parsers/extract/meta_extractor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace jobcrawler::parsers {
namespace {

std::string Fixture(std::string_view name) {
  const std::string path = std::string(JOBCRAWLER_TEST_DATA_DIR) + "/parsers/" + std::string(name);
  std::ifstream file(path, std::ios::binary);
  EXPECT_TRUE(file.good()) << "cannot open " << path;
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

std::optional<Posting> Extract(std::string_view html) {
  return ExtractMetaPosting(HtmlDocument(html), "2026-11-20");
}

// A page with `title` as og:title, a description and `url` as og:url.
std::string Page(std::string_view title, std::string_view url = "https://a.example/") {
  return "<meta property=og:title content=\"" + std::string(title) +
         "\"><meta name=description content=\"Text\"><meta property=og:url content=\"" +
         std::string(url) + "\">";
}

TEST(MetaExtractor, ReadsOpenGraphOnlyJobAd) {
  const std::optional<Posting> posting = Extract(Fixture("opengraph_job_ad.html"));
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "IT-Leiter (m/w/d)");
  EXPECT_EQ(posting->description,
            "Führen Sie unser IT-Team in Hagen. Hybrides Arbeiten möglich, 30 Tage Urlaub.");
  EXPECT_EQ(posting->company, "Volme Logistik GmbH");
  EXPECT_EQ(posting->url, "https://karriere.volme-logistik.example/jobs/it-leiter-hagen");
  EXPECT_EQ(posting->date_posted, "2026-11-12");
  EXPECT_EQ(posting->remote, "hybrid");
  EXPECT_EQ(posting->locality, "");
  EXPECT_EQ(posting->format, PostingFormat::kMeta);
}

TEST(MetaExtractor, HomePageWithOpenGraphYieldsNothing) {
  EXPECT_FALSE(Extract(Fixture("opengraph_home_page.html")));
}

TEST(MetaExtractor, SearchPageWithGenderMarkerYieldsNothing) {
  EXPECT_FALSE(Extract(Fixture("opengraph_listing_page.html")));
}

TEST(MetaExtractor, AcceptsTheUsualGenderMarkers) {
  for (std::string_view title :
       {"CIO (m/w/d)", "CIO (w/m/d)", "CIO (m/f/d)", "CIO (d/m/w)", "CIO (M/W/D)", "CIO (m|w|d)",
        "CIO (m / w / x)", "CIO (gn)", "CIO (all genders)", "CIO (m/w/divers)", "Leiter*in IT",
        "Leiter:in IT"}) {
    EXPECT_TRUE(Extract(Page(title))) << title;
  }
}

TEST(MetaExtractor, IgnoresParenthesesThatAreNotGenderMarkers) {
  for (std::string_view title : {"Über uns (Hagen)", "IT (m)", "Logistik (a/b/c)", "(m/w/d"}) {
    EXPECT_FALSE(Extract(Page(title))) << title;
  }
}

TEST(MetaExtractor, StellenangebotNeedsAJobPath) {
  EXPECT_TRUE(Extract(Page("Stellenangebot: CIO", "https://a.example/karriere/cio")));
  EXPECT_FALSE(Extract(Page("Stellenangebot: CIO", "https://a.example/news/cio")));
  EXPECT_FALSE(Extract(Page("Stellenangebote", "https://a.example/jobs/")));
}

TEST(MetaExtractor, NeedsTitleAndDescription) {
  EXPECT_FALSE(Extract("<title>CIO (m/w/d)</title>"));
  EXPECT_FALSE(Extract("<meta name=description content=\"CIO (m/w/d)\">"));
  EXPECT_FALSE(Extract("<title>CIO (m/w/d)</title><meta name=description content=\" \">"));
  const std::optional<Posting> posting =
      Extract("<title>CIO (m/w/d) | Firma</title><meta name=description content=\"Text\">");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->title, "CIO (m/w/d)");
}

TEST(MetaExtractor, FallsBackToCanonicalForTheUrl) {
  const std::optional<Posting> posting = Extract(
      "<title>CIO (m/w/d)</title><meta name=description content=x><link rel=canonical href=/cio>");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->url, "/cio");
}

TEST(MetaExtractor, FillsCompanyPlaceAndEmploymentTypeWhereThePageStatesThem) {
  const std::optional<Posting> posting = Extract(
      "<title>IT-Leiter (m/w/d) | Muster Logistik GmbH</title>"
      "<meta name=description content=\"Für unseren Standort in 58095 Hagen suchen wir in "
      "Vollzeit einen IT-Leiter.\">");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->company, "Muster Logistik GmbH");
  EXPECT_EQ(posting->postal_code, "58095");
  EXPECT_EQ(posting->locality, "Hagen");
  EXPECT_EQ(posting->employment_type, "FULL_TIME");
}

TEST(MetaExtractor, ReadsOpenGraphPlaceProperties) {
  const std::optional<Posting> posting = Extract(
      "<meta property=og:title content=\"CIO (m/w/d)\"><meta name=description content=x>"
      "<meta property=og:locality content=Hagen><meta property=og:postal-code content=58095>"
      "<meta property=og:country-name content=Germany>");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->locality, "Hagen");
  EXPECT_EQ(posting->postal_code, "58095");
  EXPECT_EQ(posting->country, "DE");
}

TEST(MetaExtractor, OurChoiceReadsNoBareTownFromTheTitle) {
  const std::optional<Posting> posting =
      Extract("<title>IT-Leiter (m/w/d) in Hagen</title><meta name=description content=x>");
  ASSERT_TRUE(posting);
  EXPECT_EQ(posting->locality, "");
}

}  // namespace
}  // namespace jobcrawler::parsers
