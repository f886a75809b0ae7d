// A local stand-in for the Bundesagentur für Arbeit's Jobsuche search API
// (https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs) on
// one loopback address, answering as the service does, in the recorded
// shape of tests/data/feeds/ (jobsuche_v6_hagen.json for results,
// jobsuche_v6_zero_hits.json without hits, jobsuche_error.json for the 400
// beyond 10,000 results):
// - `page` (from 1) and `size` select the slice of the results; an answer
//   with hits carries ergebnisliste, maxErgebnisse, page, size, woOutput and
//   facetten; a page without hits has no ergebnisliste;
// - page * size over 10,000 is answered 400;
// - a request without the expected X-API-Key is answered 403;
// - robots.txt is answered 404 (no rules).
// Tests can make pages fail (FailPage), every answer odd (SetFixedReply) or
// the results change after a page (SetJobsAfterPage).
// Thread-safe: settings may change while the server runs.
#ifndef JOBCRAWLER_TESTS_SUPPORT_FAKE_JOBSUCHE_H_
#define JOBCRAWLER_TESTS_SUPPORT_FAKE_JOBSUCHE_H_

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/demo/http_server.h"

namespace jobcrawler::testing {

inline std::string ReadFeedData(std::string_view name) {
  const std::string path = std::string(JOBCRAWLER_TEST_DATA_DIR) + "/feeds/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One result (an ergebnisliste item) in the recorded shape: the first item
// of jobsuche_v6_hagen.json with these fields replaced; no externeURL when
// `external_url` is empty.
inline nlohmann::json JobsucheItem(const std::string& refnr, const std::string& title,
                                   const std::string& company, const std::string& postal_code,
                                   const std::string& town, const std::string& external_url = "") {
  static const nlohmann::json kTemplate =
      nlohmann::json::parse(ReadFeedData("jobsuche_v6_hagen.json"))["ergebnisliste"][0];
  nlohmann::json item = kTemplate;
  item["referenznummer"] = refnr;
  item["stellenangebotsTitel"] = title;
  item["firma"] = company;
  auto& address = item["stellenlokationen"][0]["adresse"];
  address["plz"] = postal_code;
  address["ort"] = town;
  address.erase("strasse");
  address.erase("hausnummer");
  item.erase("externeURL");
  if (!external_url.empty()) item["externeURL"] = external_url;
  return item;
}

class FakeJobsuche {
 public:
  static constexpr std::string_view kPath = "/jobboerse/jobsuche-service/pc/v6/jobs";
  static constexpr int kMaxResults = 10'000;

  explicit FakeJobsuche(const std::string& address = "127.0.0.1")
      : server_(std::make_unique<app::HttpServer>(
            address, 0, [this](const app::HttpRequestInfo& request) { return Serve(request); })) {}
  ~FakeJobsuche() { server_->Stop(); }  // joins the thread that calls Serve
  FakeJobsuche(const FakeJobsuche&) = delete;
  FakeJobsuche& operator=(const FakeJobsuche&) = delete;

  // The search's results, in the service's order.
  void SetJobs(std::vector<nlohmann::json> jobs) {
    std::lock_guard lock(mutex_);
    jobs_ = std::move(jobs);
    generated_ = 0;
  }
  // Once page `page` has been answered with results, the search's results
  // become `jobs` (a listing that changes while it is read).
  void SetJobsAfterPage(int page, std::vector<nlohmann::json> jobs) {
    std::lock_guard lock(mutex_);
    jobs_after_ = std::pair(page, std::move(jobs));
  }
  // `count` results made up from their index instead (for the 10,000 cap).
  void SetGeneratedJobs(int count) {
    std::lock_guard lock(mutex_);
    jobs_.clear();
    generated_ = count;
  }
  // Every search answer is this instead (an interface that changed).
  void SetFixedReply(int status, std::string body) {
    std::lock_guard lock(mutex_);
    fixed_ = std::pair(status, std::move(body));
  }
  void ClearFixedReply() {
    std::lock_guard lock(mutex_);
    fixed_.reset();
  }
  // Page `page` answers `status` to its next `times` requests (< 0: always).
  void FailPage(int page, int status, int times) {
    std::lock_guard lock(mutex_);
    failures_[page] = {status, times};
  }
  void ClearFailures() {
    std::lock_guard lock(mutex_);
    failures_.clear();
  }
  // The X-API-Key the service accepts (default: the public clients' key).
  void SetApiKey(std::string key) {
    std::lock_guard lock(mutex_);
    api_key_ = std::move(key);
  }

  std::string base() const { return server_->base_url(); }
  // A search URL, e.g. SearchUrl("was=IT-Leiter&wo=Hagen").
  std::string SearchUrl(const std::string& query) const {
    return base() + std::string(kPath) + "?" + query;
  }
  // The search requests received (robots.txt left out), in order.
  std::vector<app::HttpRequestInfo> SearchRequests() const {
    std::vector<app::HttpRequestInfo> searches;
    for (auto& request : server_->requests()) {
      if (request.target.starts_with(kPath)) searches.push_back(request);
    }
    return searches;
  }
  // Search requests that asked for page `page`.
  int PageRequests(int page) const {
    int n = 0;
    for (const auto& request : SearchRequests()) n += Parameter(request.target, "page") == page;
    return n;
  }

  // The integer value of query parameter `name` of `target`, if any.
  static std::optional<int> Parameter(const std::string& target, const std::string& name) {
    const std::size_t query = target.find('?');
    if (query == std::string::npos) return std::nullopt;
    std::istringstream pairs(target.substr(query + 1));
    for (std::string pair; std::getline(pairs, pair, '&');) {
      if (pair.rfind(name + "=", 0) != 0) continue;
      try {
        return std::stoi(pair.substr(name.size() + 1));
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

 private:
  static app::HttpReply Json(int status, std::string body) {
    app::HttpReply reply;
    reply.status = status;
    reply.headers.emplace_back("Content-Type", "application/json");
    reply.body = std::move(body);
    return reply;
  }

  nlohmann::json Job(int index) const {
    if (generated_ == 0) return jobs_[static_cast<std::size_t>(index)];
    return JobsucheItem(fmt::format("10000-{:010}-S", index), fmt::format("IT-Leiter {}", index),
                        fmt::format("Firma {} GmbH", index), "58095", "Hagen");
  }

  app::HttpReply Serve(const app::HttpRequestInfo& request) {
    if (!request.target.starts_with(kPath)) return Json(404, R"({"message":"not found"})");
    std::lock_guard lock(mutex_);
    if (request.Header("X-API-Key") != api_key_) {
      return Json(403, R"({"message":"Forbidden"})");
    }
    const int page = Parameter(request.target, "page").value_or(1);
    const int size = Parameter(request.target, "size").value_or(25);
    if (auto failure = failures_.find(page); failure != failures_.end() && failure->second.second != 0) {
      --failure->second.second;
      return Json(failure->second.first, R"({"message":"Fehler"})");
    }
    if (fixed_) return Json(fixed_->first, fixed_->second);
    if (page < 1 || size < 1 || page * size > kMaxResults) {
      return Json(400, ReadFeedData("jobsuche_error.json"));
    }
    app::HttpReply reply = Json(200, Results(page, size).dump());
    if (jobs_after_ && jobs_after_->first == page) {
      jobs_ = std::move(jobs_after_->second);
      generated_ = 0;
      jobs_after_.reset();
    }
    return reply;
  }

  nlohmann::json Results(int page, int size) const {
    const int total = generated_ > 0 ? generated_ : static_cast<int>(jobs_.size());
    nlohmann::json answer = nlohmann::json::parse(ReadFeedData("jobsuche_v6_zero_hits.json"));
    answer["maxErgebnisse"] = total;
    answer["page"] = page;
    answer["size"] = size;
    nlohmann::json list = nlohmann::json::array();
    for (int i = (page - 1) * size; i < total && i < page * size; ++i) list.push_back(Job(i));
    if (!list.empty()) answer["ergebnisliste"] = std::move(list);
    return answer;
  }

  mutable std::mutex mutex_;  // guards everything below it
  std::vector<nlohmann::json> jobs_;
  int generated_ = 0;
  std::optional<std::pair<int, std::string>> fixed_;
  std::map<int, std::pair<int, int>> failures_;  // page -> (status, times left)
  std::optional<std::pair<int, std::vector<nlohmann::json>>> jobs_after_;
  std::string api_key_ = "jobboerse-jobsuche";
  // Last: its thread calls Serve, so it must stop before the members go.
  std::unique_ptr<app::HttpServer> server_;
};

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_FAKE_JOBSUCHE_H_
