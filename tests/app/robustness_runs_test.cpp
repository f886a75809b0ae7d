// Runs that follow runs: the config changes between them (a source renamed,
// a source disabled), a run crashes (an exception in a database task or in
// the loop), a stop finds a database call stuck. Whatever happens, the run
// ends cleanly and the next one resumes or starts afresh.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/cli/commands.h"
#include "tests/support/forwarding_store.h"
#include "tests/support/multi_host_crawl.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using storage::RunStatus;
using testing::QueryDatabase;
using Clock = std::chrono::steady_clock;

struct SourceLine {
  std::string name;
  std::string url;
  bool enabled = true;
};

// Lines of `text` that contain `needle`.
int LinesWith(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  int count = 0;
  for (std::string line; std::getline(in, line);) count += line.find(needle) != std::string::npos;
  return count;
}

// Fails the `fail_at`th RecordPage (from 1) by throwing.
class ThrowingStore : public testing::ForwardingStore {
 public:
  ThrowingStore(storage::Store& inner, int fail_at) : ForwardingStore(inner), fail_at_(fail_at) {}
  storage::Result<storage::PageWriteResult> RecordPage(std::int64_t run_id,
                                                       const storage::PageWrite& write) override {
    if (++calls_ == fail_at_) throw std::runtime_error("disk on fire");
    return ForwardingStore::RecordPage(run_id, write);
  }

 private:
  int fail_at_;
  int calls_ = 0;
};

// Holds the `block_at`th RecordPage (from 1) until Release(). Thread-safe.
class BlockingStore : public testing::ForwardingStore {
 public:
  BlockingStore(storage::Store& inner, int block_at) : ForwardingStore(inner), block_at_(block_at) {}
  storage::Result<storage::PageWriteResult> RecordPage(std::int64_t run_id,
                                                       const storage::PageWrite& write) override {
    if (++calls_ == block_at_) {
      std::unique_lock lock(mutex_);
      blocked_ = true;
      changed_.notify_all();
      changed_.wait(lock, [&] { return released_; });
    }
    auto result = ForwardingStore::RecordPage(run_id, write);
    if (calls_ >= block_at_) returned_ = true;
    return result;
  }
  bool WaitUntilBlocked(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return blocked_; });
  }
  void Release() {
    {
      std::lock_guard lock(mutex_);
      released_ = true;
    }
    changed_.notify_all();
  }
  bool returned() const { return returned_.load(); }

 private:
  const int block_at_;
  std::atomic<int> calls_{0};
  std::atomic<bool> returned_{false};
  std::mutex mutex_;
  std::condition_variable changed_;
  bool blocked_ = false;
  bool released_ = false;
};

// Counts the frontier counts asked for.
class CountingStore : public testing::ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  storage::Result<storage::FrontierCounts> CountFrontier(std::int64_t run_id) override {
    ++count_calls;
    return ForwardingStore::CountFrontier(run_id);
  }
  std::atomic<int> count_calls{0};
};

// Keeps what the progress reports said.
class ProgressLog : public crawler::CrawlObserver {
 public:
  void OnProgress(const crawler::CrawlProgress& progress) override {
    queued.push_back(progress.queued);
  }
  void OnPageError(const std::string&, const std::string&) override {}
  std::vector<std::int64_t> queued;
};

// Throws from the first progress report, on the loop's thread.
class ThrowingObserver : public crawler::CrawlObserver {
 public:
  void OnProgress(const crawler::CrawlProgress&) override {
    if (!thrown_) {
      thrown_ = true;
      throw std::logic_error("observer broke");
    }
  }
  void OnPageError(const std::string&, const std::string&) override {}

 private:
  bool thrown_ = false;
};

class RobustRunsTest : public testing::MultiHostCrawlTest {
 protected:
  // `jobcrawler crawl --config` with these sources and the fixture's options.
  int CrawlWithSources(const std::vector<SourceLine>& sources, std::int64_t max_duration = 0) {
    std::string path = dir_.File("config.toml");
    std::ofstream config(path);
    config << fmt::format(
        "[crawler]\nuser_agent = \"{}\"\nconcurrency = {}\nper_host_concurrency = {}\n"
        "per_host_delay_ms = {}\ntimeout_seconds = {}\nconnect_timeout_seconds = {}\n"
        "max_attempts = {}\nparse_threads = {}\nuse_sitemaps = false\n",
        options_.user_agent, options_.concurrency, options_.per_host_concurrency,
        options_.per_host_delay_ms, options_.timeout_seconds, options_.connect_timeout_seconds,
        options_.max_attempts, options_.parse_threads);
    for (const SourceLine& source : sources) {
      config << fmt::format("[[sources]]\nname = \"{}\"\nstart_urls = [\"{}\"]\nenabled = {}\n",
                            source.name, source.url, source.enabled ? "true" : "false");
    }
    config.close();
    CrawlCommand command;
    command.config_path = path;
    command.database = database_;
    command.quiet = true;
    command.max_duration_seconds = max_duration > 0 ? max_duration : kSafetyNet.count();
    std::ostringstream out, err;
    int status = RunCrawl(command, out, err);
    err_ = err.str();
    return status;
  }

  std::vector<std::string> RunStatuses() const {
    std::vector<std::string> statuses;
    for (const auto& row : QueryDatabase(database_, "SELECT status FROM runs ORDER BY id")) {
      statuses.push_back(row[0]);
    }
    return statuses;
  }

  std::string err_;
};

// The links of an unchanged page are replayed as recorded, under the source
// they were found for; after a rename that source is not in the config.
// A renamed source's pages are parsed again under the new name (the source
// name is part of their parse key), so none of their links is queued under
// the old name: nothing is dropped, nothing is said, and the jobs stay found.
TEST_F(RobustRunsTest, ARenamedSourceCrawlsItsPagesUnderTheNewNameAndEveryRunCompletes) {
  Board(a_, "a", 3);
  ASSERT_EQ(CrawlWithSources({{"a", a_.Url("/")}}), kExitOk) << err_;

  EXPECT_EQ(CrawlWithSources({{"a-neu", a_.Url("/")}}), kExitOk) << err_;
  EXPECT_EQ(LinesWith(err_, "is not in the config"), 0) << err_;
  EXPECT_THAT(err_, Not(HasSubstr("map::at")));
  for (int i = 1; i <= 3; ++i) EXPECT_EQ(a_.Hits(fmt::format("/jobs/{}", i)), 2) << i;

  EXPECT_EQ(CrawlWithSources({{"a-neu", a_.Url("/")}}), kExitOk) << err_;
  EXPECT_EQ(RunStatuses(), (std::vector<std::string>{"completed", "completed", "completed"}));
  CheckedDatabase();
}

TEST_F(RobustRunsTest, ADisabledSourceOfAnInterruptedRunIsDroppedOnceAndTheRunCompletes) {
  Board(a_, "a", 2);
  Board(b_, "b", 2);
  HttpReply slow = HttpReply::Html(testing::LinkPage({"/jobs/1", "/jobs/2"}));
  slow.delay = std::chrono::seconds(3);
  b_.On("/", slow);
  const std::vector<SourceLine> both = {{"a", a_.Url("/")}, {"b", b_.Url("/")}};
  ASSERT_EQ(CrawlWithSources(both, /*max_duration=*/1), kExitOk) << err_;
  ASSERT_EQ(RunStatuses(), std::vector<std::string>{"interrupted"});

  const std::vector<SourceLine> without_b = {{"a", a_.Url("/")}, {"b", b_.Url("/"), false}};
  EXPECT_EQ(CrawlWithSources(without_b), kExitOk) << err_;
  EXPECT_EQ(LinesWith(err_, "source \"b\" is not in the config"), 1) << err_;
  EXPECT_EQ(RunStatuses(), std::vector<std::string>{"completed"}) << "the run was resumed";
  EXPECT_EQ(b_.Hits("/"), 1) << "a disabled source is not fetched";

  EXPECT_EQ(CrawlWithSources(without_b), kExitOk) << err_;
  EXPECT_EQ(err_, "") << "a new run has none of b's URLs";
  EXPECT_EQ(RunStatuses(), (std::vector<std::string>{"completed", "completed"}));
  auto db = CheckedDatabase();
  for (int i = 1; i <= 2; ++i) EXPECT_NE(db.Posting(fmt::format("a-{}", i)), nullptr) << i;
}

TEST_F(RobustRunsTest, AnExceptionInADatabaseTaskFailsTheRunAndTheNextStartsAfresh) {
  Board(a_, "a", 4);
  crawler::CrawlSummary failed;
  {
    auto sqlite = storage::SqliteStore::Open(database_);
    ASSERT_TRUE(sqlite.ok()) << sqlite.status().message();
    ThrowingStore store(*sqlite.value(), /*fail_at=*/3);
    parsers::Matcher matcher(parsers::MatchRules{});
    crawler::Crawler crawler(options_, sources_, store, matcher);
    crawler::CrawlLimits limits;
    limits.max_duration = kSafetyNet;
    limits.handle_signals = false;
    failed = crawler.Run(limits);
  }
  EXPECT_EQ(failed.status, RunStatus::kFailed);
  EXPECT_THAT(failed.error, HasSubstr("disk on fire"));
  EXPECT_EQ(RunStatuses(), std::vector<std::string>{"failed"});
  CheckedDatabase();

  crawler::CrawlSummary next = Crawl();
  EXPECT_EQ(next.status, RunStatus::kCompleted) << next.error;
  EXPECT_FALSE(next.resumed);
  EXPECT_EQ(RunStatuses(), (std::vector<std::string>{"failed", "completed"}));
  auto db = CheckedDatabase();
  for (int i = 1; i <= 4; ++i) EXPECT_NE(db.Posting(fmt::format("a-{}", i)), nullptr) << i;
}

TEST_F(RobustRunsTest, AnExceptionInTheLoopFailsTheRunCleanly) {
  Board(a_, "a", 4);
  a_.DelayEverything(std::chrono::milliseconds(150), /*with_robots=*/false);
  options_.per_host_concurrency = 1;  // the run outlasts the first progress report
  crawler::CrawlSummary failed;
  {
    auto store = storage::SqliteStore::Open(database_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    parsers::Matcher matcher(parsers::MatchRules{});
    ThrowingObserver observer;
    crawler::Crawler crawler(options_, sources_, *store.value(), matcher, &observer);
    crawler::CrawlLimits limits;
    limits.max_duration = kSafetyNet;
    limits.handle_signals = false;
    failed = crawler.Run(limits);
  }
  EXPECT_EQ(failed.status, RunStatus::kFailed);
  EXPECT_THAT(failed.error, HasSubstr("internal error in the crawl loop: observer broke"));
  EXPECT_EQ(RunStatuses(), std::vector<std::string>{"failed"});
  CheckedDatabase();

  a_.DelayEverything(std::chrono::milliseconds(0), false);
  crawler::CrawlSummary next = Crawl();
  EXPECT_EQ(next.status, RunStatus::kCompleted) << next.error;
  auto db = CheckedDatabase();
  for (int i = 1; i <= 4; ++i) EXPECT_NE(db.Posting(fmt::format("a-{}", i)), nullptr) << i;
}

// The progress line is redrawn every 250 ms, also with --quiet: its count
// of queued URLs comes from memory, not from a query on the one database
// thread that also writes every page.
TEST_F(RobustRunsTest, TheProgressCountOfQueuedUrlsIsKeptInMemory) {
  Board(a_, "a", 8);
  a_.DelayEverything(std::chrono::milliseconds(120), /*with_robots=*/false);
  options_.per_host_concurrency = 1;  // about a second: several progress reports
  auto sqlite = storage::SqliteStore::Open(database_);
  ASSERT_TRUE(sqlite.ok()) << sqlite.status().message();
  CountingStore store(*sqlite.value());
  parsers::Matcher matcher(parsers::MatchRules{});
  ProgressLog progress;
  crawler::Crawler crawler(options_, sources_, store, matcher, &progress);
  crawler::CrawlLimits limits;
  limits.max_duration = kSafetyNet;
  limits.handle_signals = false;
  crawler::CrawlSummary summary = crawler.Run(limits);

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  ASSERT_GE(progress.queued.size(), 3u);
  EXPECT_LE(store.count_calls.load(), 1) << "asked the database at every progress report";
  EXPECT_GE(*std::max_element(progress.queued.begin(), progress.queued.end()), 4)
      << "the count follows the links found";
  EXPECT_EQ(progress.queued.back(), 0) << "nothing is left at the end";
  EXPECT_EQ(summary.progress.queued, 0);
}

// A database call that does not return must not hold a stop: the run ends
// within the bound, leaving the busy thread behind, and says so.
TEST_F(RobustRunsTest, AStopWhileADatabaseCallIsStuckEndsWithinTheBound) {
  Board(a_, "a", 6);
  a_.DelayEverything(std::chrono::milliseconds(50), /*with_robots=*/false);
  auto sqlite = storage::SqliteStore::Open(database_);
  ASSERT_TRUE(sqlite.ok()) << sqlite.status().message();
  BlockingStore store(*sqlite.value(), /*block_at=*/3);
  parsers::Matcher matcher(parsers::MatchRules{});
  crawler::CrawlSummary stopped;
  Clock::time_point stop_requested{};
  Clock::time_point returned{};
  {
    crawler::Crawler crawler(options_, sources_, store, matcher);
    std::thread stopper([&] {
      EXPECT_TRUE(store.WaitUntilBlocked(std::chrono::seconds(5)));
      stop_requested = Clock::now();
      crawler.RequestStop();
    });
    crawler::CrawlLimits limits;
    limits.max_duration = kSafetyNet;
    limits.handle_signals = false;
    stopped = crawler.Run(limits);
    returned = Clock::now();
    stopper.join();
  }
  EXPECT_LE(returned - stop_requested, crawler::kStopBound + std::chrono::milliseconds(500));
  EXPECT_EQ(stopped.status, RunStatus::kInterrupted) << stopped.error;
  EXPECT_TRUE(stopped.left_running);
  EXPECT_THAT(fmt::format("{}", fmt::join(stopped.notes, "\n")),
              HasSubstr("a database task was still running"));

  // Let the left-behind call end before the store goes.
  store.Release();
  const auto limit = Clock::now() + std::chrono::seconds(5);
  while (!store.returned() && Clock::now() < limit) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(store.returned());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // out of the call entirely
  sqlite.value().reset();

  a_.DelayEverything(std::chrono::milliseconds(0), false);
  crawler::CrawlSummary next = Crawl();
  EXPECT_TRUE(next.resumed) << "the stuck run was never recorded as ended";
  EXPECT_EQ(next.status, RunStatus::kCompleted) << next.error;
  auto db = CheckedDatabase();
  for (int i = 1; i <= 6; ++i) EXPECT_NE(db.Posting(fmt::format("a-{}", i)), nullptr) << i;
}

}  // namespace
}  // namespace jobcrawler::app
