// When to try a failed request again.
#ifndef JOBCRAWLER_CRAWLER_BACKOFF_H_
#define JOBCRAWLER_CRAWLER_BACKOFF_H_

#include <chrono>
#include <optional>
#include <string_view>

#include "crawler/http_client.h"

namespace jobcrawler::crawler {

// Longest wait we accept from a Retry-After header or backoff: beyond it a
// cron run would rather give up on the URL and try again next run.
inline constexpr std::chrono::seconds kMaxRetryDelay{300};
// First backoff step; doubles with each attempt.
inline constexpr std::chrono::milliseconds kBaseRetryDelay{1000};

// True for failures worth another attempt: timeouts, connection and transfer
// errors, and HTTP 408, 429, 500, 502, 503, 504.
bool IsRetryable(const FetchResult& result);

// True for answers that say the whole host is overloaded (429, 503).
bool SlowsHost(const FetchResult& result);

// Parses Retry-After in both forms (delta-seconds, HTTP-date) relative to
// `now`, the local clock when the response arrived; nullopt when absent or
// unreadable. Never negative, capped at kMaxRetryDelay. A date is waited for
// in full: the wait is rounded up to the millisecond, never down to a second.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

// Delay before attempt number `attempt` (1 = first retry): exponential from
// kBaseRetryDelay with full jitter drawn from `jitter` in [0,1), at least the
// Retry-After value when given, capped at kMaxRetryDelay.
std::chrono::milliseconds RetryDelay(int attempt,
                                     std::optional<std::chrono::milliseconds> retry_after,
                                     double jitter);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_BACKOFF_H_
