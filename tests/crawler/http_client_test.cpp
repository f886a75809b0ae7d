// HttpClient against a real HttpServer on 127.0.0.1 that plays good and bad
// servers. Every wait is bounded (RunUntil), so a hang fails instead of
// blocking the suite.
#include "crawler/http_client.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <mutex>
#include <optional>
#include <thread>

#include "app/demo/http_server.h"

namespace jobcrawler::crawler {
namespace {

using app::HttpReply;
using app::HttpRequestInfo;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

// Runs `io` until `done()` holds or `limit` passes; returns done().
bool RunUntil(boost::asio::io_context& io, const std::function<bool()>& done,
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

void RunFor(boost::asio::io_context& io, milliseconds span) {
  RunUntil(io, [] { return false; }, span);
}

// gzip of `piece` repeated `times` times, streamed so that a huge decoded
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

TEST_F(HttpClientTest, ConnectionRefusedIsConnectError) {
  std::string url;
  {
    app::HttpServer gone("127.0.0.1", 0, [](const HttpRequestInfo&) { return HttpReply{}; });
    url = gone.base_url() + "/x";
  }
  FetchRequest request;
  request.url = url;
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kConnect) << result.error_message;
  EXPECT_NE(result.error_message.find(url), std::string::npos);
  EXPECT_EQ(result.network, NetworkError::kConnect);
  EXPECT_NE(result.network_reason.find("connection refused by 127.0.0.1:"), std::string::npos)
      << result.network_reason;
}

TEST_F(HttpClientTest, CallbackNeverRunsInsideFetch) {
  bool called = false;
  FetchRequest request;
  request.url = "gopher://example.com/";  // fails at once inside curl
  client_->Fetch(request, [&](FetchResult result) {
    called = true;
    EXPECT_EQ(result.error, FetchError::kTransfer);
  });
  EXPECT_FALSE(called);
  EXPECT_TRUE(RunUntil(io_, [&] { return called; }));
}

TEST_F(HttpClientTest, FetchFromInsideCallbackWorks) {
  On("/a", HttpReply::Text("A"));
  On("/b", HttpReply::Text("B"));
  std::string bodies;
  client_->Fetch(Request("/a"), [&](FetchResult first) {
    bodies += first.body;
    client_->Fetch(Request("/b"), [&](FetchResult second) { bodies += second.body; });
  });
  EXPECT_TRUE(RunUntil(io_, [&] { return bodies.size() == 2; }));
  EXPECT_EQ(bodies, "AB");
}

TEST_F(HttpClientTest, CancelAllRunsEveryCallbackOnceWithCancelled) {
  HttpReply slow = HttpReply::Text("late");
  slow.delay = milliseconds(3000);
  On("/slow", slow);
  std::vector<FetchError> errors;
  for (int i = 0; i < 5; ++i) {
    client_->Fetch(Request("/slow"), [&](FetchResult r) { errors.push_back(r.error); });
  }
  RunUntil(io_, [&] { return server_.requests().size() == 5; }, milliseconds(2000));
  client_->CancelAll();
  EXPECT_EQ(client_->InFlight(), 0u);
  EXPECT_TRUE(errors.empty());  // posted, not called from inside CancelAll
  EXPECT_TRUE(RunUntil(io_, [&] { return errors.size() == 5; }));
  RunFor(io_, milliseconds(100));
  EXPECT_EQ(errors, std::vector<FetchError>(5, FetchError::kCancelled));
}

TEST_F(HttpClientTest, CancelAllBeforeAnyIoAndClientStaysUsable) {
  int cancelled = 0;
  for (int i = 0; i < 3; ++i) {
    client_->Fetch(Request("/x"), [&](FetchResult r) { cancelled += r.error == FetchError::kCancelled; });
  }
  client_->CancelAll();
  EXPECT_TRUE(RunUntil(io_, [&] { return cancelled == 3; }));
  On("/after", HttpReply::Text("fine"));
  EXPECT_EQ(FetchOne("/after").body, "fine");
}

// Sockets of this process connected to `port` on loopback, from the
// kernel's table (a socket curl has closed has no inode any more).
int ClientSocketsTo(std::uint16_t port) {
  int count = 0;
  for (const char* table : {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >>
          timeout >> inode;
      const std::size_t colon = remote.rfind(':');
      if (colon == std::string::npos || inode == "0") continue;
      if (std::stoul(remote.substr(colon + 1), nullptr, 16) == port) ++count;
    }
  }
  return count;
}

TEST_F(HttpClientTest, DestroyingClientWithTransfersInFlightIsClean) {
  HttpReply slow = HttpReply::Text("late");
  slow.delay = milliseconds(3000);
  On("/slow", slow);
  On("/fast", HttpReply::Text(std::string(200000, 'f')));
  std::map<std::string, int> calls;
  int cancelled = 0;
  int fast_ok = 0;
  int n = 0;
  for (const char* target : {"/slow", "/slow", "/fast", "/slow"}) {
    std::string key = std::to_string(n++) + target;
    client_->Fetch(Request(target), [&, key](FetchResult r) {
      ++calls[key];
      cancelled += r.error == FetchError::kCancelled;
      fast_ok += r.error == FetchError::kNone && r.body.size() == 200000;
    });
  }
  ASSERT_TRUE(RunUntil(io_, [&] { return server_.requests().size() == 4; }));
  EXPECT_GE(ClientSocketsTo(server_.port()), 3) << "the slow transfers hold connections";
  client_.reset();
  EXPECT_TRUE(RunUntil(io_, [&] { return calls.size() == 4; }));
  RunFor(io_, milliseconds(100));  // stale socket/timer handlers must not touch the dead client
  for (const auto& [key, count] : calls) EXPECT_EQ(count, 1) << key << " called once";
  EXPECT_EQ(cancelled + fast_ok, 4) << "every transfer cancelled, or done before the reset";
  EXPECT_GE(cancelled, 3);
  EXPECT_EQ(ClientSocketsTo(server_.port()), 0) << "the client's connections are closed";
  EXPECT_EQ(io_.poll(), 0u) << "no handler of the dead client is left behind";
}

TEST_F(HttpClientTest, AnUnresolvableHostIsAResolveErrorNamingTheHost) {
  FetchRequest request;
  request.url = "http://jobcrawler-test.invalid/stellen";  // RFC 6761: never resolves
  request.connect_timeout = milliseconds(3000);
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kConnect) << result.error_message;
  EXPECT_EQ(result.network, NetworkError::kResolveHost) << result.error_message;
  EXPECT_NE(result.network_reason.find("could not resolve host jobcrawler-test.invalid"),
            std::string::npos)
      << result.network_reason;
  EXPECT_TRUE(IsConnectLevel(result.network));
}

TEST_F(HttpClientTest, TlsToAPlainHttpServerIsATlsError) {
  FetchRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(server_.port()) + "/";
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.network, NetworkError::kTls) << result.error_message;
  EXPECT_NE(result.network_reason.find("TLS handshake with 127.0.0.1:"), std::string::npos)
      << result.network_reason;
  EXPECT_EQ(result.status, 0);
}

TEST_F(HttpClientTest, AnAnswerIsNoNetworkErrorWhateverItsStatus) {
  On("/gone", HttpReply::Text("gone", 410));
  const FetchResult result = FetchOne("/gone");
  EXPECT_EQ(result.status, 410);
  EXPECT_EQ(result.network, NetworkError::kNone);
  EXPECT_TRUE(result.network_reason.empty());
}

TEST_F(HttpClientTest, DestroyingClientBeforeIoRunsIsClean) {
  int calls = 0;
  client_->Fetch(Request("/x"), [&](FetchResult) { ++calls; });
  client_.reset();
  EXPECT_TRUE(RunUntil(io_, [&] { return calls == 1; }));
}

}  // namespace
}  // namespace jobcrawler::crawler
