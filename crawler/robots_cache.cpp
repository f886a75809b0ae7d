#include "crawler/robots_cache.h"

#include <algorithm>
#include <string_view>
#include <vector>
#include <utility>

namespace jobcrawler::crawler {

std::string PathAndQuery(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  std::size_t path = url.find_first_of("/?", start);
  if (path == std::string_view::npos) return "/";
  std::string out(url.substr(path, url.find('#', path) - path));
  if (out.front() == '?') out.insert(out.begin(), '/');
  return out;
}

RobotsCache::RobotsCache(bool enabled, std::string user_agent)
    : enabled_(enabled), user_agent_(std::move(user_agent)) {}

RobotsCache::Verdict RobotsCache::Check(const storage::FrontierEntry& entry,
                                        Clock::time_point now) const {
  if (!enabled_) return Verdict::kAllowed;
  auto it = hosts_.find(entry.host_key);
  if (it == hosts_.end() || !it->second.rules || it->second.fetching ||
      it->second.expires <= now) {
    return Verdict::kUnknown;
  }
  return IsAllowedInAnyOrder(*it->second.rules, PathAndQuery(entry.url)) ? Verdict::kAllowed
                                                                       : Verdict::kDisallowed;
}

bool IsAllowedInAnyOrder(const RobotsRules& rules, std::string_view path_and_query) {
  if (!rules.IsAllowed(path_and_query)) return false;
  std::size_t question = path_and_query.find('?');
  if (question == std::string_view::npos) return true;
  std::string_view path = path_and_query.substr(0, question + 1);
  std::vector<std::string_view> params;
  std::string_view query = path_and_query.substr(question + 1);
  for (std::size_t start = 0; start <= query.size();) {
    std::size_t end = std::min(query.find('&', start), query.size());
    params.push_back(query.substr(start, end - start));
    start = end + 1;
  }
  if (params.size() < 2 || params.size() > kMaxReorderedParams) return true;
  // Each parameter moved to the front and to the end of the query.
  for (std::size_t moved = 0; moved < params.size(); ++moved) {
    for (bool to_front : {true, false}) {
      std::vector<std::string_view> order;
      if (to_front) order.push_back(params[moved]);
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (i != moved) order.push_back(params[i]);
      }
      if (!to_front) order.push_back(params[moved]);
      std::string candidate(path);
      for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0) candidate += '&';
        candidate += order[i];
      }
      if (!rules.IsAllowed(candidate)) return false;
    }
  }
  return true;
}

bool RobotsCache::Wait(storage::FrontierEntry entry) {
  Host& host = hosts_[entry.host_key];
  host.waiting.push_back(std::move(entry));
  ++waiting_;
  if (host.fetching) return false;
  host.fetching = true;
  return true;
}

std::vector<storage::FrontierEntry> RobotsCache::Resolve(const std::string& host_key,
                                                         const FetchResult& result,
                                                         Clock::time_point now) {
  Host& host = hosts_[host_key];
  host.fetching = false;
  host.unreachable = false;
  host.network_failure = false;
  host.reason.clear();
  bool answered = result.error == FetchError::kNone && result.status != 0;
  if (answered && result.status >= 200 && result.status < 300) {
    host.rules = RobotsRules::Parse(result.body, user_agent_);
    host.expires = now + kRulesLifetime;
  } else if (answered && result.status >= 300 && result.status < 500 && result.status != 429) {
    // 4xx, and a redirect left unfollowed: "unavailable", RFC 9309 §2.3.1.2-3.
    host.rules = RobotsRules::AllowAll();
    host.expires = now + kRulesLifetime;
  } else {
    // 5xx, 429 and unreachable hosts: RFC 9309 §2.3.1.4.
    host.rules = RobotsRules::DisallowAll();
    host.unreachable = true;
    host.network_failure = result.network != NetworkError::kNone;
    host.reason = host.network_failure ? result.network_reason
                  : answered           ? "robots.txt answered HTTP " + std::to_string(result.status)
                                       : "robots.txt could not be read: " + result.error_message;
    host.expires = now + kUnreachableRetry;
  }
  waiting_ -= host.waiting.size();
  return std::exchange(host.waiting, {});
}

bool RobotsCache::Unreachable(const std::string& host_key) const {
  auto it = hosts_.find(host_key);
  return it != hosts_.end() && it->second.unreachable;
}

std::string RobotsCache::UnreachableReason(const std::string& host_key) const {
  auto it = hosts_.find(host_key);
  return it != hosts_.end() && it->second.unreachable ? it->second.reason : std::string();
}

bool RobotsCache::NetworkFailure(const std::string& host_key) const {
  auto it = hosts_.find(host_key);
  return it != hosts_.end() && it->second.unreachable && it->second.network_failure;
}

std::optional<std::chrono::milliseconds> RobotsCache::CrawlDelay(
    const std::string& host_key) const {
  auto it = hosts_.find(host_key);
  if (it == hosts_.end() || !it->second.rules) return std::nullopt;
  std::optional<double> seconds = it->second.rules->crawl_delay_seconds();
  if (!seconds) return std::nullopt;
  // A hostile Crawl-delay can be any finite number: clamp before converting.
  constexpr double kMaxSeconds = 86400.0;
  return std::chrono::milliseconds(
      static_cast<long long>(std::clamp(*seconds, 0.0, kMaxSeconds) * 1000.0));
}

std::vector<std::string> RobotsCache::Sitemaps(const std::string& host_key) const {
  auto it = hosts_.find(host_key);
  if (it == hosts_.end() || !it->second.rules) return {};
  return it->second.rules->sitemaps();
}

std::vector<storage::FrontierEntry> RobotsCache::TakeWaiting() {
  std::vector<storage::FrontierEntry> all;
  for (auto& [key, host] : hosts_) {
    for (auto& entry : host.waiting) all.push_back(std::move(entry));
    host.waiting.clear();
  }
  waiting_ = 0;
  return all;
}

}  // namespace jobcrawler::crawler
