// Monitoring end to end: a local board whose jobs change between crawls,
// `crawl --report-new`, lifecycle closing, source health, the webhook,
// export --new/--closed/--since/--format atom, stats and explain.
//
// Run 1 lists A, B, C (IT leadership in Hagen) and E (sales, not matched).
// Run 2 lists A (new salary), C, D, E and F (not matched); B's page is gone.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/cli/commands.h"
#include "app/demo/http_server.h"
#include "crawler/crawler.h"
#include "storage/sqlite_store.h"
#include "tests/support/csv.h"
#include "tests/support/temp_dir.h"
#include "tests/support/xml.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::ParseCsv;
using testing::TempDir;

struct Job {
  std::string title;
  std::string postal_code = "58095";
  std::string salary;  // a JSON-LD baseSalary value, or ""
};

std::string Salary(int min, int max, const char* unit) {
  return fmt::format(
      R"({{"@type":"MonetaryAmount","currency":"EUR","value":{{)"
      R"("@type":"QuantitativeValue","minValue":{},"maxValue":{},"unitText":"{}"}}}})",
      min, max, unit);
}

// JSON string content: the title of D carries a quote.
std::string JsonText(const std::string& text) { return nlohmann::json(text).dump(); }

std::string DetailPage(const std::string& key, const Job& job) {
  std::string salary = job.salary.empty() ? "" : ",\"baseSalary\":" + job.salary;
  return fmt::format(R"(<!doctype html><html><head><meta charset="utf-8">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"JobPosting",
"title":{0},"identifier":"job-{1}","url":"/jobs/{1}","datePosted":"2026-11-20"{3},
"hiringOrganization":{{"@type":"Organization","name":"Firma {1} GmbH"}},
"jobLocation":{{"@type":"Place","address":{{"@type":"PostalAddress","postalCode":"{2}",
"addressLocality":"Hagen","addressCountry":"DE"}}}}}}</script></head>
<body><h1>Stelle</h1></body></html>)",
                     JsonText(job.title), key, job.postal_code, salary);
}

// The board's current jobs by key ("A".."F"); thread-safe.
class ChangingBoard {
 public:
  void SetJobs(std::map<std::string, Job> jobs) {
    std::lock_guard lock(mutex_);
    jobs_ = std::move(jobs);
  }
  // Delays the listing's answer, to let a crawl run out of time.
  void SetListingDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(mutex_);
    listing_delay_ = delay;
  }
  HttpReply Serve(const HttpRequestInfo& request) {
    std::lock_guard lock(mutex_);
    if (request.target == "/robots.txt") return HttpReply::Text("User-agent: *\nAllow: /\n");
    if (request.target == "/") {
      std::string links;
      for (const auto& [key, job] : jobs_)
        links += fmt::format("<a href=\"/jobs/{}\">x</a>\n", key);
      HttpReply reply = HttpReply::Html("<!doctype html><html><body>" + links + "</body></html>");
      reply.delay = listing_delay_;
      return reply;
    }
    for (const auto& [key, job] : jobs_) {
      if (request.target == "/jobs/" + key) return HttpReply::Html(DetailPage(key, job));
    }
    return HttpReply::Html("<html><body>Nicht gefunden</body></html>", 404);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, Job> jobs_;
  std::chrono::milliseconds listing_delay_{0};
};

const Job kA{"IT-Leiter (m/w/d)", "58095", Salary(85000, 105000, "YEAR")};
const Job kAChanged{"IT-Leiter (m/w/d)", "58095", Salary(90000, 110000, "YEAR")};
const Job kB{"Head of IT (all genders)", "58119", ""};
const Job kC{"Leiter IT-Infrastruktur (w/m/d)", "58135", Salary(5000, 6000, "MONTH")};
// Markup characters that survive extraction ("<-" opens no tag).
const Job kD{R"(CIO & Leiter "Digital" <-> IT)", "58095", Salary(60, 60, "HOUR")};
const Job kE{"Leiter Vertrieb (m/w/d)", "58095", ""};
const Job kF{"Buchhalter (m/w/d)", "58095", ""};

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

class MonitorCrawlTest : public ::testing::Test {
 protected:
  MonitorCrawlTest()
      : board_server_("127.0.0.1", 0, [this](const HttpRequestInfo& r) { return board_.Serve(r); }),
        hook_server_("127.0.0.1", 0, [this](const HttpRequestInfo&) {
          return HttpReply::Text("ok", hook_status_.load());
        }) {
    database_ = dir_.File("monitor.db");
    board_.SetJobs({{"A", kA}, {"B", kB}, {"C", kC}, {"E", kE}});
  }

  std::string WriteConfig(int close_after, bool webhook) {
    std::string path = dir_.File("config.toml");
    std::ofstream file(path);
    file << "[crawler]\nper_host_delay_ms = 0\nper_host_concurrency = 4\ntimeout_seconds = 5\n"
            "connect_timeout_seconds = 2\nmax_attempts = 1\n"
         << "[storage]\ndatabase = \"" << database_ << "\"\n"
         << "[monitoring]\nclose_after_missed_runs = " << close_after << "\n";
    if (webhook) file << "webhook_url = \"" << hook_server_.base_url() << "/hook\"\n";
    file << "[match]\nlocations = [\"Hagen\"]\npostal_codes = [\"58089-58135\"]\n"
         << "[[sources]]\nname = \"board\"\nstart_urls = [\"" << board_server_.base_url()
         << "/\"]\n";
    return path;
  }

  Outcome Crawl(bool report_new = true, std::int64_t max_duration_seconds = 0) {
    CrawlCommand command;
    command.config_path = config_path_;
    command.report_new = report_new;
    command.max_duration_seconds = max_duration_seconds;
    std::ostringstream out, err;
    int status = RunCrawl(command, out, err);
    return {status, out.str(), err.str()};
  }

  // An export command from its flags, e.g. "--closed --since run:2".
  static ExportCommand Flags(const std::string& flags) {
    ExportCommand command;
    std::istringstream words(flags);
    for (std::string word; words >> word;) {
      if (word == "--new") command.new_only = true;
      if (word == "--closed") command.closed = true;
      if (word == "--all") command.all = true;
      if (word == "--since") words >> command.since;
      if (word == "--format") words >> command.format;
    }
    return command;
  }

  Outcome Export(ExportCommand command) {
    command.config_path = config_path_;
    std::ostringstream out, err;
    int status = RunExport(command, out, err);
    return {status, out.str(), err.str()};
  }

  // The titles of an exported CSV.
  std::set<std::string> CsvTitles(const std::string& flags) {
    Outcome exported = Export(Flags(flags));
    EXPECT_EQ(exported.status, kExitOk) << exported.err;
    std::set<std::string> titles;
    auto rows = ParseCsv(exported.out);
    for (std::size_t i = 1; i < rows.size(); ++i) titles.insert(rows[i][1]);
    return titles;
  }

  std::vector<storage::PostingRow> Postings(storage::PostingQuery query = {}) {
    auto store = storage::SqliteStore::Open(database_);
    auto rows = store.value()->ListPostings(query);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows.value() : std::vector<storage::PostingRow>{};
  }

  std::int64_t IdOf(const std::string& title) {
    for (const auto& row : Postings()) {
      if (row.posting.title == title) return row.id;
    }
    ADD_FAILURE() << "no posting " << title;
    return 0;
  }

  std::vector<std::string> HookBodies() {
    std::vector<std::string> bodies;
    for (const auto& request : hook_server_.requests()) {
      EXPECT_EQ(request.method, "POST");
      EXPECT_EQ(request.Header("Content-Type"), "application/json");
      bodies.push_back(request.body);
    }
    return bodies;
  }

  // A crawl killed right after its run completed: the crawler alone, which
  // commits FinishRun(completed) and nothing after it.
  void CrawlKilledBeforeMonitoring() {
    Config config = LoadConfigFile(config_path_);
    auto store = storage::SqliteStore::Open(database_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    parsers::Matcher matcher(config.match);
    crawler::Crawler crawler(config.crawler, config.sources, *store.value(), matcher);
    crawler::CrawlLimits limits;
    limits.handle_signals = false;
    ASSERT_EQ(crawler.Run(limits).status, storage::RunStatus::kCompleted);
  }

  // Runs 1 and 2 as described at the top.
  void CrawlTwice(int close_after = 1) {
    config_path_ = WriteConfig(close_after, true);
    first_ = Crawl();
    board_.SetJobs({{"A", kAChanged}, {"C", kC}, {"D", kD}, {"E", kE}, {"F", kF}});
    second_ = Crawl();
  }

  TempDir dir_;
  ChangingBoard board_;
  std::atomic<int> hook_status_{200};
  HttpServer board_server_;
  HttpServer hook_server_;
  std::string database_;
  std::string config_path_;
  Outcome first_;
  Outcome second_;
};

TEST_F(MonitorCrawlTest, ReportNewListsTheNewMatchedPostingsAndTheClosedOnes) {
  CrawlTwice();
  EXPECT_EQ(first_.status, kExitOk) << first_.err;
  EXPECT_THAT(first_.out, HasSubstr("jobcrawler run 1: 3 new, 0 closed"));
  EXPECT_THAT(first_.out, HasSubstr("Firma A GmbH · 58095 Hagen · 85.000–105.000 EUR/Jahr"));
  EXPECT_THAT(first_.out, Not(HasSubstr("Vertrieb")));

  EXPECT_EQ(second_.status, kExitOk) << second_.err;
  EXPECT_EQ(second_.out,
            fmt::format("jobcrawler run 2: 1 new, 1 closed\n"
                        "\n"
                        "CIO & Leiter \"Digital\" <-> IT\n"
                        "  Firma D GmbH · 58095 Hagen · 60 EUR/Stunde\n"
                        "  {0}/jobs/D\n"
                        "\n"
                        "Closed: Head of IT (all genders) — Firma B GmbH · 58119 Hagen "
                        "(no longer listed)\n"
                        "  {0}/jobs/B\n",
                        board_server_.base_url()));
  EXPECT_EQ(second_.err, "") << "nothing to warn about";
}

// Regression: run 1's news was lost for good when the crawl was killed (or
// the database was busy) between the run's end and its monitoring.
TEST_F(MonitorCrawlTest, NewsOfARunKilledBeforeItsMonitoringComesOnceWithTheNextCrawl) {
  config_path_ = WriteConfig(1, true);
  CrawlKilledBeforeMonitoring();
  board_.SetJobs({{"A", kAChanged}, {"C", kC}, {"D", kD}, {"E", kE}, {"F", kF}});
  Outcome next = Crawl();
  EXPECT_EQ(next.status, kExitOk) << next.err;
  EXPECT_THAT(next.out, ::testing::StartsWith("jobcrawler run 1: 3 new, 0 closed\n"));
  EXPECT_THAT(next.out, HasSubstr("Firma A GmbH · 58095 Hagen · 85.000–105.000 EUR/Jahr"));
  EXPECT_THAT(next.out, HasSubstr("\n\njobcrawler run 2: 1 new, 1 closed\n"));
  EXPECT_THAT(next.out, HasSubstr("Closed: Head of IT (all genders)"));
  EXPECT_LT(next.out.find("run 1:"), next.out.find("run 2:")) << "the earlier run first";
  storage::PostingQuery closed_by_run_2;
  closed_by_run_2.closed_run = 2;
  auto closed = Postings(closed_by_run_2);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].posting.title, kB.title);

  auto bodies = HookBodies();
  ASSERT_EQ(bodies.size(), 2u) << "one POST per run with news";
  EXPECT_EQ(nlohmann::json::parse(bodies[0])["run"], 1);
  EXPECT_EQ(nlohmann::json::parse(bodies[0])["new"].size(), 3u);
  EXPECT_EQ(nlohmann::json::parse(bodies[1])["run"], 2);

  Outcome after = Crawl();
  EXPECT_EQ(after.out, "") << "each run's news exactly once";
  EXPECT_EQ(HookBodies().size(), 2u);
}

TEST_F(MonitorCrawlTest, ARunWithNothingNewPrintsNothing) {
  config_path_ = WriteConfig(1, false);
  Crawl();
  Outcome again = Crawl();
  EXPECT_EQ(again.status, kExitOk) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.err, "");
}

TEST_F(MonitorCrawlTest, WithoutReportNewTheSummaryCountsClosedPostings) {
  config_path_ = WriteConfig(1, false);
  Crawl(false);
  board_.SetJobs({{"A", kAChanged}, {"C", kC}, {"D", kD}, {"E", kE}, {"F", kF}});
  Outcome second = Crawl(false);
  EXPECT_EQ(second.status, kExitOk) << second.err;
  EXPECT_THAT(second.out, HasSubstr("run 2: completed"));
  EXPECT_THAT(second.out, HasSubstr("1 closed"));
}

TEST_F(MonitorCrawlTest, PostingsCloseOnlyAfterTheConfiguredMissedRuns) {
  CrawlTwice(/*close_after=*/3);
  EXPECT_THAT(second_.out, Not(HasSubstr("Closed:")));
  for (const auto& row : Postings()) EXPECT_EQ(row.status, "active") << row.posting.title;
}

TEST_F(MonitorCrawlTest, AChangedPostingIsSeenAgainNotNew) {
  CrawlTwice();
  auto rows = Postings();
  auto a = std::find_if(rows.begin(), rows.end(),
                        [](const auto& row) { return row.posting.title == kA.title; });
  ASSERT_NE(a, rows.end());
  EXPECT_EQ(a->first_seen_run, 1);
  EXPECT_EQ(a->last_seen_run, 2);
  EXPECT_EQ(a->status, "active");
  // The ad's own page was edited: the record shows the new salary.
  EXPECT_EQ(a->posting.salary_min, 90000);
  EXPECT_EQ(a->posting.salary_max, 110000);
}

TEST_F(MonitorCrawlTest, ExportNewClosedAndSince) {
  CrawlTwice();
  EXPECT_EQ(CsvTitles("--new"), std::set<std::string>{kD.title});
  EXPECT_EQ(CsvTitles("--closed"), std::set<std::string>{kB.title});
  EXPECT_EQ(CsvTitles("--closed --since run:2"), std::set<std::string>{kB.title});
  EXPECT_EQ(CsvTitles("--since 2"), std::set<std::string>{kD.title});
  EXPECT_EQ(CsvTitles("--all --since run:2"), (std::set<std::string>{kD.title, kF.title}));
  EXPECT_EQ(CsvTitles("--since 1").size(), 4u) << "A, B, C, D";
  EXPECT_EQ(CsvTitles("--since 2999-01-01").size(), 0u);
}

TEST_F(MonitorCrawlTest, ExportRejectsBadSinceAndConflictingOptions) {
  config_path_ = WriteConfig(1, false);
  Outcome bad = Export(Flags("--since last-tuesday"));
  EXPECT_EQ(bad.status, kExitUsage);
  EXPECT_THAT(bad.err, HasSubstr("--since must be"));
  EXPECT_EQ(Export(Flags("--new --closed")).status, kExitUsage);
}

TEST_F(MonitorCrawlTest, AtomFeedOfNewPostingsParses) {
  CrawlTwice();
  Outcome feed = Export(Flags("--format atom --since run:2"));
  ASSERT_EQ(feed.status, kExitOk) << feed.err;
  auto root = testing::ParseXml(feed.out);
  auto entries = root->All("entry");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]->ChildText("title"), kD.title);
  EXPECT_EQ(entries[0]->ChildText("id"),
            fmt::format("tag:jobcrawler,2026:posting-{}", IdOf(kD.title)));
  EXPECT_EQ(entries[0]->Child("link")->attributes.at("href"), board_server_.base_url() + "/jobs/D");
  EXPECT_THAT(feed.out, HasSubstr("CIO &amp; Leiter &quot;Digital&quot; &lt;-&gt; IT"));
}

TEST_F(MonitorCrawlTest, WebhookGetsTheNewAndClosedPostings) {
  CrawlTwice();
  auto bodies = HookBodies();
  ASSERT_EQ(bodies.size(), 2u) << "one per run with news";
  auto second = nlohmann::json::parse(bodies[1]);
  EXPECT_EQ(second["run"], 2);
  ASSERT_EQ(second["new"].size(), 1u);
  EXPECT_EQ(second["new"][0]["title"], kD.title);
  EXPECT_EQ(second["new"][0]["company"], "Firma D GmbH");
  EXPECT_EQ(second["new"][0]["location"], "Hagen");
  EXPECT_EQ(second["new"][0]["postal_code"], "58095");
  EXPECT_EQ(second["new"][0]["url"], board_server_.base_url() + "/jobs/D");
  EXPECT_EQ(second["new"][0]["salary_min"], 60);
  EXPECT_EQ(second["new"][0]["salary_currency"], "EUR");
  EXPECT_EQ(second["new"][0]["salary_period"], "HOUR");
  ASSERT_EQ(second["closed"].size(), 1u);
  EXPECT_EQ(second["closed"][0]["title"], kB.title);
  EXPECT_EQ(second["closed"][0]["closed_reason"], "unseen");
}

TEST_F(MonitorCrawlTest, AFailingWebhookIsReportedButDoesNotFailTheCrawl) {
  hook_status_ = 500;
  config_path_ = WriteConfig(1, true);
  Outcome first = Crawl();
  EXPECT_EQ(first.status, kExitOk);
  EXPECT_THAT(first.err,
              HasSubstr("webhook " + hook_server_.base_url() + "/hook failed: HTTP 500"));
  EXPECT_THAT(first.out, HasSubstr("3 new")) << "the report is printed all the same";
}

TEST_F(MonitorCrawlTest, ADownSourceClosesNothingAndExitsWithFour) {
  config_path_ = WriteConfig(1, false);
  ASSERT_EQ(Crawl().status, kExitOk);
  board_server_.Stop();
  Outcome down = Crawl();
  EXPECT_EQ(down.status, kExitSourceHealth) << down.err;
  EXPECT_THAT(down.err, HasSubstr("WARNING: source board"));
  EXPECT_EQ(down.out, "");
  for (const auto& row : Postings()) EXPECT_EQ(row.status, "active") << row.posting.title;
}

TEST_F(MonitorCrawlTest, AnInterruptedRunClosesNothingAndReportsNothing) {
  config_path_ = WriteConfig(1, false);
  ASSERT_EQ(Crawl().status, kExitOk);
  board_.SetJobs({{"D", kD}});
  board_.SetListingDelay(std::chrono::milliseconds(3000));
  Outcome interrupted = Crawl(true, /*max_duration_seconds=*/1);
  EXPECT_EQ(interrupted.status, kExitOk) << interrupted.err;
  EXPECT_EQ(interrupted.out, "");
  EXPECT_EQ(interrupted.err, "");
  for (const auto& row : Postings()) EXPECT_EQ(row.status, "active") << row.posting.title;
}

TEST_F(MonitorCrawlTest, ASiteThatStopsYieldingIsReportedAndClosesNothing) {
  config_path_ = WriteConfig(1, false);
  ASSERT_EQ(Crawl().status, kExitOk);
  board_.SetJobs({});  // the listing still answers, with no jobs on it
  Outcome changed = Crawl(false);
  EXPECT_EQ(changed.status, kExitSourceHealth);
  EXPECT_THAT(changed.err, HasSubstr("WARNING: source board yielded 0 postings (previous run: "));
  EXPECT_THAT(changed.err, HasSubstr("the site may have changed"));
  for (const auto& row : Postings()) EXPECT_EQ(row.status, "active") << row.posting.title;
}

TEST_F(MonitorCrawlTest, StatsCountsStatusSourcesAndSalaries) {
  CrawlTwice();
  StatsCommand command{.config_path = config_path_, .database = ""};
  std::ostringstream out, err;
  ASSERT_EQ(RunStats(command, out, err), kExitOk) << err.str();
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("Postings: 6 (5 active, 1 closed)"));
  EXPECT_THAT(text, HasSubstr("Matched:  4 (3 active, 1 closed)"));
  EXPECT_THAT(text, HasSubstr("board                    6 postings,     5 active,     4 matched"));
  // C 5500, A about 8000, D 60*173: three of the four matched state one.
  EXPECT_THAT(text, HasSubstr("3 of 4 state one"));
  EXPECT_THAT(text, HasSubstr("min 5.500  median "));
  EXPECT_THAT(text, HasSubstr("  max 10.380"));
  EXPECT_THAT(text, HasSubstr("Firma A GmbH"));
}

TEST_F(MonitorCrawlTest, ExplainShowsTheRecordSightingsAndKeys) {
  CrawlTwice();
  const std::int64_t id = IdOf(kA.title);
  ExplainCommand command{.config_path = config_path_, .database = "", .id = id};
  std::ostringstream out, err;
  ASSERT_EQ(RunExplain(command, out, err), kExitOk) << err.str();
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr(fmt::format("Posting {}: {}", id, kA.title)));
  EXPECT_THAT(text, HasSubstr("Firma A GmbH · 58095 Hagen · "));
  EXPECT_THAT(text, HasSubstr(board_server_.base_url() + "/jobs/A"));
  EXPECT_THAT(text, HasSubstr("(run 1)"));
  EXPECT_THAT(text, HasSubstr("(run 2)"));
  EXPECT_THAT(text, HasSubstr("Identity keys:"));
  EXPECT_THAT(text, HasSubstr("job-A"));

  command.id = 9999;
  std::ostringstream none_out, none_err;
  EXPECT_EQ(RunExplain(command, none_out, none_err), kExitFailure);
  EXPECT_THAT(none_err.str(), HasSubstr("no posting with id 9999"));
}

}  // namespace
}  // namespace jobcrawler::app
