// Crawler::Loop, the state of one running crawl. Internal to crawler/.
//
// Everything here runs on io_'s thread unless marked otherwise. Work leaves
// the loop for the parser threads and the database thread and comes back
// through link_; every operation the loop waits for holds a WorkToken of
// work_ (see pending_work.h), and "idle" means work_ counts none. The end
// check (CheckDone) runs whenever the last token is released, on every path.
//
// The files: crawl_loop.cpp (lease, fetch, parse, write), crawl_loop_hosts.cpp
// (robots.txt, sitemaps, redirects, the circuit breaker), crawl_loop_reach.cpp
// (unreachable hosts, unknown sources), crawl_loop_end.cpp (start, stop, end).
//
// Stopping is bounded. A stop cancels every fetch and drops parses not yet
// begun; what is still outstanding kStopGrace later is abandoned (its result
// is discarded when it comes, its URL returns to the queue). The final write
// (leases released, run recorded) then gets kStopFinishGrace; at teardown the
// parser and database threads get kJoinGrace each. A thread still busy after
// that (a parse or a database call that does not end) is detached, not
// joined, so the process never hangs: the tasks it may still run touch only
// state they share (the scopes, the stop flag, the link, the counts) plus
// the store and the matcher, which is why CrawlSummary::left_running tells
// the caller to end the process without destroying those two.
//
// Members are declared in dependency order: io_ first, then what posts to
// it; the parser and database threads last, so that they are joined (or
// left behind) before anything their tasks reach goes away.
#ifndef JOBCRAWLER_CRAWLER_CRAWL_LOOP_H_
#define JOBCRAWLER_CRAWLER_CRAWL_LOOP_H_

#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "crawler/crawler.h"
#include "crawler/db_worker.h"
#include "crawler/host_scheduler.h"
#include "crawler/http_client.h"
#include "crawler/pending_work.h"
#include "crawler/robots_cache.h"
#include "crawler/scope.h"
#include "crawler/worker_threads.h"

namespace jobcrawler::crawler {

// The parts of kStopBound (crawler.h).
inline constexpr std::chrono::milliseconds kStopGrace{3000};        // outstanding work
inline constexpr std::chrono::milliseconds kStopFinishGrace{1000};  // the final write
inline constexpr std::chrono::milliseconds kJoinGrace{500};         // each thread pool
static_assert(kStopGrace + kStopFinishGrace + 2 * kJoinGrace == kStopBound);

class Crawler::Loop {
 public:
  Loop(const CrawlerOptions& options, const std::vector<Source>& sources,
       storage::Store& store, const parsers::Matcher& matcher, CrawlObserver* observer,
       const CrawlLimits& limits);
  ~Loop();

  CrawlSummary Run();
  // Thread-safe: posts a graceful stop to the loop.
  void PostStop();

 private:
  using Clock = std::chrono::steady_clock;
  using ScopeMap = std::map<std::string, std::unique_ptr<SourceScope>>;
  struct HostHealth {
    int consecutive_failures = 0;
    int trips = 0;  // times the breaker has paused the host
    std::optional<Clock::time_point> last_answer;  // last page that did not fail
  };
  struct RobotsJob {
    std::string host_key;
    std::string source;
  };

  // crawl_loop.cpp: lease, fetch, parse, write.
  void Pump();
  void ArmWakeup(Clock::time_point when);
  void StartFetch(storage::FrontierEntry entry);
  void OnFetched(storage::FrontierEntry entry, FetchResult result);
  bool Retryable(const std::string& source, const FetchResult& result);
  void Retry(storage::FrontierEntry entry, const FetchResult& result);
  void Process(storage::FrontierEntry entry, FetchResult result);
  void OnParsed(storage::PageWrite write, const std::string& signature,
                const std::string& host_key);
  void Write(storage::PageWrite write);
  void OnWritten(const storage::Result<storage::PageWriteResult>& result, int sightings,
                 bool entry_done);
  void MaybeLease();
  void OnLeased(storage::Result<std::vector<storage::FrontierEntry>> leased,
                std::uint64_t writes_at_issue);
  void StartProgressTicks();
  std::shared_ptr<std::atomic<int>> SitemapBudget(const std::string& host_key);
  std::int64_t MaxPages() const;
  static storage::UnixMillis NowMillis();

  // crawl_loop_hosts.cpp: robots.txt, sitemaps, redirects, the breaker.
  static bool IsRedirect(const FetchResult& result);
  void FollowRedirect(storage::FrontierEntry entry, const FetchResult& result);
  void NoteHostHealth(const std::string& host_key, const FetchResult& result);
  bool HostGivenUp(const std::string& host_key) const;
  void RecordGivenUp(storage::FrontierEntry entry);
  // The write for an entry that was not fetched; for a feed source it ends
  // the entry's walk incomplete, saying why (crawler/feed_processor.h).
  storage::PageWrite Unfetched(const storage::FrontierEntry& entry, std::string error);
  void RecordDisallowed(storage::FrontierEntry entry);
  bool RespectsRobots(const std::string& source);
  void Admit(storage::FrontierEntry entry);
  void AdmitWhenRobotsUnreachable(storage::FrontierEntry entry);
  void LookUpRobots(const std::string& host_key, const std::string& source);
  void FetchRobots(const std::string& host_key, const std::string& source,
                   const std::string& url, int redirects);
  void OnRobotsFetched(const std::string& host_key, const std::string& source,
                       FetchResult result, int redirects);
  void OnRobots(const std::string& host_key, const std::string& source,
                const FetchResult& result, bool fresh);
  void SaveRobots(const std::string& host_key, const FetchResult& result);
  void EnqueueSitemaps(const std::string& host_key, const std::string& source);

  // crawl_loop_reach.cpp: unreachable hosts, unknown sources.
  const SourceScope* ScopeFor(const std::string& source);
  void DropUnknownSource(storage::FrontierEntry entry);
  void NoteAnswer(const std::string& host_key);
  // Records a network-level failure of `host_key`. Returns true when it
  // shows the network down (every source unreachable); the run is then
  // being stopped.
  bool NoteNetworkFailure(const std::string& host_key, const std::string& reason);
  bool NetworkDown() const;
  void RecordUnreachable(storage::FrontierEntry entry, const std::string& reason);
  void SummarizeReach();

  // crawl_loop_end.cpp: start, stop, end.
  storage::Status Prepare();
  void RunIo();
  void OnLoopException(const std::string& what);
  void OnDbException(const std::string& what);
  void CheckDone();
  void OnQueuedTime(storage::Result<std::optional<storage::UnixMillis>> next);
  void Stop(storage::RunStatus status, std::string error = {});
  void OnStopBound();
  void OnSignal(int signal_number);
  void Finish();
  void OnFinished(const std::string& error);
  void Shutdown();

  // Runs `query(store)` on the database thread, then `done(result)` on the
  // loop, holding a WorkToken of `kind` until done() begins.
  template <typename Query, typename Done>
  void AskStore(WorkKind kind, Query query, Done done);

  const CrawlerOptions& options_;
  const std::vector<Source>& sources_;
  const parsers::Matcher& matcher_;
  CrawlObserver* observer_;
  CrawlLimits limits_;
  storage::Store& store_;
  // Shared with parse tasks, which may outlive the loop (see above).
  std::shared_ptr<const ScopeMap> scopes_;
  std::shared_ptr<std::atomic<bool>> stop_parsing_;

  boost::asio::io_context io_;
  std::shared_ptr<LoopLink> link_;  // to io_; closed before io_ goes
  PendingWork work_;
  HttpClient client_;  // uses io_; destroyed before it
  boost::asio::steady_timer wakeup_;        // a host becomes ready
  boost::asio::steady_timer retry_wakeup_;  // the next queued retry is due
  boost::asio::steady_timer progress_timer_;
  boost::asio::steady_timer deadline_;      // max_duration
  boost::asio::steady_timer stop_bound_;    // kStopGrace after a stop
  boost::asio::steady_timer finish_bound_;  // the final write's limit
  boost::asio::signal_set signals_;
  HostScheduler scheduler_;
  RobotsCache robots_;
  std::mt19937_64 random_;
  std::map<std::string, HostHealth> host_health_;

  // Run state.
  CrawlSummary summary_;
  Clock::time_point started_;
  std::int64_t pages_started_ = 0;
  std::int64_t frontier_open_ = 0;  // queued + leased entries of the run
  std::deque<RobotsJob> robots_queue_;  // robots.txt fetches waiting for a slot
  std::set<std::string> sitemap_hosts_;   // hosts whose sitemaps are queued this run
  std::set<std::string> sitemap_probes_;  // the "/sitemap.xml" URLs queued on a guess
  // Sitemap URLs each host may still queue (kSitemapsPerHost); shared with
  // the parse tasks that add child sitemaps.
  std::map<std::string, std::shared_ptr<std::atomic<int>>> sitemap_budgets_;
  // Signatures of the pages parsed this run; bounded by max_pages.
  std::unordered_set<std::string> page_signatures_;
  bool lease_exhausted_ = false;  // the last lease found nothing due
  bool retry_wait_ = false;       // retry_wakeup_ is armed
  std::uint64_t writes_done_ = 0;
  bool stopping_ = false;
  bool finished_ = false;
  int loop_exceptions_ = 0;
  std::optional<Clock::time_point> wakeup_at_;
  // Reachability: hosts that answered, those that failed at the network
  // level (with the first reason), and the hosts each source's URLs are on.
  std::set<std::string> answered_hosts_;
  std::map<std::string, std::string> network_failures_;
  std::map<std::string, std::set<std::string>> source_hosts_;

  // Joined (or left behind) first on destruction, being declared last: their
  // tasks post to io_ through link_.
  WorkerThreads parsers_;
  DbWorker db_;
};

template <typename Query, typename Done>
void Crawler::Loop::AskStore(WorkKind kind, Query query, Done done) {
  db_.Post([link = link_, token = work_.Begin(kind), query = std::move(query),
            done = std::move(done)](storage::Store& store) mutable {
    auto result = query(store);
    link->Post([token = std::move(token), result = std::move(result),
                done = std::move(done)]() mutable {
      token.Release();
      done(std::move(result));
    });
  });
}

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_CRAWL_LOOP_H_
