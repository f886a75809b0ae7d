// The crawl loop's outstanding work, counted in one place. Internal to
// crawler/.
//
// Every operation the loop waits for (a page or robots.txt fetch, a parse, a
// store call) holds a WorkToken from PendingWork::Begin until it is over. A
// token gives its registration back when it is released or destroyed,
// whichever comes first, so every path gives it back: completed, failed,
// cancelled, or dropped unrun by a stopped worker thread. When the last
// registration goes, `on_idle` is posted to the loop through its LoopLink,
// never called from the releasing thread or from inside a handler.
//
// Thread-safe: tokens may be released on any thread, also after the loop is
// gone (the counts are shared; a post to a closed link is dropped).
#ifndef JOBCRAWLER_CRAWLER_PENDING_WORK_H_
#define JOBCRAWLER_CRAWLER_PENDING_WORK_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

namespace jobcrawler::crawler {

// Posts handlers to the crawl loop's io_context while the loop runs. Worker
// threads reach the loop only through this, so that a thread that is still
// busy when the loop has gone (see WorkerThreads::JoinFor) posts nothing to
// a dead io_context. Thread-safe.
class LoopLink {
 public:
  explicit LoopLink(boost::asio::io_context& io) : io_(&io) {}
  LoopLink(const LoopLink&) = delete;
  LoopLink& operator=(const LoopLink&) = delete;

  // Queues `handler` on the loop; false (and `handler` is destroyed by the
  // caller's thread, unrun) once the link is closed.
  template <typename Handler>
  bool Post(Handler handler) {
    std::lock_guard lock(mutex_);
    if (io_ == nullptr) return false;
    boost::asio::post(*io_, std::move(handler));
    return true;
  }

  // After this, Post drops everything. Call before the io_context goes.
  void Close() {
    std::lock_guard lock(mutex_);
    io_ = nullptr;
  }

 private:
  std::mutex mutex_;
  boost::asio::io_context* io_;  // null once closed
};

enum class WorkKind {
  kPageFetch,
  kRobotsFetch,
  kParse,
  kPageWrite,
  kLease,
  kQueuedTime,     // asking the store when the next retry is due
  kRobotsLookup,   // reading the cached robots.txt
  kRobotsSave,
  kSitemapAdd,
  kCount  // not a kind
};

class PendingWork;
struct PendingWorkState;

// One registered operation. Copies share the registration, which is given
// back once: by the first Release() or when the last copy is destroyed.
class WorkToken {
 public:
  WorkToken() = default;
  void Release() {
    if (registration_) registration_->Release();
    registration_.reset();
  }

 private:
  friend class PendingWork;
  class Registration;
  explicit WorkToken(std::shared_ptr<Registration> registration)
      : registration_(std::move(registration)) {}
  class Registration {
   public:
    Registration(std::shared_ptr<PendingWorkState> state, WorkKind kind)
        : state_(std::move(state)), kind_(kind) {}
    ~Registration() { Release(); }
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;
    void Release();

   private:
    std::shared_ptr<PendingWorkState> state_;
    WorkKind kind_;
    std::atomic<bool> released_{false};
  };
  std::shared_ptr<Registration> registration_;
};

// Shared by PendingWork and every registration, so that a token released
// after the loop has gone still finds its counts.
struct PendingWorkState {
  std::array<std::atomic<int>, static_cast<std::size_t>(WorkKind::kCount)> counts{};
  std::atomic<int> total{0};
  std::shared_ptr<LoopLink> link;
  std::function<void()> on_idle;  // posted through `link`; runs on the loop
};

class PendingWork {
 public:
  // `on_idle` runs on the loop thread after the count dropped to zero (by
  // then new work may have begun: it must check again).
  PendingWork(std::shared_ptr<LoopLink> link, std::function<void()> on_idle);

  // Registers an operation of `kind`; it is outstanding until the token is
  // released. Loop thread.
  WorkToken Begin(WorkKind kind);

  int Outstanding() const { return state_->total.load(); }
  int Outstanding(WorkKind kind) const {
    return state_->counts[static_cast<std::size_t>(kind)].load();
  }
  // "2 page fetches, 1 parse": what is outstanding; "" when nothing is.
  std::string Describe() const;

 private:
  std::shared_ptr<PendingWorkState> state_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_PENDING_WORK_H_
