// A crawl stopped at any moment (SIGTERM, SIGINT, --max-duration) exits
// within the stop bound, is recorded as interrupted, and loses nothing: the
// next crawl completes it with the same postings as a crawl never stopped.
//
// The real binary against two slow local hosts, stopped at many points so
// that each kind of pending work is outstanding at some stop (a robots.txt
// fetch, page fetches, parses of large pages on one parser thread, page
// writes, leases). A race that hangs one stop in three is caught with near
// certainty by this many stops.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "crawler/crawler.h"
#include "storage/sqlite_store.h"
#include "tests/support/hostile_site.h"
#include "tests/support/spawn.h"
#include "tests/support/sqlite_probe.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using std::chrono::milliseconds;
using testing::HostileSite;
using testing::QueryDatabase;
using Clock = std::chrono::steady_clock;

constexpr int kJobsPerHost = 24;
// Beyond the bound, for the process to start up and exit.
constexpr milliseconds kExitSlack{2000};
// A crawl that nobody stops; only a hung one reaches this.
constexpr milliseconds kCrawlLimit{30000};

// A job page with enough HTML around the posting that parsing it takes a
// moment, so that parses queue up behind the one parser thread.
std::string HeavyJobPage(const std::string& id) {
  std::string page = testing::JobPage(id, "IT-Leiter " + id);
  std::string filler;
  for (int i = 0; i < 2000; ++i) filler += fmt::format("<p class=\"f\">Absatz {} <b>x</b></p>", i);
  page.insert(page.find("</body>"), filler);
  return page;
}

// One board per host whose answers wait as long as the test says.
class SlowBoard {
 public:
  SlowBoard(const std::string& address, const std::string& prefix) : site_(address) {
    std::vector<std::string> links;
    for (int i = 1; i <= kJobsPerHost; ++i) {
      std::string target = fmt::format("/jobs/{}", i);
      links.push_back(target);
      site_.On(target, Delayed(HttpReply::Html(HeavyJobPage(fmt::format("{}-{}", prefix, i))),
                               page_delay_));
    }
    site_.On("/", Delayed(HttpReply::Html(testing::LinkPage(links)), page_delay_));
    site_.On("/robots.txt", Delayed(HttpReply::Text("User-agent: *\nAllow: /\n"), robots_delay_));
  }

  void SetDelays(milliseconds page, milliseconds robots) {
    page_delay_->store(page.count());
    robots_delay_->store(robots.count());
  }
  const HostileSite& site() const { return site_; }

 private:
  using Delay = std::shared_ptr<std::atomic<long long>>;
  static HostileSite::Route Delayed(HttpReply reply, Delay delay) {
    return [reply, delay](const HttpRequestInfo&, int) {
      HttpReply delayed = reply;
      delayed.delay = milliseconds(delay->load());
      return delayed;
    };
  }

  Delay page_delay_ = std::make_shared<std::atomic<long long>>(0);
  Delay robots_delay_ = std::make_shared<std::atomic<long long>>(0);
  HostileSite site_;  // last: its thread reads the delays
};

enum class StopBy { kSigterm, kSigint, kMaxDuration };

struct StopCase {
  StopBy by;
  milliseconds after;  // after the first request (signals); ignored for kMaxDuration
  milliseconds page_delay;
  milliseconds robots_delay;
};

std::string Describe(const StopCase& c) {
  const char* by = c.by == StopBy::kSigterm ? "SIGTERM" : c.by == StopBy::kSigint ? "SIGINT"
                                                                                  : "--max-duration 1";
  return fmt::format("{} {} ms after the first request, pages {} ms, robots.txt {} ms", by,
                     c.after.count(), c.page_delay.count(), c.robots_delay.count());
}

using PostingKey = std::tuple<std::string, std::string, std::string>;  // identifier, title, url

class StopTest : public ::testing::Test {
 protected:
  StopTest() : a_("127.0.0.1", "a"), b_("127.0.0.2", "b") {
    config_ = dir_.File("config.toml");
    std::ofstream(config_) << fmt::format(
        "[crawler]\nuser_agent = \"jobcrawler-test/1.0 (+tests)\"\nconcurrency = 8\n"
        "per_host_concurrency = 4\nper_host_delay_ms = 0\ntimeout_seconds = 20\n"
        "connect_timeout_seconds = 2\nmax_attempts = 2\nparse_threads = 1\nuse_sitemaps = false\n"
        "[[sources]]\nname = \"a\"\nstart_urls = [\"{}\"]\n"
        "[[sources]]\nname = \"b\"\nstart_urls = [\"{}\"]\n",
        a_.site().Url("/"), b_.site().Url("/"));
  }

  int Requests() const {
    return static_cast<int>(a_.site().Requests().size() + b_.site().Requests().size());
  }

  pid_t StartCrawl(const std::string& database, int max_duration_seconds) {
    return testing::Spawn({JOBCRAWLER_BINARY, "crawl", "--quiet", "--config", config_, "--db",
                           database, "--max-duration", std::to_string(max_duration_seconds)},
                          database + ".log");
  }

  static std::string Log(const std::string& database) {
    std::ifstream in(database + ".log");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Runs a crawl to its end; false when it failed or did not end in time.
  bool CrawlToTheEnd(const std::string& database) {
    a_.SetDelays(milliseconds(0), milliseconds(0));
    b_.SetDelays(milliseconds(0), milliseconds(0));
    pid_t pid = StartCrawl(database, 60);
    std::optional<int> status = testing::WaitForExit(pid, kCrawlLimit);
    if (!status) {
      testing::KillGroup(pid);
      ADD_FAILURE() << "a crawl without a stop did not end\n" << Log(database);
      return false;
    }
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << Log(database);
    return WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
  }

  static std::set<PostingKey> Postings(const std::string& database) {
    std::set<PostingKey> keys;
    auto store = storage::SqliteStore::Open(database);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return keys;
    auto rows = store.value()->ListPostings(storage::PostingQuery{});
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok()) return keys;
    for (const auto& row : rows.value()) {
      keys.emplace(row.posting.identifier, row.posting.title, row.url);
    }
    EXPECT_EQ(keys.size(), rows->size()) << "a posting stored twice";
    return keys;
  }

  // Starts a crawl, stops it as `c` says, and checks how it ended.
  void StopAndCheck(const StopCase& c, int index) {
    SCOPED_TRACE(Describe(c));
    const std::string database = dir_.File(fmt::format("stop-{}.db", index));
    a_.SetDelays(c.page_delay, c.robots_delay);
    b_.SetDelays(c.page_delay, milliseconds(0));
    const int requests_before = Requests();
    const bool by_deadline = c.by == StopBy::kMaxDuration;
    pid_t pid = StartCrawl(database, by_deadline ? 1 : 60);
    ASSERT_GT(pid, 0);
    Clock::time_point stop_at = Clock::now() + std::chrono::seconds(1);
    if (!by_deadline) {
      auto limit = Clock::now() + std::chrono::seconds(10);
      while (Requests() == requests_before && Clock::now() < limit) {
        std::this_thread::sleep_for(milliseconds(1));
      }
      std::this_thread::sleep_for(c.after);
      stop_at = Clock::now();
      kill(pid, c.by == StopBy::kSigterm ? SIGTERM : SIGINT);
    }
    std::optional<int> status = testing::WaitForExit(
        pid, std::chrono::duration_cast<milliseconds>(stop_at - Clock::now()) +
                 crawler::kStopBound + kExitSlack);
    const auto exited_after = Clock::now() - stop_at;
    if (!status) {
      testing::KillGroup(pid);
      FAIL() << "still running " << (crawler::kStopBound + kExitSlack).count()
             << " ms after the stop\n" << Log(database);
    }
    ASSERT_TRUE(WIFEXITED(*status)) << "ended by a signal\n" << Log(database);
    EXPECT_EQ(WEXITSTATUS(*status), 0) << Log(database);
    EXPECT_LE(exited_after, crawler::kStopBound + kExitSlack);
    auto runs = QueryDatabase(database, "SELECT status FROM runs");
    ASSERT_EQ(runs.size(), 1u);
    ASSERT_EQ(runs[0][0], "interrupted") << "the crawl must still be running at the stop\n"
                                         << Log(database);
    EXPECT_EQ(testing::IntegrityCheck(database), "ok");
    EXPECT_TRUE(QueryDatabase(database, "SELECT 1 FROM frontier WHERE state = 'leased'").empty())
        << "a stopped run returns its leases";

    ASSERT_TRUE(CrawlToTheEnd(database)) << "the next crawl completes the run";
    runs = QueryDatabase(database, "SELECT status FROM runs");
    ASSERT_EQ(runs.size(), 1u) << "the next crawl resumes the stopped run";
    EXPECT_EQ(runs[0][0], "completed");
    EXPECT_EQ(Postings(database), reference_) << "nothing lost, nothing doubled";
  }

  testing::TempDir dir_;
  std::string config_;
  std::set<PostingKey> reference_;
  SlowBoard a_;
  SlowBoard b_;
};

TEST_F(StopTest, AStopAtAnyMomentEndsWithinTheBoundAndLosesNothing) {
  const std::string reference_db = dir_.File("reference.db");
  ASSERT_TRUE(CrawlToTheEnd(reference_db));
  reference_ = Postings(reference_db);
  ASSERT_EQ(reference_.size(), static_cast<std::size_t>(2 * kJobsPerHost));

  std::vector<StopCase> cases;
  // The first points catch the robots.txt fetch and the first lease in
  // flight; later ones page fetches, parses, writes and leases.
  const int points[] = {0, 10, 30, 60, 100, 150, 220, 300};
  for (int i = 0; i < 8; ++i) {
    milliseconds robots(i < 3 ? 150 : 0);
    cases.push_back({StopBy::kSigterm, milliseconds(points[i]), milliseconds(80), robots});
    cases.push_back({StopBy::kSigint, milliseconds(points[(i + 3) % 8]), milliseconds(60), robots});
  }
  // --max-duration 1: page fetches in flight; robots.txt in flight; parses.
  cases.push_back({StopBy::kMaxDuration, milliseconds(0), milliseconds(250), milliseconds(0)});
  cases.push_back({StopBy::kMaxDuration, milliseconds(0), milliseconds(20), milliseconds(1500)});
  cases.push_back({StopBy::kMaxDuration, milliseconds(0), milliseconds(200), milliseconds(0)});

  const auto started = Clock::now();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    StopAndCheck(cases[i], static_cast<int>(i));
    if (HasFatalFailure()) return;
  }
  RecordProperty("seconds", std::to_string(
                                std::chrono::duration<double>(Clock::now() - started).count()));
}

// Another connection holds the database's write lock at the stop: every
// call of the crawler's database thread waits, the final write included.
// The process still exits within the bound (leaving that thread behind), and
// the next crawl resumes the run.
TEST_F(StopTest, AStopWhileTheDatabaseIsLockedEndsWithinTheBound) {
  const std::string reference_db = dir_.File("reference.db");
  ASSERT_TRUE(CrawlToTheEnd(reference_db));
  reference_ = Postings(reference_db);

  const std::string database = dir_.File("locked.db");
  a_.SetDelays(milliseconds(80), milliseconds(0));
  b_.SetDelays(milliseconds(80), milliseconds(0));
  pid_t pid = StartCrawl(database, 60);
  ASSERT_GT(pid, 0);
  auto pages = [&] {
    try {
      return std::stoi(QueryDatabase(database, "SELECT COUNT(*) FROM pages")[0][0]);
    } catch (const std::exception&) {
      return 0;  // not created yet
    }
  };
  auto limit = Clock::now() + std::chrono::seconds(10);
  while (pages() < 6 && Clock::now() < limit) std::this_thread::sleep_for(milliseconds(5));
  ASSERT_GE(pages(), 6) << Log(database);

  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open_v2(database.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> lock(raw, &sqlite3_close_v2);
  sqlite3_busy_timeout(lock.get(), 5000);
  ASSERT_EQ(sqlite3_exec(lock.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(lock.get());
  const Clock::time_point stop_at = Clock::now();
  kill(pid, SIGTERM);
  std::optional<int> status = testing::WaitForExit(pid, crawler::kStopBound + kExitSlack);
  const auto exited_after = Clock::now() - stop_at;
  sqlite3_exec(lock.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  lock.reset();
  if (!status) {
    testing::KillGroup(pid);
    FAIL() << "still running with the database locked\n" << Log(database);
  }
  ASSERT_TRUE(WIFEXITED(*status)) << Log(database);
  EXPECT_EQ(WEXITSTATUS(*status), 0) << Log(database);
  EXPECT_LE(exited_after, crawler::kStopBound + kExitSlack);
  EXPECT_NE(Log(database).find("was still running and was left behind"), std::string::npos)
      << Log(database);
  EXPECT_EQ(testing::IntegrityCheck(database), "ok");

  ASSERT_TRUE(CrawlToTheEnd(database));
  auto runs = QueryDatabase(database, "SELECT status FROM runs");
  ASSERT_EQ(runs.size(), 1u) << "the next crawl resumes the run";
  EXPECT_EQ(runs[0][0], "completed");
  EXPECT_EQ(Postings(database), reference_);
}

}  // namespace
}  // namespace jobcrawler::app
