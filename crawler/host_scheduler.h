// Politeness scheduling over the leased part of the frontier.
//
// The frontier's state lives in the store; HostScheduler only holds the few
// entries currently leased to this process, one queue per host, together with
// each host's timing: when a request to it last started, how many are in
// flight, and how long to wait between request starts (per_host_delay_ms,
// raised by a robots.txt Crawl-delay or by backoff after 429/503).
// Hosts are served round-robin so that one large host cannot starve others.
// Pure bookkeeping on an injected clock value: not thread-safe, no I/O.
#ifndef JOBCRAWLER_CRAWLER_HOST_SCHEDULER_H_
#define JOBCRAWLER_CRAWLER_HOST_SCHEDULER_H_

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/store.h"

namespace jobcrawler::crawler {

class HostScheduler {
 public:
  using Clock = std::chrono::steady_clock;

  HostScheduler(int per_host_concurrency, std::chrono::milliseconds per_host_delay);

  void Add(storage::FrontierEntry entry);

  // The next entry whose host may start a request at `now`, marking the
  // request as started (in flight, start time = now). nullopt when no host
  // is ready.
  std::optional<storage::FrontierEntry> Next(Clock::time_point now);

  // A request to `host_key` finished; frees its slot.
  void Finished(const std::string& host_key);

  // Forgets hosts that are idle at `now` and carry no timing of their own.
  void Prune(Clock::time_point now);

  // Raises the gap between request starts for one host (Crawl-delay) to at
  // least `delay`.
  void SetMinimumDelay(const std::string& host_key, std::chrono::milliseconds delay);

  // Keeps the host from starting requests before `until` (backoff).
  void PauseUntil(const std::string& host_key, Clock::time_point until);

  // When the earliest host with queued entries becomes ready; nullopt when
  // no entry is queued or every host with entries is at its concurrency cap.
  std::optional<Clock::time_point> NextReadyTime() const;

  // Removes and returns every queued entry (graceful stop).
  std::vector<storage::FrontierEntry> TakeAll();

  std::size_t queued() const { return queued_; }
  std::size_t QueuedFor(const std::string& host_key) const;
  // Hosts with at least `count` entries queued here.
  std::vector<std::string> HostsWithAtLeast(std::size_t count) const;

 private:
  struct Host {
    std::deque<storage::FrontierEntry> queue;
    int in_flight = 0;
    std::optional<Clock::time_point> last_start;
    std::chrono::milliseconds delay{0};
    Clock::time_point paused_until{};
  };

  Host& HostFor(const std::string& host_key);
  std::optional<Clock::time_point> ReadyTime(const Host& host) const;

  const int per_host_concurrency_;
  const std::chrono::milliseconds per_host_delay_;
  std::map<std::string, Host> hosts_;
  std::string cursor_;  // round-robin position: the host served last
  std::size_t queued_ = 0;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_HOST_SCHEDULER_H_
