// The crawl loop's pipeline: lease from the frontier, fetch, parse, write.
// See crawl_loop.h.
#include "crawler/crawl_loop.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <utility>

#include <boost/asio/post.hpp>
#include <fmt/format.h>

#include "crawler/backoff.h"
#include "crawler/feed_source.h"
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
// this the loop stops starting fetches until the parsers and the writer
// catch up. Their bodies are most of a crawl's heap when parsing is the
// bottleneck: one per slot keeps pages/s (scripts/bench), two cost 3.5 MiB
// more peak RSS for nothing, a fixed 8 cost 5% of pages/s. At least two, so
// that even one slot fetches the next page while the last is parsed.
constexpr int kPipelinePerSlot = 1;
constexpr int kMinPipeline = 2;
constexpr std::chrono::milliseconds kProgressInterval{250};
// Sitemap URLs (robots.txt Sitemap: lines, /sitemap.xml and the children of
// sitemap indexes) one host may queue in a run: a real site needs a few, an
// index of thousands would spend the run on sitemaps.
constexpr int kSitemapsPerHost = 50;

int ParserThreads(const CrawlerOptions& options) {
  if (options.parse_threads > 0) return options.parse_threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::shared_ptr<const std::map<std::string, std::unique_ptr<SourceScope>>> MakeScopes(
    const std::vector<Source>& sources) {
  auto scopes = std::make_shared<std::map<std::string, std::unique_ptr<SourceScope>>>();
  for (const Source& source : sources) {
    scopes->emplace(source.name, std::make_unique<SourceScope>(source));
  }
  return scopes;
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
      scopes_(MakeScopes(sources)),
      stop_parsing_(std::make_shared<std::atomic<bool>>(false)),
      link_(std::make_shared<LoopLink>(io_)),
      work_(link_, [this] { CheckDone(); }),
      client_(io_),
      wakeup_(io_),
      retry_wakeup_(io_),
      progress_timer_(io_),
      deadline_(io_),
      stop_bound_(io_),
      finish_bound_(io_),
      signals_(io_),
      scheduler_(options.per_host_concurrency,
                 std::chrono::milliseconds(options.per_host_delay_ms)),
      // Enabled whatever [crawler] says: Admit asks it only for the URLs of
      // sources that respect robots.txt (a source may override [crawler]).
      robots_(/*enabled=*/true, options.user_agent),
      random_(std::random_device{}()),
      parsers_(ParserThreads(options), nullptr),  // ProcessPage's errors are caught in the task
      db_(store, [link = link_, this](const std::string& message) {
        // Database thread: the failure is the loop's to handle.
        link->Post([this, message] { OnDbException(message); });
      }) {}

Crawler::Loop::~Loop() {
  // Normally Run() has done this; a Loop that never ran joins here.
  link_->Close();
  stop_parsing_->store(true);
  parsers_.JoinFor(kJoinGrace);
  db_.JoinFor(kJoinGrace);
}

storage::UnixMillis Crawler::Loop::NowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t Crawler::Loop::MaxPages() const {
  return limits_.max_pages > 0 ? limits_.max_pages : options_.max_pages;
}

void Crawler::Loop::Pump() {
  if (stopping_ || finished_) return;
  const int concurrency = std::max(1, options_.concurrency);
  const int max_pipeline = std::max(kMinPipeline, kPipelinePerSlot * concurrency);
  auto fetches = [&] {
    return work_.Outstanding(WorkKind::kPageFetch) + work_.Outstanding(WorkKind::kRobotsFetch);
  };
  auto pipeline = [&] {
    return work_.Outstanding(WorkKind::kParse) + work_.Outstanding(WorkKind::kPageWrite);
  };
  while (fetches() < concurrency && !robots_queue_.empty()) {
    RobotsJob job = std::move(robots_queue_.front());
    robots_queue_.pop_front();
    FetchRobots(job.host_key, job.source, job.host_key + "/robots.txt", 0);
  }
  auto now = Clock::now();
  while (fetches() < concurrency && pipeline() < max_pipeline && pages_started_ < MaxPages()) {
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
  // Only a host's politeness gap needs a wakeup. When every slot is taken
  // or the pipeline is full, the fetch or write that frees one pumps again;
  // a wakeup then would fire at once and re-arm, over and over.
  const bool room = fetches() < concurrency && pipeline() < max_pipeline;
  if (auto ready = scheduler_.NextReadyTime(); ready && room && pages_started_ < MaxPages()) {
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
  const SourceScope* scope = ScopeFor(entry.source);
  if (scope == nullptr) {  // leases drop these; a safeguard for other paths
    scheduler_.Finished(entry.host_key);
    DropUnknownSource(std::move(entry));
    return;
  }
  ++pages_started_;
  // Conditional request, unless the page's parse key changed: a 304 replays
  // the page's links and postings from the store instead of a download and a
  // parse (crawler/page_processor.h).
  FetchRequest request = PageRequestFor(options_, entry, *scope);
  request.follow_redirects = false;  // see FollowRedirect
  client_.Fetch(std::move(request), [this, token = work_.Begin(WorkKind::kPageFetch),
                                     entry = std::move(entry)](FetchResult result) mutable {
    token.Release();  // the slot is free for Pump
    OnFetched(std::move(entry), std::move(result));
  });
}

void Crawler::Loop::OnFetched(storage::FrontierEntry entry, FetchResult result) {
  scheduler_.Finished(entry.host_key);
  if (result.status != 0) NoteAnswer(entry.host_key);
  const bool network_down =
      result.network != NetworkError::kNone &&
      NoteNetworkFailure(entry.host_key, result.network_reason);
  if (result.error == FetchError::kCancelled || stopping_ || network_down) {
    // Cancelled or stopping: the lease returns to the queue when the run
    // ends, and the URL is fetched next time.
    --pages_started_;
    CheckDone();
    return;
  }
  ++summary_.progress.pages_fetched;
  NoteHostHealth(entry.host_key, result);
  if (result.status == 304 && result.error == FetchError::kNone) {
    ++summary_.progress.unchanged;
    Write(NotModifiedWrite(result, {.entry = &entry,
                                    .scope = ScopeFor(entry.source),
                                    .matcher = &matcher_,
                                    .max_depth = options_.max_depth,
                                    .now = NowMillis()}));
  } else if (IsRedirect(result)) {
    FollowRedirect(std::move(entry), result);
  } else if (Retryable(entry.source, result) && entry.attempts + 1 < options_.max_attempts) {
    Retry(std::move(entry), result);
  } else {
    Process(std::move(entry), std::move(result));
  }
  Pump();
}

// A 403 of a feed source is tried again too (crawler/feed_source.h).
bool Crawler::Loop::Retryable(const std::string& source, const FetchResult& result) {
  const SourceScope* scope = ScopeFor(source);
  return IsRetryable(result) || (scope && RetryableForFeed(scope->type(), result));
}

void Crawler::Loop::Retry(storage::FrontierEntry entry, const FetchResult& result) {
  ++summary_.progress.retries;
  // Retry-After is read against the local clock when the answer came.
  auto retry_after = ParseRetryAfter(result.retry_after, result.finished_wall);
  std::uniform_real_distribution<double> jitter(0.0, 1.0);
  std::chrono::milliseconds delay = RetryDelay(entry.attempts + 1, retry_after, jitter(random_));
  if (SlowsHost(result)) scheduler_.PauseUntil(entry.host_key, Clock::now() + delay);
  storage::PageWrite write;
  write.page = MakeOutcome(result, entry, NowMillis());
  write.retry_at = NowMillis() + delay.count();
  Write(std::move(write));
}

void Crawler::Loop::Process(storage::FrontierEntry entry, FetchResult result) {
  const SourceScope* scope = ScopeFor(entry.source);
  if (scope == nullptr) {
    DropUnknownSource(std::move(entry));
    return;
  }
  bool failed = result.error != FetchError::kNone || result.status >= 400;
  // A site without /sitemap.xml is normal: the probe's 404 is no error.
  if (result.status == 404 && sitemap_probes_.count(entry.url)) failed = false;
  if (failed) {
    ++summary_.progress.pages_failed;
    if (observer_) {
      std::string message = !result.network_reason.empty() ? result.network_reason
                            : !result.error_message.empty()
                                ? result.error_message
                                : fmt::format("HTTP {}", result.status);
      if (!scope->credentials_note().empty() && (result.status == 401 || result.status == 403)) {
        message += "; " + scope->credentials_note();
      }
      observer_->OnPageError(entry.url, message);
    }
  }
  PageContext context{.entry = nullptr,
                      .scope = scope,
                      .matcher = &matcher_,
                      .max_depth = options_.max_depth,
                      .now = NowMillis(),
                      .sitemap_budget = SitemapBudget(entry.host_key)};
  // The task holds what it reads: the scopes (shared), the stop flag, the
  // link; `this` is only used back on the loop thread.
  parsers_.Post([self = this, link = link_, scopes = scopes_, stop = stop_parsing_,
                 token = work_.Begin(WorkKind::kParse), context, entry = std::move(entry),
                 result = std::move(result)]() mutable {
    // Parser thread. A stop drops parses not yet begun; the URL stays leased
    // and returns to the queue when the run ends.
    if (stop->load()) return;
    context.entry = &entry;
    storage::PageWrite write;
    std::string signature;
    try {
      write = ProcessPage(std::move(result), context, &signature);
    } catch (const std::exception& e) {
      // The body may be gone to the parser: the outcome then has no content
      // hash, and the page is parsed again next time.
      write = storage::PageWrite{};
      write.page = MakeOutcome(result, entry, context.now);
      write.page.error = fmt::format("could not process page: {}", e.what());
    }
    link->Post([self, token = std::move(token), write = std::move(write),
                signature = std::move(signature), host_key = entry.host_key]() mutable {
      token.Release();
      self->OnParsed(std::move(write), signature, host_key);
    });
  });
}

void Crawler::Loop::OnParsed(storage::PageWrite write, const std::string& signature,
                             const std::string& host_key) {
  // A result that arrives after a stop is dropped; its URL returns to the
  // queue with the other leases.
  if (stopping_ || finished_) return;
  // A page that repeats one already seen in this run (a listing that serves
  // its last page for every page number, a calendar without end) adds no
  // links: that ends endless pagination. Hrefs are as written (often
  // relative), so the signature counts per host.
  if (!signature.empty() && !write.links.empty() &&
      !page_signatures_.insert(host_key + ' ' + signature).second) {
    write.links.clear();
    write.page.error = "repeats an earlier page of this run; its links are not followed";
  }
  Write(std::move(write));
}

void Crawler::Loop::Write(storage::PageWrite write) {
  // Nothing may follow the final write (Finish), which releases the leases.
  if (finished_) return;
  const bool entry_done = !write.retry_at.has_value();
  const int sightings = static_cast<int>(write.sightings.size());
  AskStore(
      WorkKind::kPageWrite,
      [run_id = summary_.run_id, write = std::move(write)](storage::Store& store) {
        return store.RecordPage(run_id, write);
      },
      [this, sightings, entry_done](storage::Result<storage::PageWriteResult> result) {
        OnWritten(result, sightings, entry_done);
      });
}

void Crawler::Loop::OnWritten(const storage::Result<storage::PageWriteResult>& result,
                              int sightings, bool entry_done) {
  ++writes_done_;
  lease_exhausted_ = false;
  if (!result.ok()) {
    Stop(storage::RunStatus::kFailed, result.status().message());
    return;
  }
  summary_.progress.postings_found += sightings;
  summary_.progress.postings_new += result->postings_new;
  summary_.progress.postings_updated += result->postings_updated;
  frontier_open_ += result->links_added - (entry_done ? 1 : 0);
  Pump();
}

void Crawler::Loop::MaybeLease() {
  if (work_.Outstanding(WorkKind::kLease) > 0 || stopping_ || finished_ ||
      pages_started_ >= MaxPages()) {
    return;
  }
  const int capacity = kLeasePerSlot * std::max(1, options_.concurrency);
  const int buffered = static_cast<int>(scheduler_.queued());
  if (buffered * 2 > capacity) return;
  // Nothing was due at the last lease and no write has landed since that
  // could have added URLs: leasing again now would only spin.
  if (lease_exhausted_) return;
  const int per_host = kLeasePerSlot * std::max(1, options_.per_host_concurrency);
  const std::uint64_t writes_at_issue = writes_done_;
  AskStore(
      WorkKind::kLease,
      [run_id = summary_.run_id, limit = capacity - buffered, per_host, now = NowMillis(),
       full_hosts = scheduler_.HostsWithAtLeast(per_host)](storage::Store& store) {
        return store.LeaseFrontier(run_id, limit, per_host, now, full_hosts);
      },
      [this, writes_at_issue](storage::Result<std::vector<storage::FrontierEntry>> leased) {
        OnLeased(std::move(leased), writes_at_issue);
      });
}

void Crawler::Loop::OnLeased(storage::Result<std::vector<storage::FrontierEntry>> leased,
                             std::uint64_t writes_at_issue) {
  if (!leased.ok()) {
    Stop(storage::RunStatus::kFailed, leased.status().message());
    return;
  }
  // Nothing due, and no write landed meanwhile that could have added some.
  lease_exhausted_ = leased->empty() && writes_at_issue == writes_done_;
  if (stopping_ || finished_) {
    CheckDone();  // the leases go back to the queue when the run ends
    return;
  }
  for (auto& entry : leased.value()) {
    if (ScopeFor(entry.source) == nullptr) {
      DropUnknownSource(std::move(entry));
    } else {
      Admit(std::move(entry));
    }
  }
  Pump();
}

std::shared_ptr<std::atomic<int>> Crawler::Loop::SitemapBudget(const std::string& host_key) {
  auto& budget = sitemap_budgets_[host_key];
  if (!budget) budget = std::make_shared<std::atomic<int>>(kSitemapsPerHost);
  return budget;
}

void Crawler::Loop::StartProgressTicks() {
  progress_timer_.expires_after(kProgressInterval);
  progress_timer_.async_wait([this](boost::system::error_code ec) {
    if (ec || finished_) return;
    summary_.progress.in_flight =
        work_.Outstanding(WorkKind::kPageFetch) + work_.Outstanding(WorkKind::kRobotsFetch);
    summary_.progress.elapsed_seconds =
        std::chrono::duration<double>(Clock::now() - started_).count();
    summary_.progress.queued = std::max<std::int64_t>(0, frontier_open_);
    scheduler_.Prune(Clock::now());
    if (observer_) observer_->OnProgress(summary_.progress);
    StartProgressTicks();
  });
}

}  // namespace jobcrawler::crawler
