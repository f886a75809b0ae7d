// The crawl loop's dealings with hosts: robots.txt (cached in the store),
// sitemaps, redirects and the circuit breaker. See crawl_loop.h.
#include <algorithm>
#include <utility>

#include <boost/asio/post.hpp>

#include "crawler/crawl_loop.h"
#include "crawler/fetch_request.h"
#include "crawler/page_processor.h"
#include "crawler/url.h"

namespace jobcrawler::crawler {

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
                                               .not_before = 0,
                                               .fetch_url = found->fetch});
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
  FetchRequest request = RequestFor(options_, host_key + "/robots.txt");
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
    std::optional<FoundUrl> url = FoundAt(candidate);
    if (!url || SiteKey(url->canonical) != SiteKey(host_key)) continue;
    std::optional<std::string> host = HostKey(url->canonical);
    if (!host) continue;
    adds.push_back({.url = url->canonical, .host_key = *host, .source = source, .depth = 0,
                    .not_before = 0, .fetch_url = url->fetch});
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

}  // namespace jobcrawler::crawler
