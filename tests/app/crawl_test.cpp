// End to end: a local board on 127.0.0.1, the whole crawler, the SQLite
// store and the CSV export.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/cli/commands.h"
#include "app/demo/http_server.h"
#include "crawler/crawler.h"
#include "storage/export.h"
#include "storage/sqlite_store.h"
#include "tests/support/csv.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using testing::ParseCsv;
using testing::TempDir;

struct BoardJob {
  int id;
  const char* title;
  const char* postal_code;
  const char* locality;
};

// Two listing pages, five detail pages; job 5 also has a short link.
constexpr BoardJob kJobs[] = {
    {1, "IT-Leiter (m/w/d)", "58095", "Hagen"},
    {2, "Leiter Vertrieb (m/w/d)", "58095", "Hagen"},
    {3, "Head of IT (all genders)", "58119", "Hagen-Hohenlimburg"},
    {4, "IT-Leiter (m/w/d)", "2100", "Kopenhagen"},
    {5, "Leitung IT-Infrastruktur (w/m/d)", "58135", "Hagen"},
};

std::string DetailPage(const BoardJob& job) {
  return fmt::format(R"(<!doctype html><html><head><meta charset="utf-8"><title>{0}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"JobPosting",
"title":"{0}","identifier":"job-{1}","url":"/jobs/{1}","datePosted":"2026-11-20",
"hiringOrganization":{{"@type":"Organization","name":"Firma {1} GmbH"}},
"jobLocation":{{"@type":"Place","address":{{"@type":"PostalAddress","postalCode":"{2}",
"addressLocality":"{3}","addressCountry":"DE"}}}}}}</script></head>
<body><h1>{0}</h1><a href="/">Alle Stellen</a> <a href="/private/admin">Intern</a></body></html>)",
                     job.title, job.id, job.postal_code, job.locality);
}

std::string Listing(int page) {
  std::string links;
  for (const BoardJob& job : kJobs) {
    if ((page == 1) == (job.id <= 3)) {
      links += fmt::format("<li><a href=\"/jobs/{}?utm_source=list\">{}</a></li>\n", job.id, job.title);
    }
  }
  std::string next = page == 1 ? "<a rel=\"next\" href=\"/?page=2\">Weiter</a>"
                               : "<a href=\"/away\">Partnerseite</a>";
  return fmt::format("<!doctype html><html><body><ul>{}</ul>{}<a href=\"/j/5\">Top-Job</a></body></html>",
                     links, next);
}

// The board's handler; counts requests per target.
class Board {
 public:
  HttpReply Serve(const HttpRequestInfo& request) {
    std::string target = request.target;
    {
      std::lock_guard lock(mutex_);
      ++hits_[target];
      if (fail_first_ && target == "/jobs/3" && hits_[target] == 1) {
        HttpReply busy = HttpReply::Text("busy", 503);
        busy.headers.emplace_back("Retry-After", "1");
        return busy;
      }
    }
    if (target == "/robots.txt") {
      std::string robots = "User-agent: *\nDisallow: /private\n";
      if (sitemap_) robots += "Sitemap: " + base_url_ + "/sitemap-jobs.xml\n";
      return HttpReply::Text(robots);
    }
    if (sitemap_ && target == "/sitemap-jobs.xml") {
      HttpReply reply = HttpReply::Text(
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
          "<url><loc>" + base_url_ + "/jobs/6</loc></url></urlset>");
      reply.headers.emplace_back("Content-Type", "application/xml");
      return reply;
    }
    if (sitemap_ && target == "/jobs/6") {
      return HttpReply::Html(DetailPage(BoardJob{6, "Leiter EDV (m/w/d)", "58097", "Hagen"}));
    }
    if (target == "/moved") {
      HttpReply moved = HttpReply::Html("", 301);
      moved.headers.emplace_back("Location", "/");
      return moved;
    }
    if (target == "/away") {
      HttpReply away = HttpReply::Html("", 302);
      away.headers.emplace_back("Location", "http://127.0.0.2:9/elsewhere");
      return away;
    }
    if (target == "/" || target == "/?page=1") return HttpReply::Html(Listing(1));
    if (target == "/?page=2") return HttpReply::Html(Listing(2));
    for (const BoardJob& job : kJobs) {
      if (target != fmt::format("/jobs/{}", job.id)) continue;
      // Detail pages carry an ETag and answer a matching If-None-Match with 304.
      std::string etag = fmt::format("\"v1-{}\"", job.id);
      if (request.Header("If-None-Match") == etag) {
        std::lock_guard lock(mutex_);
        ++not_modified_;
        return HttpReply::Html("", 304);
      }
      HttpReply reply = HttpReply::Html(DetailPage(job));
      reply.headers.emplace_back("ETag", etag);
      return reply;
    }
    if (target == "/j/5") return HttpReply::Html(DetailPage(kJobs[4]));
    return HttpReply::Html("<html><body>Nicht gefunden</body></html>", 404);
  }
  int Hits(const std::string& target) {
    std::lock_guard lock(mutex_);
    return hits_[target];
  }
  int TotalHits() {
    std::lock_guard lock(mutex_);
    int total = 0;
    for (const auto& [target, count] : hits_) total += count;
    return total;
  }
  void FailFirstFetchOfJob3() { fail_first_ = true; }
  void EnableSitemap(std::string base_url) {
    base_url_ = std::move(base_url);
    sitemap_ = true;
  }
  int NotModified() {
    std::lock_guard lock(mutex_);
    return not_modified_;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, int> hits_;
  std::atomic<bool> fail_first_{false};
  std::atomic<bool> sitemap_{false};
  std::string base_url_;
  int not_modified_ = 0;
};

class CrawlTest : public ::testing::Test {
 protected:
  CrawlTest()
      : server_("127.0.0.1", 0, [this](const HttpRequestInfo& r) { return board_.Serve(r); }) {
    config_.crawler.per_host_delay_ms = 0;
    config_.crawler.per_host_concurrency = 4;
    config_.crawler.timeout_seconds = 10;
    config_.sources = {crawler::Source{.name = "board", .start_urls = {server_.base_url() + "/"},
                                       .follow = {}}};
    database_ = dir_.File("crawl.db");
  }

  crawler::CrawlSummary Crawl(crawler::CrawlLimits limits = {}) {
    limits.handle_signals = false;
    auto store = storage::SqliteStore::Open(database_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    parsers::Matcher matcher(config_.match);
    crawler::Crawler crawler(config_.crawler, config_.sources, *store.value(), matcher);
    return crawler.Run(limits);
  }

  std::vector<storage::PostingRow> Postings(storage::PostingQuery query = {}) {
    auto store = storage::SqliteStore::Open(database_);
    auto rows = store.value()->ListPostings(query);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows.value() : std::vector<storage::PostingRow>{};
  }

  std::string Export(std::vector<std::string> extra = {}) {
    ExportCommand command;
    command.database = database_;
    command.config_path = WriteConfigFile();
    command.all = std::find(extra.begin(), extra.end(), "--all") != extra.end();
    command.new_only = std::find(extra.begin(), extra.end(), "--new") != extra.end();
    std::ostringstream out, err;
    EXPECT_EQ(RunExport(command, out, err), kExitOk) << err.str();
    return out.str();
  }

  // The match rules are the defaults; export reads them from a config file.
  std::string WriteConfigFile() {
    std::string path = dir_.File("config.toml");
    std::ofstream(path) << "[match]\nlocations = [\"Hagen\"]\npostal_codes = [\"58089-58135\"]\n";
    return path;
  }

  TempDir dir_;
  Board board_;
  HttpServer server_;
  Config config_;
  std::string database_;
};

TEST_F(CrawlTest, CrawlsEveryPageOnceAndExportsTheMatchedJobs) {
  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(board_.Hits("/robots.txt"), 1);
  EXPECT_EQ(board_.Hits("/"), 1);
  EXPECT_EQ(board_.Hits("/?page=2"), 1);
  for (int id = 1; id <= 5; ++id) EXPECT_EQ(board_.Hits(fmt::format("/jobs/{}", id)), 1) << id;
  EXPECT_EQ(board_.Hits("/private/admin"), 0) << "robots.txt disallows /private";

  auto rows = ParseCsv(Export());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(fmt::format("{}", fmt::join(rows[0], ",")),
            "id,title,company,location,postal_code,country,salary_min,salary_max,salary_currency,"
            "salary_period,employment_type,remote,date_posted,valid_through,url,source,"
            "also_seen_at,first_seen,last_seen,status,matched,other_locations");
  std::set<std::string> titles;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), rows[0].size());
    titles.insert(rows[i][1]);
    EXPECT_EQ(rows[i][20], "true");
    EXPECT_EQ(rows[i][15], "board");
  }
  EXPECT_EQ(titles, (std::set<std::string>{"IT-Leiter (m/w/d)", "Head of IT (all genders)",
                                           "Leitung IT-Infrastruktur (w/m/d)"}));
  EXPECT_EQ(rows.size(), 4u) << "Kopenhagen and Leiter Vertrieb are not matched";
}

TEST_F(CrawlTest, TheSameJobUnderTwoUrlsIsOnePosting) {
  Crawl();
  EXPECT_EQ(board_.Hits("/j/5"), 1);
  auto rows = Postings();
  EXPECT_EQ(rows.size(), 5u);
  int job5 = 0;
  for (const auto& row : rows) job5 += row.posting.identifier == "job-5";
  EXPECT_EQ(job5, 1);
}

TEST_F(CrawlTest, ASecondCrawlAddsNothingNewAndUpdatesLastSeen) {
  crawler::CrawlSummary first = Crawl();
  EXPECT_EQ(first.progress.postings_new, 5);
  auto before = Postings();
  crawler::CrawlSummary second = Crawl();
  EXPECT_EQ(second.status, storage::RunStatus::kCompleted);
  EXPECT_NE(second.run_id, first.run_id);
  EXPECT_EQ(second.progress.postings_new, 0);
  EXPECT_GT(second.progress.postings_updated, 0);
  auto after = Postings();
  ASSERT_EQ(after.size(), before.size());
  for (const auto& row : after) {
    EXPECT_EQ(row.first_seen_run, first.run_id);
    EXPECT_EQ(row.last_seen_run, second.run_id);
  }
  auto fresh = ParseCsv(Export({"--new"}));
  EXPECT_EQ(fresh.size(), 1u) << "only the header: nothing is new";
}

TEST_F(CrawlTest, WaitsThePerHostDelayBetweenRequestStarts) {
  config_.crawler.per_host_delay_ms = 150;
  config_.crawler.per_host_concurrency = 1;
  Crawl();
  std::vector<HttpRequestInfo> requests = server_.requests();
  ASSERT_GE(requests.size(), 8u);
  for (std::size_t i = 1; i < requests.size(); ++i) {
    auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(requests[i].received -
                                                                     requests[i - 1].received);
    // Measured where the requests arrive; a new connection's handshake may
    // shift one arrival by a few milliseconds.
    EXPECT_GE(gap.count(), 130) << requests[i - 1].target << " -> " << requests[i].target;
  }
}

TEST_F(CrawlTest, RetriesA503AfterItsRetryAfter) {
  board_.FailFirstFetchOfJob3();
  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted);
  EXPECT_EQ(board_.Hits("/jobs/3"), 2);
  EXPECT_EQ(summary.progress.retries, 1);
  auto rows = Postings();
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(),
                          [](const auto& row) { return row.posting.identifier == "job-3"; }));
}

TEST_F(CrawlTest, StopsAtMaxPages) {
  crawler::CrawlLimits limits;
  limits.max_pages = 3;
  crawler::CrawlSummary summary = Crawl(limits);
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted);
  EXPECT_EQ(summary.progress.pages_fetched, 3);
  EXPECT_EQ(board_.TotalHits() - board_.Hits("/robots.txt"), 3);
}

TEST_F(CrawlTest, AnUnreachableSourceFailsItsPagesButTheRunCompletes) {
  config_.sources.push_back(crawler::Source{
      .name = "dead", .start_urls = {"http://127.0.0.1:9/"}, .follow = {}});
  config_.crawler.max_attempts = 1;
  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted);
  EXPECT_EQ(Postings().size(), 5u);
}

TEST_F(CrawlTest, UnchangedPagesAnswer304AndStillCountAsSeen) {
  crawler::CrawlSummary first = Crawl();
  EXPECT_EQ(board_.NotModified(), 0);
  crawler::CrawlSummary second = Crawl();
  EXPECT_EQ(board_.NotModified(), 5) << "every detail page was asked conditionally";
  EXPECT_EQ(second.progress.unchanged, 5);
  for (const auto& row : Postings()) EXPECT_EQ(row.last_seen_run, second.run_id) << row.posting.title;
  EXPECT_EQ(second.progress.postings_new, 0);
}

TEST_F(CrawlTest, FindsJobsListedOnlyInTheSitemap) {
  board_.EnableSitemap(server_.base_url());
  Crawl();
  EXPECT_EQ(board_.Hits("/sitemap-jobs.xml"), 1);
  EXPECT_EQ(board_.Hits("/jobs/6"), 1);
  auto rows = Postings();
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(),
                          [](const auto& row) { return row.posting.title == "Leiter EDV (m/w/d)"; }));
}

TEST_F(CrawlTest, AStartUrlMayRedirectButLaterRedirectsStayInScope) {
  config_.sources[0].start_urls = {server_.base_url() + "/moved"};
  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(board_.Hits("/moved"), 1);
  EXPECT_EQ(board_.Hits("/"), 1) << "the start URL's redirect is followed";
  EXPECT_EQ(board_.Hits("/away"), 1);
  EXPECT_GE(summary.progress.redirects, 2);
  EXPECT_EQ(Postings().size(), 5u);
  // /away points at 127.0.0.2: out of the source's scope, never requested
  // (port 9 would refuse, and the run would count a failure).
  EXPECT_EQ(summary.progress.pages_failed, 0);
}

TEST_F(CrawlTest, AHostThatKeepsFailingIsGivenUpWithoutHoldingUpOthers) {
  std::atomic<int> failing_hits{0};
  HttpServer flaky("127.0.0.2", 0, [&failing_hits](const HttpRequestInfo& request) {
    if (request.target == "/robots.txt") return HttpReply::Text("", 404);
    ++failing_hits;
    return HttpReply::Html("<html>down</html>", 500);
  });
  crawler::Source source{.name = "flaky", .start_urls = {}, .follow = {}};
  for (int i = 0; i < 12; ++i) source.start_urls.push_back(flaky.base_url() + "/p" + std::to_string(i));
  config_.sources.push_back(source);
  config_.crawler.max_attempts = 1;
  config_.crawler.breaker_threshold = 2;
  config_.crawler.breaker_pause_ms = 100;
  config_.crawler.breaker_max_trips = 2;
  crawler::CrawlSummary summary = Crawl();
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted);
  // Two pauses of two failures each, plus what was in flight when a pause began.
  EXPECT_LE(failing_hits.load(), 2 * 2 + config_.crawler.per_host_concurrency);
  EXPECT_EQ(summary.progress.hosts_paused, 2);
  EXPECT_EQ(Postings().size(), 5u);
}

}  // namespace
}  // namespace jobcrawler::app

namespace jobcrawler::app {
namespace {

// A listing that answers every page number with a "next" link and the same
// jobs, as some boards do past their last page.
TEST(EndlessPagination, APageThatRepeatsAnEarlierOneEndsThePagination) {
  std::atomic<int> listing_hits{0};
  HttpServer server("127.0.0.1", 0, [&listing_hits](const HttpRequestInfo& request) {
    if (request.target == "/robots.txt") return HttpReply::Text("", 404);
    if (request.target.rfind("/?seite=", 0) == 0 || request.target == "/") {
      ++listing_hits;
      int page = request.target == "/" ? 1 : std::stoi(request.target.substr(8));
      return HttpReply::Html(fmt::format(
          "<html><body><a href=\"/job/1\">Job</a><a href=\"/?seite={}\">Weiter</a></body></html>",
          page + 1));
    }
    return HttpReply::Html("<html><body>Job</body></html>");
  });
  testing::TempDir dir;
  auto store = storage::SqliteStore::Open(dir.File("db"));
  ASSERT_TRUE(store.ok());
  crawler::CrawlerOptions options;
  options.per_host_delay_ms = 0;
  options.max_depth = 50;
  parsers::Matcher matcher(parsers::MatchRules{});
  crawler::Crawler crawler(options, {crawler::Source{.name = "b", .start_urls = {server.base_url() + "/"}, .follow = {}}},
                           *store.value(), matcher);
  crawler::CrawlLimits limits;
  limits.handle_signals = false;
  limits.max_pages = 40;
  crawler::CrawlSummary summary = crawler.Run(limits);
  EXPECT_EQ(summary.status, storage::RunStatus::kCompleted);
  // "/?seite=2" shows the same jobs as "/" (only its "Weiter" differs), so
  // its links are not followed and "/?seite=3" is never asked for.
  EXPECT_EQ(listing_hits.load(), 2);
}

}  // namespace
}  // namespace jobcrawler::app
