// robots.txt rules per host for the running crawl, and the entries waiting
// for a host's robots.txt to arrive. Runs on the fetch-loop thread only.
//
// RFC 9309 §2.3.1: a 2xx answer is parsed; 4xx means no rules (allow all),
// and so does a redirect the caller did not follow (§2.3.1.2: too many, or
// off the site: "unavailable"); 5xx, 429 and unreachable mean disallow
// everything for now, and the host is asked again after kUnreachableRetry.
// Rules are kept for kRulesLifetime.
#ifndef JOBCRAWLER_CRAWLER_ROBOTS_CACHE_H_
#define JOBCRAWLER_CRAWLER_ROBOTS_CACHE_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/http_client.h"
#include "crawler/robots.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

class RobotsCache {
 public:
  using Clock = std::chrono::steady_clock;
  // How long fetched rules are trusted (RFC 9309 §2.4: SHOULD NOT use a
  // cached copy for more than 24 hours).
  static constexpr std::chrono::hours kRulesLifetime{24};
  // How long an unreachable robots.txt keeps its host closed before we ask again.
  static constexpr std::chrono::seconds kUnreachableRetry{60};

  enum class Verdict { kAllowed, kDisallowed, kUnknown };

  RobotsCache(bool enabled, std::string user_agent);

  // kUnknown when the host's robots.txt has to be fetched (or is being
  // fetched) first: then the caller parks the entry with Wait().
  Verdict Check(const storage::FrontierEntry& entry, Clock::time_point now) const;

  // Parks an entry until its host's rules arrive. Returns true when the
  // caller must start fetching robots.txt for that host (first waiter).
  bool Wait(storage::FrontierEntry entry);

  // Stores the rules for a host from a robots.txt fetch and returns the
  // entries that were waiting for them.
  std::vector<storage::FrontierEntry> Resolve(const std::string& host_key,
                                              const FetchResult& result, Clock::time_point now);

  // True when the host's rules say "unreachable: disallow all for now".
  bool Unreachable(const std::string& host_key) const;
  // Why, for an unreachable host ("robots.txt answered HTTP 503", "could
  // not resolve host www.hagen.de"); "" for a reachable one.
  std::string UnreachableReason(const std::string& host_key) const;
  // True when the host could not be reached at all (a network error, not an
  // answer): its URLs count as on an unreachable host, not as disallowed.
  bool NetworkFailure(const std::string& host_key) const;
  std::optional<std::chrono::milliseconds> CrawlDelay(const std::string& host_key) const;
  std::vector<std::string> Sitemaps(const std::string& host_key) const;

  // Every parked entry, for a graceful stop.
  std::vector<storage::FrontierEntry> TakeWaiting();
  bool enabled() const { return enabled_; }
  // Entries parked until their host's rules arrive.
  std::size_t waiting() const { return waiting_; }

 private:
  struct Host {
    std::optional<RobotsRules> rules;
    Clock::time_point expires{};
    bool unreachable = false;
    bool network_failure = false;  // no answer at all
    std::string reason;            // why unreachable
    bool fetching = false;
    std::vector<storage::FrontierEntry> waiting;
  };

  bool enabled_;
  std::string user_agent_;
  std::map<std::string, Host> hosts_;
  std::size_t waiting_ = 0;
};

// "/path?query" of an absolute URL ("/" when the path is empty).
std::string PathAndQuery(std::string_view url);

// Queries with more parameters than this are checked as written only.
inline constexpr std::size_t kMaxReorderedParams = 16;

// Canonical URLs have their query parameters sorted, so the order a site's
// own links use (which its robots.txt rules are written against, e.g.
// "Disallow: /*&order=") is lost. Being polite, a URL is allowed only when
// the query as given and each parameter moved to the front or to the end
// are all allowed.
bool IsAllowedInAnyOrder(const RobotsRules& rules, std::string_view path_and_query);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_ROBOTS_CACHE_H_
