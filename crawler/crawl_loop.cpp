#include "crawler/crawl_loop.h"

#include <algorithm>
#include <csignal>
#include <exception>
#include <utility>

#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include "crawler/backoff.h"
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
  FetchRequest request;
  request.url = entry.url;
  request.user_agent = options_.user_agent;
  request.timeout = std::chrono::seconds(options_.timeout_seconds);
  request.connect_timeout = std::chrono::seconds(options_.connect_timeout_seconds);
  request.max_body_bytes = options_.max_body_bytes;
  request.max_redirects = options_.max_redirects;
  request.follow_redirects = false;  // see FollowRedirect
  request.low_speed_bytes = options_.low_speed_limit_bytes;
  request.low_speed_time = std::chrono::seconds(options_.low_speed_time_seconds);
  // Conditional request: a 304 replays the page's links and postings from
  // the store (PageWrite::unchanged) instead of a download and a parse.
  if (!entry.etag.empty()) request.headers.push_back("If-None-Match: " + entry.etag);
  if (!entry.last_modified.empty()) {
    request.headers.push_back("If-Modified-Since: " + entry.last_modified);
  }
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
    storage::PageWrite write;
    write.page = MakeOutcome(result, entry, NowMillis());
    write.unchanged = true;
    write.depth = entry.depth;
    Write(std::move(write));
  } else if (IsRedirect(result)) {
    FollowRedirect(std::move(entry), result);
  } else if (IsRetryable(result) && entry.attempts + 1 < options_.max_attempts && !stopping_) {
    Retry(std::move(entry), result);
  } else {
    Process(std::move(entry), std::move(result));
  }
  Pump();
}

bool Crawler::Loop::IsRedirect(const FetchResult& result) {
  switch (result.status) {
    case 301: case 302: case 303: case 307: case 308:
      return result.error == FetchError::kNone;
    default:
      return false;
  }
}

// Redirects go through the frontier like links: the target is checked
// against the source's scope and, when fetched, against its host's
// robots.txt; the frontier's uniqueness ends loops, and chains are bounded
// by max_depth + max_redirects.
void Crawler::Loop::FollowRedirect(storage::FrontierEntry entry, const FetchResult& result) {
  ++summary_.progress.redirects;
  storage::PageWrite write;
  write.page = MakeOutcome(result, entry, NowMillis());
  std::optional<std::string> target = ResolveUrl(entry.url, result.location);
  std::optional<std::string> host = target ? HostKey(*target) : std::nullopt;
  write.page.final_url = target.value_or("");
  const SourceScope& scope = *scopes_.at(entry.source);
  if (!target || !host) {
    write.page.error = "redirect without a usable Location header";
  } else if (entry.depth >= options_.max_depth + options_.max_redirects) {
    write.page.error = "redirect chain too long: " + *target;
  } else if (entry.depth > 0 && !scope.Allows(*target)) {
    // A start URL may move (http to https, another host name); anything
    // found later must stay within the source.
    write.page.error = "redirect out of scope: " + *target;
  } else {
    write.links.push_back(storage::FrontierAdd{.url = *target,
                                               .host_key = *host,
                                               .source = entry.source,
                                               .depth = entry.depth + 1,
                                               .not_before = 0});
  }
  Write(std::move(write));
}

// The circuit breaker: a host whose requests keep failing is paused, longer
// each time, and after breaker_max_trips pauses given up for this run, so that
// it cannot hold slots other hosts could use.
void Crawler::Loop::NoteHostHealth(const std::string& host_key, const FetchResult& result) {
  bool failed = result.error == FetchError::kTimeout || result.error == FetchError::kConnect ||
                result.error == FetchError::kTransfer || result.status >= 500;
  HostHealth& health = host_health_[host_key];
  if (!failed) {
    health.consecutive_failures = 0;
    return;
  }
  if (++health.consecutive_failures < options_.breaker_threshold) return;
  health.consecutive_failures = 0;
  ++health.trips;
  ++summary_.progress.hosts_paused;
  scheduler_.PauseUntil(host_key, Clock::now() + std::chrono::milliseconds(options_.breaker_pause_ms) *
                                                     health.trips);
}

bool Crawler::Loop::HostGivenUp(const std::string& host_key) const {
  auto it = host_health_.find(host_key);
  return it != host_health_.end() && it->second.trips >= options_.breaker_max_trips;
}

// The write for an entry that was not fetched, saying why.
storage::PageWrite Crawler::Loop::Unfetched(const storage::FrontierEntry& entry,
                                            std::string error) {
  storage::PageWrite write;
  write.page.frontier_id = entry.id;
  write.page.url = entry.url;
  write.page.source = entry.source;
  write.page.error = std::move(error);
  write.page.fetched_at = NowMillis();
  return write;
}

void Crawler::Loop::RecordGivenUp(storage::FrontierEntry entry) {
  ++summary_.progress.pages_failed;
  Write(Unfetched(entry, "host keeps failing; given up for this run"));
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

void Crawler::Loop::RecordDisallowed(storage::FrontierEntry entry) {
  ++summary_.progress.robots_disallowed;
  Write(Unfetched(entry, "disallowed by robots.txt"));
}

// Sends a leased entry to the scheduler once its host's robots.txt allows it.
void Crawler::Loop::Admit(storage::FrontierEntry entry) {
  if (HostGivenUp(entry.host_key)) {
    RecordGivenUp(std::move(entry));
    return;
  }
  switch (robots_.Check(entry, Clock::now())) {
    case RobotsCache::Verdict::kAllowed:
      scheduler_.Add(std::move(entry));
      return;
    case RobotsCache::Verdict::kDisallowed:
      if (robots_.Unreachable(entry.host_key)) {
        // robots.txt unreachable: nothing may be fetched from the host for
        // now; the URL is tried again later, within its attempts.
        if (entry.attempts + 1 < options_.max_attempts) {
          storage::PageWrite write = Unfetched(entry, "robots.txt unreachable");
          write.retry_at = NowMillis() + std::chrono::duration_cast<std::chrono::milliseconds>(
                                             RobotsCache::kUnreachableRetry)
                                             .count();
          Write(std::move(write));
          return;
        }
      }
      RecordDisallowed(std::move(entry));
      return;
    case RobotsCache::Verdict::kUnknown: {
      std::string host = entry.host_key;
      std::string source = entry.source;
      if (robots_.Wait(std::move(entry))) LookUpRobots(host, source);
      return;
    }
  }
}

// robots.txt is cached in the store across runs (RFC 9309 §2.4); only a
// missing or expired record is fetched.
void Crawler::Loop::LookUpRobots(const std::string& host_key, const std::string& source) {
  ++db_pending_;
  db_.Post([this, host_key, source, now = NowMillis()](storage::Store& store) {
    auto record = store.GetRobots(host_key, now);
    boost::asio::post(io_, [this, host_key, source, record = std::move(record)] {
      --db_pending_;
      if (record.ok() && record.value()) {
        const storage::RobotsRecord& cached = *record.value();
        FetchResult result;
        result.status = cached.http_status;
        result.body = cached.body;
        if (cached.http_status == 0) result.error = FetchError::kConnect;
        OnRobots(host_key, source, result, /*fresh=*/false);
      } else if (stopping_) {
        CheckDone();
      } else {
        // Started by Pump, within the global concurrency.
        robots_queue_.emplace_back(host_key, source);
        Pump();
      }
    });
  });
}

void Crawler::Loop::FetchRobots(const std::string& host_key, const std::string& source) {
  FetchRequest request;
  request.url = host_key + "/robots.txt";
  request.user_agent = options_.user_agent;
  request.timeout = std::chrono::seconds(options_.timeout_seconds);
  request.connect_timeout = std::chrono::seconds(options_.connect_timeout_seconds);
  // RFC 9309 §2.5: parse at least 500 KiB; more is not needed.
  request.max_body_bytes = 512 * 1024;
  request.max_redirects = 5;  // RFC 9309 §2.3.1.2
  ++fetches_;
  client_.Fetch(std::move(request), [this, host_key, source](FetchResult result) {
    --fetches_;
    OnRobots(host_key, source, result, /*fresh=*/true);
  });
}

void Crawler::Loop::SaveRobots(const std::string& host_key, const FetchResult& result) {
  bool answered = result.error == FetchError::kNone && result.status != 0;
  bool lasting = answered && result.status < 500 && result.status != 429;
  storage::RobotsRecord record{
      .host_key = host_key,
      .http_status = answered ? static_cast<int>(result.status) : 0,
      .body = result.status >= 200 && result.status < 300 ? result.body : std::string(),
      .fetched_at = NowMillis(),
      .expires_at = NowMillis() + std::chrono::duration_cast<std::chrono::milliseconds>(
                                      lasting ? std::chrono::milliseconds(RobotsCache::kRulesLifetime)
                                              : std::chrono::milliseconds(RobotsCache::kUnreachableRetry))
                                      .count()};
  ++db_pending_;
  db_.Post([this, record = std::move(record)](storage::Store& store) {
    storage::Status saved = store.PutRobots(record);
    boost::asio::post(io_, [this, saved] {
      --db_pending_;
      if (!saved.ok()) Stop(storage::RunStatus::kFailed, saved.message());
      else CheckDone();
    });
  });
}

// Sitemaps of a host (robots.txt Sitemap: lines on the same site, and
// /sitemap.xml) enter the frontier once per run; ProcessPage reads them.
void Crawler::Loop::EnqueueSitemaps(const std::string& host_key, const std::string& source) {
  if (!options_.use_sitemaps || !sitemap_hosts_.insert(host_key).second) return;
  std::vector<std::string> candidates = robots_.Sitemaps(host_key);
  std::optional<std::string> probe = CanonicalizeUrl(host_key + "/sitemap.xml");
  if (probe) {
    candidates.push_back(*probe);
    sitemap_probes_.insert(*probe);
  }
  std::vector<storage::FrontierAdd> adds;
  for (const std::string& candidate : candidates) {
    std::optional<std::string> url = CanonicalizeUrl(candidate);
    if (!url || SiteKey(*url) != SiteKey(host_key)) continue;
    std::optional<std::string> host = HostKey(*url);
    if (!host) continue;
    adds.push_back({.url = *url, .host_key = *host, .source = source, .depth = 0, .not_before = 0});
  }
  ++db_pending_;
  db_.Post([this, adds = std::move(adds), run_id = summary_.run_id](storage::Store& store) {
    auto added = store.AddToFrontier(run_id, adds);
    boost::asio::post(io_, [this, added = std::move(added)] {
      --db_pending_;
      if (!added.ok()) {
        Stop(storage::RunStatus::kFailed, added.status().message());
        return;
      }
      if (added.value() > 0) lease_exhausted_ = false;
      Pump();
    });
  });
}

void Crawler::Loop::OnRobots(const std::string& host_key, const std::string& source,
                             const FetchResult& result, bool fresh) {
  if (result.error == FetchError::kCancelled) {
    CheckDone();  // stopping: the parked entries go back to the queue
    return;
  }
  if (fresh) SaveRobots(host_key, result);
  std::vector<storage::FrontierEntry> waiting = robots_.Resolve(host_key, result, Clock::now());
  if (!robots_.Unreachable(host_key) && !stopping_) EnqueueSitemaps(host_key, source);
  if (auto delay = robots_.CrawlDelay(host_key)) {
    auto cap = std::chrono::milliseconds(std::chrono::seconds(options_.max_crawl_delay_seconds));
    scheduler_.SetMinimumDelay(host_key, std::min(*delay, cap));
  }
  // The robots.txt request counts as the host's latest request start.
  std::chrono::milliseconds gap(options_.per_host_delay_ms);
  if (auto delay = robots_.CrawlDelay(host_key)) {
    gap = std::max(gap, std::min(*delay, std::chrono::milliseconds(
                                             std::chrono::seconds(options_.max_crawl_delay_seconds))));
  }
  scheduler_.PauseUntil(host_key, Clock::now() + gap);
  for (auto& entry : waiting) Admit(std::move(entry));
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
      std::optional<std::string> url = CanonicalizeUrl(start);
      std::optional<std::string> host = url ? HostKey(*url) : std::nullopt;
      if (!url || !host) continue;  // the config loader has rejected these
      seeds.push_back({.url = *url, .host_key = *host, .source = source.name, .depth = 0,
                       .not_before = 0});
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
