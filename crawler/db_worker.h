// The database thread: the one thread that touches the Store while a crawl
// runs. Work is posted to it as `void(storage::Store&)` callables and runs
// in order; results go back to the fetch loop through its LoopLink.
// An exception that escapes a task is handed to `on_exception` (on the
// database thread) and does not end the thread. Internal to crawler/.
#ifndef JOBCRAWLER_CRAWLER_DB_WORKER_H_
#define JOBCRAWLER_CRAWLER_DB_WORKER_H_

#include <chrono>
#include <utility>

#include "crawler/worker_threads.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

class DbWorker {
 public:
  // `store` must outlive the DbWorker, and, when JoinFor gave up, the
  // detached thread (see WorkerThreads).
  DbWorker(storage::Store& store, WorkerThreads::ExceptionHandler on_exception)
      : store_(store), thread_(1, std::move(on_exception)) {}

  // Runs `work(store)` on the database thread, after all work posted before.
  template <typename Work>
  void Post(Work work) {
    thread_.Post([store = &store_, work = std::move(work)]() mutable { work(*store); });
  }

  // Finishes the posted work and joins the thread, waiting at most `limit`
  // (see WorkerThreads::JoinFor).
  bool JoinFor(std::chrono::milliseconds limit) { return thread_.JoinFor(limit); }

 private:
  storage::Store& store_;
  WorkerThreads thread_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_DB_WORKER_H_
