// The frontier mode of scripts/bench: grows one run's frontier in a SQLite
// file to each of SIZES queued URLs and, at each size, measures one lease
// as the crawl loop makes it (LeaseFrontier of 128 entries, at most 128 per
// host, then the ReleaseLeases that puts them back; median of 31) and this
// process's resident memory. With --snapshots PREFIX it also leaves a copy
// of the database at each size (PREFIX-<size>.db) whose run is still
// running, for `jobcrawler crawl` to resume against the board server: its
// URLs are BASE/job/<1..3000>?v=<i> on BASE's host, for source SOURCE.
//
// Usage: frontier_scale_bench DB SIZES [--hosts H] [--base URL]
//                             [--source NAME] [--snapshots PREFIX]
// SIZES is a comma list, ascending ("10000,100000,1000000"). Without
// --base the URLs spread over H invented hosts (default 50).
// Prints one line per size: "queued N lease_ms X rss_mib Y".
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "storage/sqlite_store.h"

namespace {

using jobcrawler::storage::FrontierAdd;
using jobcrawler::storage::SqliteStore;

constexpr int kLeaseLimit = 128;   // kLeasePerSlot * concurrency 32
constexpr int kPerHostLimit = 128;
constexpr int kLeaseSamples = 31;
constexpr int kBoardJobs = 3000;
constexpr std::size_t kBatch = 10'000;

struct Options {
  std::string db;
  std::vector<long> sizes;
  int hosts = 50;
  std::string base;  // "http://127.0.0.1:PORT", or empty
  std::string source = "board";
  std::string snapshots;
};

double Seconds() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double RssMib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

FrontierAdd UrlAt(const Options& options, long i) {
  FrontierAdd add;
  if (options.base.empty()) {
    const long host = i % options.hosts;
    add.url = fmt::format("https://host{}.example/stellen/{}?seite={}", host, i, i % 7);
    add.host_key = fmt::format("https://host{}.example:443", host);
  } else {
    add.url = fmt::format("{}/job/{}?v={}", options.base, i % kBoardJobs + 1, i);
    // HostKey form: scheme://host:port (the base names its port).
    add.host_key = options.base;
  }
  add.source = options.source;
  add.depth = 1;
  return add;
}

void Fill(SqliteStore& store, std::int64_t run, const Options& options, long from, long to) {
  std::vector<FrontierAdd> batch;
  for (long i = from; i < to; ++i) {
    batch.push_back(UrlAt(options, i));
    if (batch.size() == kBatch || i + 1 == to) {
      if (!store.AddToFrontier(run, batch).ok()) throw std::runtime_error("fill failed");
      batch.clear();
    }
  }
}

double MedianLeaseMs(SqliteStore& store, std::int64_t run) {
  std::vector<double> samples;
  for (int i = 0; i < kLeaseSamples; ++i) {
    const double start = Seconds();
    auto leased = store.LeaseFrontier(run, kLeaseLimit, kPerHostLimit, 1, {});
    if (!leased.ok() || leased->empty()) throw std::runtime_error("lease failed");
    samples.push_back((Seconds() - start) * 1000.0);
    if (!store.ReleaseLeases(run).ok()) throw std::runtime_error("release failed");
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

std::unique_ptr<SqliteStore> Open(const std::string& path) {
  auto store = SqliteStore::Open(path);
  if (!store.ok()) throw std::runtime_error(store.status().message());
  return std::move(store).value();
}

Options Parse(int argc, char** argv) {
  if (argc < 3) throw std::invalid_argument("usage");
  Options options;
  options.db = argv[1];
  std::stringstream sizes(argv[2]);
  for (std::string size; std::getline(sizes, size, ',');) options.sizes.push_back(std::stol(size));
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--hosts") options.hosts = std::max(1, std::stoi(value));
    else if (flag == "--base") options.base = value;
    else if (flag == "--source") options.source = value;
    else if (flag == "--snapshots") options.snapshots = value;
    else throw std::invalid_argument("unknown flag " + flag);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = Parse(argc, argv);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(options.db + suffix);
    auto store = Open(options.db);
    const std::int64_t run = store->BeginRun(0).value();
    long filled = 0;
    for (long size : options.sizes) {
      Fill(*store, run, options, filled, size);
      filled = size;
      const double lease_ms = MedianLeaseMs(*store, run);
      std::printf("queued %ld lease_ms %.3f rss_mib %.1f\n", size, lease_ms, RssMib());
      std::fflush(stdout);
      if (options.snapshots.empty()) continue;
      store.reset();  // checkpoints the WAL into the file
      const std::string copy = fmt::format("{}-{}.db", options.snapshots, size);
      std::filesystem::copy_file(options.db, copy,
                                 std::filesystem::copy_options::overwrite_existing);
      store = Open(options.db);
    }
  } catch (const std::invalid_argument&) {
    std::cerr << "usage: frontier_scale_bench DB SIZES [--hosts H] [--base URL] "
                 "[--source NAME] [--snapshots PREFIX]\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "frontier_scale_bench: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
