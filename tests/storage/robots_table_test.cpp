// SqliteStore's robots.txt cache.
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::storage {
namespace {

RobotsRecord Robots(std::string host, int status, std::string body, UnixMillis expires_at) {
  return {std::move(host), status, std::move(body), 1000, expires_at};
}

TEST(RobotsCache, ReturnsWhatWasPutUntilItExpires) {
  auto store = testing::OpenStore();
  ASSERT_TRUE(
      store->PutRobots(Robots("https://a:443", 200, "User-agent: *\nDisallow: /x\n", 5000)).ok());
  auto cached = store->GetRobots("https://a:443", 4999);
  ASSERT_TRUE(cached.ok()) << cached.status().message();
  ASSERT_TRUE(cached.value().has_value());
  EXPECT_EQ(cached.value()->host_key, "https://a:443");
  EXPECT_EQ(cached.value()->http_status, 200);
  EXPECT_EQ(cached.value()->body, "User-agent: *\nDisallow: /x\n");
  EXPECT_EQ(cached.value()->fetched_at, 1000);
  EXPECT_EQ(cached.value()->expires_at, 5000);
  EXPECT_FALSE(store->GetRobots("https://a:443", 5000).value().has_value());
}

TEST(RobotsCache, UnknownHostHasNoRecord) {
  auto store = testing::OpenStore();
  ASSERT_TRUE(store->PutRobots(Robots("https://a:443", 200, "", 5000)).ok());
  EXPECT_FALSE(store->GetRobots("https://b:443", 0).value().has_value());
}

TEST(RobotsCache, APutReplacesTheHostsRecord) {
  auto store = testing::OpenStore();
  ASSERT_TRUE(store->PutRobots(Robots("https://a:443", 200, "old", 5000)).ok());
  ASSERT_TRUE(store->PutRobots(Robots("https://a:443", 0, "", 9000)).ok());
  std::optional<RobotsRecord> cached = store->GetRobots("https://a:443", 6000).value();
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->http_status, 0);
  EXPECT_EQ(cached->body, "");
}

TEST(RobotsCache, KeepsBodyBytesAsTheyCame) {
  auto store = testing::OpenStore();
  std::string body("Disallow: /\0tail\xFF", 17);
  ASSERT_TRUE(store->PutRobots(Robots("https://a:443", 200, body, 5000)).ok());
  EXPECT_EQ(store->GetRobots("https://a:443", 0).value()->body, body);
}

TEST(RobotsCache, SurvivesReopeningTheFile) {
  jobcrawler::testing::TempDir dir;
  ASSERT_TRUE(testing::OpenStore(dir.File("jobs.db"))
                  ->PutRobots(Robots("https://a:443", 404, "", 5000))
                  .ok());
  EXPECT_EQ(
      testing::OpenStore(dir.File("jobs.db"))->GetRobots("https://a:443", 0).value()->http_status,
      404);
}

}  // namespace
}  // namespace jobcrawler::storage
