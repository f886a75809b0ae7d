#include "crawler/host_scheduler.h"

#include <gtest/gtest.h>

namespace jobcrawler::crawler {
namespace {

using Clock = HostScheduler::Clock;
using std::chrono::milliseconds;

storage::FrontierEntry Entry(std::string host, std::string path, std::int64_t id = 0) {
  storage::FrontierEntry entry;
  entry.id = id;
  entry.host_key = host;
  entry.url = host + path;
  return entry;
}

TEST(HostScheduler, WaitsTheDelayBetweenRequestStartsToOneHost) {
  HostScheduler scheduler(2, milliseconds(1000));
  scheduler.Add(Entry("http://a:80", "/1"));
  scheduler.Add(Entry("http://a:80", "/2"));
  Clock::time_point t0{};
  ASSERT_TRUE(scheduler.Next(t0));
  EXPECT_FALSE(scheduler.Next(t0 + milliseconds(999)));
  EXPECT_EQ(scheduler.NextReadyTime(), t0 + milliseconds(1000));
  EXPECT_TRUE(scheduler.Next(t0 + milliseconds(1000)));
}

TEST(HostScheduler, KeepsAtMostPerHostConcurrencyInFlight) {
  HostScheduler scheduler(1, milliseconds(0));
  scheduler.Add(Entry("http://a:80", "/1"));
  scheduler.Add(Entry("http://a:80", "/2"));
  Clock::time_point t0{};
  ASSERT_TRUE(scheduler.Next(t0));
  EXPECT_FALSE(scheduler.Next(t0 + milliseconds(5)));
  EXPECT_FALSE(scheduler.NextReadyTime());  // capped: only a Finished frees it
  scheduler.Finished("http://a:80");
  EXPECT_TRUE(scheduler.Next(t0 + milliseconds(5)));
}

TEST(HostScheduler, ServesHostsRoundRobin) {
  HostScheduler scheduler(4, milliseconds(0));
  for (int i = 0; i < 3; ++i) scheduler.Add(Entry("http://a:80", "/" + std::to_string(i)));
  for (int i = 0; i < 3; ++i) scheduler.Add(Entry("http://b:80", "/" + std::to_string(i)));
  Clock::time_point t0{};
  std::string order;
  while (auto entry = scheduler.Next(t0)) order += entry->host_key.substr(7, 1);
  EXPECT_EQ(order, "ababab");
}

TEST(HostScheduler, OtherHostsProceedWhileOneWaits) {
  HostScheduler scheduler(1, milliseconds(1000));
  scheduler.Add(Entry("http://a:80", "/1"));
  scheduler.Add(Entry("http://a:80", "/2"));
  scheduler.Add(Entry("http://b:80", "/1"));
  Clock::time_point t0{};
  auto first = scheduler.Next(t0);
  auto second = scheduler.Next(t0);
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->host_key, second->host_key);
  EXPECT_EQ(scheduler.queued(), 1u);
}

TEST(HostScheduler, CrawlDelayRaisesTheGapButNeverLowersIt) {
  HostScheduler scheduler(1, milliseconds(500));
  scheduler.SetMinimumDelay("http://a:80", milliseconds(2000));
  scheduler.SetMinimumDelay("http://a:80", milliseconds(100));
  scheduler.Add(Entry("http://a:80", "/1"));
  scheduler.Add(Entry("http://a:80", "/2"));
  Clock::time_point t0{};
  ASSERT_TRUE(scheduler.Next(t0));
  scheduler.Finished("http://a:80");
  EXPECT_FALSE(scheduler.Next(t0 + milliseconds(1999)));
  EXPECT_TRUE(scheduler.Next(t0 + milliseconds(2000)));
}

TEST(HostScheduler, PausedHostStartsNothingUntilThePauseEnds) {
  HostScheduler scheduler(2, milliseconds(0));
  Clock::time_point t0{};
  scheduler.PauseUntil("http://a:80", t0 + milliseconds(3000));
  scheduler.Add(Entry("http://a:80", "/1"));
  EXPECT_FALSE(scheduler.Next(t0 + milliseconds(2999)));
  EXPECT_EQ(scheduler.NextReadyTime(), t0 + milliseconds(3000));
  EXPECT_TRUE(scheduler.Next(t0 + milliseconds(3000)));
}

TEST(HostScheduler, TakeAllEmptiesEveryQueue) {
  HostScheduler scheduler(1, milliseconds(0));
  scheduler.Add(Entry("http://a:80", "/1", 1));
  scheduler.Add(Entry("http://b:80", "/1", 2));
  EXPECT_EQ(scheduler.TakeAll().size(), 2u);
  EXPECT_EQ(scheduler.queued(), 0u);
  EXPECT_FALSE(scheduler.Next(Clock::time_point{}));
}

TEST(HostScheduler, PruneKeepsTheTimingOfARecentlyUsedHost) {
  HostScheduler scheduler(1, milliseconds(100));
  scheduler.Add(Entry("http://a:80", "/1"));
  Clock::time_point t0{};
  ASSERT_TRUE(scheduler.Next(t0));
  scheduler.Finished("http://a:80");
  scheduler.Prune(t0 + milliseconds(50));
  scheduler.Add(Entry("http://a:80", "/2"));
  EXPECT_FALSE(scheduler.Next(t0 + milliseconds(60)));
  EXPECT_TRUE(scheduler.Next(t0 + milliseconds(100)));
}

}  // namespace
}  // namespace jobcrawler::crawler
