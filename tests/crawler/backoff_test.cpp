#include "crawler/backoff.h"

#include <gtest/gtest.h>

namespace jobcrawler::crawler {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

FetchResult Status(long status) {
  FetchResult result;
  result.status = status;
  return result;
}

TEST(Backoff, RetriesTransientStatusesOnly) {
  for (long status : {408L, 429L, 500L, 502L, 503L, 504L}) EXPECT_TRUE(IsRetryable(Status(status))) << status;
  for (long status : {200L, 301L, 304L, 400L, 403L, 404L, 410L, 501L}) EXPECT_FALSE(IsRetryable(Status(status))) << status;
}

TEST(Backoff, RetriesTransportErrorsButNotCancellation) {
  FetchResult result;
  result.error = FetchError::kTimeout;
  EXPECT_TRUE(IsRetryable(result));
  result.error = FetchError::kConnect;
  EXPECT_TRUE(IsRetryable(result));
  result.error = FetchError::kCancelled;
  EXPECT_FALSE(IsRetryable(result));
  result.error = FetchError::kTooManyRedirects;
  EXPECT_FALSE(IsRetryable(result));
}

TEST(Backoff, OnlyTooManyRequestsAndUnavailableSlowTheHost) {
  EXPECT_TRUE(SlowsHost(Status(429)));
  EXPECT_TRUE(SlowsHost(Status(503)));
  EXPECT_FALSE(SlowsHost(Status(500)));
}

TEST(Backoff, ReadsRetryAfterSeconds) {
  auto now = std::chrono::system_clock::now();
  EXPECT_EQ(ParseRetryAfter("120", now), seconds(120));
  EXPECT_EQ(ParseRetryAfter(" 7 ", now), seconds(7));
  EXPECT_EQ(ParseRetryAfter("99999999999999999999999", now), kMaxRetryDelay);
  EXPECT_EQ(ParseRetryAfter("", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("soon", now), std::nullopt);
}

TEST(Backoff, ReadsRetryAfterHttpDate) {
  // 2026-11-29 12:00:00 UTC.
  auto now = std::chrono::system_clock::from_time_t(1795953600);
  EXPECT_EQ(ParseRetryAfter("Sun, 29 Nov 2026 12:01:30 GMT", now), seconds(90));
  EXPECT_EQ(ParseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now), seconds(0));
}

// A date 3.9 s ahead was once waited 3.0 s: the whole-second difference
// came before the date.
TEST(Backoff, AnHttpDateIsWaitedForInFullNotToTheWholeSecond) {
  auto date = std::chrono::system_clock::from_time_t(1795953604);  // 12:00:04 UTC
  auto now = date - milliseconds(3900);
  EXPECT_EQ(ParseRetryAfter("Sun, 29 Nov 2026 12:00:04 GMT", now), milliseconds(3900));
  // Below a millisecond, up: never earlier than the date.
  auto just_before = date - std::chrono::microseconds(2500);
  EXPECT_EQ(ParseRetryAfter("Sun, 29 Nov 2026 12:00:04 GMT", just_before), milliseconds(3));
  EXPECT_EQ(ParseRetryAfter("Sun, 29 Nov 2027 12:00:04 GMT", now), kMaxRetryDelay);
}

TEST(Backoff, GrowsExponentiallyWithJitterAndCap) {
  EXPECT_EQ(RetryDelay(1, std::nullopt, 0.0), milliseconds(500));
  EXPECT_EQ(RetryDelay(1, std::nullopt, 1.0), milliseconds(1000));
  EXPECT_EQ(RetryDelay(3, std::nullopt, 1.0), milliseconds(4000));
  EXPECT_EQ(RetryDelay(30, std::nullopt, 1.0), kMaxRetryDelay);
}

TEST(Backoff, HonoursRetryAfterButCapsIt) {
  EXPECT_EQ(RetryDelay(1, seconds(10), 0.0), seconds(10));
  EXPECT_EQ(RetryDelay(1, seconds(100000), 0.0), kMaxRetryDelay);
}

}  // namespace
}  // namespace jobcrawler::crawler
