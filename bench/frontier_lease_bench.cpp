// How long one lease takes with a large frontier: the crawl loop leases a
// few dozen due URLs at a time on the database thread, which also writes
// every page, so a lease must not grow with the number of queued URLs.
//
// Each benchmark fills a fresh SQLite file (WAL, as a crawl uses it) with
// `range(0)` queued URLs on 50 hosts at depths 0..3, then measures one
// LeaseFrontier (64 entries, at most 8 per host, 10 hosts skipped) followed
// by the ReleaseLeases that puts them back.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "storage/sqlite_store.h"

namespace {

using jobcrawler::storage::FrontierAdd;
using jobcrawler::storage::SqliteStore;

constexpr int kHosts = 50;
constexpr int kLeaseLimit = 64;
constexpr int kPerHost = 8;
constexpr int kSkippedHosts = 10;

std::string Host(int i) { return fmt::format("https://host{}.example:443", i); }

struct Filled {
  std::unique_ptr<SqliteStore> store;
  std::int64_t run_id = 0;
};

Filled Fill(const std::string& path, int urls) {
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  auto store = SqliteStore::Open(path);
  if (!store.ok()) throw std::runtime_error(store.status().message());
  Filled filled{std::move(store).value(), 0};
  filled.run_id = filled.store->BeginRun(0).value();
  std::vector<FrontierAdd> batch;
  for (int i = 0; i < urls; ++i) {
    const int host = i % kHosts;
    FrontierAdd add;
    add.url = fmt::format("https://host{}.example/stellen/{}?seite={}", host, i, i % 7);
    add.fetch_url = add.url;
    add.host_key = Host(host);
    add.source = "bench";
    add.depth = (i / kHosts) % 4;
    add.not_before = i % 97 == 0 ? 1'000'000 : 0;  // a few retries not yet due
    batch.push_back(std::move(add));
    if (batch.size() == 10'000) {
      filled.store->AddToFrontier(filled.run_id, batch).value();
      batch.clear();
    }
  }
  filled.store->AddToFrontier(filled.run_id, batch).value();
  return filled;
}

void BM_LeaseFrontier(benchmark::State& state) {
  const std::string path = "/tmp/jobcrawler-frontier-lease-bench.db";
  Filled filled = Fill(path, static_cast<int>(state.range(0)));
  std::vector<std::string> skip;
  for (int i = 0; i < kSkippedHosts; ++i) skip.push_back(Host(i));
  for (auto _ : state) {
    auto leased = filled.store->LeaseFrontier(filled.run_id, kLeaseLimit, kPerHost, 1000, skip);
    if (!leased.ok() || leased->size() != kLeaseLimit) {
      state.SkipWithError("lease failed or came back short");
      break;
    }
    benchmark::DoNotOptimize(leased->data());
    if (!filled.store->ReleaseLeases(filled.run_id).ok()) {
      state.SkipWithError("release failed");
      break;
    }
  }
  filled.store.reset();
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
}
BENCHMARK(BM_LeaseFrontier)->Arg(10'000)->Arg(200'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
