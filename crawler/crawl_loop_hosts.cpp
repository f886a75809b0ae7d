// The crawl loop's dealings with hosts: robots.txt (cached in the store),
// sitemaps, redirects and the circuit breaker. See crawl_loop.h.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "crawler/crawl_loop.h"
#include "crawler/feed_processor.h"
#include "crawler/feed_source.h"
#include "crawler/fetch_request.h"
#include "crawler/page_processor.h"
#include "crawler/url.h"

namespace jobcrawler::crawler {
namespace {

// RFC 9309 §2.3.1.2: follow at least five consecutive redirects; beyond
// that robots.txt counts as unavailable.
constexpr int kMaxRobotsRedirects = 5;
// A host that answered a page within this window is up: its timeouts and
// 5xx are those URLs' own failures, not the host's (see NoteHostHealth).
constexpr std::chrono::seconds kBreakerAnswerWindow{60};

// "host" without a leading "www.", from a host key "scheme://host:port".
std::string BareHost(const std::string& host_key) {
  std::size_t start = host_key.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  std::string host = host_key.substr(start, host_key.rfind(':') - start);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

// A robots.txt redirect may go to the same site only: the same host, with or
// without "www.", on the same scheme and port, or from http on port 80 to
// https on port 443. Anywhere else (another host, loopback included) it is
// not followed.
bool SameSiteForRobots(const std::string& from_host_key, const std::string& to_host_key) {
  if (SiteKey(from_host_key) == SiteKey(to_host_key)) return true;
  return from_host_key.starts_with("http://") && from_host_key.ends_with(":80") &&
         to_host_key.starts_with("https://") && to_host_key.ends_with(":443") &&
         BareHost(from_host_key) == BareHost(to_host_key);
}

}  // namespace

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
  // The Location is relative to the URL as requested, and is fetched as found.
  std::optional<FoundUrl> found =
      ResolveLink(entry.fetch_url.empty() ? entry.url : entry.fetch_url, result.location);
  std::optional<std::string> target = found ? std::optional(found->canonical) : std::nullopt;
  std::optional<std::string> host = target ? HostKey(*target) : std::nullopt;
  write.page.final_url = target.value_or("");
  const SourceScope* scope = ScopeFor(entry.source);
  if (scope == nullptr) {
    DropUnknownSource(std::move(entry));
    return;
  }
  if (!target || !host) {
    write.page.error = "redirect without a usable Location header";
  } else if (entry.depth >= options_.max_depth + options_.max_redirects) {
    write.page.error = "redirect chain too long: " + *target;
  } else if (entry.depth > 0 && !scope->Allows(*target)) {
    // A start URL may move (http to https, another host name); anything
    // found later must stay within the source.
    write.page.error = "redirect out of scope: " + *target;
  } else {
    write.links.push_back(storage::FrontierAdd{.url = *target,
                                               .host_key = *host,
                                               .source = entry.source,
                                               .depth = entry.depth + 1,
                                               .not_before = 0,
                                               .fetch_url = found->fetch});
  }
  Write(std::move(write));
}

// The circuit breaker: a host whose requests keep failing is paused, longer
// each time, and after breaker_max_trips pauses given up for this run, so that
// it cannot hold slots other hosts could use. It is for hosts that are down:
// connection-level failures (resolve, connect, TLS) always count; timeouts,
// broken transfers and 5xx count only when the host has not answered a page
// within kBreakerAnswerWindow, since on a host that answers they belong to
// the URL (a few stalled pages must not pause the good ones).
void Crawler::Loop::NoteHostHealth(const std::string& host_key, const FetchResult& result) {
  const bool connect_level = IsConnectLevel(result.network);
  const bool failed = connect_level || result.error == FetchError::kTimeout ||
                      result.error == FetchError::kConnect ||
                      result.error == FetchError::kTransfer || result.status >= 500;
  HostHealth& health = host_health_[host_key];
  const auto now = Clock::now();
  if (!failed) {
    health.consecutive_failures = 0;
    health.last_answer = now;
    return;
  }
  if (!connect_level && health.last_answer && now - *health.last_answer < kBreakerAnswerWindow) {
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
  if (const SourceScope* scope = ScopeFor(entry.source); scope && IsFeedType(scope->type())) {
    write.feed_walk = UnfetchedStep(*scope, entry, write.page.error);
  }
  return write;
}

void Crawler::Loop::RecordGivenUp(storage::FrontierEntry entry) {
  ++summary_.progress.pages_failed;
  Write(Unfetched(entry, "host keeps failing; given up for this run"));
}

void Crawler::Loop::RecordDisallowed(storage::FrontierEntry entry) {
  ++summary_.progress.robots_disallowed;
  Write(Unfetched(entry, "disallowed by robots.txt"));
}

// A source's own respect_robots_txt, else [crawler]'s.
bool Crawler::Loop::RespectsRobots(const std::string& source) {
  const SourceScope* scope = ScopeFor(source);
  const std::optional<bool> own = scope ? scope->respect_robots_txt() : std::nullopt;
  return own.value_or(options_.respect_robots_txt);
}

// Sends a leased entry to the scheduler once its host's robots.txt allows it
// (at once for a source that does not respect robots.txt).
void Crawler::Loop::Admit(storage::FrontierEntry entry) {
  source_hosts_[entry.source].insert(entry.host_key);
  if (HostGivenUp(entry.host_key)) {
    RecordGivenUp(std::move(entry));
    return;
  }
  if (!RespectsRobots(entry.source)) {
    scheduler_.Add(std::move(entry));
    return;
  }
  switch (robots_.Check(entry, Clock::now())) {
    case RobotsCache::Verdict::kAllowed:
      scheduler_.Add(std::move(entry));
      return;
    case RobotsCache::Verdict::kDisallowed:
      if (robots_.Unreachable(entry.host_key)) {
        AdmitWhenRobotsUnreachable(std::move(entry));
      } else {
        RecordDisallowed(std::move(entry));
      }
      return;
    case RobotsCache::Verdict::kUnknown: {
      std::string host = entry.host_key;
      std::string source = entry.source;
      if (robots_.Wait(std::move(entry))) LookUpRobots(host, source);
      return;
    }
  }
}

// robots.txt unreachable (5xx, 429, no answer): nothing may be fetched from
// the host for now; the URL is tried again later, within its attempts. At
// the last one it counts as disallowed when the server answered, and as on
// an unreachable host when nothing answered at all.
void Crawler::Loop::AdmitWhenRobotsUnreachable(storage::FrontierEntry entry) {
  const std::string reason = robots_.UnreachableReason(entry.host_key);
  if (entry.attempts + 1 < options_.max_attempts) {
    storage::PageWrite write =
        Unfetched(entry, fmt::format("robots.txt unreachable ({}); tried again later", reason));
    write.feed_walk.reset();  // tried again: the walk is not over
    write.retry_at = NowMillis() + std::chrono::duration_cast<std::chrono::milliseconds>(
                                       RobotsCache::kUnreachableRetry)
                                       .count();
    Write(std::move(write));
  } else if (robots_.NetworkFailure(entry.host_key)) {
    RecordUnreachable(std::move(entry), reason);
  } else {
    ++summary_.progress.robots_disallowed;
    Write(Unfetched(entry, fmt::format("robots.txt unavailable ({}): disallowed", reason)));
  }
}

// robots.txt is cached in the store across runs (RFC 9309 §2.4); only a
// missing or expired record is fetched.
void Crawler::Loop::LookUpRobots(const std::string& host_key, const std::string& source) {
  AskStore(
      WorkKind::kRobotsLookup,
      [host_key, now = NowMillis()](storage::Store& store) { return store.GetRobots(host_key, now); },
      [this, host_key, source](storage::Result<std::optional<storage::RobotsRecord>> record) {
        if (stopping_ || finished_) return;  // the parked entries go back to the queue
        if (record.ok() && record.value()) {
          const storage::RobotsRecord& cached = *record.value();
          FetchResult result;
          result.status = cached.http_status;
          result.body = cached.body;
          if (cached.http_status == 0) {
            result.error = FetchError::kConnect;
            result.network = NetworkError::kConnect;
            result.network_reason = "unreachable at the last try, under a minute ago";
          }
          OnRobots(host_key, source, result, /*fresh=*/false);
        } else {
          // Started by Pump, within the global concurrency.
          robots_queue_.push_back({host_key, source});
          Pump();
        }
      });
}

// Redirects are followed here, not by curl, so that each hop can be checked:
// at most kMaxRobotsRedirects, and only within the site.
void Crawler::Loop::FetchRobots(const std::string& host_key, const std::string& source,
                                const std::string& url, int redirects) {
  FetchRequest request = RequestFor(options_, url);
  // RFC 9309 §2.5: parse at least 500 KiB; more is not needed.
  request.max_body_bytes = 512 * 1024;
  request.follow_redirects = false;
  client_.Fetch(std::move(request), [this, token = work_.Begin(WorkKind::kRobotsFetch), host_key,
                                     source, redirects](FetchResult result) mutable {
    token.Release();
    OnRobotsFetched(host_key, source, std::move(result), redirects);
  });
}

void Crawler::Loop::OnRobotsFetched(const std::string& host_key, const std::string& source,
                                    FetchResult result, int redirects) {
  if (result.error == FetchError::kCancelled || stopping_ || finished_) {
    CheckDone();  // stopping: the parked entries go back to the queue
    return;
  }
  if (result.status != 0) NoteAnswer(host_key);
  if (IsRedirect(result) && redirects < kMaxRobotsRedirects) {
    std::optional<std::string> target = ResolveUrl(result.url, result.location);
    std::optional<std::string> target_host = target ? HostKey(*target) : std::nullopt;
    if (target_host && SameSiteForRobots(host_key, *target_host)) {
      FetchRobots(host_key, source, *target, redirects + 1);
      return;
    }
  }
  // A redirect not followed (too many, off the site) comes to OnRobots as
  // it is: "unavailable", so the host has no rules (RFC 9309 §2.3.1.2).
  OnRobots(host_key, source, result, /*fresh=*/true);
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
  AskStore(
      WorkKind::kRobotsSave,
      [record = std::move(record)](storage::Store& store) { return store.PutRobots(record); },
      [this](const storage::Status& saved) {
        if (!saved.ok()) Stop(storage::RunStatus::kFailed, saved.message());
      });
}

// Sitemaps of a host (robots.txt Sitemap: lines on the same site, and
// /sitemap.xml) enter the frontier once per run, for html sources;
// ProcessPage reads them.
void Crawler::Loop::EnqueueSitemaps(const std::string& host_key, const std::string& source) {
  // A feed's host has no pages for it: its listing is the feed.
  const SourceScope* scope = ScopeFor(source);
  if (scope && IsFeedType(scope->type())) return;
  if (!options_.use_sitemaps || !sitemap_hosts_.insert(host_key).second) return;
  std::vector<std::string> candidates = robots_.Sitemaps(host_key);
  std::optional<std::string> probe = CanonicalizeUrl(host_key + "/sitemap.xml");
  if (probe) {
    candidates.push_back(*probe);
    sitemap_probes_.insert(*probe);
  }
  std::vector<storage::FrontierAdd> adds;
  std::atomic<int>& budget = *SitemapBudget(host_key);
  for (const std::string& candidate : candidates) {
    std::optional<FoundUrl> url = FoundAt(candidate);
    if (!url || SiteKey(url->canonical) != SiteKey(host_key)) continue;
    std::optional<std::string> host = HostKey(url->canonical);
    if (!host || budget.fetch_sub(1) <= 0) continue;
    adds.push_back({.url = url->canonical, .host_key = *host, .source = source, .depth = 0,
                    .not_before = 0, .fetch_url = url->fetch});
  }
  AskStore(
      WorkKind::kSitemapAdd,
      [adds = std::move(adds), run_id = summary_.run_id](storage::Store& store) {
        return store.AddToFrontier(run_id, adds);
      },
      [this](storage::Result<int> added) {
        if (!added.ok()) {
          Stop(storage::RunStatus::kFailed, added.status().message());
          return;
        }
        frontier_open_ += added.value();
        if (added.value() > 0) lease_exhausted_ = false;
        Pump();
      });
}

void Crawler::Loop::OnRobots(const std::string& host_key, const std::string& source,
                             const FetchResult& result, bool fresh) {
  if (fresh) SaveRobots(host_key, result);
  // When every host is down the run stops here, before the parked entries
  // spend an attempt: they go back to the queue as they are.
  if (result.network != NetworkError::kNone &&
      NoteNetworkFailure(host_key, result.network_reason)) {
    return;
  }
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

}  // namespace jobcrawler::crawler
