#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/feeds/feed.h"
#include "parsers/match/matcher.h"
#include "tests/parsers/feeds/feed_fixtures.h"

namespace jobcrawler::parsers {
namespace {

using testing::HasDiagnostic;
using testing::ReadFeedFixture;
using testing::Titles;
using Strings = std::vector<std::string>;

constexpr std::string_view kFeedUrl = "https://volmetal.jobs.personio.de/xml?language=de";

FeedPage ParsePersonio(std::string_view body, const FeedOptions& options = {},
                       std::string_view url = kFeedUrl) {
  return ParseFeed(FeedType::kPersonio, body, url, options);
}

FeedPage ParseFixture(std::string_view name, const FeedOptions& options = {}) {
  return ParsePersonio(ReadFeedFixture(name), options);
}

TEST(Personio, ReadsPositions) {
  const FeedPage page = ParseFixture("personio_hagen.xml");
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_EQ(page.paging.listed, 6u);
  EXPECT_EQ(Titles(page), (Strings{"IT-Leiter (m/w/d)", "Head of IT (m/w/d)",
                                   "Leitung IT & Digitalisierung (m/w/d)",
                                   "IT-Leiterin / IT-Leiter", "Werkstudent IT-Support (m/w/d)"}));
  EXPECT_TRUE(HasDiagnostic(page, "entry 6 skipped: no id"));
}

TEST(Personio, JobPageIsDerivedFromTheFeedHost) {
  const FeedPage page = ParseFixture("personio_hagen.xml");
  ASSERT_FALSE(page.postings.empty());
  EXPECT_EQ(page.postings[0].posting.url, "https://volmetal.jobs.personio.de/job/1700101");
  EXPECT_EQ(page.postings[0].posting.identifier, "1700101");
  const FeedPage com = ParsePersonio(ReadFeedFixture("personio_hagen.xml"), {},
                                     "https://volmetal.jobs.personio.com/xml");
  EXPECT_EQ(com.postings[0].posting.url, "https://volmetal.jobs.personio.com/job/1700101");
  const FeedPage local =
      ParsePersonio(ReadFeedFixture("personio_hagen.xml"), {}, "http://127.0.0.1:8080/xml");
  EXPECT_EQ(local.postings[0].posting.url, "http://127.0.0.1:8080/job/1700101");
}

TEST(Personio, NormalisesTheFirstPosition) {
  const FeedPage page = ParseFixture("personio_hagen.xml");
  ASSERT_FALSE(page.postings.empty());
  const Posting& p = page.postings[0].posting;
  EXPECT_EQ(p.company, "Volmetal Maschinenbau GmbH");
  EXPECT_EQ(p.locality, "Hagen");
  EXPECT_EQ(p.employment_type, "FULL_TIME");
  EXPECT_EQ(p.date_posted, "2026-11-02");
  EXPECT_EQ(p.description,
            "Ihre Aufgaben Sie verantworten Betrieb & Weiterentwicklung unserer IT. Sie führen ein "
            "Team von sechs Mitarbeitenden. Ihr Profil Mehrjährige Führungserfahrung in der IT. "
            "Homeoffice ist nach Absprache möglich.");
  EXPECT_EQ(p.remote, "hybrid");  // from the description
}

TEST(Personio, MapsScheduleAndEmploymentType) {
  const FeedPage page = ParseFixture("personio_hagen.xml");
  ASSERT_EQ(page.postings.size(), 5u);
  EXPECT_EQ(page.postings[1].posting.employment_type, "FULL_TIME,PART_TIME");  // full-or-part-time
  EXPECT_EQ(page.postings[3].posting.employment_type, "PART_TIME");
  EXPECT_EQ(page.postings[4].posting.employment_type, "PART_TIME,INTERN");
  EXPECT_EQ(page.postings[3].posting.date_posted, "2026-10-26");
}

TEST(Personio, AdditionalOfficesBecomeOtherPlaces) {
  const FeedPage page = ParseFixture("personio_hagen.xml");
  ASSERT_EQ(page.postings.size(), 5u);
  const FeedPosting& copenhagen = page.postings[2];
  EXPECT_EQ(copenhagen.posting.locality, "Kopenhagen");
  ASSERT_EQ(copenhagen.other_places.size(), 1u);  // the repeated main office is left out
  EXPECT_EQ(copenhagen.other_places[0].locality, "Hagen");
}

TEST(Personio, OfficesInConfusableTownsKeepTheirNames) {
  const FeedPage page = ParseFixture("personio_hagen.xml");
  ASSERT_EQ(page.postings.size(), 5u);
  std::vector<std::string> localities;
  for (const FeedPosting& posting : page.postings) localities.push_back(posting.posting.locality);
  EXPECT_EQ(localities, (Strings{"Hagen", "Hagenow", "Kopenhagen", "Hagen im Bremischen",
                                 "Hagen-Hohenlimburg"}));
  // With the default rules only the jobs in Hagen itself are in the region.
  const Matcher matcher{MatchRules{}};
  std::vector<bool> in_region;
  for (const FeedPosting& posting : page.postings) {
    in_region.push_back(matcher.RegionMatches(posting.posting));
  }
  EXPECT_EQ(in_region, (std::vector<bool>{true, false, false, false, true}));
  EXPECT_TRUE(matcher.Match(page.postings[0].posting).matched());
  EXPECT_FALSE(matcher.Match(page.postings[4].posting).matched());  // a student job
}

TEST(Personio, CompanyOptionFillsPositionsWithoutSubcompany) {
  FeedOptions options;
  options.company = "Volmetal Gruppe";
  const FeedPage page = ParseFixture("personio_hagen.xml", options);
  ASSERT_EQ(page.postings.size(), 5u);
  EXPECT_EQ(page.postings[0].posting.company, "Volmetal Maschinenbau GmbH");
  EXPECT_EQ(page.postings[1].posting.company, "Volmetal Gruppe");
  EXPECT_EQ(ParseFixture("personio_hagen.xml").postings[1].posting.company, "");
}

TEST(Personio, EmptyFeedIsEmpty) {
  const FeedPage page = ParseFixture("personio_empty.xml");
  EXPECT_EQ(page.shape, FeedShape::kEmpty);
  EXPECT_EQ(ParsePersonio("<workzag-jobs/>").shape, FeedShape::kEmpty);
}

TEST(Personio, HtmlPageOrOtherXmlIsUnknown) {
  const FeedPage page = ParseFixture("personio_not_a_feed.html");
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(page, "no <position> in <html>"));
  EXPECT_EQ(ParsePersonio("<rss><channel/></rss>").shape, FeedShape::kUnknown);
  EXPECT_EQ(ParsePersonio("").shape, FeedShape::kUnknown);
  EXPECT_EQ(ParsePersonio("{\"jobs\": []}").shape, FeedShape::kUnknown);
}

TEST(Personio, RecoversFromBrokenXml) {
  const FeedPage page = ParseFixture("personio_broken.xml");
  EXPECT_EQ(page.shape, FeedShape::kOk);
  ASSERT_EQ(page.postings.size(), 3u);
  EXPECT_EQ(page.postings[0].posting.title, "Leiter IT (m/w/d) &");  // &nbsp; and a stray &
  EXPECT_EQ(page.postings[1].posting.title, "Teamleiter IT-Infrastruktur & Netze (m/w/d)");
  EXPECT_EQ(page.postings[2].posting.title, "IT-Manager (m/w/d)");  // after the root closed
  EXPECT_TRUE(HasDiagnostic(page, "XML: line"));
}

TEST(Personio, DoesNotExpandEntitiesOrLoadAnything) {
  const std::string body = R"(<?xml version="1.0"?>
<!DOCTYPE workzag-jobs [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY secret SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/x.dtd">
]>
<workzag-jobs><position><id>1</id><office>Hagen</office>
<name>IT-Leiter &g;&secret;&remote;</name></position></workzag-jobs>)";
  const FeedPage page = ParsePersonio(body);
  ASSERT_EQ(page.postings.size(), 1u);
  EXPECT_EQ(page.postings[0].posting.title, "IT-Leiter &g;&secret;&remote;");
}

TEST(Personio, ReadsLatin1FeedAndReplacesInvalidUtf8) {
  const FeedPage latin1 = ParsePersonio(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><workzag-jobs><position><id>1</id>"
      "<office>L\xFC"
      "denscheid</office><name>IT-Leiter</name></position></workzag-jobs>");
  ASSERT_EQ(latin1.postings.size(), 1u);
  EXPECT_EQ(latin1.postings[0].posting.locality, "Lüdenscheid");
  const FeedPage invalid = ParsePersonio(
      "<workzag-jobs><position><id>1</id><office>Hagen</office><name>IT-Leiter \xC3\x28"
      "</name></position></workzag-jobs>");
  ASSERT_EQ(invalid.postings.size(), 1u);
  EXPECT_EQ(invalid.postings[0].posting.title, "IT-Leiter \uFFFD(");
}

TEST(Personio, FeedUrlThatIsNoHttpUrlGivesNoPostings) {
  const FeedPage page = ParsePersonio(ReadFeedFixture("personio_hagen.xml"), {}, "feed.xml");
  EXPECT_EQ(page.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(page, "no job page"));
}

}  // namespace
}  // namespace jobcrawler::parsers
