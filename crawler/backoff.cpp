#include "crawler/backoff.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>
#include <iomanip>
#include <locale>
#include <sstream>
#include <string>

namespace jobcrawler::crawler {

bool IsRetryable(const FetchResult& result) {
  switch (result.error) {
    case FetchError::kTimeout:
    case FetchError::kConnect:
    case FetchError::kTransfer:
      return true;
    case FetchError::kNone:
      break;
    default:
      return false;
  }
  switch (result.status) {
    case 408: case 429: case 500: case 502: case 503: case 504:
      return true;
    default:
      return false;
  }
}

bool SlowsHost(const FetchResult& result) {
  return result.error == FetchError::kNone && (result.status == 429 || result.status == 503);
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  using std::chrono::milliseconds;
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    long long seconds = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc()) return kMaxRetryDelay;  // absurdly large: cap it
    return std::chrono::seconds(std::min<long long>(seconds, kMaxRetryDelay.count()));
  }
  // HTTP-date (RFC 9110 IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
  std::tm tm{};
  std::istringstream in{std::string(value)};
  in.imbue(std::locale::classic());
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
  if (in.fail()) return std::nullopt;
  std::time_t when = timegm(&tm);
  if (when == static_cast<std::time_t>(-1)) return std::nullopt;
  auto delta = std::chrono::system_clock::from_time_t(when) - now;
  if (delta <= milliseconds(0)) return milliseconds(0);
  // Up, so that the retry never comes before the date.
  return std::min<milliseconds>(std::chrono::ceil<milliseconds>(delta), kMaxRetryDelay);
}

std::chrono::milliseconds RetryDelay(int attempt,
                                     std::optional<std::chrono::milliseconds> retry_after,
                                     double jitter) {
  using std::chrono::milliseconds;
  int exponent = std::clamp(attempt - 1, 0, 16);
  milliseconds ceiling = std::min<milliseconds>(kBaseRetryDelay * (1LL << exponent), kMaxRetryDelay);
  // "Full jitter": anywhere between half the step and the step, so retries
  // from many URLs of one host do not arrive together.
  auto delay = milliseconds(static_cast<long long>(
      static_cast<double>(ceiling.count()) * (0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0))));
  if (retry_after) delay = std::max<milliseconds>(delay, *retry_after);
  return std::min<milliseconds>(delay, kMaxRetryDelay);
}

}  // namespace jobcrawler::crawler
