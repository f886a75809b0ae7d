// The crawl loop: frontier -> politeness -> fetch -> parse -> store.
//
// Threads: Run() drives one io_context on the calling thread (the fetch
// loop: HttpClient, HostScheduler, timers, signals); a pool of parser
// threads runs ProcessPage; one database thread owns every Store call while
// the loop runs. Work moves between them by posting, never by locking, and
// the number of fetched-but-unwritten pages is bounded, so parsing and
// SQLite writes never stall the fetch loop and memory stays bounded.
// The frontier's state is in the store: a run killed at any point resumes
// from it (leased entries return to the queue).
#ifndef JOBCRAWLER_CRAWLER_CRAWLER_H_
#define JOBCRAWLER_CRAWLER_CRAWLER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "crawler/crawl_options.h"
#include "parsers/match/matcher.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

struct CrawlProgress {
  std::int64_t pages_fetched = 0;   // responses received (any status)
  std::int64_t pages_failed = 0;    // transport errors and HTTP errors
  std::int64_t queued = 0;          // URLs waiting in the frontier
  std::int64_t in_flight = 0;
  std::int64_t postings_found = 0;  // sightings
  std::int64_t postings_new = 0;
  std::int64_t postings_updated = 0;
  std::int64_t retries = 0;
  std::int64_t robots_disallowed = 0;
  std::int64_t redirects = 0;
  std::int64_t unchanged = 0;  // 304 answers (same-content pages count in the store)
  std::int64_t hosts_paused = 0;  // circuit-breaker trips
  double elapsed_seconds = 0;
};

// Receives progress on the fetch-loop thread; implementations must be quick.
class CrawlObserver {
 public:
  virtual ~CrawlObserver() = default;
  virtual void OnProgress(const CrawlProgress& progress) = 0;
  // A page that could not be fetched (after its last attempt).
  virtual void OnPageError(const std::string& url, const std::string& message) = 0;
};

struct CrawlLimits {
  std::int64_t max_pages = 0;                  // 0: CrawlerOptions::max_pages
  std::chrono::seconds max_duration{0};        // 0: unlimited
  bool handle_signals = true;                  // SIGINT/SIGTERM stop gracefully
};

struct CrawlSummary {
  std::int64_t run_id = 0;
  bool resumed = false;  // continued a run that had been killed or interrupted
  storage::RunStatus status = storage::RunStatus::kCompleted;
  CrawlProgress progress;
  std::string error;  // why the run failed, when status == kFailed
};

class Crawler {
 public:
  // `store` and `matcher` must outlive the Crawler. Throws std::invalid_argument
  // for an invalid follow pattern (the config loader rejects those first).
  Crawler(CrawlerOptions options, std::vector<Source> sources, storage::Store& store,
          const parsers::Matcher& matcher, CrawlObserver* observer = nullptr);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // Crawls until the frontier is exhausted, a limit is hit, or a stop is
  // requested. Blocks the calling thread.
  CrawlSummary Run(const CrawlLimits& limits);

  // Asks a running crawl to stop gracefully. Thread-safe.
  void RequestStop();

 private:
  class Loop;
  CrawlerOptions options_;
  std::vector<Source> sources_;
  storage::Store& store_;
  const parsers::Matcher& matcher_;
  CrawlObserver* observer_;
  std::atomic<Loop*> loop_{nullptr};
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_CRAWLER_H_
