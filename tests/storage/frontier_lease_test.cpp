// SqliteStore's frontier beyond the basics in sqlite_store_test.cpp: the URL
// as found beside the canonical one, the parse key and notes of a page, and
// leases over many hosts (storage/frontier_lease.cpp).
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"

namespace jobcrawler::storage {
namespace {

using testing::OpenStore;
using testing::Url;

TEST(FrontierUrls, TheUrlAsFoundTravelsWithTheEntryAndTheFirstAddWins) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  FrontierAdd add = Url("https://h/s?a=1&b=2", "h");
  add.fetch_url = "https://h/s?b=2&a=1";
  FrontierAdd same = add;
  same.fetch_url = "https://h/s?a=1&b=2";
  ASSERT_EQ(store->AddToFrontier(run, {add, same}).value(), 1);
  auto leased = store->LeaseFrontier(run, 10, 10, 0, {});
  ASSERT_EQ(leased->size(), 1u);
  EXPECT_EQ(leased->at(0).url, "https://h/s?a=1&b=2");
  EXPECT_EQ(leased->at(0).fetch_url, "https://h/s?b=2&a=1");
}

TEST(FrontierUrls, AnEntryWithoutUrlAsFoundLeasesWithAnEmptyOne) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store->AddToFrontier(run, {Url("https://h/x", "h")}).ok());
  EXPECT_EQ(store->LeaseFrontier(run, 10, 10, 0, {})->at(0).fetch_url, "");
}

TEST(PageParseKey, IsLeasedBackKeptByA304AndReplacedByTheNextParse) {
  auto store = OpenStore();
  const auto fetch = [&](int status, std::string key) {
    std::int64_t run = store->BeginRun(0).value();
    FrontierEntry entry = testing::AddAndLease(*store, run, "https://h/jobs");
    PageWrite write = testing::Fetched(entry, 1000);
    write.page.http_status = status;
    write.page.parse_key = std::move(key);
    EXPECT_TRUE(store->RecordPage(run, write).ok());
    return entry.parse_key;  // the key before this fetch
  };
  EXPECT_EQ(fetch(200, "p2-a"), "");
  EXPECT_EQ(fetch(304, ""), "p2-a");
  EXPECT_EQ(fetch(200, "p2-b"), "p2-a");
  EXPECT_EQ(fetch(404, ""), "p2-b");
  EXPECT_EQ(fetch(200, "p3-c"), "p2-b");
}

TEST(PageNotes, AreStoredApartFromErrors) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  PageWrite write = testing::Fetched(testing::AddAndLease(*store, run, "https://h/list"), 1000);
  write.page.notes = "1 link(s) longer than 8192 bytes not followed";
  ASSERT_TRUE(store->RecordPage(run, write).ok());
  auto stats = store->SourceStats(run);
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->size(), 1u);
  EXPECT_EQ(stats->at(0).pages_failed, 0) << "a note is no failure";
}

// Many hosts, several depths, retries not yet due, hosts skipped: the lease
// is the same as sorting every due entry by (depth, id) with at most
// per_host_limit per host, which is what the index walk replaces.
TEST(FrontierLease, MatchesTheSortedDueEntriesWithPerHostLimits) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  std::vector<FrontierAdd> adds;
  for (int i = 0; i < 300; ++i) {
    const std::string host = fmt::format("https://h{}:443", i % 7);
    adds.push_back(Url(fmt::format("https://h{}/{}", i % 7, i), host, (i * 5) % 3,
                       i % 11 == 0 ? 5000 : 0));
  }
  ASSERT_EQ(store->AddToFrontier(run, adds).value(), 300);
  // The expected lease, computed from the adds (ids follow insertion order).
  std::map<std::string, int> per_host;
  std::vector<std::tuple<int, int, std::string, std::string>> sorted;
  for (int i = 0; i < 300; ++i) {
    if (adds[i].not_before > 1000 || adds[i].host_key == "https://h3:443") continue;
    sorted.emplace_back(adds[i].depth, i, adds[i].url, adds[i].host_key);
  }
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::tuple<int, int, std::string>> candidates;
  for (const auto& [depth, index, url, host] : sorted) {
    if (per_host[host]++ < 4) candidates.emplace_back(depth, index, url);
  }
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < 20 && i < candidates.size(); ++i) {
    expected.push_back(std::get<2>(candidates[i]));
  }
  auto leased = store->LeaseFrontier(run, 20, 4, 1000, {"https://h3:443"});
  ASSERT_TRUE(leased.ok()) << leased.status().message();
  std::vector<std::string> got;
  for (const FrontierEntry& entry : leased.value()) got.push_back(entry.url);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(store->CountFrontier(run)->leased, 20);
}

TEST(FrontierLease, NonPositiveLimitsLeaseNothing) {
  auto store = OpenStore();
  std::int64_t run = store->BeginRun(0).value();
  ASSERT_TRUE(store->AddToFrontier(run, {Url("https://h/x", "h")}).ok());
  EXPECT_TRUE(store->LeaseFrontier(run, 0, 10, 0, {})->empty());
  EXPECT_TRUE(store->LeaseFrontier(run, 10, 0, 0, {})->empty());
  EXPECT_EQ(store->CountFrontier(run)->queued, 1);
}

}  // namespace
}  // namespace jobcrawler::storage
