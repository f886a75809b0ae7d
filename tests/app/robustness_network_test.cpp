// The whole crawler when hosts cannot be reached or lead it astray: names
// that do not resolve (the reserved .invalid TLD fails locally), ports that
// refuse connections, every host down at once, robots.txt redirects within
// and off the site, and a host with a few stalled pages among good ones.
// Every test is bounded by small timeouts and CrawlLimits.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/cli/commands.h"
#include "tests/support/multi_host_crawl.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using storage::RunStatus;
using testing::JobPage;
using testing::LinkPage;
using testing::QueryDatabase;

constexpr char kUnresolvable[] = "http://jobcrawler-test.invalid/";  // RFC 6761

// A loopback URL on a port nothing listens on (any more).
std::string RefusedUrl() {
  HttpServer gone("127.0.0.1", 0, [](const HttpRequestInfo&) { return HttpReply{}; });
  return gone.base_url() + "/";
}

HttpReply Redirect(const std::string& location, int status = 301) {
  HttpReply reply = HttpReply::Text("moved", status);
  reply.headers.emplace_back("Location", location);
  return reply;
}

class RobustNetworkTest : public testing::MultiHostCrawlTest {
 protected:
  void AddSourceAt(const std::string& name, const std::string& start_url) {
    crawler::Source source;
    source.name = name;
    source.start_urls = {start_url};
    sources_.push_back(std::move(source));
  }

  // `jobcrawler crawl` on this fixture's options and sources.
  int CrawlCommandLine(std::string& out, std::string& err) {
    Config config;
    config.crawler = options_;
    config.sources = sources_;
    CrawlCommand command;
    command.max_duration_seconds = kSafetyNet.count();
    std::ostringstream out_stream, err_stream;
    int status = CrawlWithConfig(config, database_, command, out_stream, err_stream);
    out = out_stream.str();
    err = err_stream.str();
    return status;
  }
};

TEST_F(RobustNetworkTest, AnUnresolvableHostIsUnreachableNotDisallowedByRobotsTxt) {
  Board(a_, "a", 2);
  AddSourceAt("gone", kUnresolvable);

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_FALSE(summary.network_down) << "host a answered";
  EXPECT_EQ(summary.progress.robots_disallowed, 0);
  EXPECT_EQ(summary.progress.unreachable, 1);
  ASSERT_EQ(summary.unreachable_sources.count("gone"), 1u);
  EXPECT_THAT(summary.unreachable_sources.at("gone"),
              HasSubstr("could not resolve host jobcrawler-test.invalid"));
  EXPECT_EQ(summary.unreachable_sources.count("a"), 0u);
  auto db = CheckedDatabase();
  EXPECT_THAT(db.pages[kUnresolvable].error,
              HasSubstr("host unreachable: could not resolve host jobcrawler-test.invalid"));
  ExpectBoardComplete(a_, "a", 2, db);
}

TEST_F(RobustNetworkTest, ASourceThatCannotBeReachedIsWarnedAboutWithTheReason) {
  Board(a_, "a", 2);
  AddSourceAt("gone", kUnresolvable);

  std::string out, err;
  EXPECT_EQ(CrawlCommandLine(out, err), kExitSourceHealth) << err;

  EXPECT_THAT(err, HasSubstr("WARNING: source gone could not be reached: could not resolve host "
                             "jobcrawler-test.invalid"));
  EXPECT_THAT(err, Not(HasSubstr("source a")));
  EXPECT_THAT(out, HasSubstr("0 disallowed by robots.txt, 1 on unreachable hosts"));
}

// Every host down at once: the network (or a proxy) is the likely cause, so
// the run ends at once instead of waiting out robots.txt retries, and its
// URLs stay queued for the next run.
TEST_F(RobustNetworkTest, WhenEveryHostIsDownTheRunEndsAtOnceWithOneLine) {
  AddSourceAt("gone", kUnresolvable);
  AddSourceAt("closed", RefusedUrl());
  options_.max_attempts = 3;  // robots.txt retries would wait a minute each

  std::string out, err;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(CrawlCommandLine(out, err), kExitFailure) << err;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));

  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_THAT(err, HasSubstr("no host could be reached"));
  EXPECT_THAT(err, HasSubstr("could not resolve host jobcrawler-test.invalid"));
  EXPECT_THAT(err, HasSubstr("connection refused by 127.0.0.1:"));
  EXPECT_THAT(err, HasSubstr("the network or a proxy is likely down"));
  auto runs = QueryDatabase(database_, "SELECT status FROM runs");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0][0], "interrupted") << "the next crawl resumes it";
  auto frontier = QueryDatabase(database_, "SELECT state, attempts FROM frontier");
  ASSERT_EQ(frontier.size(), 2u);
  for (const auto& row : frontier) {
    EXPECT_EQ(row[0], "queued");
    EXPECT_LE(std::stoi(row[1]), 1) << "at most the first host's robots.txt wait";
  }
}

TEST_F(RobustNetworkTest, ARobotsTxtRedirectWithinTheSiteIsFollowed) {
  Board(a_, "a", 2);
  LinkFromStart(a_, {"/intern/stelle"}, 2);
  a_.On("/robots.txt", Redirect("/robots-neu.txt"));
  a_.On("/robots-neu.txt", HttpReply::Text("User-agent: *\nDisallow: /intern\n"));
  a_.On("/intern/stelle", HttpReply::Html(JobPage("a-intern", "IT-Leiter intern")));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/robots-neu.txt"), 1);
  EXPECT_EQ(a_.Hits("/intern/stelle"), 0) << "the redirected rules were not applied";
  ExpectBoardComplete(a_, "a", 2, CheckedDatabase());
}

// Host c is loopback too, but another site: a robots.txt redirect must not
// take the crawler there (RFC 9309 §2.3.1.2 lets it treat the file as
// unavailable, which allows everything).
TEST_F(RobustNetworkTest, ARobotsTxtRedirectToAnotherHostIsNotFollowedAndAllowsAll) {
  Board(a_, "a", 2);
  a_.On("/robots.txt", Redirect(c_.Url("/robots.txt"), 302));
  c_.On("/robots.txt", HttpReply::Text("User-agent: *\nDisallow: /\n"));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_TRUE(c_.Targets().empty()) << "followed a robots.txt redirect to another host";
  EXPECT_EQ(summary.progress.robots_disallowed, 0);
  ExpectBoardComplete(a_, "a", 2, CheckedDatabase());
}

TEST_F(RobustNetworkTest, MoreThanFiveRobotsTxtRedirectsCountAsUnavailable) {
  Board(a_, "a", 2);
  a_.On("/robots.txt", Redirect("/r1"));
  for (int i = 1; i <= 7; ++i) a_.On(fmt::format("/r{}", i), Redirect(fmt::format("/r{}", i + 1)));
  a_.On("/r8", HttpReply::Text("User-agent: *\nDisallow: /\n"));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  int robots_requests = a_.Hits("/robots.txt");
  for (int i = 1; i <= 8; ++i) robots_requests += a_.Hits(fmt::format("/r{}", i));
  EXPECT_EQ(robots_requests, 6) << "robots.txt and five redirects";
  EXPECT_EQ(a_.Hits("/r8"), 0);
  ExpectBoardComplete(a_, "a", 2, CheckedDatabase());
}

// Five stalled pages among good ones, a 1 s timeout, two attempts: the run
// needs about attempts x timeout x 2 rounds, not the breaker's 30 s pause.
TEST_F(RobustNetworkTest, AFewStalledPagesDoNotPauseAHostThatAnswers) {
  std::vector<std::string> links;
  HttpReply stall = HttpReply::Html(JobPage("never", "IT-Leiter nie"));
  stall.delay = std::chrono::seconds(4);
  for (int i = 1; i <= 5; ++i) {
    links.push_back(fmt::format("/stalled/{}", i));
    a_.On(links.back(), stall);
  }
  Board(a_, "a", 10);
  LinkFromStart(a_, links, 10);
  options_.timeout_seconds = 1;
  options_.max_attempts = 2;
  options_.per_host_concurrency = 4;
  options_.breaker_pause_ms = 30000;  // the default

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(summary.progress.hosts_paused, 0);
  EXPECT_LT(ElapsedSeconds(), 2 * 1 * 2 + 3.0);
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 10, db);
  for (const std::string& target : links) EXPECT_EQ(a_.Hits(target), 2) << target;
}

// The breaker is still there for hosts that refuse connections: without
// robots.txt (which would keep the host out first), their pages fail at
// the connection, pause the host and give it up.
TEST_F(RobustNetworkTest, AHostThatRefusesConnectionsIsPausedAndGivenUp) {
  Board(a_, "a", 2);
  const std::string refused = RefusedUrl();
  crawler::Source dead;
  dead.name = "dead";
  for (int i = 1; i <= 8; ++i) dead.start_urls.push_back(fmt::format("{}stelle/{}", refused, i));
  sources_.push_back(dead);
  options_.respect_robots_txt = false;
  options_.breaker_threshold = 2;
  options_.breaker_max_trips = 1;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(summary.progress.hosts_paused, 1);
  auto db = CheckedDatabase();
  int given_up = 0;
  for (const auto& [url, page] : db.pages) {
    given_up += page.error.find("given up for this run") != std::string::npos;
  }
  EXPECT_GE(given_up, 1) << "the host's remaining pages wait for the next run";
  ExpectBoardComplete(a_, "a", 2, db);
}

}  // namespace
}  // namespace jobcrawler::app
