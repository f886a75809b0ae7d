// The whole crawler against servers that misbehave at the transport level:
// resets, stalls, trickling and truncated bodies, gzip bombs, redirect
// loops and redirects out of scope, odd charsets and content types. Three
// hosts (127.0.0.1-3) so that each test also shows the other hosts are not
// harmed. Every test is bounded by small timeouts and CrawlLimits.
#include <sys/resource.h>
#include <zlib.h>

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/support/multi_host_crawl.h"

namespace jobcrawler::app {
namespace {

using storage::RunStatus;
using testing::HostileSite;
using testing::JobPage;
using testing::LinkPage;

class RobustTransportTest : public testing::MultiHostCrawlTest {};

// gzip of `prefix` followed by `padding_bytes` spaces, deflated in pieces so
// that the uncompressed text never exists in memory.
std::string GzipBomb(const std::string& prefix, std::size_t padding_bytes) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  std::string piece(1 << 20, ' ');
  std::vector<unsigned char> buffer(1 << 16);
  auto pump = [&](const std::string& input, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    z.avail_in = static_cast<uInt>(input.size());
    do {
      z.next_out = buffer.data();
      z.avail_out = static_cast<uInt>(buffer.size());
      deflate(&z, flush);
      out.append(reinterpret_cast<char*>(buffer.data()), buffer.size() - z.avail_out);
    } while (z.avail_out == 0);
  };
  pump(prefix, Z_NO_FLUSH);
  for (std::size_t sent = 0; sent < padding_bytes; sent += piece.size()) pump(piece, Z_NO_FLUSH);
  pump("</body></html>", Z_FINISH);
  deflateEnd(&z);
  return out;
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST_F(RobustTransportTest, AHostThatResetsEveryPageDoesNotStopTheOthers) {
  Board(a_, "a", 3);
  Board(b_, "b", 3);
  Board(c_, "c", 3);
  app::HttpReply reset;
  reset.reset = true;
  for (int i = 1; i <= 3; ++i) a_.On(fmt::format("/jobs/{}", i), reset);
  options_.max_attempts = 2;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  auto db = CheckedDatabase();
  ExpectBoardComplete(b_, "b", 3, db);
  ExpectBoardComplete(c_, "c", 3, db);
  for (int i = 1; i <= 3; ++i) {
    std::string target = fmt::format("/jobs/{}", i);
    EXPECT_GE(a_.Hits(target), 1) << target;
    // curl itself sends a request again, once, when a reused keep-alive
    // connection dies before any response.
    EXPECT_LE(a_.Hits(target), 2 * options_.max_attempts) << target;
    EXPECT_FALSE(db.pages[a_.Url(target)].error.empty()) << target << " is recorded as failed";
    EXPECT_EQ(db.Posting(fmt::format("a-{}", i)), nullptr);
  }
  EXPECT_LT(ElapsedSeconds(), 5.0);
  EXPECT_GE(summary.progress.pages_failed, 3);
}

TEST_F(RobustTransportTest, AStallingHostTimesOutAndTheCrawlEnds) {
  Board(a_, "a", 2);
  Board(b_, "b", 2);
  Board(c_, "c", 2);
  app::HttpReply stall = app::HttpReply::Html(LinkPage({"/jobs/1"}));
  stall.delay = std::chrono::seconds(4);  // beyond timeout_seconds
  b_.On("/", stall);
  options_.timeout_seconds = 1;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_LT(ElapsedSeconds(), 3.5) << "the stalled transfer is abandoned at timeout_seconds";
  auto db = CheckedDatabase();
  ExpectBoardComplete(a_, "a", 2, db);
  ExpectBoardComplete(c_, "c", 2, db);
  EXPECT_EQ(db.pages[b_.Url("/")].http_status, 0);
  EXPECT_FALSE(db.pages[b_.Url("/")].error.empty());
  EXPECT_EQ(b_.Hits("/jobs/1"), 0);
}

// The low-speed limit (FetchRequest::low_speed_bytes/low_speed_time, 100 B/s
// over 20 s) has no config key, so a test cannot shorten it: a trickling
// body is cut here by the whole-transfer timeout.
TEST_F(RobustTransportTest, ATricklingBodyIsAbortedAndTheCrawlEnds) {
  Board(a_, "a", 3);
  Board(b_, "b", 2);
  app::HttpReply trickle = app::HttpReply::Html(JobPage("a-2", "IT-Leiter a 2") +
                                                std::string(4000, ' '));
  trickle.trickle_bytes = 10;  // 100 B/s: 40 s for the whole body
  trickle.trickle_interval = std::chrono::milliseconds(100);
  a_.On("/jobs/2", trickle);
  options_.timeout_seconds = 1;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_LT(ElapsedSeconds(), 3.5);
  auto db = CheckedDatabase();
  ExpectBoardComplete(b_, "b", 2, db);
  EXPECT_FALSE(db.pages[a_.Url("/jobs/2")].error.empty());
  EXPECT_EQ(db.Posting("a-2"), nullptr) << "a half-read page yields nothing";
  EXPECT_NE(db.Posting("a-1"), nullptr);
  EXPECT_NE(db.Posting("a-3"), nullptr);
}

TEST_F(RobustTransportTest, ATruncatedBodyIsAnErrorRetriedUpToMaxAttempts) {
  Board(a_, "a", 3);
  Board(b_, "b", 2);
  app::HttpReply truncated = app::HttpReply::Html(JobPage("a-2", "IT-Leiter a 2"));
  truncated.truncate_body = true;
  a_.On("/jobs/2", truncated);
  options_.max_attempts = 3;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/jobs/2"), 3);
  EXPECT_GE(summary.progress.retries, 2);
  auto db = CheckedDatabase();
  EXPECT_FALSE(db.pages[a_.Url("/jobs/2")].error.empty()) << "recorded as an error";
  EXPECT_EQ(db.Posting("a-2"), nullptr);
  EXPECT_NE(db.Posting("a-1"), nullptr);
  ExpectBoardComplete(b_, "b", 2, db);
}

TEST_F(RobustTransportTest, AGzipBombIsCutAtMaxBodyBytesAndTheCrawlContinues) {
  constexpr std::size_t kInflated = std::size_t{128} << 20;  // 128 MiB of spaces
  Board(a_, "a", 2);
  Board(b_, "b", 2);
  LinkFromStart(a_, {"/bomb"}, 2);
  app::HttpReply bomb;
  bomb.headers = {{"Content-Type", "text/html; charset=utf-8"}, {"Content-Encoding", "gzip"}};
  bomb.body = GzipBomb("<!doctype html><html><body><p>", kInflated);
  ASSERT_LT(bomb.body.size(), std::size_t{1} << 20) << "the bomb itself is small";
  a_.On("/bomb", bomb);
  options_.max_body_bytes = 1 << 20;
  long rss_before = PeakRssKiB();

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_LT(PeakRssKiB() - rss_before, 64 * 1024) << "memory stays far below the inflated size";
  EXPECT_EQ(a_.Hits("/bomb"), 1) << "a cut body is not an error to retry";
  auto db = CheckedDatabase();
  const auto& page = db.pages[a_.Url("/bomb")];
  EXPECT_TRUE(page.truncated);
  EXPECT_LE(page.bytes, static_cast<long long>(options_.max_body_bytes));
  EXPECT_GT(page.bytes, 0);
  ExpectBoardComplete(a_, "a", 2, db);
  ExpectBoardComplete(b_, "b", 2, db);
}

TEST_F(RobustTransportTest, ARedirectLoopFailsThatPageOnly) {
  Board(a_, "a", 2);
  Board(b_, "b", 2);
  LinkFromStart(a_, {"/loop"}, 2);
  app::HttpReply to_loop2 = app::HttpReply::Html("", 302);
  to_loop2.headers.emplace_back("Location", "/loop2");
  app::HttpReply to_loop = app::HttpReply::Html("", 302);
  to_loop.headers.emplace_back("Location", "/loop");
  a_.On("/loop", to_loop2);
  a_.On("/loop2", to_loop);
  options_.max_attempts = 2;

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  int loop_requests = a_.Hits("/loop") + a_.Hits("/loop2");
  EXPECT_GE(loop_requests, 2);
  EXPECT_LE(loop_requests, options_.max_attempts * (options_.max_redirects + 1));
  auto db = CheckedDatabase();
  const auto& page = db.pages[a_.Url("/loop")];
  EXPECT_TRUE(!page.error.empty() || page.http_status >= 300) << "the loop is a failed page";
  ExpectBoardComplete(a_, "a", 2, db);
  ExpectBoardComplete(b_, "b", 2, db);
}

// Host c is in no source: a redirect must not carry the crawler there.
TEST_F(RobustTransportTest, ARedirectToAnOutOfScopeHostIsNotFollowed) {
  Board(a_, "a", 2);
  LinkFromStart(a_, {"/away"}, 2);
  app::HttpReply away = app::HttpReply::Html("", 302);
  away.headers.emplace_back("Location", c_.Url("/secret"));
  a_.On("/away", away);
  c_.On("/secret", app::HttpReply::Html(JobPage("c-secret", "IT-Leiter geheim")));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(c_.Hits("/secret"), 0) << "fetched a page of a host outside every source";
  auto db = CheckedDatabase();
  EXPECT_EQ(db.Posting("c-secret"), nullptr);
  ExpectBoardComplete(a_, "a", 2, db);
}

TEST_F(RobustTransportTest, ARedirectToARobotsDisallowedPathIsNotFollowed) {
  Board(a_, "a", 2);
  LinkFromStart(a_, {"/moved"}, 2);
  a_.On("/robots.txt", app::HttpReply::Text("User-agent: *\nDisallow: /intern\n"));
  app::HttpReply moved = app::HttpReply::Html("", 301);
  moved.headers.emplace_back("Location", "/intern/stelle");
  a_.On("/moved", moved);
  a_.On("/intern/stelle", app::HttpReply::Html(JobPage("a-intern", "IT-Leiter intern")));

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/intern/stelle"), 0) << "followed a redirect into a disallowed path";
  auto db = CheckedDatabase();
  EXPECT_EQ(db.Posting("a-intern"), nullptr);
  ExpectBoardComplete(a_, "a", 2, db);
}

TEST_F(RobustTransportTest, AnIso88591PageYieldsAUtf8Title) {
  Board(a_, "a", 2);
  app::HttpReply latin1;
  latin1.headers = {{"Content-Type", "text/html; charset=iso-8859-1"}};
  latin1.body = JobPage("a-2", "IT-Leiter f\xFCr Hagen", "iso-8859-1");  // 0xFC: ü in Latin-1
  a_.On("/jobs/2", latin1);

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  auto db = CheckedDatabase();
  const storage::PostingRow* row = db.Posting("a-2");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->posting.title, "IT-Leiter f\xC3\xBCr Hagen");  // UTF-8 ü
}

TEST_F(RobustTransportTest, ANonHtmlContentTypeIsNotParsed) {
  Board(a_, "a", 2);
  LinkFromStart(a_, {"/files/stelle.pdf"}, 2);
  app::HttpReply pdf;
  pdf.headers = {{"Content-Type", "application/pdf"}};
  // HTML in disguise: were it parsed, it would yield a posting and a link.
  pdf.body = JobPage("a-pdf", "IT-Leiter PDF") + LinkPage({"/from-pdf"});
  a_.On("/files/stelle.pdf", pdf);

  crawler::CrawlSummary summary = Crawl();

  EXPECT_EQ(summary.status, RunStatus::kCompleted) << summary.error;
  EXPECT_EQ(a_.Hits("/files/stelle.pdf"), 1);
  EXPECT_EQ(a_.Hits("/from-pdf"), 0);
  auto db = CheckedDatabase();
  EXPECT_EQ(db.Posting("a-pdf"), nullptr);
  const auto& page = db.pages[a_.Url("/files/stelle.pdf")];
  EXPECT_EQ(page.http_status, 200);
  EXPECT_EQ(page.content_type, "application/pdf");
  EXPECT_TRUE(page.error.empty()) << page.error;
  ExpectBoardComplete(a_, "a", 2, db);
}

}  // namespace
}  // namespace jobcrawler::app
