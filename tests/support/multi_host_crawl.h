// A gtest fixture for crawls against three hostile loopback hosts
// (127.0.0.1, .2 and .3, one HostileSite each) into a temporary SQLite file,
// with small, bounded timeouts, and a read-back of everything the crawl
// left in the database (through SqliteStore and through the raw sqlite3 API,
// including PRAGMA integrity_check).
#ifndef JOBCRAWLER_TESTS_SUPPORT_MULTI_HOST_CRAWL_H_
#define JOBCRAWLER_TESTS_SUPPORT_MULTI_HOST_CRAWL_H_

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "crawler/crawler.h"
#include "parsers/match/matcher.h"
#include "storage/sqlite_store.h"
#include "tests/support/hostile_site.h"
#include "tests/support/sqlite_probe.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::testing {

// One row of the pages table.
struct PageRecord {
  int http_status = 0;
  std::string error;
  bool truncated = false;
  long long bytes = 0;
  std::string content_type;
};

// What a crawl left in the database.
struct DatabaseState {
  std::string integrity;                       // PRAGMA integrity_check: "ok"
  int foreign_key_problems = 0;                // rows of PRAGMA foreign_key_check
  std::map<std::string, PageRecord> pages;     // by canonical URL
  std::vector<storage::PostingRow> postings;   // every posting
  std::map<std::string, int> frontier_states;  // state -> count, all runs

  // The posting whose identifier is `id`, if exactly one has it.
  const storage::PostingRow* Posting(const std::string& id) const {
    const storage::PostingRow* found = nullptr;
    for (const auto& row : postings) {
      if (row.posting.identifier != id) continue;
      if (found) return nullptr;
      found = &row;
    }
    return found;
  }
};

inline DatabaseState ReadDatabase(const std::string& path) {
  DatabaseState state;
  state.integrity = IntegrityCheck(path);
  state.foreign_key_problems =
      static_cast<int>(QueryDatabase(path, "PRAGMA foreign_key_check").size());
  for (const auto& row : QueryDatabase(
           path, "SELECT url, http_status, error, truncated, bytes, content_type FROM pages")) {
    state.pages[row[0]] = PageRecord{.http_status = std::stoi(row[1]),
                                     .error = row[2],
                                     .truncated = row[3] == "1",
                                     .bytes = std::stoll(row[4]),
                                     .content_type = row[5]};
  }
  for (const auto& row : QueryDatabase(path, "SELECT state, COUNT(*) FROM frontier GROUP BY state")) {
    state.frontier_states[row[0]] = std::stoi(row[1]);
  }
  auto store = storage::SqliteStore::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return state;
  auto rows = store.value()->ListPostings(storage::PostingQuery{});
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  if (rows.ok()) state.postings = rows.value();
  return state;
}

class MultiHostCrawlTest : public ::testing::Test {
 protected:
  // Far beyond what any test should take; only a hung crawl reaches it.
  static constexpr std::chrono::seconds kSafetyNet{10};

  MultiHostCrawlTest() : a_("127.0.0.1"), b_("127.0.0.2"), c_("127.0.0.3") {
    options_.user_agent = "jobcrawler-test/1.0 (+tests)";
    options_.concurrency = 4;
    options_.per_host_concurrency = 2;
    options_.per_host_delay_ms = 0;
    options_.timeout_seconds = 2;
    options_.connect_timeout_seconds = 1;
    options_.max_attempts = 1;
    options_.parse_threads = 1;
    options_.use_sitemaps = false;
    // The circuit breaker's 30 s pause would outlast every test; a host
    // that keeps failing is still paused, then given up.
    options_.breaker_pause_ms = 300;
    database_ = dir_.File("crawl.db");
  }

  // A board on `site`: robots.txt allowing all, "/" linking to /jobs/1..n,
  // each a JSON-LD job "<prefix>-<i>"; and a source "<prefix>" for it.
  void Board(HostileSite& site, const std::string& prefix, int jobs) {
    std::vector<std::string> links;
    for (int i = 1; i <= jobs; ++i) {
      std::string target = fmt::format("/jobs/{}", i);
      links.push_back(target);
      site.On(target, app::HttpReply::Html(JobPage(fmt::format("{}-{}", prefix, i),
                                                   fmt::format("IT-Leiter {} {}", prefix, i))));
    }
    site.On("/", app::HttpReply::Html(LinkPage(links)));
    site.On("/robots.txt", app::HttpReply::Text("User-agent: *\nAllow: /\n"));
    AddSource(prefix, site);
  }
  // Extra links on a board's start page.
  void LinkFromStart(HostileSite& site, std::vector<std::string> hrefs, int jobs) {
    for (int i = 1; i <= jobs; ++i) hrefs.push_back(fmt::format("/jobs/{}", i));
    site.On("/", app::HttpReply::Html(LinkPage(hrefs)));
  }
  void AddSource(const std::string& name, HostileSite& site) {
    crawler::Source source;
    source.name = name;
    source.start_urls = {site.Url("/")};
    sources_.push_back(std::move(source));
  }

  crawler::CrawlSummary Crawl() {
    auto store = storage::SqliteStore::Open(database_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return {};
    parsers::Matcher matcher(parsers::MatchRules{});
    crawler::Crawler crawler(options_, sources_, *store.value(), matcher);
    crawler::CrawlLimits limits;
    limits.max_duration = kSafetyNet;
    limits.handle_signals = false;
    auto start = std::chrono::steady_clock::now();
    crawler::CrawlSummary summary = crawler.Run(limits);
    elapsed_ = std::chrono::steady_clock::now() - start;
    return summary;
  }

  // Reads the database back and checks what every crawl must leave: a sound
  // file, no dangling references, no entry still leased.
  DatabaseState CheckedDatabase() {
    DatabaseState state = ReadDatabase(database_);
    EXPECT_EQ(state.integrity, "ok");
    EXPECT_EQ(state.foreign_key_problems, 0);
    EXPECT_EQ(state.frontier_states["leased"], 0) << "a finished run leaves nothing leased";
    return state;
  }

  // Every job of a Board was fetched once and stored.
  void ExpectBoardComplete(const HostileSite& site, const std::string& prefix, int jobs,
                           const DatabaseState& db) {
    EXPECT_EQ(site.Hits("/"), 1) << prefix;
    for (int i = 1; i <= jobs; ++i) {
      std::string id = fmt::format("{}-{}", prefix, i);
      EXPECT_EQ(site.Hits(fmt::format("/jobs/{}", i)), 1) << id;
      EXPECT_NE(db.Posting(id), nullptr) << id << " stored exactly once";
    }
  }

  double ElapsedSeconds() const { return std::chrono::duration<double>(elapsed_).count(); }

  TempDir dir_;
  std::string database_;
  crawler::CrawlerOptions options_;
  std::vector<crawler::Source> sources_;
  std::chrono::steady_clock::duration elapsed_{};
  // Last: their server threads call routes that may touch the members above.
  HostileSite a_;
  HostileSite b_;
  HostileSite c_;
};

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_MULTI_HOST_CRAWL_H_
