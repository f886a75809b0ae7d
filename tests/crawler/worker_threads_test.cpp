// The crawl loop's plumbing: PendingWork (one count of outstanding work,
// released on every path) and WorkerThreads (bounded joins that leave a
// stuck task behind instead of hanging).
#include "crawler/worker_threads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "crawler/pending_work.h"

namespace jobcrawler::crawler {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// A gate a task waits at until the test opens it.
class Gate {
 public:
  void Open() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  void Wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
};

class PendingWorkTest : public ::testing::Test {
 protected:
  boost::asio::io_context io_;
  std::shared_ptr<LoopLink> link_ = std::make_shared<LoopLink>(io_);
  int idle_calls_ = 0;
  PendingWork work_{link_, [this] { ++idle_calls_; }};
};

TEST_F(PendingWorkTest, CountsEachKindAndDescribesWhatIsOutstanding) {
  WorkToken a = work_.Begin(WorkKind::kPageFetch);
  WorkToken b = work_.Begin(WorkKind::kPageFetch);
  WorkToken c = work_.Begin(WorkKind::kParse);
  EXPECT_EQ(work_.Outstanding(), 3);
  EXPECT_EQ(work_.Outstanding(WorkKind::kPageFetch), 2);
  EXPECT_EQ(work_.Describe(), "2 page fetches, 1 parse");
  b.Release();
  EXPECT_EQ(work_.Describe(), "1 page fetch, 1 parse");
}

TEST_F(PendingWorkTest, TheLastReleasePostsTheIdleCheckOnce) {
  {
    WorkToken fetch = work_.Begin(WorkKind::kPageFetch);
    WorkToken copy = fetch;  // travels in two lambdas, released once
    fetch.Release();
    EXPECT_EQ(work_.Outstanding(), 0);
    EXPECT_EQ(idle_calls_, 0) << "posted, not called from inside the release";
  }  // `copy` goes without releasing again
  io_.run();
  EXPECT_EQ(idle_calls_, 1);
}

TEST_F(PendingWorkTest, ADestroyedTokenIsReleasedAlsoOnAnotherThread) {
  auto token = std::make_unique<WorkToken>(work_.Begin(WorkKind::kPageWrite));
  std::thread other([&] { token.reset(); });
  other.join();
  EXPECT_EQ(work_.Outstanding(), 0);
  io_.run();
  EXPECT_EQ(idle_calls_, 1);
}

TEST_F(PendingWorkTest, AReleaseAfterTheLinkClosedPostsNothing) {
  WorkToken late = work_.Begin(WorkKind::kParse);
  link_->Close();
  late.Release();
  EXPECT_EQ(work_.Outstanding(), 0);
  EXPECT_EQ(io_.poll(), 0u);
  EXPECT_EQ(idle_calls_, 0);
}

TEST(WorkerThreads, OneThreadRunsTasksInOrderAndJoinWaitsForThemAll) {
  std::vector<int> order;
  WorkerThreads threads(1, nullptr);
  for (int i = 0; i < 50; ++i) threads.Post([&order, i] { order.push_back(i); });
  EXPECT_TRUE(threads.JoinFor(milliseconds(5000)));
  ASSERT_EQ(order.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(order[i], i);
}

TEST(WorkerThreads, AnExceptionIsReportedAndTheThreadGoesOn) {
  std::vector<std::string> reported;
  std::mutex mutex;
  bool ran_after = false;
  WorkerThreads threads(1, [&](const std::string& message) {
    std::lock_guard lock(mutex);
    reported.push_back(message);
  });
  threads.Post([] { throw std::runtime_error("disk on fire"); });
  threads.Post([&] { ran_after = true; });
  EXPECT_TRUE(threads.JoinFor(milliseconds(5000)));
  EXPECT_EQ(reported, std::vector<std::string>{"disk on fire"});
  EXPECT_TRUE(ran_after);
}

TEST(WorkerThreads, AStuckTaskIsLeftBehindWithinTheLimitAndQueuedOnesAreDropped) {
  auto gate = std::make_shared<Gate>();
  auto finished = std::make_shared<std::atomic<bool>>(false);
  auto queued_ran = std::make_shared<std::atomic<bool>>(false);
  // The queued task's state tells whether it was destroyed unrun.
  auto queued_alive = std::make_shared<int>(0);
  std::weak_ptr<int> queued_watch = queued_alive;
  auto started = std::make_shared<std::atomic<bool>>(false);
  {
    WorkerThreads threads(1, nullptr);
    threads.Post([gate, finished, started] {
      started->store(true);
      gate->Wait();
      finished->store(true);
    });
    threads.Post([queued_ran, alive = std::move(queued_alive)] { queued_ran->store(true); });
    while (!started->load()) std::this_thread::sleep_for(milliseconds(1));
    const auto before = Clock::now();
    EXPECT_FALSE(threads.JoinFor(milliseconds(200)));
    EXPECT_LT(Clock::now() - before, milliseconds(2000)) << "JoinFor waited for the stuck task";
  }  // the WorkerThreads are gone; the detached thread is still in the task
  EXPECT_FALSE(finished->load());
  gate->Open();
  const auto limit = Clock::now() + std::chrono::seconds(5);
  while (!queued_watch.expired() && Clock::now() < limit) {
    std::this_thread::sleep_for(milliseconds(1));
  }
  EXPECT_TRUE(finished->load()) << "the stuck task ran to its end on its own";
  EXPECT_TRUE(queued_watch.expired()) << "the queued task was destroyed with the thread's state";
  EXPECT_FALSE(queued_ran->load()) << "a task queued behind a stuck one is dropped, not run";
}

TEST(WorkerThreads, JoinIsIdempotentAndTasksPostedAfterItNeverRun) {
  std::atomic<int> runs{0};
  WorkerThreads threads(2, nullptr);
  threads.Post([&] { ++runs; });
  EXPECT_TRUE(threads.JoinFor(milliseconds(5000)));
  EXPECT_TRUE(threads.JoinFor(milliseconds(0)));
  threads.Post([&] { ++runs; });
  std::this_thread::sleep_for(milliseconds(20));
  EXPECT_EQ(runs.load(), 1);
}

}  // namespace
}  // namespace jobcrawler::crawler
