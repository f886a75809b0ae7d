// A crawl killed with SIGKILL, or stopped gracefully, resumes losing nothing
// and fetching nothing twice; and two crawls never share one database.
//
// The crawl to be killed, and the process that holds the lock, are separate
// programs (the jobcrawler binary, flock(1)) started with posix_spawn (see
// tests/support/spawn.h).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/cli/commands.h"
#include "app/cli/database_lock.h"
#include "crawler/crawler.h"
#include "storage/sqlite_store.h"
#include "tests/support/hostile_site.h"
#include "tests/support/spawn.h"
#include "tests/support/sqlite_probe.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using storage::RunStatus;
using testing::HostileSite;
using testing::QueryDatabase;

constexpr int kListings = 3;
constexpr int kJobsPerListing = 9;  // 3 listings + 27 jobs = 30 pages
constexpr int kJobs = kListings * kJobsPerListing;

std::string ListingTarget(int page) { return page == 1 ? "/" : fmt::format("/?seite={}", page); }

// Waits until `ready` holds, checking every 5 ms; false after `limit`.
template <typename Predicate>
bool WaitFor(Predicate ready, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!ready()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

class ResumeTest : public ::testing::Test {
 protected:
  ResumeTest() : site_("127.0.0.1") {
    for (int page = 1; page <= kListings; ++page) {
      std::vector<std::string> links;
      for (int i = 1; i <= kJobsPerListing; ++i) {
        int job = (page - 1) * kJobsPerListing + i;
        links.push_back(fmt::format("/jobs/{}", job));
        site_.On(links.back(), HttpReply::Html(testing::JobPage(fmt::format("job-{}", job),
                                                                fmt::format("IT-Leiter {}", job))));
      }
      if (page < kListings) links.push_back(ListingTarget(page + 1));
      site_.On(ListingTarget(page), HttpReply::Html(testing::LinkPage(links)));
    }
    site_.On("/robots.txt", HttpReply::Text("User-agent: *\nAllow: /\n"));
    config_.crawler.user_agent = "jobcrawler-test/1.0 (+tests)";
    config_.crawler.per_host_delay_ms = 50;
    config_.crawler.per_host_concurrency = 2;
    config_.crawler.concurrency = 2;
    config_.crawler.timeout_seconds = 2;
    config_.crawler.connect_timeout_seconds = 1;
    config_.crawler.max_attempts = 2;
    config_.crawler.parse_threads = 1;
    config_.crawler.use_sitemaps = false;
    crawler::Source source;
    source.name = "board";
    source.start_urls = {site_.Url("/")};
    config_.sources = {source};
    database_ = dir_.File("resume.db");
  }

  std::vector<std::string> BoardTargets() const {
    std::vector<std::string> targets;
    for (int page = 1; page <= kListings; ++page) targets.push_back(ListingTarget(page));
    for (int job = 1; job <= kJobs; ++job) targets.push_back(fmt::format("/jobs/{}", job));
    return targets;
  }

  int DetailPagesServed() const {
    int n = 0;
    for (const std::string& target : site_.Targets()) n += target.starts_with("/jobs/");
    return n;
  }

  // Page targets (robots.txt left out) requested from index `from` on.
  std::vector<std::string> PageTargetsFrom(std::size_t from) const {
    std::vector<std::string> targets = site_.Targets();
    std::vector<std::string> out;
    for (std::size_t i = from; i < targets.size(); ++i) {
      if (targets[i] != "/robots.txt") out.push_back(targets[i]);
    }
    return out;
  }

  // Canonical URLs of the pages whose write has committed.
  std::set<std::string> CommittedPages() const {
    std::set<std::string> urls;
    for (const auto& row : QueryDatabase(database_, "SELECT url FROM pages")) urls.insert(row[0]);
    return urls;
  }

  crawler::CrawlSummary CrawlInProcess() {
    auto store = storage::SqliteStore::Open(database_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return {};
    parsers::Matcher matcher(config_.match);
    crawler::Crawler crawler(config_.crawler, config_.sources, *store.value(), matcher);
    crawler::CrawlLimits limits;
    limits.max_duration = std::chrono::seconds(10);  // safety net only
    limits.handle_signals = false;
    return crawler.Run(limits);
  }

  // Starts `jobcrawler crawl` on the same board and database.
  pid_t SpawnCrawl() {
    std::string config = dir_.File("config.toml");
    std::ofstream(config) << fmt::format(
        "[crawler]\nuser_agent = \"{}\"\nper_host_delay_ms = {}\nper_host_concurrency = {}\n"
        "concurrency = {}\ntimeout_seconds = {}\nconnect_timeout_seconds = {}\n"
        "max_attempts = {}\nparse_threads = {}\nuse_sitemaps = false\n"
        "[[sources]]\nname = \"{}\"\nstart_urls = [\"{}\"]\n",
        config_.crawler.user_agent, config_.crawler.per_host_delay_ms,
        config_.crawler.per_host_concurrency, config_.crawler.concurrency,
        config_.crawler.timeout_seconds, config_.crawler.connect_timeout_seconds,
        config_.crawler.max_attempts, config_.crawler.parse_threads, config_.sources[0].name,
        config_.sources[0].start_urls[0]);
    return Spawn({JOBCRAWLER_BINARY, "crawl", "--quiet", "--config", config, "--db", database_,
                  "--max-duration", "10"});
  }

  static pid_t Spawn(std::vector<std::string> argv) { return testing::Spawn(std::move(argv)); }

  int CrawlCommandInProcess(std::int64_t max_pages = 0) {
    CrawlCommand command;
    command.quiet = true;
    command.max_pages = max_pages;
    command.max_duration_seconds = 10;
    std::ostringstream out, err;
    int status = CrawlWithConfig(config_, database_, command, out, err);
    last_error_ = err.str();
    return status;
  }

  // After a resumed run: every job stored exactly once, the file sound.
  void ExpectEveryJobStoredOnce() {
    EXPECT_EQ(testing::IntegrityCheck(database_), "ok");
    EXPECT_TRUE(QueryDatabase(database_, "PRAGMA foreign_key_check").empty());
    auto store = storage::SqliteStore::Open(database_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto rows = store.value()->ListPostings(storage::PostingQuery{});
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    std::multiset<std::string> ids;
    for (const auto& row : rows.value()) ids.insert(row.posting.identifier);
    EXPECT_EQ(rows.value().size(), static_cast<std::size_t>(kJobs));
    for (int job = 1; job <= kJobs; ++job) {
      EXPECT_EQ(ids.count(fmt::format("job-{}", job)), 1u) << "job-" << job;
    }
    auto runs = QueryDatabase(database_, "SELECT status FROM runs");
    ASSERT_EQ(runs.size(), 1u) << "the resumed run is the same run";
    EXPECT_EQ(runs[0][0], "completed");
    EXPECT_TRUE(QueryDatabase(database_, "SELECT 1 FROM frontier WHERE state <> 'done'").empty());
  }

  // Pages committed before the break must not be asked for again; pages in
  // flight at the break may be, at most `concurrency` of them, and so may
  // the one page whose write the break cut short.
  void ExpectNothingCommittedFetchedAgain(const std::set<std::string>& committed,
                                          std::size_t requests_before) {
    std::vector<std::string> all = site_.Targets();
    std::set<std::string> served_before(all.begin(), all.begin() + requests_before);
    int fetched_again = 0;
    for (const std::string& target : PageTargetsFrom(requests_before)) {
      EXPECT_EQ(committed.count(site_.Url(target)), 0u) << target << " had committed";
      fetched_again += served_before.count(target) > 0;
    }
    EXPECT_LE(fetched_again, config_.crawler.concurrency + 1);
    for (const std::string& target : BoardTargets()) EXPECT_GE(site_.Hits(target), 1) << target;
  }

  testing::TempDir dir_;
  std::string database_;
  Config config_;
  std::string last_error_;
  HostileSite site_;  // last: its thread serves while the members above exist
};

TEST_F(ResumeTest, AfterSigkillTheNextRunResumesAndFetchesNothingCommittedTwice) {
  pid_t child = SpawnCrawl();
  ASSERT_GT(child, 0);
  bool reached = WaitFor([&] { return DetailPagesServed() >= 12; }, std::chrono::seconds(5));
  kill(child, SIGKILL);
  int wait_status = 0;
  ASSERT_EQ(waitpid(child, &wait_status, 0), child);
  ASSERT_TRUE(reached) << "the child crawl did not get going";
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "the child finished before it was killed";

  EXPECT_EQ(testing::IntegrityCheck(database_), "ok") << "right after the kill";
  std::set<std::string> committed = CommittedPages();
  EXPECT_GE(committed.size(), 5u);
  EXPECT_LT(committed.size(), 30u);
  std::size_t requests_before = site_.Targets().size();

  std::string lock_error;
  auto lock = DatabaseLock::Acquire(database_, &lock_error);
  ASSERT_TRUE(lock) << "the kernel drops a killed crawl's lock: " << lock_error;
  crawler::CrawlSummary summary = CrawlInProcess();

  EXPECT_TRUE(summary.resumed);
  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  ExpectNothingCommittedFetchedAgain(committed, requests_before);
  ExpectEveryJobStoredOnce();
}

TEST_F(ResumeTest, AGracefulStopIsInterruptedAndTheNextRunFinishesIt) {
  std::atomic<crawler::Crawler*> running{nullptr};
  std::thread stopper([&] {
    bool reached = WaitFor([&] { return DetailPagesServed() >= 8; }, std::chrono::seconds(5));
    EXPECT_TRUE(reached);
    // The crawler pointer is published before Run starts fetching.
    WaitFor([&] { return running.load() != nullptr; }, std::chrono::seconds(1));
    if (crawler::Crawler* crawler = running.load()) crawler->RequestStop();
  });
  crawler::CrawlSummary first;
  {
    auto store = storage::SqliteStore::Open(database_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    parsers::Matcher matcher(config_.match);
    crawler::Crawler crawler(config_.crawler, config_.sources, *store.value(), matcher);
    running = &crawler;
    crawler::CrawlLimits limits;
    limits.max_duration = std::chrono::seconds(10);
    limits.handle_signals = false;
    first = crawler.Run(limits);
    stopper.join();
    running = nullptr;
  }
  EXPECT_EQ(first.status, RunStatus::kInterrupted) << first.error;
  EXPECT_FALSE(first.resumed);
  EXPECT_TRUE(QueryDatabase(database_, "SELECT 1 FROM frontier WHERE state = 'leased'").empty())
      << "a graceful stop returns its leases";
  std::set<std::string> committed = CommittedPages();
  EXPECT_LT(committed.size(), 30u);
  std::size_t requests_before = site_.Targets().size();

  crawler::CrawlSummary second = CrawlInProcess();

  EXPECT_TRUE(second.resumed);
  EXPECT_EQ(second.run_id, first.run_id);
  EXPECT_EQ(second.status, RunStatus::kCompleted) << second.error;
  ExpectNothingCommittedFetchedAgain(committed, requests_before);
  ExpectEveryJobStoredOnce();
}

TEST_F(ResumeTest, ACrawlOfADatabaseLockedInThisProcessExitsWithStatus3) {
  std::string lock_error;
  auto lock = DatabaseLock::Acquire(database_, &lock_error);
  ASSERT_TRUE(lock) << lock_error;

  EXPECT_EQ(CrawlCommandInProcess(), kExitLocked) << last_error_;
  EXPECT_TRUE(site_.Targets().empty()) << "a locked-out crawl fetches nothing";
}

TEST_F(ResumeTest, ACrawlOfADatabaseLockedByAnotherProcessExitsWithStatus3UntilItDies) {
  // flock(1) takes the same kind of lock on the same file, then sleeps; -o
  // keeps the lock out of `sleep`, so killing flock releases it.
  std::string lock_file = database_ + ".lock";
  pid_t child = Spawn({"flock", "-o", lock_file, "sleep", "30"});
  ASSERT_GT(child, 0);
  ASSERT_TRUE(WaitFor(
      [&] {
        std::string error;
        return !DatabaseLock::Acquire(database_, &error).has_value();
      },
      std::chrono::seconds(5)))
      << "flock did not take the lock";

  EXPECT_EQ(CrawlCommandInProcess(), kExitLocked) << last_error_;
  EXPECT_TRUE(site_.Targets().empty());

  testing::KillGroup(child);  // flock and its `sleep`
  // flock's own child may still hold the descriptor for a moment (between
  // its fork and closing it before exec); the lock goes with the last one.
  ASSERT_TRUE(WaitFor(
      [&] {
        std::string error;
        return DatabaseLock::Acquire(database_, &error).has_value();
      },
      std::chrono::seconds(5)))
      << "the lock outlived its holder";
  EXPECT_EQ(CrawlCommandInProcess(/*max_pages=*/3), kExitOk) << last_error_;
  EXPECT_EQ(testing::IntegrityCheck(database_), "ok");
}

}  // namespace
}  // namespace jobcrawler::app
