// HttpClient against a real HttpServer on 127.0.0.1 that plays good and bad
// servers: bodies, headers, redirects, encodings, limits, timeouts. Network
// failures, cancellation and destruction are in http_client_lifecycle_test.cpp.
#include "crawler/http_client.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <map>
#include <string>

#include "tests/crawler/http_client_fixture.h"

namespace jobcrawler::crawler {
namespace {

// size needs no huge buffer here either.
std::string GzipRepeated(std::string_view piece, std::size_t times) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  char buffer[64 * 1024];
  const auto pump = [&](int flush) {
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      deflate(&z, flush);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0);
  };
  for (std::size_t i = 0; i < times; ++i) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    z.avail_in = static_cast<uInt>(piece.size());
    pump(Z_NO_FLUSH);
  }
  pump(Z_FINISH);
  deflateEnd(&z);
  return out;
}

HttpReply Redirect(std::string location, int status = 302) {
  HttpReply reply = HttpReply::Text("moved", status);
  reply.headers.emplace_back("Location", std::move(location));
  return reply;
}

TEST_F(HttpClientTest, FetchesBodyAndCapturesHeaders) {
  HttpReply reply = HttpReply::Html("<p>Koch (m/w/d)</p>");
  reply.headers.emplace_back("ETag", "\"v1\"");
  reply.headers.emplace_back("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
  reply.headers.emplace_back("Retry-After", "120");
  On("/job", reply);
  const FetchResult result = FetchOne("/job");
  EXPECT_EQ(result.error, FetchError::kNone) << result.error_message;
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "<p>Koch (m/w/d)</p>");
  EXPECT_EQ(result.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(result.etag, "\"v1\"");
  EXPECT_EQ(result.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(result.retry_after, "120");
  EXPECT_EQ(result.url, server_.base_url() + "/job");
  EXPECT_EQ(result.final_url, server_.base_url() + "/job");
  EXPECT_EQ(result.redirects, 0);
  EXPECT_FALSE(result.truncated);
  EXPECT_TRUE(result.error_message.empty());
  EXPECT_LE(result.started, result.finished);
  EXPECT_EQ(client_->InFlight(), 0u);
}

TEST_F(HttpClientTest, SendsUserAgentExtraHeadersAndAcceptEncoding) {
  On("/h", HttpReply::Text("ok"));
  FetchRequest request = Request("/h");
  request.user_agent = "jobcrawler-test/1";
  request.headers = {"X-Probe: 42", "Accept-Language: de"};
  EXPECT_EQ(FetchOne(request).error, FetchError::kNone);
  const auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].Header("user-agent"), "jobcrawler-test/1");
  EXPECT_EQ(requests[0].Header("x-probe"), "42");
  EXPECT_EQ(requests[0].Header("Accept-Language"), "de");
  EXPECT_NE(requests[0].Header("Accept-Encoding").find("gzip"), std::string::npos);
}

TEST_F(HttpClientTest, NotFoundIsAStatusNotAnError) {
  const FetchResult result = FetchOne("/missing");
  EXPECT_EQ(result.error, FetchError::kNone);
  EXPECT_EQ(result.status, 404);
  EXPECT_EQ(result.body, "not found");
}

TEST_F(HttpClientTest, FollowsRedirectChainAndKeepsOnlyFinalHeaders) {
  HttpReply first = Redirect("/r2", 301);
  first.headers.emplace_back("ETag", "\"redirect\"");
  first.headers.emplace_back("Retry-After", "5");
  On("/r1", first);
  On("/r2", Redirect(server_.base_url() + "/final"));
  On("/final", HttpReply::Text("landed"));
  const FetchResult result = FetchOne("/r1");
  EXPECT_EQ(result.error, FetchError::kNone) << result.error_message;
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "landed");
  EXPECT_EQ(result.final_url, server_.base_url() + "/final");
  EXPECT_EQ(result.url, server_.base_url() + "/r1");
  EXPECT_EQ(result.redirects, 2);
  EXPECT_EQ(result.etag, "");
  EXPECT_EQ(result.retry_after, "");
  EXPECT_EQ(result.location, "");
  EXPECT_EQ(result.content_type, "text/plain; charset=utf-8");
}

TEST_F(HttpClientTest, RedirectLoopIsTooManyRedirects) {
  On("/loop", Redirect("/loop"));
  FetchRequest request = Request("/loop");
  request.max_redirects = 3;
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kTooManyRedirects);
  EXPECT_EQ(result.status, 302);
  EXPECT_EQ(result.location, "/loop");
  EXPECT_EQ(result.redirects, 3);
  EXPECT_NE(result.error_message.find("/loop"), std::string::npos) << result.error_message;
}

TEST_F(HttpClientTest, RedirectToOtherSchemeIsRefused) {
  On("/to-file", Redirect("file:///etc/passwd"));
  const FetchResult result = FetchOne("/to-file");
  EXPECT_EQ(result.error, FetchError::kTransfer);
  EXPECT_EQ(result.body, "");
}

TEST_F(HttpClientTest, DecodesGzipBody) {
  const std::string text = "<html>" + std::string(5000, 'x') + "</html>";
  HttpReply reply = HttpReply::Html(GzipRepeated(text, 1));
  reply.headers.emplace_back("Content-Encoding", "gzip");
  On("/gz", reply);
  const FetchResult result = FetchOne("/gz");
  EXPECT_EQ(result.error, FetchError::kNone) << result.error_message;
  EXPECT_EQ(result.body, text);
}

TEST_F(HttpClientTest, BadGzipIsTransferError) {
  HttpReply reply = HttpReply::Html("this is not gzip at all");
  reply.headers.emplace_back("Content-Encoding", "gzip");
  On("/badgz", reply);
  EXPECT_EQ(FetchOne("/badgz").error, FetchError::kTransfer);
}

TEST_F(HttpClientTest, TruncatesBodyOverLimitWithoutError) {
  On("/big", HttpReply::Text(std::string(100 * 1024, 'a')));
  FetchRequest request = Request("/big");
  request.max_body_bytes = 10 * 1024;
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kNone) << result.error_message;
  EXPECT_TRUE(result.truncated);
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, std::string(10 * 1024, 'a'));
}

TEST_F(HttpClientTest, BodyExactlyAtLimitIsNotTruncated) {
  On("/exact", HttpReply::Text(std::string(4096, 'b')));
  FetchRequest request = Request("/exact");
  request.max_body_bytes = 4096;
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kNone);
  EXPECT_FALSE(result.truncated);
  EXPECT_EQ(result.body.size(), 4096u);
}

TEST_F(HttpClientTest, GzipBombIsCutAtDecodedLimit) {
  const std::string zeros(64 * 1024, '\0');
  HttpReply reply = HttpReply::Html(GzipRepeated(zeros, 512));  // 32 MiB decoded
  ASSERT_LT(reply.body.size(), 256u * 1024);
  reply.headers.emplace_back("Content-Encoding", "gzip");
  On("/bomb", reply);
  FetchRequest request = Request("/bomb");
  request.max_body_bytes = 256 * 1024;
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kNone) << result.error_message;
  EXPECT_TRUE(result.truncated);
  EXPECT_EQ(result.body.size(), 256u * 1024);
  EXPECT_LE(result.body.capacity(), 2u * 256 * 1024);
}

TEST_F(HttpClientTest, SlowReplyTimesOut) {
  HttpReply reply = HttpReply::Text("late");
  reply.delay = milliseconds(2000);
  On("/slow", reply);
  FetchRequest request = Request("/slow");
  request.timeout = milliseconds(300);
  const auto start = steady_clock::now();
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kTimeout);
  EXPECT_LT(steady_clock::now() - start, milliseconds(1500));
  EXPECT_NE(result.error_message.find(request.url), std::string::npos) << result.error_message;
  // Connected, but no answer: the URL's failure, not the host's.
  EXPECT_EQ(result.network, NetworkError::kNoResponse);
  EXPECT_FALSE(IsConnectLevel(result.network));
  EXPECT_NE(result.network_reason.find("did not answer in time"), std::string::npos)
      << result.network_reason;
}

TEST_F(HttpClientTest, ResetBeforeReplyIsConnectOrTransferError) {
  HttpReply reply;
  reply.reset = true;
  On("/reset", reply);
  const FetchResult result = FetchOne("/reset");
  EXPECT_TRUE(result.error == FetchError::kConnect || result.error == FetchError::kTransfer)
      << result.error_message;
  EXPECT_EQ(result.status, 0);
}

TEST_F(HttpClientTest, TruncatedBodyIsTransferError) {
  HttpReply reply = HttpReply::Text(std::string(10000, 'c'));
  reply.truncate_body = true;
  On("/cut", reply);
  const FetchResult result = FetchOne("/cut");
  EXPECT_EQ(result.error, FetchError::kTransfer) << result.error_message;
  EXPECT_FALSE(result.truncated);
}

TEST_F(HttpClientTest, TrickleBelowLowSpeedLimitAborts) {
  HttpReply reply = HttpReply::Text(std::string(10000, 't'));
  reply.trickle_bytes = 10;
  reply.trickle_interval = milliseconds(100);  // 100 bytes/s
  On("/trickle", reply);
  FetchRequest request = Request("/trickle");
  request.low_speed_bytes = 1000;
  request.low_speed_time = std::chrono::seconds(1);
  const auto start = steady_clock::now();
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kTimeout) << result.error_message;
  EXPECT_LT(steady_clock::now() - start, milliseconds(3000));
}

TEST_F(HttpClientTest, TrickleAboveLowSpeedLimitCompletes) {
  HttpReply reply = HttpReply::Text(std::string(2000, 'u'));
  reply.trickle_bytes = 500;
  reply.trickle_interval = milliseconds(50);
  On("/steady", reply);
  FetchRequest request = Request("/steady");
  request.low_speed_bytes = 100;
  request.low_speed_time = std::chrono::seconds(1);
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kNone) << result.error_message;
  EXPECT_EQ(result.body, std::string(2000, 'u'));
}

TEST_F(HttpClientTest, FiftyConcurrentRequestsCompleteExactlyOnce) {
  constexpr int kCount = 50;
  std::map<int, int> calls;
  int bad = 0;
  for (int i = 0; i < kCount; ++i) {
    client_->Fetch(Request("/echo?" + std::to_string(i)), [&, i](FetchResult result) {
      ++calls[i];
      if (result.error != FetchError::kNone || result.body != std::to_string(i)) ++bad;
    });
  }
  EXPECT_EQ(client_->InFlight(), static_cast<std::size_t>(kCount));
  ASSERT_TRUE(RunUntil(io_, [&] { return calls.size() == kCount; }));
  RunFor(io_, milliseconds(100));  // a second call would show up here
  for (const auto& [i, n] : calls) EXPECT_EQ(n, 1) << i;
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(client_->InFlight(), 0u);
}

}  // namespace
}  // namespace jobcrawler::crawler
