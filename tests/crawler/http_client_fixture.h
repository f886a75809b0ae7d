// A fixture for HttpClient tests: a real HttpServer on 127.0.0.1 that plays
// good and bad servers, a client on the test's io_context, and bounded waits
// (RunUntil), so that a hang fails instead of blocking the suite.
#ifndef JOBCRAWLER_TESTS_CRAWLER_HTTP_CLIENT_FIXTURE_H_
#define JOBCRAWLER_TESTS_CRAWLER_HTTP_CLIENT_FIXTURE_H_

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/demo/http_server.h"
#include "crawler/http_client.h"

namespace jobcrawler::crawler {

using app::HttpReply;
using app::HttpRequestInfo;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Runs `io` until `done()` holds or `limit` passes; returns done().
inline bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
              milliseconds limit = milliseconds(5000)) {
  const auto deadline = steady_clock::now() + limit;
  while (!done() && steady_clock::now() < deadline) {
    io.run_one_for(milliseconds(20));
    if (io.stopped()) {  // out of work: nothing will happen unless we wait
      io.restart();
      std::this_thread::sleep_for(milliseconds(1));
    }
  }
  return done();
}

inline void RunFor(boost::asio::io_context& io, milliseconds span) {
  RunUntil(io, [] { return false; }, span);
}

class HttpClientTest : public ::testing::Test {
 protected:
  HttpClientTest()
      : server_("127.0.0.1", 0, [this](const HttpRequestInfo& request) { return Route(request); }) {
    client_.emplace(io_);
  }

  // Serves `reply` for the exact target `target`.
  void On(const std::string& target, HttpReply reply) {
    std::lock_guard lock(mutex_);
    routes_[target] = std::move(reply);
  }

  FetchRequest Request(const std::string& target) const {
    FetchRequest request;
    request.url = server_.base_url() + target;
    request.timeout = milliseconds(4000);
    return request;
  }

  // Fetches one URL and waits for its result.
  FetchResult FetchOne(FetchRequest request) {
    std::optional<FetchResult> result;
    client_->Fetch(std::move(request), [&](FetchResult r) { result = std::move(r); });
    EXPECT_TRUE(RunUntil(io_, [&] { return result.has_value(); }));
    return result.value_or(FetchResult{});
  }

  FetchResult FetchOne(const std::string& target) { return FetchOne(Request(target)); }

  HttpReply Route(const HttpRequestInfo& request) {
    std::lock_guard lock(mutex_);
    const auto it = routes_.find(request.target);
    if (it != routes_.end()) return it->second;
    if (request.target.starts_with("/echo?")) return HttpReply::Text(request.target.substr(6));
    return HttpReply::Text("not found", 404);
  }

  boost::asio::io_context io_;  // outlives client_ and its posted callbacks
  std::mutex mutex_;            // guards routes_ (read on the server thread)
  std::map<std::string, HttpReply> routes_;
  app::HttpServer server_;
  std::optional<HttpClient> client_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_TESTS_CRAWLER_HTTP_CLIENT_FIXTURE_H_
