// A Store that hands every call to another one, for tests that need a store
// which can be told to misbehave: derive, override the call to disturb, and
// call ForwardingStore's version for the real work.
#ifndef JOBCRAWLER_TESTS_SUPPORT_FORWARDING_STORE_H_
#define JOBCRAWLER_TESTS_SUPPORT_FORWARDING_STORE_H_

#include <string>
#include <vector>

#include "storage/store.h"

namespace jobcrawler::testing {

class ForwardingStore : public storage::Store {
 public:
  // `inner` must outlive this store.
  explicit ForwardingStore(storage::Store& inner) : inner_(inner) {}

  storage::Result<std::int64_t> BeginRun(storage::UnixMillis now) override {
    return inner_.BeginRun(now);
  }
  storage::Status FinishRun(std::int64_t run_id, storage::RunStatus status,
                            const storage::RunCounters& counters,
                            storage::UnixMillis now) override {
    return inner_.FinishRun(run_id, status, counters, now);
  }
  storage::Result<std::optional<storage::RunInfo>> LatestRun() override {
    return inner_.LatestRun();
  }
  storage::Result<std::optional<storage::RunInfo>> UnfinishedRun() override {
    return inner_.UnfinishedRun();
  }
  storage::Result<int> AddToFrontier(std::int64_t run_id,
                                     const std::vector<storage::FrontierAdd>& urls) override {
    return inner_.AddToFrontier(run_id, urls);
  }
  storage::Result<std::vector<storage::FrontierEntry>> LeaseFrontier(
      std::int64_t run_id, int limit, int per_host_limit, storage::UnixMillis now,
      const std::vector<std::string>& skip_hosts) override {
    return inner_.LeaseFrontier(run_id, limit, per_host_limit, now, skip_hosts);
  }
  storage::Status ReleaseLeases(std::int64_t run_id) override {
    return inner_.ReleaseLeases(run_id);
  }
  storage::Result<storage::FrontierCounts> CountFrontier(std::int64_t run_id) override {
    return inner_.CountFrontier(run_id);
  }
  storage::Result<std::optional<storage::UnixMillis>> NextQueuedTime(
      std::int64_t run_id) override {
    return inner_.NextQueuedTime(run_id);
  }
  storage::Result<storage::PageWriteResult> RecordPage(std::int64_t run_id,
                                                       const storage::PageWrite& write) override {
    return inner_.RecordPage(run_id, write);
  }

  storage::Result<std::vector<storage::PostingRow>> ListPostings(
      const storage::PostingQuery& query) override {
    return inner_.ListPostings(query);
  }
  storage::Result<storage::LifecycleResult> CloseStale(
      std::int64_t run_id, const std::vector<std::string>& healthy_sources,
      const storage::LifecycleRules& rules) override {
    return inner_.CloseStale(run_id, healthy_sources, rules);
  }
  storage::Result<std::optional<storage::RobotsRecord>> GetRobots(
      const std::string& host_key, storage::UnixMillis now) override {
    return inner_.GetRobots(host_key, now);
  }
  storage::Status PutRobots(const storage::RobotsRecord& record) override {
    return inner_.PutRobots(record);
  }
  storage::Result<std::vector<storage::RunInfo>> ListRuns(int limit) override {
    return inner_.ListRuns(limit);
  }
  storage::Result<std::vector<storage::SourceRunStats>> SourceStats(
      std::int64_t run_id) override {
    return inner_.SourceStats(run_id);
  }
  storage::Result<std::optional<storage::PostingExplanation>> ExplainPosting(
      std::int64_t id) override {
    return inner_.ExplainPosting(id);
  }
  storage::Result<std::vector<std::int64_t>> RunsPendingMonitoring() override {
    return inner_.RunsPendingMonitoring();
  }
  storage::Result<std::vector<storage::RunNews>> UndeliveredNews(
      const storage::NewsFilter& keep) override {
    return inner_.UndeliveredNews(keep);
  }
  storage::Status MarkNewsDelivered(std::int64_t run_id, storage::UnixMillis now) override {
    return inner_.MarkNewsDelivered(run_id, now);
  }
  storage::Result<std::vector<storage::PostingSources>> ListPostingSources() override {
    return inner_.ListPostingSources();
  }
  storage::Result<std::vector<storage::SourceLastSuccess>> LastSuccessfulRuns() override {
    return inner_.LastSuccessfulRuns();
  }

 private:
  storage::Store& inner_;
};

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_FORWARDING_STORE_H_
