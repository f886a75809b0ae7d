// The database thread: the one thread that touches the Store while a crawl
// runs. Work is posted to it as `void(storage::Store&)` callables and runs
// in order; results go back to the fetch loop by posting to its executor.
// Internal to crawler/ (keeps Asio out of public headers).
#ifndef JOBCRAWLER_CRAWLER_DB_WORKER_H_
#define JOBCRAWLER_CRAWLER_DB_WORKER_H_

#include <thread>
#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "storage/store.h"

namespace jobcrawler::crawler {

class DbWorker {
 public:
  explicit DbWorker(storage::Store& store)
      : store_(store), guard_(io_.get_executor()), thread_([this] { io_.run(); }) {}
  ~DbWorker() { Join(); }
  DbWorker(const DbWorker&) = delete;
  DbWorker& operator=(const DbWorker&) = delete;

  // Runs `work(store)` on the database thread, after all work posted before.
  template <typename Work>
  void Post(Work work) {
    boost::asio::post(io_, [this, work = std::move(work)]() mutable { work(store_); });
  }

  // Finishes all posted work and joins the thread. Idempotent.
  void Join() {
    guard_.reset();
    if (thread_.joinable()) thread_.join();
  }

 private:
  storage::Store& store_;
  boost::asio::io_context io_;  // before guard_ and thread_, which use it
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
  std::thread thread_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_DB_WORKER_H_
