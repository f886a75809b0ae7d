// The crawl loop's start and end: preparing the run, the end check, stops
// (signals, max_duration, failures, exceptions) with their bound, the final
// write and the teardown of the worker threads. See crawl_loop.h.
#include <csignal>
#include <cstdlib>
#include <exception>
#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include "crawler/crawl_loop.h"
#include "crawler/feed_source.h"
#include "crawler/url.h"

namespace jobcrawler::crawler {
namespace {

// A loop whose handlers keep throwing is given up after this many: the run
// is then left as it is in the database (the next crawl resumes it).
constexpr int kMaxLoopExceptions = 100;
// The final write of a run that was not stopped; only a database that does
// not answer at all reaches it.
constexpr std::chrono::seconds kFinishTimeout{60};

}  // namespace

void Crawler::Loop::PostStop() {
  link_->Post([this] { Stop(storage::RunStatus::kInterrupted); });
}

storage::Status Crawler::Loop::Prepare() {
  auto latest = store_.LatestRun();
  if (!latest.ok()) return latest.status();
  const auto& run = latest.value();
  if (run && (run->status == storage::RunStatus::kRunning ||
              run->status == storage::RunStatus::kInterrupted)) {
    // A crawl that was killed or interrupted: continue its frontier.
    summary_.run_id = run->id;
    summary_.resumed = true;
    summary_.progress.pages_fetched = run->counters.pages_fetched;
    if (auto released = store_.ReleaseLeases(run->id); !released.ok()) return released;
  } else {
    auto begun = store_.BeginRun(NowMillis());
    if (!begun.ok()) return begun.status();
    summary_.run_id = begun.value();
  }
  std::vector<storage::FrontierAdd> seeds;
  for (const Source& source : sources_) {
    for (const std::string& start : source.start_urls) {
      // A feed's start URL is fetched as its first page (crawler/feed_source.h).
      std::optional<FoundUrl> url = FoundAt(FirstRequestUrl(source, start));
      std::optional<std::string> host = url ? HostKey(url->canonical) : std::nullopt;
      if (!url || !host) continue;  // the config loader has rejected these
      seeds.push_back({.url = url->canonical, .host_key = *host, .source = source.name,
                       .depth = 0, .not_before = 0, .fetch_url = url->fetch});
    }
  }
  auto added = store_.AddToFrontier(summary_.run_id, seeds);
  if (!added.ok()) return added.status();
  // The progress line's count is kept in memory from here on.
  auto counts = store_.CountFrontier(summary_.run_id);
  if (!counts.ok()) return counts.status();
  frontier_open_ = counts->queued + counts->leased;
  return storage::Status::Ok();
}

CrawlSummary Crawler::Loop::Run() {
  started_ = Clock::now();
  if (storage::Status prepared = Prepare(); !prepared.ok()) {
    summary_.status = storage::RunStatus::kFailed;
    summary_.error = prepared.message();
    Shutdown();
    return summary_;
  }
  if (limits_.handle_signals) {
    signals_.add(SIGINT);
    signals_.add(SIGTERM);
    signals_.async_wait([this](boost::system::error_code ec, int number) {
      if (!ec) OnSignal(number);
    });
  }
  if (limits_.max_duration.count() > 0) {
    deadline_.expires_after(limits_.max_duration);
    deadline_.async_wait([this](boost::system::error_code ec) {
      if (!ec) Stop(storage::RunStatus::kInterrupted);
    });
  }
  StartProgressTicks();
  boost::asio::post(io_, [this] { Pump(); });
  RunIo();
  Shutdown();
  return summary_;
}

// Runs the loop until OnFinished (or a bound) stops it. An exception that
// escapes a handler fails the run cleanly: it is recorded as failed, its
// leases go back, and the next crawl starts afresh.
void Crawler::Loop::RunIo() {
  // Only io_.stop() ends the run, not a moment without pending handlers
  // (while the final write is on the database thread, say).
  auto guard = boost::asio::make_work_guard(io_);
  for (;;) {
    try {
      io_.run();
      return;
    } catch (const std::exception& e) {
      OnLoopException(e.what());
    } catch (...) {
      OnLoopException("unknown exception");
    }
  }
}

void Crawler::Loop::OnLoopException(const std::string& what) {
  std::string message = "internal error in the crawl loop: " + what;
  if (++loop_exceptions_ > kMaxLoopExceptions || finished_) {
    if (summary_.status != storage::RunStatus::kFailed) {
      summary_.status = storage::RunStatus::kFailed;
      summary_.error = std::move(message);
    }
    if (loop_exceptions_ > kMaxLoopExceptions) io_.stop();
    return;
  }
  Stop(storage::RunStatus::kFailed, std::move(message));
}

// An exception escaped a database task: the run fails. After Finish, the
// task may have been the final write, whose answer would never come.
void Crawler::Loop::OnDbException(const std::string& what) {
  std::string message = "database task failed: " + what;
  if (finished_) {
    OnFinished(message);
  } else {
    Stop(storage::RunStatus::kFailed, std::move(message));
  }
}

// Ends the run when nothing is outstanding and nothing is due; queued
// retries re-arm a wakeup. Runs whenever the last outstanding operation is
// released, and after every step that may have ended the work.
void Crawler::Loop::CheckDone() {
  if (finished_ || work_.Outstanding() > 0) return;
  if (stopping_ || pages_started_ >= MaxPages()) {
    Finish();
    return;
  }
  if (scheduler_.queued() > 0 || robots_.waiting() > 0 || !robots_queue_.empty() ||
      retry_wait_) {
    return;  // a wakeup or a fetch slot brings the next step
  }
  if (!lease_exhausted_) {
    MaybeLease();
    return;
  }
  AskStore(
      WorkKind::kQueuedTime,
      [run_id = summary_.run_id](storage::Store& store) { return store.NextQueuedTime(run_id); },
      [this](storage::Result<std::optional<storage::UnixMillis>> next) {
        OnQueuedTime(std::move(next));
      });
}

void Crawler::Loop::OnQueuedTime(storage::Result<std::optional<storage::UnixMillis>> next) {
  if (!next.ok()) {
    Stop(storage::RunStatus::kFailed, next.status().message());
    return;
  }
  if (stopping_ || finished_) {
    CheckDone();
    return;
  }
  if (!next.value()) {
    const bool idle = work_.Outstanding() == 0 && scheduler_.queued() == 0 &&
                      robots_.waiting() == 0 && lease_exhausted_;
    if (idle) {
      Finish();
    } else {
      Pump();
    }
    return;
  }
  // Only retries wait in the queue: sleep until the first one is due.
  auto wait = std::chrono::milliseconds(std::max<storage::UnixMillis>(0, *next.value() - NowMillis()));
  retry_wait_ = true;
  retry_wakeup_.expires_after(wait);
  retry_wakeup_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;  // cancelled by a stop
    retry_wait_ = false;
    lease_exhausted_ = false;
    Pump();
  });
}

void Crawler::Loop::Stop(storage::RunStatus status, std::string error) {
  if (finished_) return;
  if (!stopping_) {
    stopping_ = true;
    summary_.status = status;
    summary_.error = std::move(error);
    // Parses not yet begun are dropped; the stop has a bound.
    stop_parsing_->store(true);
    stop_bound_.expires_after(kStopGrace);
    stop_bound_.async_wait([this](boost::system::error_code ec) {
      if (!ec) OnStopBound();
    });
  } else if (status == storage::RunStatus::kFailed &&
             summary_.status != storage::RunStatus::kFailed) {
    summary_.status = status;  // a failure while stopping is still a failure
    summary_.error = std::move(error);
  }
  wakeup_.cancel();
  retry_wakeup_.cancel();
  deadline_.cancel();
  client_.CancelAll();
  CheckDone();
}

// Work still outstanding kStopGrace after a stop is abandoned: the run ends
// without it. Results that come later are discarded and their URLs, still
// leased, return to the queue with the others.
void Crawler::Loop::OnStopBound() {
  if (finished_) return;
  summary_.notes.push_back(fmt::format(
      "the stop did not wait for work still under way ({}); it is done again next time",
      work_.Describe()));
  Finish();
}

void Crawler::Loop::OnSignal(int signal_number) {
  if (stopping_) {
    // A second Ctrl-C: stop now. Every page write is one transaction, so
    // the database stays intact; the run resumes next time and fetches the
    // pages in flight again.
    std::_Exit(128 + signal_number);
  }
  Stop(storage::RunStatus::kInterrupted);
  signals_.async_wait([this](boost::system::error_code ec, int number) {
    if (!ec) OnSignal(number);
  });
}

void Crawler::Loop::Finish() {
  if (finished_) return;
  finished_ = true;
  stop_parsing_->store(true);
  wakeup_.cancel();
  retry_wakeup_.cancel();
  progress_timer_.cancel();
  deadline_.cancel();
  stop_bound_.cancel();
  client_.CancelAll();  // only after a forced stop is anything still in flight
  summary_.progress.in_flight = 0;
  summary_.progress.queued = std::max<std::int64_t>(0, frontier_open_);
  summary_.progress.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  SummarizeReach();
  // Entries still leased (parked for robots.txt, buffered in the scheduler,
  // cancelled in flight, abandoned) go back to the queue for the next run.
  scheduler_.TakeAll();
  robots_.TakeWaiting();
  robots_queue_.clear();
  if (!stopping_) summary_.status = storage::RunStatus::kCompleted;
  storage::RunCounters counters{.pages_fetched = summary_.progress.pages_fetched,
                                .pages_failed = summary_.progress.pages_failed,
                                .postings_found = summary_.progress.postings_found,
                                .postings_new = summary_.progress.postings_new,
                                .postings_updated = summary_.progress.postings_updated,
                                .errors = summary_.progress.pages_failed};
  finish_bound_.expires_after(stopping_ ? kStopFinishGrace
                                        : std::chrono::milliseconds(kFinishTimeout));
  finish_bound_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    summary_.notes.push_back(
        "the database did not record the end of the run in time; the next crawl resumes it");
    if (summary_.status == storage::RunStatus::kCompleted) {
      summary_.status = storage::RunStatus::kFailed;
      summary_.error = "the database did not record the end of the run";
    }
    io_.stop();
  });
  // After every write posted so far (one database thread, in order).
  db_.Post([link = link_, self = this, counters, status = summary_.status,
            run_id = summary_.run_id](storage::Store& store) {
    storage::Status released = store.ReleaseLeases(run_id);
    storage::Status finished = store.FinishRun(run_id, status, counters, NowMillis());
    std::string error = !released.ok() ? released.message() : finished.message();
    link->Post([self, error] { self->OnFinished(error); });
  });
}

void Crawler::Loop::OnFinished(const std::string& error) {
  finish_bound_.cancel();
  if (!error.empty() && summary_.status != storage::RunStatus::kFailed) {
    summary_.status = storage::RunStatus::kFailed;
    summary_.error = error;
  }
  if (observer_) observer_->OnProgress(summary_.progress);
  io_.stop();
}

// After the loop: nothing reaches io_ any more, and the worker threads are
// joined, or left behind when they do not end within kJoinGrace.
void Crawler::Loop::Shutdown() {
  link_->Close();
  stop_parsing_->store(true);
  const bool parsers_ended = parsers_.JoinFor(kJoinGrace);
  const bool db_ended = db_.JoinFor(kJoinGrace);
  if (!parsers_ended) summary_.notes.push_back("a parse was still running and was left behind");
  if (!db_ended) {
    summary_.notes.push_back("a database task was still running and was left behind");
  }
  summary_.left_running = !parsers_ended || !db_ended;
}

}  // namespace jobcrawler::crawler
