// A fixed number of threads that run posted tasks, for the work the crawl
// loop must not do on its own thread: parsing, the database. With one thread,
// tasks run in the order they were posted. Internal to crawler/.
//
// Shutdown is bounded: JoinFor lets the threads finish every task posted so
// far and joins them, but gives up after a limit. Then the threads stop after
// the task each is running (tasks not yet started are destroyed unrun) and
// are detached: a process must never hang on a stuck parse or a stuck
// database call. A detached thread keeps its own state alive; whatever its
// running task touches must outlive it too (see CrawlSummary::left_running).
#ifndef JOBCRAWLER_CRAWLER_WORKER_THREADS_H_
#define JOBCRAWLER_CRAWLER_WORKER_THREADS_H_

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

namespace jobcrawler::crawler {

class WorkerThreads {
 public:
  // Called on a worker thread with the message of an exception that escaped
  // a task; the task is over and the thread goes on with the next one.
  using ExceptionHandler = std::function<void(const std::string& message)>;

  WorkerThreads(int threads, ExceptionHandler on_exception);
  // JoinFor(0): whatever still runs is stopped after its task and detached.
  ~WorkerThreads();
  WorkerThreads(const WorkerThreads&) = delete;
  WorkerThreads& operator=(const WorkerThreads&) = delete;

  // Queues `task()` (any thread). After JoinFor, tasks are destroyed unrun.
  template <typename Task>
  void Post(Task task) {
    boost::asio::post(state_->io, [state = state_.get(), task = std::move(task)]() mutable {
      // `state` lives as long as the thread that runs this.
      try {
        task();
      } catch (const std::exception& e) {
        state->Report(e.what());
      } catch (...) {
        state->Report("unknown exception");
      }
    });
  }

  // Lets the threads run every task posted so far, then joins them; true when
  // they ended within `limit`. Otherwise stops them after their current task,
  // detaches them and returns false. Idempotent (true once joined).
  bool JoinFor(std::chrono::milliseconds limit);

 private:
  struct State {
    void Report(const std::string& message) {
      if (on_exception) on_exception(message);
    }
    boost::asio::io_context io;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard;
    ExceptionHandler on_exception;
    std::mutex mutex;  // guards `exited`
    std::condition_variable exited_changed;
    std::size_t exited = 0;  // threads whose run() has returned
  };

  std::shared_ptr<State> state_;
  std::vector<std::thread> threads_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_WORKER_THREADS_H_
