// The whole crawler against servers that push back: 429/503 with
// Retry-After, robots.txt answering 500 or 404, query patterns and
// Crawl-delay in robots.txt; and the concurrency limits, measured where the
// requests arrive. Three hosts (127.0.0.1-3); every test is bounded by small
// timeouts and CrawlLimits.
#include <atomic>
#include <ctime>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/support/multi_host_crawl.h"

namespace jobcrawler::app {
namespace {

using std::chrono::milliseconds;
using storage::RunStatus;
using testing::HostileSite;
using testing::MaxOverlap;
using Clock = std::chrono::steady_clock;

class RobustPolitenessTest : public testing::MultiHostCrawlTest {};

milliseconds Gap(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration_cast<milliseconds>(to - from);
}

// When the first request for `target` arrived at `site`.
Clock::time_point FirstArrival(const HostileSite& site, const std::string& target) {
  for (const auto& request : site.Requests()) {
    if (request.target == target) return request.received;
  }
  ADD_FAILURE() << target << " never requested";
  return {};
}

// Checks that `site` got no request in the `pause` after its first request
// for `target`, and at least one after that.
void ExpectHostPausedAfter(const HostileSite& site, const std::string& target, milliseconds pause) {
  Clock::time_point refused = FirstArrival(site, target);
  int later = 0;
  for (const auto& request : site.Requests()) {
    if (request.received <= refused) continue;
    ++later;
    EXPECT_GE(Gap(refused, request.received).count(), pause.count())
        << request.target << " asked while the host was paused";
  }
  EXPECT_GE(later, 1) << "the host was never asked again";
}

// A request starts at the client and is stamped where it arrives, a little
// later, by more on a loaded machine: a gap measured between arrivals can be
// shorter than the gap the crawler kept between starts by this much.
constexpr milliseconds kSchedulingSlack{250};

// [arrival, arrival + held) for every request at `site` that the site held
// for `held` (all but robots.txt unless `with_robots`). The server stamps a
// request before it starts holding it, and the crawler can send the next
// one only after the answer: requests that were not in flight together
// cannot overlap, however loaded the machine, so `held` needs no slack.
void AddIntervals(const HostileSite& site, milliseconds held, bool with_robots,
                  std::vector<std::pair<Clock::time_point, milliseconds>>& out) {
  for (const auto& request : site.Requests()) {
    if (request.target == "/robots.txt" && !with_robots) continue;
    out.emplace_back(request.received, held);
  }
}

std::string HttpDate(std::chrono::system_clock::time_point when) {
  std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

TEST_F(RobustPolitenessTest, A429WithRetryAfterPausesTheHostThenSucceeds) {
  Board(a_, "a", 4);
  Board(b_, "b", 2);
  a_.On("/jobs/2", [](const HttpRequestInfo&, int hit) {
    if (hit > 1) return HttpReply::Html(testing::JobPage("a-2", "IT-Leiter a 2"));
    HttpReply busy = HttpReply::Text("slow down", 429);
    busy.headers.emplace_back("Retry-After", "1");
    return busy;
  });
  options_.per_host_concurrency = 1;
  options_.max_attempts = 3;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/jobs/2"), 2);
  ExpectHostPausedAfter(a_, "/jobs/2", milliseconds(900));
  auto db = CheckedDatabase();
  ExpectBoardComplete(b_, "b", 2, db);
  for (int i = 1; i <= 4; ++i) EXPECT_NE(db.Posting(fmt::format("a-{}", i)), nullptr) << i;
  EXPECT_EQ(db.pages[a_.Url("/jobs/2")].http_status, 200);
}

TEST_F(RobustPolitenessTest, A503WithAnHttpDateRetryAfterPausesTheHostThenSucceeds) {
  Board(a_, "a", 3);
  a_.On("/jobs/1", [](const HttpRequestInfo&, int hit) {
    if (hit > 1) return HttpReply::Html(testing::JobPage("a-1", "IT-Leiter a 1"));
    HttpReply busy = HttpReply::Text("maintenance", 503);
    // Whole seconds: 2 s from now is between 1 and 2 s away.
    busy.headers.emplace_back("Retry-After",
                              HttpDate(std::chrono::system_clock::now() + std::chrono::seconds(2)));
    return busy;
  });
  options_.per_host_concurrency = 1;
  options_.max_attempts = 3;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/jobs/1"), 2);
  ExpectHostPausedAfter(a_, "/jobs/1", milliseconds(900));
  auto db = CheckedDatabase();
  for (int i = 1; i <= 3; ++i) EXPECT_NE(db.Posting(fmt::format("a-{}", i)), nullptr) << i;
}

// A date is a moment: the retry never comes before it. (The wait was once
// the whole seconds to the date, up to a second short.)
TEST_F(RobustPolitenessTest, AnHttpDateRetryAfterIsNeverRetriedBeforeTheDate) {
  using std::chrono::system_clock;
  Board(a_, "a", 2);
  auto date_ms = std::make_shared<std::atomic<long long>>(0);
  auto retried_ms = std::make_shared<std::atomic<long long>>(0);
  auto ms = [](system_clock::time_point t) {
    return std::chrono::duration_cast<milliseconds>(t.time_since_epoch()).count();
  };
  a_.On("/jobs/1", [=](const HttpRequestInfo&, int hit) {
    if (hit > 1) {
      retried_ms->store(ms(system_clock::now()));
      return HttpReply::Html(testing::JobPage("a-1", "IT-Leiter a 1"));
    }
    // Answer just after a whole second, so that the date is 2.9 s away: a
    // wait cut to whole seconds would come 0.9 s early.
    auto now = system_clock::now();
    auto into_second = now - std::chrono::floor<std::chrono::seconds>(now);
    if (into_second > milliseconds(100)) {
      std::this_thread::sleep_for(std::chrono::seconds(1) - into_second + milliseconds(50));
    }
    auto date = std::chrono::floor<std::chrono::seconds>(system_clock::now()) +
                std::chrono::seconds(3);
    date_ms->store(ms(date));
    HttpReply busy = HttpReply::Text("maintenance", 503);
    busy.headers.emplace_back("Retry-After", HttpDate(date));
    return busy;
  });
  options_.per_host_concurrency = 1;
  options_.max_attempts = 2;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  ASSERT_EQ(a_.Hits("/jobs/1"), 2);
  EXPECT_GE(retried_ms->load(), date_ms->load())
      << "retried " << date_ms->load() - retried_ms->load() << " ms before the date";
  EXPECT_NE(CheckedDatabase().Posting("a-1"), nullptr);
}

// RFC 9309 §2.3.1.4: a 5xx robots.txt means "disallow everything" for now.
// With max_attempts = 1 the host's URLs are not queued for a later look.
TEST_F(RobustPolitenessTest, ARobotsTxtAnswering500KeepsEveryPageOfThatHostUnfetched) {
  Board(a_, "a", 2);
  Board(b_, "b", 2);
  Board(c_, "c", 2);
  b_.On("/robots.txt", HttpReply::Text("oops", 500));
  options_.use_sitemaps = true;  // a sitemap is a page too

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  for (const std::string& target : b_.Targets()) EXPECT_EQ(target, "/robots.txt");
  EXPECT_GE(b_.Hits("/robots.txt"), 1);
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 2, db);
  ExpectBoardComplete(c_, "c", 2, db);
  EXPECT_GE(summary.progress.robots_disallowed, 1);
}

// RFC 9309 §2.3.1.3: a 4xx robots.txt means no rules.
TEST_F(RobustPolitenessTest, ARobotsTxtAnswering404AllowsEverything) {
  Board(a_, "a", 3);
  LinkFromStart(a_, {"/private/stelle"}, 3);
  a_.On("/private/stelle", HttpReply::Html(testing::JobPage("a-private", "IT-Leiter privat")));
  a_.On("/robots.txt", HttpReply::Text("not here", 404));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/robots.txt"), 1);
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 3, db);
  EXPECT_EQ(a_.Hits("/private/stelle"), 1);
  EXPECT_NE(db.Posting("a-private"), nullptr);
  EXPECT_EQ(summary.progress.robots_disallowed, 0);
}

// The rule is written against the URL as the site links it; the crawler
// must not slip past it by reordering the query.
TEST_F(RobustPolitenessTest, ARobotsQueryPatternKeepsThatUrlOut) {
  Board(a_, "a", 2);
  LinkFromStart(a_, {"/stellen?seite=2&order=neu", "/stellen?seite=2"}, 2);
  a_.On("/robots.txt", HttpReply::Text("User-agent: *\nDisallow: /*&order=\n"));
  a_.On("/stellen?seite=2", HttpReply::Html(testing::LinkPage({"/jobs/1"})));
  a_.On("/stellen?seite=2&order=neu", HttpReply::Html(testing::LinkPage({"/jobs/2"})));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  for (const std::string& target : a_.Targets()) {
    EXPECT_EQ(target.find("order="), std::string::npos) << target << " was fetched";
  }
  EXPECT_EQ(a_.Hits("/stellen?seite=2"), 1);
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 2, db);
}

TEST_F(RobustPolitenessTest, ACrawlDelayOfOneSecondSpacesThePageRequests) {
  Board(a_, "a", 2);  // three pages: "/", /jobs/1, /jobs/2
  Board(b_, "b", 2);
  a_.On("/robots.txt", HttpReply::Text("User-agent: *\nCrawl-delay: 1\n"));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  std::vector<HttpRequestInfo> pages;
  for (const auto& request : a_.Requests()) {
    if (request.target != "/robots.txt") pages.push_back(request);
  }
  ASSERT_EQ(pages.size(), 3u);
  for (std::size_t i = 1; i < pages.size(); ++i) {
    EXPECT_GE(Gap(pages[i - 1].received, pages[i].received), milliseconds(1000) - kSchedulingSlack)
        << pages[i - 1].target << " -> " << pages[i].target;
  }
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 2, db);
  ExpectBoardComplete(b_, "b", 2, db);
}

// robots.txt is a request to the host like any other: the Crawl-delay it
// announces spaces the first page from it too.
TEST_F(RobustPolitenessTest, ACrawlDelaySpacesTheFirstPageFromRobotsTxt) {
  Board(a_, "a", 1);
  a_.On("/robots.txt", HttpReply::Text("User-agent: *\nCrawl-delay: 1\n"));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  std::vector<HttpRequestInfo> requests = a_.Requests();
  ASSERT_GE(requests.size(), 2u);
  EXPECT_EQ(requests[0].target, "/robots.txt");
  EXPECT_GE(Gap(requests[0].received, requests[1].received), milliseconds(1000) - kSchedulingSlack);
}

// Each reply is held 150 ms at the server: two requests to one host in
// flight at once show as overlapping [arrival, arrival + 150 ms) intervals
// (see AddIntervals).
TEST_F(RobustPolitenessTest, PerHostConcurrencyOfOneIsNeverExceeded) {
  Board(a_, "a", 6);
  a_.DelayEverything(milliseconds(150), /*with_robots=*/false);
  options_.per_host_concurrency = 1;
  options_.concurrency = 8;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  std::vector<std::pair<Clock::time_point, milliseconds>> intervals;
  AddIntervals(a_, milliseconds(150), false, intervals);
  EXPECT_EQ(intervals.size(), 7u);
  EXPECT_EQ(MaxOverlap(intervals), 1);
  ExpectBoardComplete(a_, "a", 6, CheckedDatabase());
}

// The same measurement sees the overlap when it is allowed (held longer, so
// that two requests sent together arrive within it even on a busy machine).
TEST_F(RobustPolitenessTest, PerHostConcurrencyOfTwoIsUsed) {
  Board(a_, "a", 6);
  a_.DelayEverything(milliseconds(300), /*with_robots=*/false);
  options_.per_host_concurrency = 2;
  options_.concurrency = 8;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  std::vector<std::pair<Clock::time_point, milliseconds>> intervals;
  AddIntervals(a_, milliseconds(300), false, intervals);
  EXPECT_EQ(MaxOverlap(intervals), 2);
}

TEST_F(RobustPolitenessTest, GlobalConcurrencyHoldsAcrossThreeHosts) {
  for (auto* site : {&a_, &b_, &c_}) site->DelayEverything(milliseconds(150), false);
  Board(a_, "a", 4);
  Board(b_, "b", 4);
  Board(c_, "c", 4);
  options_.concurrency = 2;
  options_.per_host_concurrency = 2;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  std::vector<std::pair<Clock::time_point, milliseconds>> intervals;
  for (auto* site : {&a_, &b_, &c_}) AddIntervals(*site, milliseconds(150), false, intervals);
  EXPECT_EQ(intervals.size(), 15u);
  EXPECT_EQ(MaxOverlap(intervals), 2);
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 4, db);
  ExpectBoardComplete(b_, "b", 4, db);
  ExpectBoardComplete(c_, "c", 4, db);
}

// `concurrency` bounds requests in flight, robots.txt requests included.
TEST_F(RobustPolitenessTest, GlobalConcurrencyCountsRobotsTxtRequests) {
  for (auto* site : {&a_, &b_, &c_}) site->DelayEverything(milliseconds(150), true);
  Board(a_, "a", 2);
  Board(b_, "b", 2);
  Board(c_, "c", 2);
  options_.concurrency = 1;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  std::vector<std::pair<Clock::time_point, milliseconds>> intervals;
  for (auto* site : {&a_, &b_, &c_}) AddIntervals(*site, milliseconds(150), true, intervals);
  EXPECT_EQ(intervals.size(), 12u);
  EXPECT_EQ(MaxOverlap(intervals), 1);
}

}  // namespace
}  // namespace jobcrawler::app
