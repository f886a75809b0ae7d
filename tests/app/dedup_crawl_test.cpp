// Cross-site deduplication end to end: the same jobs on two boards and the
// employer's own site, with the variations real sites show, crawled into one
// database. Exactly the right sightings merge; near-misses stay apart.
#include <algorithm>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/demo/http_server.h"
#include "crawler/crawler.h"
#include "storage/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;

// The description both boards copy from the employer (more than 50 words,
// so that the near-duplicate rung may use it).
constexpr char kDescription[] =
    "Die Märkische Stahlbau GmbH sucht zum nächstmöglichen Zeitpunkt eine erfahrene "
    "Führungskraft für ihre IT. Sie verantworten den Betrieb von Netzwerk, Servern und "
    "Arbeitsplätzen an drei Standorten, führen ein Team von acht Mitarbeitenden, steuern "
    "externe Dienstleister und entwickeln gemeinsam mit der Geschäftsführung die "
    "Digitalisierungsstrategie weiter. Sie bringen ein abgeschlossenes Studium der Informatik "
    "oder eine vergleichbare Qualifikation, mehrjährige Führungserfahrung und Freude an "
    "pragmatischen Lösungen mit. Wir bieten eine unbefristete Anstellung, flexible "
    "Arbeitszeiten, Homeoffice an zwei Tagen und ein attraktives Gehalt.";

struct Ad {
  std::string path;
  std::string title;
  std::string company;
  std::string identifier;  // may be empty
  std::string description;
  std::string posting_url;  // JSON-LD url, may be empty
};

std::string Page(const Ad& ad) {
  nlohmann::json posting = {{"@context", "https://schema.org"},
                            {"@type", "JobPosting"},
                            {"title", ad.title},
                            {"description", ad.description},
                            {"datePosted", "2026-11-20"},
                            {"hiringOrganization", {{"@type", "Organization"}, {"name", ad.company}}},
                            {"jobLocation",
                             {{"@type", "Place"},
                              {"address",
                               {{"@type", "PostalAddress"},
                                {"postalCode", "58095"},
                                {"addressLocality", "Hagen"},
                                {"addressCountry", "DE"}}}}}};
  if (!ad.identifier.empty()) posting["identifier"] = ad.identifier;
  if (!ad.posting_url.empty()) posting["url"] = ad.posting_url;
  return fmt::format(
      "<!doctype html><html><head><meta charset=\"utf-8\"><script type=\"application/ld+json\">"
      "{}</script></head><body><h1>{}</h1></body></html>",
      posting.dump(), ad.title);
}

// A site serving `ads` with a start page linking them all.
class Site {
 public:
  Site(std::string address, std::vector<Ad> ads)
      : ads_(std::move(ads)), server_(std::move(address), 0, [this](const HttpRequestInfo& r) {
          return Serve(r);
        }) {}
  std::string url() const { return server_.base_url() + "/"; }

 private:
  HttpReply Serve(const HttpRequestInfo& request) {
    if (request.target == "/robots.txt") return HttpReply::Text("", 404);
    if (request.target == "/") {
      std::string links;
      for (const Ad& ad : ads_) links += fmt::format("<a href=\"{}\">x</a>\n", ad.path);
      return HttpReply::Html("<html><body>" + links + "</body></html>");
    }
    for (const Ad& ad : ads_) {
      if (request.target == ad.path) return HttpReply::Html(Page(ad));
    }
    return HttpReply::Html("<html>nicht gefunden</html>", 404);
  }

  std::vector<Ad> ads_;
  HttpServer server_;
};

class DedupCrawlTest : public ::testing::Test {
 protected:
  DedupCrawlTest()
      : board_a_("127.0.0.1",
                 {{"/stellen/4711", "IT-Leiter (m/w/d)", "Märkische Stahlbau GmbH", "SA-4711",
                   kDescription, ""},
                  {"/stellen/4712", "Stellvertretender IT-Leiter (m/w/d)", "Märkische Stahlbau GmbH",
                   "SA-4712", kDescription, ""},
                  {"/stellen/4713", "IT-Leiter (m/w/d)", "Volmetal Armaturen GmbH", "SA-4713",
                   "Volmetal sucht eine IT-Leitung für den Standort Hagen.", ""}}),
        // Board B copies the ad without an id, with another gender tag and
        // the company's full legal form: the title/company/place key joins it.
        board_b_("127.0.0.2",
                 {{"/job/it-leiter-hagen", "IT-Leiter (w/m/d)", "Märkische Stahlbau GmbH & Co. KG", "",
                   kDescription, ""},
                  {"/job/stv-it-leiter", "Stellv. IT-Leiter (w/m/d)", "Märkische Stahlbau GmbH & Co. KG", "",
                   kDescription, ""}}),
        // The employer words the title differently; only the description
        // (the same ad, a contact line added) can tell it is the same job.
        employer_("127.0.0.3",
                  {{"/karriere/leitung-it", "Leitung IT (m/w/d) – Standort Hagen", "Märkische Stahlbau",
                    "", std::string(kDescription) + " Ansprechpartnerin: Frau Sommer.", ""}}) {
    config_.crawler.per_host_delay_ms = 0;
    config_.crawler.per_host_concurrency = 4;
    config_.sources = {{.name = "board-a", .start_urls = {board_a_.url()}, .follow = {}},
                       {.name = "board-b", .start_urls = {board_b_.url()}, .follow = {}},
                       {.name = "employer", .start_urls = {employer_.url()}, .follow = {}}};
  }

  std::vector<storage::PostingRow> CrawlAndList() {
    auto store = storage::SqliteStore::Open(dir_.File("jobs.db"));
    EXPECT_TRUE(store.ok()) << store.status().message();
    parsers::Matcher matcher(config_.match);
    crawler::Crawler crawler(config_.crawler, config_.sources, *store.value(), matcher);
    crawler::CrawlLimits limits;
    limits.handle_signals = false;
    EXPECT_EQ(crawler.Run(limits).status, storage::RunStatus::kCompleted);
    auto rows = store.value()->ListPostings({});
    EXPECT_TRUE(rows.ok());
    return rows.value();
  }

  static std::map<std::string, const storage::PostingRow*> ByUrlPath(
      const std::vector<storage::PostingRow>& rows) {
    std::map<std::string, const storage::PostingRow*> by_path;
    for (const auto& row : rows) {
      std::vector<std::string> urls = row.also_seen_at;
      urls.push_back(row.url);
      for (const std::string& url : urls) by_path[url.substr(url.find('/', 8))] = &row;
    }
    return by_path;
  }

  testing::TempDir dir_;
  Site board_a_;
  Site board_b_;
  Site employer_;
  Config config_;
};

TEST_F(DedupCrawlTest, TheSameJobOnThreeSitesIsOnePostingWithEveryPlaceItWasSeen) {
  auto rows = CrawlAndList();
  auto by_path = ByUrlPath(rows);
  const storage::PostingRow* lead = by_path.at("/stellen/4711");
  EXPECT_EQ(by_path.at("/job/it-leiter-hagen"), lead) << "joined by title, company and place";
  EXPECT_EQ(by_path.at("/karriere/leitung-it"), lead) << "joined by the near-identical description";
  EXPECT_EQ(lead->also_seen_at.size(), 2u);
}

TEST_F(DedupCrawlTest, DeputiesAndOtherCompaniesStayApart) {
  auto rows = CrawlAndList();
  auto by_path = ByUrlPath(rows);
  const storage::PostingRow* lead = by_path.at("/stellen/4711");
  const storage::PostingRow* deputy = by_path.at("/stellen/4712");
  EXPECT_NE(deputy, lead) << "same company and description, but a deputy";
  EXPECT_NE(by_path.at("/job/stv-it-leiter"), lead);
  EXPECT_EQ(by_path.at("/job/stv-it-leiter"), deputy) << "both deputies: the same ad";
  EXPECT_NE(by_path.at("/stellen/4713"), lead) << "another company";
  EXPECT_EQ(rows.size(), 3u) << "the lead, the deputy and Volmetal's job";
}

TEST_F(DedupCrawlTest, ExplainSaysWhichKeyJoinedEachSighting) {
  auto rows = CrawlAndList();
  const storage::PostingRow* lead = ByUrlPath(rows).at("/stellen/4711");
  ExplainCommand command;
  command.database = dir_.File("jobs.db");
  command.id = lead->id;
  std::ostringstream out, err;
  ASSERT_EQ(RunExplain(command, out, err), kExitOk) << err.str();
  EXPECT_THAT(out.str(), HasSubstr("/job/it-leiter-hagen"));
  EXPECT_THAT(out.str(), HasSubstr("/karriere/leitung-it"));
  EXPECT_THAT(out.str(), HasSubstr("title, company and place"));
  EXPECT_THAT(out.str(), HasSubstr("near-duplicate description"));
}

}  // namespace
}  // namespace jobcrawler::app
