// A crawl killed with SIGKILL at any point, in the middle of a database
// write included, loses nothing when it resumes: the file stays sound, no
// committed posting goes missing, none is stored twice, and the run ends with
// the export of a crawl that was never killed.
//
// The real jobcrawler binary crawls the demo board with the fault VFS
// preloaded (tests/app/crash_fault_vfs.cpp), which kills the process at its
// Nth SQLite write, after writing none, part or all of that write. The kill
// points are seeded and spread evenly over the writes of an undisturbed
// crawl; they are split into chains, and each chain kills one database again
// and again, resuming it each time, before letting the run finish. While a
// crawl runs, the test reads the committed postings, so that "committed
// before the kill" is what another reader saw, not what the next run says.
//
// JOBCRAWLER_CRASH_SEED and JOBCRAWLER_CRASH_POINTS change the seed and the
// number of points (for a longer search; the default is fixed).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/app/crash_fixture.h"

namespace jobcrawler::app {
namespace {

constexpr std::uint64_t kDefaultSeed = 20261120;
// Release: at least 50 kills; every chain is killed kPointsPerChain times
// unless its run ends first.
constexpr int kPoints = kSanitized ? 18 : 60;
constexpr int kPointsPerChain = 6;
// Besides, fresh crawls killed in their last writes (the end of the run
// recorded, its news, the final checkpoint), which chains, resuming, seldom
// reach: in the last 1/kTailShare of the writes. The last kTailGuard writes
// are left out: crawls of the same board differ by up to a dozen writes (how
// the writer's transactions fall), and a point past a crawl's end kills
// nothing.
constexpr int kTailPoints = kSanitized ? 3 : 6;
constexpr int kTailShare = 25;
constexpr int kTailGuard = 30;
// And fresh crawls killed in the checkpoint that copies the WAL into the
// database when it closes, after the run was recorded as ended: seeded
// points in the first half of an undisturbed crawl's closing writes (their
// number varies with where the last automatic checkpoint fell).
constexpr int kClosePoints = kSanitized ? 2 : 4;
constexpr std::chrono::milliseconds kReadEvery{15};

std::int64_t EnvNumber(const char* name, std::int64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::strtoll(text, nullptr, 10) : fallback;
}

struct KillPoint {
  std::int64_t at_write;  // in the whole undisturbed crawl, from 1
  std::int64_t prefix;    // bytes of the last write that reach the file
};

// `count` points, one in each of `count` equal slices of [1, writes].
std::vector<KillPoint> SpreadPoints(int count, std::int64_t writes, std::mt19937_64& random) {
  std::vector<KillPoint> points;
  std::uniform_real_distribution<double> within(0.0, 1.0);
  std::uniform_int_distribution<std::int64_t> torn(1, 4095);
  for (int i = 0; i < count; ++i) {
    const double slice = (i + within(random)) / count;
    const auto at = 1 + static_cast<std::int64_t>(slice * static_cast<double>(writes - 1));
    // Before the write, after it, or torn inside it (SQLite writes pages of
    // 4096 bytes and WAL frame headers of 24).
    const int kind = static_cast<int>(random() % 4);
    const std::int64_t prefix = kind == 0 ? 0 : kind == 1 ? (1 << 20) : torn(random);
    points.push_back({at, prefix});
  }
  return points;
}

// Reads the committed postings over and over while a crawl runs.
class PostingWatcher {
 public:
  explicit PostingWatcher(std::string database)
      : database_(std::move(database)), thread_([this] { Watch(); }) {}
  ~PostingWatcher() { Stop(); }

  // The last rows read, after stopping the reads.
  std::set<PostingRow> Stop() {
    done_ = true;
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    return seen_;
  }

 private:
  void Watch() {
    while (!done_) {
      try {
        std::set<PostingRow> rows = ReadPostings(database_);
        std::lock_guard lock(mutex_);
        seen_ = std::move(rows);
      } catch (const std::exception&) {
        // Not created yet, or busy: read again.
      }
      std::this_thread::sleep_for(kReadEvery);
    }
  }

  std::string database_;
  std::atomic<bool> done_{false};
  std::mutex mutex_;
  std::set<PostingRow> seen_;  // guarded by mutex_
  std::thread thread_;         // last: it reads the members above
};

class CrashTest : public CrashFixture {
 protected:
  enum class Phase { kStart, kCrawl, kAfterRun };

  // Where the kill left the database: before its first page, while the run
  // crawled, or after the run was recorded as ended.
  static Phase PhaseOf(const std::string& database) {
    auto rows = [&](const char* sql) {
      try {
        return testing::QueryDatabase(database, sql);
      } catch (const std::exception&) {
        return std::vector<testing::SqliteRow>{};  // no schema yet
      }
    };
    auto runs = rows("SELECT status FROM runs ORDER BY id DESC");
    if (!runs.empty() && runs[0][0] != "running") return Phase::kAfterRun;
    return rows("SELECT 1 FROM pages LIMIT 1").empty() ? Phase::kStart : Phase::kCrawl;
  }

  // One crawl of `database` killed at its `at`th write (of the closing
  // checkpoint when `at_close`); the checks of a kill. Returns false when the
  // crawl ended before it got there.
  bool KillAndCheck(const std::string& database, std::int64_t at, std::int64_t prefix,
                    std::set<PostingRow>& committed, bool at_close = false) {
    SCOPED_TRACE(fmt::format("killed at write {} of the {}, {} bytes of it written", at,
                             at_close ? "closing checkpoint" : "crawl", prefix));
    // No reader in the closing checkpoint's crawls: SQLite checkpoints and
    // removes the WAL at close only when no other connection reads.
    std::optional<PostingWatcher> watcher;
    if (!at_close) watcher.emplace(database);
    pid_t pid = StartCrawl(
        database, {fmt::format("JOBCRAWLER_FAULT_KILL_AT_{}WRITE={}", at_close ? "CLOSE_" : "", at),
                   fmt::format("JOBCRAWLER_FAULT_KILL_PREFIX={}", prefix)});
    EXPECT_GT(pid, 0);
    CrawlOutcome outcome = Finish(pid, database);
    const std::set<PostingRow> seen = watcher ? watcher->Stop() : std::set<PostingRow>{};
    if (outcome.ExitedWith(0)) return false;  // the run was over before that write
    EXPECT_TRUE(outcome.Killed()) << outcome.Describe() << "\n" << outcome.log;
    ++kills_;
    // A kill before the switch to WAL leaves a hot rollback journal, which
    // only a connection that may write can roll back (as the next run does).
    EXPECT_EQ(testing::IntegrityCheck(database, testing::ProbeOpen::kRecover), "ok");
    ++phases_[static_cast<int>(PhaseOf(database))];
    const std::set<PostingRow> now = ReadPostings(database);
    EXPECT_EQ(Lost(seen, now), "") << "postings read before the kill are gone";
    EXPECT_EQ(Lost(committed, now), "") << "postings present after the last kill are gone";
    EXPECT_EQ(Duplicates(database), "");
    committed = now;
    return true;
  }

  // Kills one database at `points` in turn (writes of the closing checkpoint
  // when `at_close`), then lets the run finish.
  void RunChain(const std::string& database, const std::vector<KillPoint>& points,
                bool at_close = false) {
    std::set<PostingRow> committed;
    std::int64_t done = 0;  // writes the earlier crawls of the chain got to
    for (const KillPoint& point : points) {
      const std::int64_t at =
          at_close ? point.at_write : std::max<std::int64_t>(1, point.at_write - done);
      done = point.at_write;
      if (!KillAndCheck(database, at, point.prefix, committed, at_close)) break;
      if (HasFailure()) return;
    }
    CrawlOutcome last = Crawl(database);
    ASSERT_TRUE(last.ExitedWith(0)) << last.Describe() << "\n" << last.log;
    EXPECT_EQ(testing::IntegrityCheck(database), "ok");
    const auto runs = testing::QueryDatabase(database, "SELECT status FROM runs");
    for (const auto& run : runs) EXPECT_EQ(run[0], "completed");
    EXPECT_EQ(Lost(committed, ReadPostings(database)), "");
    EXPECT_EQ(Export(database), reference_export_) << "the export of an undisturbed crawl";
  }

  int kills_ = 0;
  int phases_[3] = {0, 0, 0};
};

TEST_F(CrashTest, AKillAtAnyWriteLosesNothingAndTheRunEndsAsIfUndisturbed) {
  ASSERT_NO_FATAL_FAILURE(CrawlReference());
  const auto seed = static_cast<std::uint64_t>(EnvNumber("JOBCRAWLER_CRASH_SEED", kDefaultSeed));
  const int count = static_cast<int>(EnvNumber("JOBCRAWLER_CRASH_POINTS", kPoints));
  SCOPED_TRACE(fmt::format("JOBCRAWLER_CRASH_SEED={} JOBCRAWLER_CRASH_POINTS={}", seed, count));
  std::mt19937_64 random(seed);
  const std::vector<KillPoint> points = SpreadPoints(count, reference_stats_.writes, random);

  // Chain c takes points c, c + chains, ...: each spread over the whole run.
  const int chains = std::max(1, (count + kPointsPerChain - 1) / kPointsPerChain);
  for (int c = 0; c < chains; ++c) {
    std::vector<KillPoint> chain;
    for (int i = c; i < count; i += chains) chain.push_back(points[static_cast<std::size_t>(i)]);
    SCOPED_TRACE(fmt::format("chain {}", c));
    RunChain(dir_.File(fmt::format("chain-{}.db", c)), chain);
    if (HasFailure()) return;
  }
  const int chain_kills = kills_;
  const std::int64_t writes = reference_stats_.writes;
  const std::vector<KillPoint> tail =
      SpreadPoints(kTailPoints, writes / kTailShare - kTailGuard, random);
  for (std::size_t i = 0; i < tail.size(); ++i) {
    SCOPED_TRACE(fmt::format("tail {}", i));
    RunChain(dir_.File(fmt::format("tail-{}.db", i)),
             {{writes - kTailGuard - tail[i].at_write + 1, tail[i].prefix}});
    if (HasFailure()) return;
  }
  const int before_close = kills_;
  ASSERT_GT(reference_stats_.close_writes, 1) << "the closing checkpoint was not seen";
  const std::vector<KillPoint> close =
      SpreadPoints(kClosePoints, reference_stats_.close_writes / 2, random);
  for (std::size_t i = 0; i < close.size(); ++i) {
    SCOPED_TRACE(fmt::format("close {}", i));
    RunChain(dir_.File(fmt::format("close-{}.db", i)), {close[i]}, /*at_close=*/true);
    if (HasFailure()) return;
  }
  RecordProperty("kills", kills_);
  RecordProperty("writes_per_crawl", std::to_string(writes));
  std::printf(
      "%d kills over %lld writes: %d before the first page, %d while crawling, %d after the run "
      "ended\n",
      kills_, static_cast<long long>(writes), phases_[0], phases_[1], phases_[2]);
  // A chain stops killing when its run ends before the next point.
  EXPECT_GE(chain_kills, count - chains);
  EXPECT_GT(phases_[static_cast<int>(Phase::kCrawl)], count / 2);
  EXPECT_EQ(kills_ - before_close, kClosePoints) << "every kill in the closing checkpoint";
  EXPECT_GE(phases_[static_cast<int>(Phase::kAfterRun)], kClosePoints);
}

}  // namespace
}  // namespace jobcrawler::app
