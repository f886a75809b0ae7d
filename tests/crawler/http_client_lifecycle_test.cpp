// HttpClient when there is no answer (a name that does not resolve, a port
// that refuses, TLS to a plain server), when transfers are cancelled, and
// when the client goes away with transfers in flight.
#include "crawler/http_client.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/crawler/http_client_fixture.h"

namespace jobcrawler::crawler {
namespace {

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
  // RFC 6761: never resolves. The default port, as robots.txt URLs carry
  // it, is left out of the message.
  request.url = "http://jobcrawler-test.invalid:80/robots.txt";
  request.connect_timeout = milliseconds(3000);
  const FetchResult result = FetchOne(request);
  EXPECT_EQ(result.error, FetchError::kConnect) << result.error_message;
  EXPECT_EQ(result.network, NetworkError::kResolveHost) << result.error_message;
  EXPECT_NE(result.network_reason.find("could not resolve host jobcrawler-test.invalid"),
            std::string::npos)
      << result.network_reason;
  EXPECT_EQ(result.network_reason.find(":80"), std::string::npos) << result.network_reason;
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
