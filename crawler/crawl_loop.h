// Crawler::Loop, the state of one running crawl. Internal to crawler/.
//
// Everything here runs on io_'s thread unless marked otherwise. Members are
// declared in dependency order: io_ first, then what posts to it; the parser
// pool and the database thread last, so that they are joined (destroyed)
// before anything they post to goes away.
#ifndef JOBCRAWLER_CRAWLER_CRAWL_LOOP_H_
#define JOBCRAWLER_CRAWLER_CRAWL_LOOP_H_

#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <deque>
#include <set>
#include <unordered_set>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "crawler/crawler.h"
#include "crawler/db_worker.h"
#include "crawler/host_scheduler.h"
#include "crawler/http_client.h"
#include "crawler/robots_cache.h"
#include "crawler/scope.h"

namespace jobcrawler::crawler {

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

  storage::Status Prepare();
  void Pump();
  void StartFetch(storage::FrontierEntry entry);
  void OnFetched(storage::FrontierEntry entry, FetchResult result);
  void Retry(storage::FrontierEntry entry, const FetchResult& result);
  static bool IsRedirect(const FetchResult& result);
  void FollowRedirect(storage::FrontierEntry entry, const FetchResult& result);
  void NoteHostHealth(const std::string& host_key, const FetchResult& result);
  bool HostGivenUp(const std::string& host_key) const;
  void RecordGivenUp(storage::FrontierEntry entry);
  static storage::PageWrite Unfetched(const storage::FrontierEntry& entry, std::string error);
  void Process(storage::FrontierEntry entry, FetchResult result);
  void Write(storage::PageWrite write);
  void OnWritten(const storage::Result<storage::PageWriteResult>& result);
  void RecordDisallowed(storage::FrontierEntry entry);
  void Admit(storage::FrontierEntry entry);
  void LookUpRobots(const std::string& host_key, const std::string& source);
  void FetchRobots(const std::string& host_key, const std::string& source);
  void OnRobots(const std::string& host_key, const std::string& source,
                const FetchResult& result, bool fresh);
  void SaveRobots(const std::string& host_key, const FetchResult& result);
  void EnqueueSitemaps(const std::string& host_key, const std::string& source);
  void MaybeLease();
  void OnLeased(storage::Result<std::vector<storage::FrontierEntry>> leased,
                std::uint64_t writes_at_issue);
  void CheckDone();
  void OnQueuedTime(storage::Result<std::optional<storage::UnixMillis>> next);
  void ArmWakeup(Clock::time_point when);
  void StartProgressTicks();
  void Stop(storage::RunStatus status, std::string error = {});
  void OnSignal(int signal_number);
  void Finish();
  bool Idle() const;
  std::int64_t MaxPages() const;
  static storage::UnixMillis NowMillis();

  const CrawlerOptions& options_;
  const std::vector<Source>& sources_;
  const parsers::Matcher& matcher_;
  CrawlObserver* observer_;
  CrawlLimits limits_;
  storage::Store& store_;
  std::map<std::string, std::unique_ptr<SourceScope>> scopes_;

  boost::asio::io_context io_;
  HttpClient client_;  // uses io_; destroyed before it
  boost::asio::steady_timer wakeup_;
  boost::asio::steady_timer progress_timer_;
  boost::asio::steady_timer deadline_;
  boost::asio::signal_set signals_;
  HostScheduler scheduler_;
  RobotsCache robots_;
  std::mt19937_64 random_;
  struct HostHealth {
    int consecutive_failures = 0;
    int trips = 0;  // times the breaker has paused the host
  };
  std::map<std::string, HostHealth> host_health_;

  // Run state.
  CrawlSummary summary_;
  Clock::time_point started_;
  std::int64_t pages_started_ = 0;
  int fetches_ = 0;              // fetches started whose callback has not run
  int pipeline_ = 0;             // fetched pages not yet written
  int db_pending_ = 0;           // other store calls under way (robots, sitemaps)
  std::deque<std::pair<std::string, std::string>> robots_queue_;  // (host, source) to fetch
  std::set<std::string> sitemap_hosts_;  // hosts whose sitemaps are queued this run
  std::set<std::string> sitemap_probes_;  // the "/sitemap.xml" URLs queued on a guess
  // Signatures of the pages parsed this run; bounded by max_pages.
  std::unordered_set<std::string> page_signatures_;
  bool lease_pending_ = false;
  bool lease_exhausted_ = false; // the last lease found nothing due
  bool queued_time_pending_ = false;
  std::uint64_t writes_done_ = 0;
  bool stopping_ = false;
  bool finished_ = false;
  std::optional<Clock::time_point> wakeup_at_;

  // Joined first on destruction (declared last): they post to io_.
  boost::asio::thread_pool parsers_;
  DbWorker db_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_CRAWL_LOOP_H_
