#include "crawler/host_scheduler.h"

#include <algorithm>
#include <utility>

namespace jobcrawler::crawler {

HostScheduler::HostScheduler(int per_host_concurrency,
                             std::chrono::milliseconds per_host_delay)
    : per_host_concurrency_(std::max(1, per_host_concurrency)),
      per_host_delay_(per_host_delay) {}

HostScheduler::Host& HostScheduler::HostFor(const std::string& host_key) {
  auto [it, inserted] = hosts_.try_emplace(host_key);
  if (inserted) it->second.delay = per_host_delay_;
  return it->second;
}

void HostScheduler::Add(storage::FrontierEntry entry) {
  Host& host = HostFor(entry.host_key);
  host.queue.push_back(std::move(entry));
  ++queued_;
}

std::optional<HostScheduler::Clock::time_point> HostScheduler::ReadyTime(
    const Host& host) const {
  if (host.queue.empty() || host.in_flight >= per_host_concurrency_) {
    return std::nullopt;
  }
  Clock::time_point ready = host.paused_until;
  if (host.last_start) ready = std::max(ready, *host.last_start + host.delay);
  return ready;
}

std::optional<storage::FrontierEntry> HostScheduler::Next(Clock::time_point now) {
  if (hosts_.empty()) return std::nullopt;
  // Round-robin: start after the host served last, wrap around once.
  auto start = hosts_.upper_bound(cursor_);
  for (std::size_t i = 0; i < hosts_.size(); ++i, ++start) {
    if (start == hosts_.end()) start = hosts_.begin();
    Host& host = start->second;
    std::optional<Clock::time_point> ready = ReadyTime(host);
    if (!ready || *ready > now) continue;
    storage::FrontierEntry entry = std::move(host.queue.front());
    host.queue.pop_front();
    --queued_;
    ++host.in_flight;
    host.last_start = now;
    cursor_ = start->first;
    return entry;
  }
  return std::nullopt;
}

void HostScheduler::Finished(const std::string& host_key) {
  auto it = hosts_.find(host_key);
  if (it != hosts_.end() && it->second.in_flight > 0) --it->second.in_flight;
}

void HostScheduler::Prune(Clock::time_point now) {
  // Keeps memory bounded by the leased entries: a host is forgotten once it
  // has nothing queued or in flight and its timing no longer matters.
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    const Host& host = it->second;
    bool idle = host.queue.empty() && host.in_flight == 0 && host.paused_until <= now &&
                (!host.last_start || *host.last_start + host.delay <= now) &&
                host.delay == per_host_delay_;
    if (idle && it->first != cursor_) {
      it = hosts_.erase(it);
    } else {
      ++it;
    }
  }
}

void HostScheduler::SetMinimumDelay(const std::string& host_key,
                                    std::chrono::milliseconds delay) {
  Host& host = HostFor(host_key);
  host.delay = std::max(host.delay, delay);
}

void HostScheduler::PauseUntil(const std::string& host_key, Clock::time_point until) {
  Host& host = HostFor(host_key);
  host.paused_until = std::max(host.paused_until, until);
}

std::optional<HostScheduler::Clock::time_point> HostScheduler::NextReadyTime() const {
  std::optional<Clock::time_point> earliest;
  for (const auto& [key, host] : hosts_) {
    std::optional<Clock::time_point> ready = ReadyTime(host);
    if (ready && (!earliest || *ready < *earliest)) earliest = ready;
  }
  return earliest;
}

std::vector<storage::FrontierEntry> HostScheduler::TakeAll() {
  std::vector<storage::FrontierEntry> all;
  all.reserve(queued_);
  for (auto& [key, host] : hosts_) {
    for (auto& entry : host.queue) all.push_back(std::move(entry));
    host.queue.clear();
  }
  queued_ = 0;
  return all;
}

std::size_t HostScheduler::QueuedFor(const std::string& host_key) const {
  auto it = hosts_.find(host_key);
  return it == hosts_.end() ? 0 : it->second.queue.size();
}

std::vector<std::string> HostScheduler::HostsWithAtLeast(std::size_t count) const {
  std::vector<std::string> keys;
  for (const auto& [key, host] : hosts_) {
    if (host.queue.size() >= count) keys.push_back(key);
  }
  return keys;
}

}  // namespace jobcrawler::crawler
