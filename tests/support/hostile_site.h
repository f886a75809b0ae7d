// A small scripted web site on one loopback address (127.0.0.1, 127.0.0.2,
// ... are all loopback on Linux, so one test can play several hosts), for
// tests that need a server to misbehave: each target gets a route that
// returns an HttpReply (delay, trickle, reset, truncate_body, any status),
// told how many times that target has been asked for. Unknown targets
// answer 404. Thread-safe: routes may be added while the server runs.
#ifndef JOBCRAWLER_TESTS_SUPPORT_HOSTILE_SITE_H_
#define JOBCRAWLER_TESTS_SUPPORT_HOSTILE_SITE_H_

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "app/demo/http_server.h"

namespace jobcrawler::testing {

class HostileSite {
 public:
  // `hit` counts requests for the same target, from 1.
  using Route = std::function<app::HttpReply(const app::HttpRequestInfo&, int hit)>;

  explicit HostileSite(const std::string& address)
      : server_(std::make_unique<app::HttpServer>(
            address, 0, [this](const app::HttpRequestInfo& request) { return Serve(request); })) {}
  ~HostileSite() { server_->Stop(); }  // joins the thread that calls Serve
  HostileSite(const HostileSite&) = delete;
  HostileSite& operator=(const HostileSite&) = delete;

  void On(const std::string& target, Route route) {
    std::lock_guard lock(mutex_);
    routes_[target] = std::move(route);
  }
  void On(const std::string& target, app::HttpReply reply) {
    On(target, [reply](const app::HttpRequestInfo&, int) { return reply; });
  }
  // Added to every reply (robots.txt included when `with_robots`).
  void DelayEverything(std::chrono::milliseconds delay, bool with_robots) {
    std::lock_guard lock(mutex_);
    delay_ = delay;
    delay_robots_ = with_robots;
  }

  // "http://127.0.0.x:port", which is also the crawler's host key.
  std::string base() const { return server_->base_url(); }
  std::string Url(const std::string& target) const { return base() + target; }

  int Hits(const std::string& target) const {
    std::lock_guard lock(mutex_);
    auto it = hits_.find(target);
    return it == hits_.end() ? 0 : it->second;
  }
  std::vector<app::HttpRequestInfo> Requests() const { return server_->requests(); }
  // Targets in arrival order.
  std::vector<std::string> Targets() const {
    std::vector<std::string> targets;
    for (const auto& request : server_->requests()) targets.push_back(request.target);
    return targets;
  }
  // Requests for anything but /robots.txt.
  int PageHits() const {
    int n = 0;
    for (const auto& target : Targets()) n += target != "/robots.txt";
    return n;
  }

 private:
  app::HttpReply Serve(const app::HttpRequestInfo& request) {
    Route route;
    int hit = 0;
    std::chrono::milliseconds delay{0};
    {
      std::lock_guard lock(mutex_);
      hit = ++hits_[request.target];
      if (auto it = routes_.find(request.target); it != routes_.end()) route = it->second;
      if (request.target != "/robots.txt" || delay_robots_) delay = delay_;
    }
    app::HttpReply reply = route ? route(request, hit)
                                 : app::HttpReply::Html("<html><body>Nicht gefunden</body></html>", 404);
    reply.delay += delay;
    return reply;
  }

  mutable std::mutex mutex_;  // guards everything below it
  std::map<std::string, Route> routes_;
  std::map<std::string, int> hits_;
  std::chrono::milliseconds delay_{0};
  bool delay_robots_ = false;
  // Last: its thread calls Serve, so it must stop before the maps go.
  std::unique_ptr<app::HttpServer> server_;
};

// A job page with one schema.org JobPosting in JSON-LD; `title` is inserted
// as given (bytes), so a test can pass Latin-1.
inline std::string JobPage(const std::string& id, const std::string& title,
                           const std::string& charset = "utf-8") {
  return fmt::format(R"(<!doctype html><html><head><meta charset="{2}"><title>Stelle</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"JobPosting",
"title":"{0}","identifier":"{1}","datePosted":"2026-11-20",
"hiringOrganization":{{"@type":"Organization","name":"Firma {1} GmbH"}},
"jobLocation":{{"@type":"Place","address":{{"@type":"PostalAddress","postalCode":"58095",
"addressLocality":"Hagen","addressCountry":"DE"}}}}}}</script></head>
<body><h1>Stelle {1}</h1></body></html>)",
                     title, id, charset);
}

// An HTML page that links to every href in `hrefs`.
inline std::string LinkPage(const std::vector<std::string>& hrefs) {
  std::string body = "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><ul>\n";
  for (const std::string& href : hrefs) body += fmt::format("<li><a href=\"{0}\">{0}</a></li>\n", href);
  return body + "</ul></body></html>";
}

// The largest number of [start, start + length) intervals that overlap at
// one instant; touching intervals do not overlap.
template <typename TimePoint, typename Duration>
int MaxOverlap(std::vector<std::pair<TimePoint, Duration>> intervals) {
  std::vector<std::pair<TimePoint, int>> events;
  for (const auto& [start, length] : intervals) {
    events.emplace_back(start, +1);
    events.emplace_back(start + length, -1);
  }
  std::sort(events.begin(), events.end());  // at equal times, ends (-1) first
  int now = 0, most = 0;
  for (const auto& event : events) most = std::max(most, now += event.second);
  return most;
}

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_HOSTILE_SITE_H_
