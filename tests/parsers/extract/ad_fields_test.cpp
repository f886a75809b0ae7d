// The field readers of generic and meta extraction (parsers/extract/ad_fields.h)
// and the outline they read (page_outline.h).
#include "parsers/extract/ad_fields.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/extract/ad_vocabulary.h"
#include "parsers/extract/page_outline.h"

namespace jobcrawler::parsers::internal {
namespace {

std::vector<std::string> Localities(std::string_view text) {
  std::vector<std::string> localities;
  for (const Place& place : PlacesInText(text)) {
    localities.push_back(place.postal_code + (place.postal_code.empty() ? "" : " ") +
                         place.locality);
  }
  return localities;
}

using Strings = std::vector<std::string>;

TEST(PlacesInText, ReadsPostalCodesWithTheirTowns) {
  EXPECT_EQ(Localities("Musterstraße 1, 58095 Hagen, Telefon 02331 1234"), Strings{"58095 Hagen"});
  EXPECT_EQ(Localities("D-58119 Hagen (Westf.) | Vollzeit"), Strings{"58119 Hagen"});
  EXPECT_EQ(Localities("in 58300 Wetter (Ruhr) suchen wir"), Strings{"58300 Wetter (Ruhr)"});
  EXPECT_EQ(Localities("Frankfurt: 60311 Frankfurt am Main, Zeil 5"),
            Strings{"60311 Frankfurt am Main"});
}

TEST(PlacesInText, ReadsTheJobsSite) {
  EXPECT_EQ(Localities("für unseren Standort Schwerte ab sofort"), Strings{"Schwerte"});
  EXPECT_EQ(Localities("am Standort in Iserlohn, direkt an der A46"), Strings{"Iserlohn"});
  EXPECT_EQ(Localities("in unserer Zentrale in Hagen-Haspe."), Strings{"Hagen-Haspe"});
  EXPECT_EQ(Localities("Einsatzort: 44135 Dortmund"), Strings{"44135 Dortmund"});
}

TEST(PlacesInText, OurChoiceReadsNoCountsAmountsOrProse) {
  EXPECT_TRUE(Localities("mit 12000 Mitarbeitenden weltweit").empty());
  EXPECT_TRUE(Localities("ein Gehalt von 65000 Euro im Jahr").empty());
  EXPECT_TRUE(Localities("Standort und Arbeitszeit sind flexibel").empty());
  EXPECT_TRUE(Localities("Kundennummer 123456 Hagen").empty()) << "six digits";
  EXPECT_TRUE(Localities("am Standort Vollzeit").empty());
  EXPECT_TRUE(Localities("").empty());
}

TEST(PlacesInText, StopsATownAtWordsThatEndIt) {
  EXPECT_EQ(Localities("58095 Hagen Vollzeit ab sofort"), Strings{"58095 Hagen"});
  EXPECT_EQ(Localities("58095 Hagen Deutschland"), Strings{"58095 Hagen"});
}

TEST(TitleSegments, SplitsAtTheSeparatorsTitlesUse) {
  EXPECT_EQ(TitleSegments("IT-Leiter (m/w/d) | Muster GmbH"),
            (Strings{"IT-Leiter (m/w/d)", "Muster GmbH"}));
  EXPECT_EQ(TitleSegments("IT-Leiter (m/w/d) \xE2\x80\x93 Hagen \xE2\x80\x93 Muster GmbH"),
            (Strings{"IT-Leiter (m/w/d)", "Hagen", "Muster GmbH"}));
  EXPECT_EQ(TitleSegments("IT-Leiter (m/w/d) bei Muster GmbH"),
            (Strings{"IT-Leiter (m/w/d)", "Muster GmbH"}));
  EXPECT_EQ(TitleSegments("Karriere bei Muster"), Strings{"Karriere bei Muster"});
}

TEST(CompanyFromTitle, PrefersASegmentWithALegalForm) {
  EXPECT_EQ(CompanyFromTitle("IT-Leiter (m/w/d) - Hagen - Lenne Armaturen GmbH | Jobbörse",
                             "IT-Leiter (m/w/d)", "Jobbörse", {}),
            "Lenne Armaturen GmbH");
  EXPECT_EQ(CompanyFromTitle("IT-Leiter (m/w/d) - Hagen - Stadtwerke Hagen | Jobbörse",
                             "IT-Leiter (m/w/d)", "Jobbörse", {ParsePlace("Hagen")}),
            "Stadtwerke Hagen")
      << "the segment that is neither the site, the job nor a place";
  EXPECT_EQ(CompanyFromTitle("IT-Leiter (m/w/d) | Stadtwerke Hagen", "IT-Leiter (m/w/d)", "", {}),
            "")
      << "without the site name, a plain segment may be the site itself";
}

TEST(CompanyInLine, ReadsTheNameWithItsLegalForm) {
  EXPECT_EQ(CompanyInLine("\xC2\xA9 2024-2026 Muster Logistik GmbH & Co. KG \xC2\xB7 Hauptstr. 1"),
            "Muster Logistik GmbH & Co. KG");
  EXPECT_EQ(CompanyInLine("Haspe IT-Service e.K. | Voerder Straße 80 | 58135 Hagen"),
            "Haspe IT-Service e.K.");
  EXPECT_EQ(CompanyInLine("Copyright 2026 Jugendwerk Ruhr e.V., Alleestraße 40"),
            "Jugendwerk Ruhr e.V.");
  EXPECT_EQ(CompanyInLine("Impressum | Datenschutz"), "");
}

TEST(CleanCompanyName, DropsLogoAndCareerWords) {
  EXPECT_EQ(CleanCompanyName("Logo der Stadtwerke Muster"), "Stadtwerke Muster");
  EXPECT_EQ(CleanCompanyName("Muster GmbH Karriere"), "Muster GmbH");
  EXPECT_EQ(CleanCompanyName("Startseite"), "");
  EXPECT_EQ(CleanCompanyName("Jobs"), "");
}

TEST(JobTitleEvidence, WeighsTitlesAsAReaderWould) {
  EXPECT_EQ(JobTitleEvidence("IT-Leiter (m/w/d)"), TitleEvidence::kStrong);
  EXPECT_EQ(JobTitleEvidence("Leiter*in IT-Betrieb"), TitleEvidence::kStrong);
  EXPECT_EQ(JobTitleEvidence("Stellenangebot: Leitung IT"), TitleEvidence::kStrong);
  EXPECT_EQ(JobTitleEvidence("Abteilungsleiter Informationstechnik"), TitleEvidence::kJobNoun);
  EXPECT_EQ(JobTitleEvidence("Senior DevOps Engineer"), TitleEvidence::kJobNoun);
  EXPECT_EQ(JobTitleEvidence("IT-Leiter Jobs in Hagen"), TitleEvidence::kNone);
  EXPECT_EQ(JobTitleEvidence("Was macht ein IT-Leiter?"), TitleEvidence::kNone);
  EXPECT_EQ(JobTitleEvidence("Stadtwerke suchen IT-Leiter"), TitleEvidence::kNone);
  EXPECT_EQ(JobTitleEvidence("Wir suchen einen IT-Leiter (m/w/d)"), TitleEvidence::kStrong);
  EXPECT_EQ(JobTitleEvidence("Über uns"), TitleEvidence::kNone);
}

TEST(SectionOf, ReadsTheHeadingsOfAnAd) {
  EXPECT_EQ(SectionOf("Ihre Aufgaben"), Section::kTasks);
  EXPECT_EQ(SectionOf("Deine Aufgaben:"), Section::kTasks);
  EXPECT_EQ(SectionOf("What you'll do"), Section::kTasks);
  EXPECT_EQ(SectionOf("Was sind Ihre Aufgaben?"), Section::kTasks);
  EXPECT_EQ(SectionOf("Das bringst du mit"), Section::kProfile);
  EXPECT_EQ(SectionOf("Requirements"), Section::kProfile);
  EXPECT_EQ(SectionOf("Ihre Vorteile bei uns"), Section::kOffer);
  EXPECT_EQ(SectionOf("Ihr Profil: Sie haben ein Studium abgeschlossen."), Section::kProfile);
  EXPECT_EQ(SectionOf("Aufgaben eines IT-Leiters"), Section::kNone);
  EXPECT_EQ(SectionOf("Unsere Aufgaben als Stadtwerk sind vielfältig"), Section::kNone);
}

TEST(IsApplyAction, ReadsApplyLinksButNotInitiativeOnes) {
  EXPECT_TRUE(IsApplyAction("Jetzt bewerben", "/x"));
  EXPECT_TRUE(IsApplyAction("Apply now", ""));
  EXPECT_TRUE(IsApplyAction("Weiter", "https://ats.example/job/1/apply"));
  EXPECT_TRUE(IsApplyAction("bewerbung@muster.example", "mailto:bewerbung@muster.example"));
  EXPECT_TRUE(IsApplyAction("info@muster.example", "mailto:info@muster.example?subject=Bewerbung"));
  EXPECT_FALSE(IsApplyAction("info@muster.example", "mailto:info@muster.example"));
  EXPECT_FALSE(IsApplyAction("Initiativbewerbung", "/bewerbung/initiativ"));
  EXPECT_FALSE(IsApplyAction("Bewerbungstipps", "/tipps"));
}

TEST(PageOutline, SplitsBlocksAndKnowsTheirZones) {
  const HtmlDocument document(
      "<header><nav><a href=/>Start</a></nav><h1>Titel</h1></header>"
      "<main><header><p>Kopf</p></header><p>a<b>b</b><br>c</p><footer>Teilen</footer></main>"
      "<aside>Kurzinfo</aside><footer>Impressum</footer>"
      "<div id=CybotCookiebotDialog><p>Cookies</p></div><script>var x;</script>");
  const PageOutline outline = ReadOutline(document);
  std::vector<std::pair<std::string, Zone>> blocks;
  for (const OutlineBlock& block : outline.blocks) blocks.emplace_back(block.text, block.zone);
  EXPECT_EQ(blocks, (std::vector<std::pair<std::string, Zone>>{{"Start", Zone::kNav},
                                                               {"Titel", Zone::kHeader},
                                                               {"Kopf", Zone::kMain},
                                                               {"ab", Zone::kMain},
                                                               {"c", Zone::kMain},
                                                               {"Teilen", Zone::kMain},
                                                               {"Kurzinfo", Zone::kAside},
                                                               {"Impressum", Zone::kFooter},
                                                               {"Cookies", Zone::kBanner}}));
  EXPECT_EQ(outline.blocks[1].heading, 1);
}

TEST(PageOutline, ReadsLinksLeadsHintsAndMetadata) {
  const HtmlDocument document(
      "<title>T</title><meta property=og:site_name content=\" Muster \"><link rel=canonical "
      "href=/c>"
      "<p><strong>Standort:</strong> Hagen</p><a href=/x>Jetzt <b>bewerben</b></a>"
      "<span class=\"job-location\">58095 Hagen</span><li><i class=\"icon-pin\"></i> Dortmund</li>"
      "<img class=logo alt=\"Muster GmbH\" src=/l.png><input type=submit value=\"Apply\">");
  const PageOutline outline = ReadOutline(document);
  EXPECT_EQ(outline.title, "T");
  EXPECT_EQ(outline.Meta("og:site_name"), "Muster");
  EXPECT_EQ(outline.canonical, "/c");
  EXPECT_EQ(outline.blocks[0].lead, "Standort:");
  ASSERT_EQ(outline.links.size(), 2u);
  EXPECT_EQ(outline.links[0].text, "Jetzt bewerben");
  EXPECT_TRUE(outline.links[1].button);
  ASSERT_EQ(outline.hinted.size(), 2u);
  EXPECT_EQ(outline.hinted[0].text, "58095 Hagen");
  EXPECT_EQ(outline.hinted[1].text, "Dortmund");
  EXPECT_EQ(outline.logo_alts, Strings{"Muster GmbH"});
}

TEST(PageOutline, CapsBlocksAndText) {
  std::string html;
  for (std::size_t i = 0; i < kMaxOutlineBlocks + 10; ++i) html += "<p>x</p>";
  const PageOutline outline = ReadOutline(HtmlDocument(html));
  EXPECT_EQ(outline.blocks.size(), kMaxOutlineBlocks);
  EXPECT_TRUE(outline.truncated);
  const PageOutline long_block =
      ReadOutline(HtmlDocument("<p>" + std::string(100000, 'y') + "</p>"));
  EXPECT_LE(long_block.blocks.front().text.size(), kMaxBlockBytes);
}

}  // namespace
}  // namespace jobcrawler::parsers::internal
