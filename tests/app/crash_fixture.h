// What the crash and full-disk tests share: the bundled demo board served on
// 127.0.0.1 (listings, pagination, detail pages, duplicate short links,
// robots.txt, a sitemap), a config that crawls it, and the real jobcrawler
// binary run with the fault VFS (tests/app/crash_fault_vfs.cpp) preloaded,
// which can SIGKILL the process at its Nth SQLite write or fill the disk.
//
// The promises checked are the README's, not how the store keeps them: the
// file stays sound (PRAGMA integrity_check), a posting once committed is
// never lost, none is stored twice, and the run, resumed, ends with the same
// export as a crawl nobody disturbed.
#ifndef JOBCRAWLER_TESTS_APP_CRASH_FIXTURE_H_
#define JOBCRAWLER_TESTS_APP_CRASH_FIXTURE_H_

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "app/demo/demo_board.h"
#include "app/demo/http_server.h"
#include "tests/support/spawn.h"
#include "tests/support/sqlite_probe.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {

// The sanitizer builds run the same scenarios at fewer points.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// A crawl of the board takes well under a second in Release; only a hung
// one reaches this.
inline constexpr std::chrono::seconds kCrawlLimit{90};

// One posting row: id, title, url. A posting that was lost and stored again
// would come back under another id.
using PostingRow = std::tuple<std::string, std::string, std::string>;

// The fault VFS's count of one crawl (JOBCRAWLER_FAULT_STATS).
struct WriteStats {
  std::int64_t writes = 0;        // SQLite write calls
  std::int64_t peak = 0;          // the most bytes the files took up at once
  std::int64_t close_writes = 0;  // of them, in the checkpoint when the database closed
};

struct CrawlOutcome {
  int wait_status = 0;
  bool hung = false;
  std::string log;  // stdout and stderr
  std::optional<WriteStats> stats;

  bool Killed() const {
    return !hung && WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL;
  }
  bool ExitedWith(int code) const {
    return !hung && WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == code;
  }
  std::string Describe() const {
    if (hung) return "hung";
    if (WIFSIGNALED(wait_status)) return fmt::format("signal {}", WTERMSIG(wait_status));
    return fmt::format("exit {}", WEXITSTATUS(wait_status));
  }
};

// Every posting row; none before the schema exists. Throws (see
// QueryDatabase) when the file cannot be read.
inline std::set<PostingRow> ReadPostings(const std::string& database) {
  std::set<PostingRow> rows;
  if (testing::QueryDatabase(database, "SELECT 1 FROM sqlite_schema WHERE name = 'postings'")
          .empty()) {
    return rows;
  }
  for (const auto& row : testing::QueryDatabase(database, "SELECT id, title, url FROM postings")) {
    rows.emplace(row[0], row[1], row[2]);
  }
  return rows;
}

// Jobs stored more than once (the board's jobs differ in title, company or
// URL), one per line; empty when there are none.
inline std::string Duplicates(const std::string& database) {
  if (ReadPostings(database).empty()) return "";
  std::string out;
  for (const auto& row :
       testing::QueryDatabase(database,
                              "SELECT title, company, url, COUNT(*) FROM postings "
                              "GROUP BY title, company, url HAVING COUNT(*) > 1")) {
    out += fmt::format("{} x {} | {} | {}\n", row[3], row[0], row[1], row[2]);
  }
  return out;
}

// The rows of `before` that `after` lacks, one per line.
inline std::string Lost(const std::set<PostingRow>& before, const std::set<PostingRow>& after) {
  std::string out;
  for (const PostingRow& row : before) {
    if (!after.count(row)) {
      out += fmt::format("{} {} {}\n", std::get<0>(row), std::get<1>(row), std::get<2>(row));
    }
  }
  return out;
}

class CrashFixture : public ::testing::Test {
 protected:
  // The board's absolute URLs are built from the request's Host header, so
  // the server thread reads nothing the test thread writes.
  CrashFixture()
      : board_("127.0.0.1", 0, [](const HttpRequestInfo& request) {
          return ServeDemoBoard(request, "http://" + request.host);
        }) {
    config_ = dir_.File("config.toml");
    std::ofstream(config_) << fmt::format(
        "[crawler]\nuser_agent = \"jobcrawler-test/1.0 (+tests)\"\nconcurrency = 4\n"
        "per_host_concurrency = 4\nper_host_delay_ms = 0\ntimeout_seconds = 20\n"
        "connect_timeout_seconds = 5\nmax_attempts = 2\nparse_threads = 2\n"
        "[[sources]]\nname = \"demo-board\"\nstart_urls = [\"{}/\"]\n",
        board_.base_url());
  }

  // Starts `jobcrawler crawl` on `database` with the fault VFS set by
  // `faults` ("JOBCRAWLER_FAULT_...=value"). Returns its pid.
  pid_t StartCrawl(const std::string& database, std::vector<std::string> faults) {
    const std::string log = database + ".log";
    std::ofstream(log, std::ios::trunc).flush();
    faults.push_back(std::string("LD_PRELOAD=") + JOBCRAWLER_FAULT_VFS);
    faults.push_back("JOBCRAWLER_FAULT_STATS=" + database + ".stats");
    // GCC's AddressSanitizer wants its runtime first among the libraries;
    // the preloaded VFS is not instrumented and replaces nothing it needs.
    const char* asan = std::getenv("ASAN_OPTIONS");
    faults.push_back(fmt::format("ASAN_OPTIONS={}{}verify_asan_link_order=0", asan ? asan : "",
                                 asan && *asan ? ":" : ""));
    std::remove((database + ".stats").c_str());
    return testing::Spawn(
        {JOBCRAWLER_BINARY, "crawl", "--quiet", "--config", config_, "--db", database}, log,
        std::move(faults));
  }

  // Waits for the crawl started by StartCrawl to end.
  static CrawlOutcome Finish(pid_t pid, const std::string& database) {
    CrawlOutcome outcome;
    std::optional<int> status = testing::WaitForExit(pid, kCrawlLimit);
    if (!status) {
      testing::KillGroup(pid);
      outcome.hung = true;
    } else {
      outcome.wait_status = *status;
    }
    outcome.log = ReadFile(database + ".log");
    long long writes = 0, peak = 0, close_writes = 0;
    if (std::sscanf(ReadFile(database + ".stats").c_str(),
                    "writes=%lld peak=%lld close_writes=%lld", &writes, &peak,
                    &close_writes) == 3) {
      outcome.stats = WriteStats{writes, peak, close_writes};
    }
    return outcome;
  }

  CrawlOutcome Crawl(const std::string& database, std::vector<std::string> faults = {}) {
    pid_t pid = StartCrawl(database, std::move(faults));
    if (pid <= 0) {
      ADD_FAILURE() << "could not start " << JOBCRAWLER_BINARY;
      CrawlOutcome outcome;
      outcome.hung = true;
      return outcome;
    }
    return Finish(pid, database);
  }

  // A crawl nobody disturbs: its export is what every disturbed run must end
  // with, its write count where the faults are placed.
  void CrawlReference() {
    const std::string database = dir_.File("reference.db");
    CrawlOutcome outcome = Crawl(database);
    ASSERT_TRUE(outcome.ExitedWith(0)) << outcome.Describe() << "\n" << outcome.log;
    ASSERT_TRUE(outcome.stats.has_value()) << "the fault VFS was not loaded";
    ASSERT_GT(outcome.stats->writes, 0) << "SQLite does not write through the fault VFS";
    reference_stats_ = *outcome.stats;
    reference_export_ = Export(database);
    ASSERT_EQ(reference_export_.size(), DemoJobs().size()) << "one row per job of the board";
  }

  // `export --all --format jsonl`, each line without what differs between
  // two crawls of the same pages (the posting id and the times), sorted.
  std::vector<std::string> Export(const std::string& database) {
    const std::string output = database + ".jsonl";
    pid_t pid = testing::Spawn({JOBCRAWLER_BINARY, "export", "--all", "--format", "jsonl",
                                "--config", config_, "--db", database, "--output", output},
                               database + ".export.log");
    std::optional<int> status = testing::WaitForExit(pid, kCrawlLimit);
    if (!status) testing::KillGroup(pid);
    EXPECT_TRUE(status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << ReadFile(database + ".export.log");
    std::vector<std::string> lines;
    std::istringstream in(ReadFile(output));
    for (std::string line; std::getline(in, line);) {
      nlohmann::json row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!row.is_object()) {
        ADD_FAILURE() << "not a JSON object: " << line;
        continue;
      }
      for (const char* varying : {"id", "first_seen", "last_seen"}) row.erase(varying);
      lines.push_back(row.dump());
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  }

  static std::string ReadFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  testing::TempDir dir_;
  std::string config_;
  WriteStats reference_stats_;
  std::vector<std::string> reference_export_;
  HttpServer board_;  // last: its thread serves the board until it goes
};

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_TESTS_APP_CRASH_FIXTURE_H_
