// Greenhouse and Lever, the two JSON ATS feeds.
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

constexpr std::string_view kGreenhouseUrl =
    "https://boards-api.greenhouse.io/v1/boards/ennepetalsoftware/jobs?content=true";
constexpr std::string_view kLeverUrl =
    "https://api.lever.co/v0/postings/sauerland-digital?mode=json&skip=0&limit=100";

FeedPage ParseGreenhouse(std::string_view body, const FeedOptions& options = {}) {
  return ParseFeed(FeedType::kGreenhouse, body, kGreenhouseUrl, options);
}

FeedPage ParseLever(std::string_view body, const FeedOptions& options = {},
                    std::string_view url = kLeverUrl) {
  return ParseFeed(FeedType::kLever, body, url, options);
}

TEST(Greenhouse, ReadsJobs) {
  const FeedPage page = ParseGreenhouse(ReadFeedFixture("greenhouse.json"));
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_EQ(page.paging.listed, 4u);
  EXPECT_EQ(page.paging.total, 4);
  EXPECT_EQ(Titles(page), (Strings{"Head of IT (m/w/d)", "IT Service Manager (m/w/d)",
                                   "Leiter Rechenzentrum (m/w/d)"}));
  EXPECT_TRUE(HasDiagnostic(page, "entry 4 skipped: no title"));
}

TEST(Greenhouse, NormalisesAJob) {
  const FeedPage page = ParseGreenhouse(ReadFeedFixture("greenhouse.json"));
  ASSERT_EQ(page.postings.size(), 3u);
  const Posting& p = page.postings[0].posting;
  EXPECT_EQ(p.url, "https://boards.greenhouse.io/ennepetalsoftware/jobs/4012345");
  EXPECT_EQ(p.identifier, "4012345");
  EXPECT_EQ(p.company, "Ennepetal Software GmbH");
  EXPECT_EQ(p.locality, "Hagen");
  EXPECT_EQ(p.country, "DE");
  EXPECT_EQ(p.date_posted, "2026-10-29");  // first_published before updated_at
  EXPECT_EQ(p.description,
            "Deine Aufgaben Du leitest unser IT-Team & die Infrastruktur. Hybrides Arbeiten ist "
            "bei uns selbstverständlich.");
  EXPECT_EQ(p.remote, "hybrid");
}

TEST(Greenhouse, ResolvesRelativeUrlsAndBuildsMissingOnesFromTheBoard) {
  const FeedPage page = ParseGreenhouse(ReadFeedFixture("greenhouse.json"));
  ASSERT_EQ(page.postings.size(), 3u);
  EXPECT_EQ(page.postings[1].posting.url,
            "https://boards-api.greenhouse.io/ennepetalsoftware/jobs/4012346");
  EXPECT_EQ(page.postings[1].posting.remote, "remote");  // "Remote - Germany"
  EXPECT_EQ(page.postings[1].posting.date_posted, "2026-11-04");
  EXPECT_EQ(page.postings[2].posting.url,
            "https://boards.greenhouse.io/ennepetalsoftware/jobs/4012347");
}

TEST(Greenhouse, EmptyBoardIsEmptyAndMissingBoardUnknown) {
  EXPECT_EQ(ParseGreenhouse(ReadFeedFixture("greenhouse_empty.json")).shape, FeedShape::kEmpty);
  const FeedPage missing = ParseGreenhouse(ReadFeedFixture("greenhouse_not_found.json"));
  EXPECT_EQ(missing.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(missing, "Job board not found"));
  EXPECT_EQ(ParseGreenhouse(R"({"jobs": "none"})").shape, FeedShape::kUnknown);
  EXPECT_EQ(ParseGreenhouse("[]").shape, FeedShape::kUnknown);
}

TEST(Greenhouse, CompanyOptionFillsJobsWithoutCompanyName) {
  FeedOptions options;
  options.company = "Ennepetal Software";
  const FeedPage page = ParseGreenhouse(ReadFeedFixture("greenhouse.json"), options);
  ASSERT_EQ(page.postings.size(), 3u);
  EXPECT_EQ(page.postings[0].posting.company, "Ennepetal Software GmbH");
  EXPECT_EQ(page.postings[1].posting.company, "Ennepetal Software");
}

TEST(Lever, ReadsPostings) {
  const FeedPage page = ParseLever(ReadFeedFixture("lever.json"));
  EXPECT_EQ(page.shape, FeedShape::kOk);
  EXPECT_EQ(page.paging.listed, 3u);
  EXPECT_EQ(Titles(page), (Strings{"Leiter IT (m/w/d)", "Assistenz der IT-Leitung"}));
  EXPECT_TRUE(HasDiagnostic(page, "entry 3 skipped: no hostedUrl"));
}

TEST(Lever, NormalisesAPosting) {
  const FeedPage page = ParseLever(ReadFeedFixture("lever.json"));
  ASSERT_EQ(page.postings.size(), 2u);
  const FeedPosting& first = page.postings[0];
  const Posting& p = first.posting;
  EXPECT_EQ(p.url, "https://jobs.lever.co/sauerland-digital/5e3b1c2a-7d44-4f0e-9a61-2b8c3d4e5f60");
  EXPECT_EQ(p.identifier, "5e3b1c2a-7d44-4f0e-9a61-2b8c3d4e5f60");
  EXPECT_EQ(p.locality, "Hagen");
  EXPECT_EQ(p.country, "DE");
  EXPECT_EQ(p.employment_type, "FULL_TIME");
  EXPECT_EQ(p.date_posted, "2026-11-01");  // createdAt 1793520000000 ms
  EXPECT_EQ(p.remote, "hybrid");
  EXPECT_EQ(p.salary_min, 90000);
  EXPECT_EQ(p.salary_max, 110000);
  EXPECT_EQ(p.salary_currency, "EUR");
  EXPECT_EQ(p.salary_period, "YEAR");
  EXPECT_EQ(p.description,
            "Wir suchen eine erfahrene Leitung für unsere IT. Deine Aufgaben Führung des "
            "IT-Teams Budgetverantwortung Bewirb dich bis Ende November.");
  ASSERT_EQ(first.other_places.size(), 1u);
  EXPECT_EQ(first.other_places[0].locality, "Wuppertal");
}

TEST(Lever, TakesWhatIsThere) {
  const FeedPage page = ParseLever(ReadFeedFixture("lever.json"));
  ASSERT_EQ(page.postings.size(), 2u);
  const Posting& p = page.postings[1].posting;
  EXPECT_EQ(p.date_posted, "2026-11-02");                     // createdAt as a string
  EXPECT_EQ(p.description, "Unterstützung des IT-Leiters.");  // from the HTML
  EXPECT_EQ(p.remote, "remote");                              // location "Remote"
  EXPECT_FALSE(p.salary_min.has_value());                     // no currency: nothing guessed
  EXPECT_EQ(p.employment_type, "PART_TIME");
}

TEST(Lever, ReportsWhetherAFullPageCameBack) {
  std::string full = "[";
  for (int i = 0; i < 3; ++i) {
    if (i > 0) full += ',';
    full += R"({"id":"p)" + std::to_string(i) +
            R"(","text":"Job","hostedUrl":"https://jobs.lever.co/x/p)" + std::to_string(i) +
            R"("})";
  }
  full += "]";
  const FeedPage page =
      ParseLever(full, {}, "https://api.lever.co/v0/postings/x?mode=json&limit=3");
  EXPECT_EQ(page.paging.limit, 3);
  EXPECT_TRUE(page.paging.full_page);
  const FeedPage short_page =
      ParseLever(full, {}, "https://api.lever.co/v0/postings/x?mode=json&limit=4");
  EXPECT_FALSE(short_page.paging.full_page);
  const FeedPage unlimited = ParseLever(full, {}, "https://api.lever.co/v0/postings/x?mode=json");
  EXPECT_FALSE(unlimited.paging.limit.has_value());
  EXPECT_FALSE(unlimited.paging.full_page);
}

TEST(Lever, EmptyArrayIsEmptyAndErrorObjectUnknown) {
  EXPECT_EQ(ParseLever("[]").shape, FeedShape::kEmpty);
  const FeedPage error = ParseLever(ReadFeedFixture("lever_error.json"));
  EXPECT_EQ(error.shape, FeedShape::kUnknown);
  EXPECT_TRUE(HasDiagnostic(error, "Lever says: Document not found"));
}

TEST(Lever, CompanyComesFromTheOption) {
  FeedOptions options;
  options.company = "Sauerland Digital GmbH";
  const FeedPage page = ParseLever(ReadFeedFixture("lever.json"), options);
  ASSERT_EQ(page.postings.size(), 2u);
  EXPECT_EQ(page.postings[0].posting.company, "Sauerland Digital GmbH");
}

}  // namespace
}  // namespace jobcrawler::parsers
