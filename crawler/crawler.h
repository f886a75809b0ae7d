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
//
// A stop (RequestStop, SIGINT/SIGTERM, max_duration) ends Run() within
// kStopBound: fetches are cancelled, parses not yet started are dropped
// (their URLs return to the queue), and whatever is still running after a
// grace period is left behind; see CrawlSummary::left_running.
#ifndef JOBCRAWLER_CRAWLER_CRAWLER_H_
#define JOBCRAWLER_CRAWLER_CRAWLER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "crawler/crawl_options.h"
#include "parsers/match/matcher.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

// The longest a stop takes, from the request to the end of Run().
inline constexpr std::chrono::milliseconds kStopBound{5000};

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
  std::int64_t unreachable = 0;   // URLs not fetched: their host could not be reached
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
  // Hosts that failed at the network level and never answered in this run,
  // by host key, with the first reason ("could not resolve host
  // www.hagen.de", "connection refused by 127.0.0.1:9").
  std::map<std::string, std::string> unreachable_hosts;
  // Sources that touched at least one such host and got no answer from any
  // of theirs, with the first reason.
  std::map<std::string, std::string> unreachable_sources;
  // Every host of every source failed at the network level and none
  // answered: the run stopped early as interrupted (the next run resumes it).
  // The network or a proxy is the likely cause.
  bool network_down = false;
  // Sources named by queued URLs (of a resumed run, or links recorded by an
  // earlier run) that are not in the config, renamed or disabled since, with
  // the number of their URLs dropped from the run.
  std::map<std::string, std::int64_t> dropped_sources;
  // What the user should know about how the run ended (a stop that left
  // work behind, a database that did not answer), one sentence each.
  std::vector<std::string> notes;
  // A parse or database task was still running when Run returned and its
  // thread was left behind: it may still use the store and the matcher, so
  // the caller must end the process without destroying them (flush its
  // output, then std::_Exit). The run's record is then whatever the database
  // last committed; a run left "running" is resumed by the next crawl.
  bool left_running = false;
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
  // requested. Blocks the calling thread. Failures (the store's, an
  // exception in the loop or in a database task) come back as a summary
  // with status kFailed; when the summary says left_running, the caller must
  // end the process without destroying the store or the matcher.
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
