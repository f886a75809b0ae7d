// A gtest fixture for `jobcrawler crawl` runs (in process, through RunCrawl)
// over feed sources: a config file written per run (so a test can change it
// between runs), a temporary database, and reading back postings and their
// sightings. The servers are the test's own (FakeJobsuche, HostileSite).
#ifndef JOBCRAWLER_TESTS_SUPPORT_FEED_CRAWL_H_
#define JOBCRAWLER_TESTS_SUPPORT_FEED_CRAWL_H_

#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/cli/commands.h"
#include "storage/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::testing {

struct CrawlOutcome {
  int status = -1;
  std::string out;
  std::string err;
};

class FeedCrawlTest : public ::testing::Test {
 protected:
  FeedCrawlTest() { database_ = dir_.File("feeds.db"); }

  // The config for the next crawl: a [crawler] section for fast local
  // servers, Hagen as the region, and `sources` ([[sources]] blocks).
  void WriteConfig(const std::string& sources, int close_after_missed_runs = 3,
                   int max_attempts = 3) {
    config_path_ = dir_.File("config.toml");
    std::ofstream file(config_path_);
    file << "[crawler]\nper_host_delay_ms = 0\nper_host_concurrency = 2\n"
         << "timeout_seconds = 5\nconnect_timeout_seconds = 2\n"
         << "use_sitemaps = " << (use_sitemaps_ ? "true" : "false") << "\n"
         << "max_attempts = " << max_attempts << "\n"
         << crawler_extra_ << "[storage]\ndatabase = \"" << database_ << "\"\n"
         << "[monitoring]\nclose_after_missed_runs = " << close_after_missed_runs << "\n"
         << "[match]\nlocations = [\"Hagen\"]\npostal_codes = [\"58089-58135\"]\n"
         << sources;
  }

  // A [[sources]] block.
  static std::string Source(const std::string& name, const std::string& type,
                            const std::string& start_url, const std::string& extra = "") {
    return fmt::format("[[sources]]\nname = \"{}\"\ntype = \"{}\"\nstart_urls = [\"{}\"]\n{}\n",
                       name, type, start_url, extra);
  }

  CrawlOutcome Crawl(bool report_new = true) {
    app::CrawlCommand command;
    command.config_path = config_path_;
    command.report_new = report_new;
    command.max_duration_seconds = 60;  // a safety net; no test comes near it
    std::ostringstream out, err;
    const int status = app::RunCrawl(command, out, err);
    return {status, out.str(), err.str()};
  }

  std::vector<storage::PostingRow> Postings(storage::PostingQuery query = {}) {
    auto store = storage::SqliteStore::Open(database_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return {};
    auto rows = store.value()->ListPostings(query);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows.value() : std::vector<storage::PostingRow>{};
  }

  // Posting status by identifier ("active", "closed").
  std::map<std::string, std::string> StatusByIdentifier() {
    std::map<std::string, std::string> status;
    for (const auto& row : Postings()) status[row.posting.identifier] = row.status;
    return status;
  }

  std::optional<storage::PostingExplanation> Explain(std::int64_t id) {
    auto store = storage::SqliteStore::Open(database_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return std::nullopt;
    auto explained = store.value()->ExplainPosting(id);
    EXPECT_TRUE(explained.ok()) << explained.status().message();
    return explained.ok() ? explained.value() : std::nullopt;
  }

  TempDir dir_;
  std::string database_;
  std::string config_path_;
  std::string crawler_extra_;  // more [crawler] lines, each ending in "\n"
  bool use_sitemaps_ = false;
};

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_FEED_CRAWL_H_
