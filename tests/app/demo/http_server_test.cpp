// HttpServer's own behaviour, poked with a minimal Beast client whose every
// operation is bounded by a timeout.
#include "app/demo/http_server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <stdexcept>

namespace jobcrawler::app {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;
using std::chrono::milliseconds;
using std::chrono::steady_clock;
using tcp = asio::ip::tcp;

constexpr auto kClientTimeout = std::chrono::seconds(3);

// One connection to the server. Each call runs its own io_context until the
// operation ends, and tcp_stream's timeout bounds it.
class RawClient {
 public:
  explicit RawClient(std::uint16_t port) : stream_(io_) {
    stream_.expires_after(kClientTimeout);
    stream_.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                          [this](error_code ec) { connect_error_ = ec; });
    Run();
  }

  error_code connect_error() const { return connect_error_; }

  error_code Send(const std::string& target, bool keep_alive = true,
                  std::vector<std::pair<std::string, std::string>> headers = {},
                  http::verb method = http::verb::get) {
    http::request<http::empty_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.keep_alive(keep_alive);
    for (const auto& [name, value] : headers) request.set(name, value);
    error_code result;
    stream_.expires_after(kClientTimeout);
    http::async_write(stream_, request, [&](error_code ec, std::size_t) { result = ec; });
    Run();
    return result;
  }

  error_code Read(http::response<http::string_body>& response) {
    error_code result;
    stream_.expires_after(kClientTimeout);
    http::async_read(stream_, buffer_, response, [&](error_code ec, std::size_t) { result = ec; });
    Run();
    return result;
  }

  // Reads the reply to a HEAD request (no body follows its header).
  error_code ReadHead(http::response<http::string_body>& response) {
    http::response_parser<http::string_body> parser;
    parser.skip(true);
    error_code result;
    stream_.expires_after(kClientTimeout);
    http::async_read(stream_, buffer_, parser, [&](error_code ec, std::size_t) { result = ec; });
    Run();
    response = parser.release();
    return result;
  }

  // Sends GET `target` and reads the reply; fails the test on error.
  http::response<http::string_body> Get(const std::string& target, bool keep_alive = true) {
    http::response<http::string_body> response;
    EXPECT_FALSE(Send(target, keep_alive));
    const error_code ec = Read(response);
    EXPECT_FALSE(ec) << ec.message();
    return response;
  }

 private:
  void Run() {
    io_.run();
    io_.restart();
  }

  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  error_code connect_error_;
};

HttpServer::Handler Always(HttpReply reply) {
  return [reply](const HttpRequestInfo&) { return reply; };
}

TEST(HttpServer, PortZeroPicksAnEphemeralPort) {
  HttpServer server("127.0.0.1", 0, Always(HttpReply::Text("ok")));
  EXPECT_NE(server.port(), 0);
  EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(server.port()));
}

TEST(HttpServer, ListensOnOtherLoopbackAddresses) {
  HttpServer server("127.0.0.2", 0, Always(HttpReply::Text("two")));
  EXPECT_EQ(server.base_url(), "http://127.0.0.2:" + std::to_string(server.port()));
}

TEST(HttpServer, ThrowsWhenThePortIsTaken) {
  HttpServer first("127.0.0.1", 0, Always(HttpReply::Text("ok")));
  EXPECT_THROW(HttpServer("127.0.0.1", first.port(), Always(HttpReply::Text("ok"))), std::exception);
}

TEST(HttpServer, ThrowsOnABadAddress) {
  EXPECT_THROW(HttpServer("not-an-address", 0, Always(HttpReply::Text("ok"))), std::exception);
}

TEST(HttpServer, RecordsRequestsInOrder) {
  HttpServer server("127.0.0.1", 0, Always(HttpReply::Text("ok")));
  RawClient client(server.port());
  ASSERT_FALSE(client.Send("/a?x=1", true, {{"X-Test", "yes"}}));
  http::response<http::string_body> response;
  ASSERT_FALSE(client.Read(response));
  client.Get("/b");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/a?x=1");
  EXPECT_EQ(requests[0].host, "127.0.0.1");
  EXPECT_EQ(requests[0].Header("x-test"), "yes");
  EXPECT_EQ(requests[0].Header("X-TEST"), "yes");
  EXPECT_EQ(requests[0].Header("missing"), "");
  EXPECT_EQ(requests[1].target, "/b");
  EXPECT_LE(requests[0].received, requests[1].received);
}

TEST(HttpServer, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::atomic<int> count{0};
  HttpServer server("127.0.0.1", 0, [&](const HttpRequestInfo&) {
    return HttpReply::Text(std::to_string(++count));
  });
  RawClient client(server.port());
  for (int i = 1; i <= 3; ++i) {
    const auto response = client.Get("/n");
    EXPECT_EQ(response.body(), std::to_string(i));
    EXPECT_TRUE(response.keep_alive());
  }
}

TEST(HttpServer, ConnectionCloseRequestEndsTheConnection) {
  HttpServer server("127.0.0.1", 0, Always(HttpReply::Text("bye")));
  RawClient client(server.port());
  const auto response = client.Get("/x", false);
  EXPECT_FALSE(response.keep_alive());
  http::response<http::string_body> next;
  EXPECT_EQ(client.Read(next), http::error::end_of_stream);
}

TEST(HttpServer, SetsContentLengthAndContentTypes) {
  HttpReply html = HttpReply::Html("<p>ü</p>", 201);
  html.headers.emplace_back("Content-Length", "999");  // ignored: we count
  HttpServer server("127.0.0.1", 0, [&](const HttpRequestInfo& request) {
    return request.target == "/html" ? html : HttpReply::Text("plain", 503);
  });
  RawClient client(server.port());
  const auto first = client.Get("/html");
  EXPECT_EQ(first.result_int(), 201u);
  EXPECT_EQ(first[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(first[http::field::content_length], std::to_string(first.body().size()));
  EXPECT_EQ(first.body(), "<p>ü</p>");
  const auto second = client.Get("/text");
  EXPECT_EQ(second.result_int(), 503u);
  EXPECT_EQ(second[http::field::content_type], "text/plain; charset=utf-8");
}

TEST(HttpServer, HandlerExceptionIsA500) {
  HttpServer server("127.0.0.1", 0, [](const HttpRequestInfo&) -> HttpReply {
    throw std::runtime_error("boom");
  });
  RawClient client(server.port());
  const auto response = client.Get("/");
  EXPECT_EQ(response.result_int(), 500u);
  EXPECT_NE(response.body().find("boom"), std::string::npos);
}

TEST(HttpServer, DelayWaitsBeforeReplying) {
  HttpReply reply = HttpReply::Text("late");
  reply.delay = milliseconds(200);
  HttpServer server("127.0.0.1", 0, Always(reply));
  RawClient client(server.port());
  const auto start = steady_clock::now();
  EXPECT_EQ(client.Get("/").body(), "late");
  EXPECT_GE(steady_clock::now() - start, milliseconds(200));
}

TEST(HttpServer, TrickleSendsTheWholeBodySlowly) {
  HttpReply reply = HttpReply::Text(std::string(100, 'z'));
  reply.trickle_bytes = 25;
  reply.trickle_interval = milliseconds(30);
  HttpServer server("127.0.0.1", 0, Always(reply));
  RawClient client(server.port());
  const auto start = steady_clock::now();
  EXPECT_EQ(client.Get("/").body(), std::string(100, 'z'));
  EXPECT_GE(steady_clock::now() - start, milliseconds(4 * 30));
  EXPECT_EQ(client.Get("/again").body().size(), 100u);  // still keep-alive
}

TEST(HttpServer, ResetClosesWithoutAReply) {
  HttpReply reply;
  reply.reset = true;
  HttpServer server("127.0.0.1", 0, Always(reply));
  RawClient client(server.port());
  ASSERT_FALSE(client.Send("/"));
  http::response<http::string_body> response;
  const error_code ec = client.Read(response);
  EXPECT_TRUE(ec == asio::error::connection_reset || ec == http::error::end_of_stream) << ec.message();
}

TEST(HttpServer, TruncateBodySendsHalfAndCloses) {
  HttpReply reply = HttpReply::Text(std::string(1000, 'h'));
  reply.truncate_body = true;
  HttpServer server("127.0.0.1", 0, Always(reply));
  RawClient client(server.port());
  ASSERT_FALSE(client.Send("/"));
  http::response<http::string_body> response;
  EXPECT_EQ(client.Read(response), http::error::partial_message);
}

TEST(HttpServer, StopIsIdempotentAndRefusesNewConnections) {
  HttpServer server("127.0.0.1", 0, Always(HttpReply::Text("ok")));
  const std::uint16_t port = server.port();
  server.Stop();
  server.Stop();
  RawClient client(port);
  EXPECT_EQ(client.connect_error(), asio::error::connection_refused);
}

TEST(HttpServer, StopClosesOpenConnectionsWithoutWaitingForDelays) {
  HttpReply reply = HttpReply::Text("never");
  reply.delay = milliseconds(5000);
  HttpServer server("127.0.0.1", 0, Always(reply));
  RawClient client(server.port());
  ASSERT_FALSE(client.Send("/"));
  while (server.requests().empty()) std::this_thread::sleep_for(milliseconds(5));
  const auto start = steady_clock::now();
  server.Stop();
  EXPECT_LT(steady_clock::now() - start, milliseconds(1000));
  http::response<http::string_body> response;
  EXPECT_TRUE(client.Read(response));  // closed, not answered
}

TEST(HttpServer, HeadGetsTheHeaderOnly) {
  HttpServer server("127.0.0.1", 0, Always(HttpReply::Text("body")));
  RawClient client(server.port());
  ASSERT_FALSE(client.Send("/", true, {}, http::verb::head));
  http::response<http::string_body> head;
  ASSERT_FALSE(client.ReadHead(head));
  EXPECT_EQ(head[http::field::content_length], "4");
  EXPECT_EQ(head.body(), "");
  EXPECT_EQ(client.Get("/").body(), "body");  // no stray body bytes in between
}

}  // namespace
}  // namespace jobcrawler::app
