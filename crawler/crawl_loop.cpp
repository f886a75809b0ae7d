#include "crawler/crawl_loop.h"

#include <algorithm>
#include <csignal>
#include <exception>
#include <utility>

#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include "crawler/backoff.h"
#include "crawler/fetch_request.h"
#include "crawler/page_processor.h"
#include "crawler/url.h"

namespace jobcrawler::crawler {
namespace {

// Leased entries kept in memory, per request slot: enough to keep every slot
// busy between two leases, few enough that memory does not grow with the
// frontier.
constexpr int kLeasePerSlot = 4;
// Fetched pages waiting for parsing or writing, per request slot; beyond
// this the loop stops starting fetches until the writer catches up.
constexpr int kPipelinePerSlot = 2;
constexpr std::chrono::milliseconds kProgressInterval{250};

int ParserThreads(const CrawlerOptions& options) {
  if (options.parse_threads > 0) return options.parse_threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

Crawler::Loop::Loop(const CrawlerOptions& options, const std::vector<Source>& sources,
                    storage::Store& store, const parsers::Matcher& matcher,
                    CrawlObserver* observer, const CrawlLimits& limits)
    : options_(options),
      sources_(sources),
      matcher_(matcher),
      observer_(observer),
      limits_(limits),
      store_(store),
      client_(io_),
      wakeup_(io_),
      progress_timer_(io_),
      deadline_(io_),
      signals_(io_),
      scheduler_(options.per_host_concurrency,
                 std::chrono::milliseconds(options.per_host_delay_ms)),
      robots_(options.respect_robots_txt, options.user_agent),
      random_(std::random_device{}()),
      parsers_(static_cast<std::size_t>(ParserThreads(options))),
      db_(store) {
  for (const Source& source : sources) {
    scopes_.emplace(source.name, std::make_unique<SourceScope>(source));
  }
}

Crawler::Loop::~Loop() {
  parsers_.join();
  db_.Join();
}

storage::UnixMillis Crawler::Loop::NowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t Crawler::Loop::MaxPages() const {
  return limits_.max_pages > 0 ? limits_.max_pages : options_.max_pages;
}

void Crawler::Loop::PostStop() {
  boost::asio::post(io_, [this] { Stop(storage::RunStatus::kInterrupted); });
}

bool Crawler::Loop::Idle() const {
  // fetches_ counts until the callback has run (the client's own count drops
  // when curl finishes, before the callback is posted); entries parked for a
  // robots.txt still belong to this run unless it is stopping.
  return fetches_ == 0 && pipeline_ == 0 && db_pending_ == 0 && !lease_pending_ &&
         !queued_time_pending_ && (stopping_ || robots_.waiting() == 0);
}

void Crawler::Loop::Pump() {
  if (stopping_ || finished_) return;
  const std::size_t concurrency = static_cast<std::size_t>(std::max(1, options_.concurrency));
  const int max_pipeline = kPipelinePerSlot * options_.concurrency;
  while (static_cast<std::size_t>(fetches_) < concurrency && !robots_queue_.empty()) {
    auto [host, source] = std::move(robots_queue_.front());
    robots_queue_.pop_front();
    FetchRobots(host, source);
  }
  auto now = Clock::now();
  while (static_cast<std::size_t>(fetches_) < concurrency && pipeline_ < max_pipeline &&
         pages_started_ < MaxPages()) {
    std::optional<storage::FrontierEntry> entry = scheduler_.Next(now);
    if (!entry) break;
    if (HostGivenUp(entry->host_key)) {
      scheduler_.Finished(entry->host_key);
      RecordGivenUp(std::move(*entry));
      continue;
    }
    StartFetch(std::move(*entry));
  }
  MaybeLease();
  if (auto ready = scheduler_.NextReadyTime(); ready && pages_started_ < MaxPages()) {
    ArmWakeup(*ready);
  }
  CheckDone();
}

void Crawler::Loop::ArmWakeup(Clock::time_point when) {
  if (wakeup_at_ && *wakeup_at_ <= when && *wakeup_at_ > Clock::now()) return;
  wakeup_at_ = when;
  wakeup_.expires_at(when);
  wakeup_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;  // re-armed or cancelled
    wakeup_at_.reset();
    Pump();
  });
}

void Crawler::Loop::StartFetch(storage::FrontierEntry entry) {
  ++pages_started_;
  // Conditional request: a 304 replays the page's links and postings from
  // the store (PageWrite::unchanged) instead of a download and a parse.
  FetchRequest request =
      PageRequestFor(options_, entry, scopes_.at(entry.source)->parse_key());
  request.follow_redirects = false;  // see FollowRedirect
  ++fetches_;
  client_.Fetch(std::move(request), [this, entry = std::move(entry)](FetchResult result) mutable {
    --fetches_;
    OnFetched(std::move(entry), std::move(result));
  });
}

void Crawler::Loop::OnFetched(storage::FrontierEntry entry, FetchResult result) {
  scheduler_.Finished(entry.host_key);
  if (result.error == FetchError::kCancelled) {
    // Stopping: the lease is returned to the queue when the run ends.
    --pages_started_;
    CheckDone();
    return;
  }
  ++summary_.progress.pages_fetched;
  NoteHostHealth(entry.host_key, result);
  if (result.status == 304 && result.error == FetchError::kNone) {
    ++summary_.progress.unchanged;
    Write(NotModifiedWrite(result, {.entry = &entry,
                                    .scope = scopes_.at(entry.source).get(),
                                    .matcher = &matcher_,
                                    .max_depth = options_.max_depth,
                                    .now = NowMillis()}));
  } else if (IsRedirect(result)) {
    FollowRedirect(std::move(entry), result);
  } else if (IsRetryable(result) && entry.attempts + 1 < options_.max_attempts && !stopping_) {
    Retry(std::move(entry), result);
  } else {
    Process(std::move(entry), std::move(result));
  }
  Pump();
}

void Crawler::Loop::Retry(storage::FrontierEntry entry, const FetchResult& result) {
  ++summary_.progress.retries;
  auto retry_after = ParseRetryAfter(result.retry_after, std::chrono::system_clock::now());
  std::uniform_real_distribution<double> jitter(0.0, 1.0);
  std::chrono::milliseconds delay = RetryDelay(entry.attempts + 1, retry_after, jitter(random_));
  if (SlowsHost(result)) scheduler_.PauseUntil(entry.host_key, Clock::now() + delay);
  storage::PageWrite write;
  write.page = MakeOutcome(result, entry, NowMillis());
  write.retry_at = NowMillis() + delay.count();
  Write(std::move(write));
}

void Crawler::Loop::Process(storage::FrontierEntry entry, FetchResult result) {
  bool failed = result.error != FetchError::kNone || result.status >= 400;
  // A site without /sitemap.xml is normal: the probe's 404 is no error.
  if (result.status == 404 && sitemap_probes_.count(entry.url)) failed = false;
  if (failed) {
    ++summary_.progress.pages_failed;
    if (observer_) {
      std::string message = result.error_message.empty()
                                ? fmt::format("HTTP {}", result.status)
                                : result.error_message;
      observer_->OnPageError(entry.url, message);
    }
  }
  ++pipeline_;
  PageContext context{.entry = nullptr,
                      .scope = scopes_.at(entry.source).get(),
                      .matcher = &matcher_,
                      .max_depth = options_.max_depth,
                      .now = NowMillis()};
  boost::asio::post(parsers_, [this, context, entry = std::move(entry),
                               result = std::move(result)]() mutable {
    // Parser thread: no loop state is touched here.
    context.entry = &entry;
    storage::PageWrite write;
    std::string signature;
    try {
      write = ProcessPage(result, context, &signature);
    } catch (const std::exception& e) {
      write = storage::PageWrite{};
      write.page = MakeOutcome(result, entry, context.now);
      write.page.error = fmt::format("could not process page: {}", e.what());
    }
    boost::asio::post(io_, [this, write = std::move(write), signature = std::move(signature),
                            host_key = entry.host_key]() mutable {
      --pipeline_;
      // A page that repeats one already seen in this run (a listing that
      // serves its last page for every page number, a calendar without end)
      // adds no links: that ends endless pagination.
      // Hrefs are as written (often relative), so the signature counts per host.
      if (!signature.empty() && !write.links.empty() &&
          !page_signatures_.insert(host_key + ' ' + signature).second) {
        write.links.clear();
        write.page.error = "repeats an earlier page of this run; its links are not followed";
      }
      Write(std::move(write));
    });
  });
}

void Crawler::Loop::Write(storage::PageWrite write) {
  ++pipeline_;
  std::int64_t run_id = summary_.run_id;
  db_.Post([this, run_id, write = std::move(write)](storage::Store& store) {
    auto result = store.RecordPage(run_id, write);
    int sightings = static_cast<int>(write.sightings.size());
    boost::asio::post(io_, [this, result = std::move(result), sightings] {
      --pipeline_;
      ++writes_done_;
      lease_exhausted_ = false;
      summary_.progress.postings_found += sightings;
      OnWritten(result);
    });
  });
}

void Crawler::Loop::OnWritten(const storage::Result<storage::PageWriteResult>& result) {
  if (!result.ok()) {
    Stop(storage::RunStatus::kFailed, result.status().message());
    return;
  }
  summary_.progress.postings_new += result->postings_new;
  summary_.progress.postings_updated += result->postings_updated;
  Pump();
}

void Crawler::Loop::MaybeLease() {
  if (lease_pending_ || stopping_ || finished_ || pages_started_ >= MaxPages()) return;
  const int capacity = kLeasePerSlot * std::max(1, options_.concurrency);
  const int buffered = static_cast<int>(scheduler_.queued());
  if (buffered * 2 > capacity) return;
  // Nothing was due at the last lease and no write has landed since that
  // could have added URLs: leasing again now would only spin.
  if (lease_exhausted_) return;
  lease_pending_ = true;
  lease_exhausted_ = false;
  const std::int64_t run_id = summary_.run_id;
  const int limit = capacity - buffered;
  const int per_host = kLeasePerSlot * std::max(1, options_.per_host_concurrency);
  const std::uint64_t writes_at_issue = writes_done_;
  const storage::UnixMillis now = NowMillis();
  std::vector<std::string> full_hosts = scheduler_.HostsWithAtLeast(per_host);
  db_.Post([this, run_id, limit, per_host, writes_at_issue, now,
            full_hosts = std::move(full_hosts)](storage::Store& store) {
    auto leased = store.LeaseFrontier(run_id, limit, per_host, now, full_hosts);
    boost::asio::post(io_, [this, leased = std::move(leased), writes_at_issue]() mutable {
      OnLeased(std::move(leased), writes_at_issue);
    });
  });
}

void Crawler::Loop::OnLeased(storage::Result<std::vector<storage::FrontierEntry>> leased,
                             std::uint64_t writes_at_issue) {
  lease_pending_ = false;
  if (!leased.ok()) {
    Stop(storage::RunStatus::kFailed, leased.status().message());
    return;
  }
  // Nothing due, and no write landed meanwhile that could have added some.
  lease_exhausted_ = leased->empty() && writes_at_issue == writes_done_;
  if (stopping_) {
    CheckDone();  // the leases go back to the queue when the run ends
    return;
  }
  for (auto& entry : leased.value()) Admit(std::move(entry));
  Pump();
}

// Ends the run when nothing is in flight, nothing is waiting to be written
// and the frontier has nothing due; retries due later re-arm the wakeup.
void Crawler::Loop::CheckDone() {
  if (finished_ || !Idle()) return;
  if (stopping_) {
    Finish();
    return;
  }
  if (pages_started_ >= MaxPages()) {
    Finish();
    return;
  }
  if (scheduler_.queued() > 0 || !lease_exhausted_) return;
  queued_time_pending_ = true;
  db_.Post([this, run_id = summary_.run_id](storage::Store& store) {
    auto next = store.NextQueuedTime(run_id);
    boost::asio::post(io_, [this, next = std::move(next)]() mutable { OnQueuedTime(std::move(next)); });
  });
}

void Crawler::Loop::OnQueuedTime(storage::Result<std::optional<storage::UnixMillis>> next) {
  queued_time_pending_ = false;
  if (!next.ok()) {
    Stop(storage::RunStatus::kFailed, next.status().message());
    return;
  }
  if (!next.value()) {
    if (scheduler_.queued() == 0 && lease_exhausted_) Finish();
    else Pump();
    return;
  }
  // Only retries wait in the queue: sleep until the first one is due.
  auto wait = std::chrono::milliseconds(std::max<storage::UnixMillis>(0, *next.value() - NowMillis()));
  wakeup_at_.reset();
  wakeup_.expires_after(wait);
  wakeup_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    lease_exhausted_ = false;
    Pump();
  });
}

void Crawler::Loop::StartProgressTicks() {
  progress_timer_.expires_after(kProgressInterval);
  progress_timer_.async_wait([this](boost::system::error_code ec) {
    if (ec || finished_) return;
    summary_.progress.in_flight = fetches_;
    summary_.progress.elapsed_seconds =
        std::chrono::duration<double>(Clock::now() - started_).count();
    db_.Post([this, run_id = summary_.run_id](storage::Store& store) {
      auto counts = store.CountFrontier(run_id);
      if (!counts.ok()) return;
      boost::asio::post(io_, [this, queued = counts->queued + counts->leased] {
        summary_.progress.queued = queued;
      });
    });
    scheduler_.Prune(Clock::now());
    if (observer_) observer_->OnProgress(summary_.progress);
    StartProgressTicks();
  });
}

void Crawler::Loop::Stop(storage::RunStatus status, std::string error) {
  if (finished_) return;
  if (!stopping_) {
    stopping_ = true;
    summary_.status = status;
    summary_.error = std::move(error);
  }
  wakeup_.cancel();
  client_.CancelAll();
  CheckDone();
}

void Crawler::Loop::Finish() {
  if (finished_) return;
  finished_ = true;
  wakeup_.cancel();
  progress_timer_.cancel();
  deadline_.cancel();
  signals_.cancel();
  summary_.progress.in_flight = 0;
  summary_.progress.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  // Entries still leased (parked for robots.txt, buffered in the scheduler,
  // cancelled in flight) go back to the queue for the next run.
  scheduler_.TakeAll();
  robots_.TakeWaiting();
  if (!stopping_) summary_.status = storage::RunStatus::kCompleted;
  storage::RunCounters counters{.pages_fetched = summary_.progress.pages_fetched,
                                .pages_failed = summary_.progress.pages_failed,
                                .postings_found = summary_.progress.postings_found,
                                .postings_new = summary_.progress.postings_new,
                                .postings_updated = summary_.progress.postings_updated,
                                .errors = summary_.progress.pages_failed};
  db_.Post([this, counters, status = summary_.status, run_id = summary_.run_id](storage::Store& store) {
    storage::Status released = store.ReleaseLeases(run_id);
    storage::Status finished = store.FinishRun(run_id, status, counters, NowMillis());
    std::string error = !released.ok() ? released.message() : finished.message();
    boost::asio::post(io_, [this, error] {
      if (!error.empty() && summary_.error.empty()) {
        summary_.status = storage::RunStatus::kFailed;
        summary_.error = error;
      }
      if (observer_) observer_->OnProgress(summary_.progress);
      io_.stop();
    });
  });
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
      std::optional<FoundUrl> url = FoundAt(start);
      std::optional<std::string> host = url ? HostKey(url->canonical) : std::nullopt;
      if (!url || !host) continue;  // the config loader has rejected these
      seeds.push_back({.url = url->canonical, .host_key = *host, .source = source.name,
                       .depth = 0, .not_before = 0, .fetch_url = url->fetch});
    }
  }
  auto added = store_.AddToFrontier(summary_.run_id, seeds);
  return added.ok() ? storage::Status::Ok() : added.status();
}

void Crawler::Loop::OnSignal(int signal_number) {
  if (stopping_) {
    // A second Ctrl-C: stop now. Every write is one transaction, so the
    // database stays intact; the run resumes next time.
    std::_Exit(128 + signal_number);
  }
  Stop(storage::RunStatus::kInterrupted);
  signals_.async_wait([this](boost::system::error_code ec, int number) {
    if (!ec) OnSignal(number);
  });
}

CrawlSummary Crawler::Loop::Run() {
  started_ = Clock::now();
  if (storage::Status prepared = Prepare(); !prepared.ok()) {
    summary_.status = storage::RunStatus::kFailed;
    summary_.error = prepared.message();
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
  io_.run();
  return summary_;
}

}  // namespace jobcrawler::crawler
