#include "crawler/worker_threads.h"

#include <algorithm>

namespace jobcrawler::crawler {

WorkerThreads::WorkerThreads(int threads, ExceptionHandler on_exception)
    : state_(std::make_shared<State>()) {
  state_->guard.emplace(state_->io.get_executor());
  state_->on_exception = std::move(on_exception);
  for (int i = 0; i < std::max(1, threads); ++i) {
    // Each thread owns a share of the state, so a detached one never
    // outlives what it runs on.
    threads_.emplace_back([state = state_] {
      state->io.run();
      {
        std::lock_guard lock(state->mutex);
        ++state->exited;
      }
      state->exited_changed.notify_all();
    });
  }
}

WorkerThreads::~WorkerThreads() { JoinFor(std::chrono::milliseconds(0)); }

bool WorkerThreads::JoinFor(std::chrono::milliseconds limit) {
  if (threads_.empty()) return true;
  state_->guard.reset();  // run() returns once the queue is empty
  bool ended = false;
  {
    std::unique_lock lock(state_->mutex);
    ended = state_->exited_changed.wait_for(lock, limit,
                                            [&] { return state_->exited == threads_.size(); });
  }
  if (!ended) state_->io.stop();  // each thread stops after its current task
  for (std::thread& thread : threads_) {
    if (ended) {
      thread.join();
    } else {
      thread.detach();
    }
  }
  threads_.clear();
  return ended;
}

}  // namespace jobcrawler::crawler
