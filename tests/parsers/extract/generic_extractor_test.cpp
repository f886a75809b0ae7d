// ExtractGenericPosting and the job-ad rule of job_ad_detector.h, on small
// pages written for each rule (the labelled page set is page_eval_test.cpp).
#include "parsers/extract/generic_extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace jobcrawler::parsers {
namespace {

GenericExtraction Extract(const std::string& body, const std::string& head = "") {
  return ExtractGenericPosting(
      HtmlDocument("<html><head>" + head + "</head><body>" + body + "</body></html>"),
      "2026-11-20");
}

// A plain ad: title, the three usual sections and an apply link.
std::string Ad(const std::string& title, const std::string& extra = "") {
  return "<main><h1>" + title + "</h1>" + extra +
         "<h2>Ihre Aufgaben</h2><ul><li>Leitung der IT</li></ul>"
         "<h2>Ihr Profil</h2><ul><li>Studium</li></ul>"
         "<h2>Wir bieten</h2><ul><li>30 Tage Urlaub</li></ul>"
         "<a href=\"/bewerben\">Jetzt bewerben</a></main>";
}

TEST(GenericExtractor, ReadsAPlainAd) {
  const GenericExtraction e = Extract(Ad("IT-Leiter (m/w/d)", "<p>Standort: 58095 Hagen</p>"));
  ASSERT_TRUE(e.posting) << e.why;
  EXPECT_EQ(e.why, "one job ad (title, tasks, profile, offer, apply)");
  EXPECT_EQ(e.posting->title, "IT-Leiter (m/w/d)");
  EXPECT_EQ(e.posting->postal_code, "58095");
  EXPECT_EQ(e.posting->locality, "Hagen");
  EXPECT_EQ(e.posting->format, PostingFormat::kHtmlGeneric);
}

TEST(GenericExtractor, OurChoiceNeedsNoGenderTag) {
  EXPECT_TRUE(Extract(Ad("Systemadministrator")).posting);
  EXPECT_TRUE(Extract(Ad("Head of IT")).posting);
}

TEST(GenericExtractor, ReadsEnglishAds) {
  const GenericExtraction e = Extract(
      "<h1>Senior DevOps Engineer</h1><p>Location: Dortmund, Germany</p>"
      "<h2>Responsibilities</h2><p>Run our clusters.</p><h2>Requirements</h2><p>Kubernetes.</p>"
      "<h2>What we offer</h2><p>Salary range: EUR 75,000 - 92,000 per year</p>"
      "<a href=\"https://ats.example/apply\">Apply now</a>");
  ASSERT_TRUE(e.posting) << e.why;
  EXPECT_EQ(e.posting->locality, "Dortmund");
  EXPECT_EQ(e.posting->country, "DE");
  EXPECT_EQ(e.posting->salary_min, 75000);
  EXPECT_EQ(e.posting->salary_max, 92000);
  EXPECT_EQ(e.posting->salary_period, "YEAR");
}

TEST(GenericExtractor, NeedsAJobTitle) {
  const GenericExtraction e = Extract(Ad("Über uns"));
  EXPECT_FALSE(e.posting);
  EXPECT_EQ(e.why, "no job ad: no job title in the headings or the page title");
  EXPECT_FALSE(Extract(Ad("Stellenangebote")).posting) << "a listing's title";
  EXPECT_FALSE(Extract(Ad("Was macht ein IT-Leiter?")).posting) << "a question";
  EXPECT_FALSE(Extract(Ad("Stadtwerke suchen neuen IT-Leiter")).posting) << "a headline";
}

TEST(GenericExtractor, NeedsSectionsOrAnApplyAction) {
  EXPECT_FALSE(Extract("<h1>IT-Leiter (m/w/d)</h1><p>Text</p>").posting);
  EXPECT_FALSE(Extract("<h1>IT-Leiter</h1><h2>Ihre Aufgaben</h2><p>x</p>"
                       "<a href=/bewerben>Jetzt bewerben</a>")
                   .posting)
      << "a job noun alone needs tasks and profile, or an offer too";
  EXPECT_TRUE(Extract("<h1>IT-Leiter (m/w/d)</h1><h2>Ihre Aufgaben</h2><p>x</p>"
                      "<a href=/bewerben>Jetzt bewerben</a>")
                  .posting)
      << "a gender tag, tasks and an apply action";
  EXPECT_TRUE(Extract("<h1>Netzwerkadministrator</h1><p>Job-ID 4711</p><h2>Aufgaben</h2>"
                      "<p>Senden Sie Ihre Bewerbungsunterlagen an uns.</p>")
                  .posting)
      << "a job id makes the title strong; text asking for applications is an apply action";
}

TEST(GenericExtractor, AListingOfJobsYieldsNothing) {
  const std::string links =
      "<ul><li><a href=/a>IT-Leiter (m/w/d)</a></li><li><a href=/b>Lagerleiter (m/w/d)</a></li>"
      "<li><a href=/c>Buchhalter (m/w/d)</a></li></ul>";
  const GenericExtraction e = Extract(Ad("Teamleiter IT (m/w/d)", links));
  EXPECT_FALSE(e.posting);
  EXPECT_EQ(e.why, "no job ad: 3 links to other jobs");
}

TEST(GenericExtractor, OtherJobsAfterTheAdDoNotCount) {
  const std::string similar =
      "<h2>Ähnliche Stellen</h2><ul><li><a href=/a>IT-Leiter (m/w/d)</a></li>"
      "<li><a href=/b>Head of IT (m/w/d)</a></li><li><a href=/c>CIO (m/w/d)</a></li>"
      "<li><a href=/d>IT-Manager (m/w/d)</a></li></ul>";
  const GenericExtraction e = Extract(Ad("Teamleiter IT (m/w/d)") + similar);
  ASSERT_TRUE(e.posting) << e.why;
  EXPECT_EQ(e.posting->description.find("Head of IT"), std::string::npos);
}

TEST(GenericExtractor, SeveralAdsOnOnePageYieldNothing) {
  const GenericExtraction e = Extract(
      "<h1>Wir suchen Verstärkung!</h1><h2>Elektroniker (m/w/d)</h2><h3>Ihre Aufgaben</h3><p>a</p>"
      "<h3>Ihr Profil</h3><p>b</p><h2>Monteur (m/w/d)</h2><h3>Ihre Aufgaben</h3><p>c</p>");
  EXPECT_FALSE(e.posting);
  const GenericExtraction repeated =
      Extract(Ad("Elektroniker (m/w/d)") + "<h3>Ihre Aufgaben</h3><p>Kundendienst</p>");
  EXPECT_FALSE(repeated.posting);
  EXPECT_EQ(repeated.why, "no job ad: several ads on one page");
}

TEST(GenericExtractor, AnAdThatIsGoneYieldsNothing) {
  const GenericExtraction e = Extract(
      "<p>Diese Stellenanzeige ist leider nicht mehr verfügbar.</p>" + Ad("IT-Leiter (m/w/d)"));
  EXPECT_FALSE(e.posting);
  EXPECT_EQ(e.why, "no job ad: the page says the ad is gone");
}

TEST(GenericExtractor, IgnoresNavigationFooterAndCookieBanners) {
  const std::string page =
      "<nav><h1>CIO (m/w/d)</h1></nav><div class=\"cookie-banner\"><h1>Head of IT (m/w/d)</h1>"
      "<a href=/apply>Apply now</a></div><main><h1>Über uns</h1></main>"
      "<footer><h2>Ihre Aufgaben</h2><h2>Ihr Profil</h2></footer>";
  EXPECT_FALSE(Extract(page).posting);
}

TEST(GenericExtractor, TakesATitleAfterALabelHeading) {
  const GenericExtraction e = Extract(
      "<h1>Stellenangebot</h1><h2>Leitung IT (m/w/d)</h2><h3>Das erwartet Sie</h3><p>a</p>"
      "<h3>Das bringen Sie mit</h3><p>b</p>");
  ASSERT_TRUE(e.posting) << e.why;
  EXPECT_EQ(e.posting->title, "Leitung IT (m/w/d)");
}

TEST(GenericExtractor, ReadsTheCompanyFromLabelsMetadataAndFooter) {
  EXPECT_EQ(Extract(Ad("CIO (m/w/d)", "<dl><dt>Arbeitgeber</dt><dd>Stadt Hagen</dd></dl>"))
                .posting->company,
            "Stadt Hagen");
  EXPECT_EQ(Extract(Ad("CIO (m/w/d)"), "<title>CIO (m/w/d) | Muster Logistik GmbH</title>")
                .posting->company,
            "Muster Logistik GmbH");
  EXPECT_EQ(
      Extract(Ad("CIO (m/w/d)"), "<meta property=og:site_name content=\"Muster AG Karriere\">")
          .posting->company,
      "Muster AG");
  EXPECT_EQ(Extract(Ad("CIO (m/w/d)") + "<footer><p>© 2026 Muster Logistik GmbH & Co. KG · "
                                        "Hauptstr. 1 · 58095 Hagen</p></footer>")
                .posting->company,
            "Muster Logistik GmbH & Co. KG");
}

TEST(GenericExtractor, ReadsEveryPlaceAFactNames) {
  const GenericExtraction e = Extract(Ad(
      "IT-Koordinator (m/w/d)", "<p><strong>Standorte:</strong> Hagen, Dortmund und Bochum</p>"));
  ASSERT_TRUE(e.posting);
  EXPECT_EQ(e.posting->locality, "Hagen");
  ASSERT_EQ(e.posting->other_places.size(), 2u);
  EXPECT_EQ(e.posting->other_places[1].locality, "Bochum");
}

TEST(GenericExtractor, ReadsEmploymentTypeSalaryAndDatesFromFacts) {
  const GenericExtraction e =
      Extract(Ad("CIO (m/w/d)",
                 "<table><tr><th>Arbeitszeit</th><td>Teilzeit (30 Std.)</td></tr>"
                 "<tr><th>Vergütung</th><td>3.800 – 4.300 € brutto monatlich</td></tr>"
                 "<tr><th>Veröffentlicht</th><td>vor 3 Tagen</td></tr>"
                 "<tr><th>Bewerbungsfrist</th><td>12.12.2026</td></tr>"
                 "<tr><th>Kennziffer</th><td>34/2026</td></tr></table>"));
  ASSERT_TRUE(e.posting) << e.why;
  EXPECT_EQ(e.posting->employment_type, "PART_TIME");
  EXPECT_EQ(e.posting->salary_min, 3800);
  EXPECT_EQ(e.posting->salary_period, "MONTH");
  EXPECT_EQ(e.posting->date_posted, "2026-11-17");
  EXPECT_EQ(e.posting->valid_through, "2026-12-12");
  EXPECT_EQ(e.posting->identifier, "34/2026");
}

TEST(GenericExtractor, SurvivesHostileAndHugePages) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><b>";
  EXPECT_FALSE(Extract(deep + Ad("CIO (m/w/d)")).posting) << "cut for nesting too deeply";
  std::string wide = Ad("CIO (m/w/d)");
  for (int i = 0; i < 30000; ++i) wide += "<p>Ihre Aufgaben: x</p>";
  EXPECT_FALSE(Extract(wide).posting) << "the same section thousands of times";
  std::string links;
  for (int i = 0; i < 10000; ++i) links += "<a href=/j" + std::to_string(i) + ">CIO (m/w/d)</a>";
  EXPECT_FALSE(Extract(Ad("Head of IT (m/w/d)", links)).posting);
}

}  // namespace
}  // namespace jobcrawler::parsers
