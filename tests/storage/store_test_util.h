// One-line helpers for SqliteStore tests.
#ifndef JOBCRAWLER_TESTS_STORAGE_STORE_TEST_UTIL_H_
#define JOBCRAWLER_TESTS_STORAGE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/sqlite_store.h"

namespace jobcrawler::storage::testing {

inline std::unique_ptr<SqliteStore> OpenStore(const std::string& path = ":memory:") {
  auto store = SqliteStore::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(store).value() : nullptr;
}

inline FrontierAdd Url(std::string url, std::string host, int depth = 0,
                       UnixMillis not_before = 0) {
  return {std::move(url), std::move(host), "board", depth, not_before};
}

inline parsers::Posting Job(std::string title, std::string company, std::string locality,
                            std::string url = "", std::string identifier = "") {
  parsers::Posting posting;
  posting.title = std::move(title);
  posting.company = std::move(company);
  posting.locality = std::move(locality);
  posting.url = std::move(url);
  posting.identifier = std::move(identifier);
  return posting;
}

inline Sighting Seen(parsers::Posting posting, std::string page_url, bool matched = true) {
  return {std::move(posting), std::move(page_url), matched};
}

// A successful fetch of `entry` at `now`.
inline PageWrite Fetched(const FrontierEntry& entry, UnixMillis now) {
  PageWrite write;
  write.page.frontier_id = entry.id;
  write.page.url = entry.url;
  write.page.final_url = entry.url;
  write.page.source = entry.source;
  write.page.http_status = 200;
  write.page.content_type = "text/html";
  write.page.fetched_at = now;
  return write;
}

// Adds `url` to the run and leases it back (the only due entry).
inline FrontierEntry AddAndLease(Store& store, std::int64_t run, const std::string& url,
                                 UnixMillis now = 1000) {
  EXPECT_TRUE(store.AddToFrontier(run, {Url(url, "https://h:443")}).ok());
  auto leased = store.LeaseFrontier(run, 100, 100, now, {});
  EXPECT_TRUE(leased.ok()) << leased.status().message();
  for (const FrontierEntry& entry : leased.value()) {
    if (entry.url == url) return entry;
  }
  ADD_FAILURE() << "not leased: " << url;
  return {};
}

// Fetches `page_url` in `run` at `now` with `http_status` and records the
// sightings on it.
inline PageWriteResult Record(Store& store, std::int64_t run, const std::string& page_url,
                              std::vector<Sighting> sightings, UnixMillis now = 1000,
                              int http_status = 200) {
  PageWrite write = Fetched(AddAndLease(store, run, page_url, now), now);
  write.page.http_status = http_status;
  write.sightings = std::move(sightings);
  auto result = store.RecordPage(run, write);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? result.value() : PageWriteResult{};
}

inline std::vector<PostingRow> List(Store& store, const PostingQuery& query = {}) {
  auto rows = store.ListPostings(query);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  return rows.ok() ? rows.value() : std::vector<PostingRow>{};
}

// The titles of `rows`, in order.
inline std::vector<std::string> Titles(const std::vector<PostingRow>& rows) {
  std::vector<std::string> titles;
  for (const PostingRow& row : rows) titles.push_back(row.posting.title);
  return titles;
}

}  // namespace jobcrawler::storage::testing

#endif  // JOBCRAWLER_TESTS_STORAGE_STORE_TEST_UTIL_H_
