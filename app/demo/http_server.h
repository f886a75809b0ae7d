// A small HTTP/1.1 server on 127.x.y.z for the demo board and for tests.
//
// Runs its own io_context on its own thread (Boost.Beast); the handler is
// called on that thread for every request and returns the reply. A reply may
// ask the server to misbehave (delay, trickle, reset) so that tests can play
// a hostile server. Stop() (or the destructor) closes the listener and every
// connection and joins the thread.
#ifndef JOBCRAWLER_APP_DEMO_HTTP_SERVER_H_
#define JOBCRAWLER_APP_DEMO_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobcrawler::app {

struct HttpRequestInfo {
  std::string method;
  std::string target;  // path and query, as sent
  std::string host;    // Host header
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // the request body (a POST's), at most 1 MiB
  std::chrono::steady_clock::time_point received;

  // Value of the first header named `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

struct HttpReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Length
  std::string body;
  std::chrono::milliseconds delay{0};  // wait before sending anything
  // Send the body in chunks of trickle_bytes every trickle_interval (0: at once).
  std::size_t trickle_bytes = 0;
  std::chrono::milliseconds trickle_interval{0};
  bool reset = false;           // close the connection without answering
  bool truncate_body = false;   // announce the full length, send half, close

  static HttpReply Html(std::string body, int status = 200);
  static HttpReply Text(std::string body, int status = 200);
};

class HttpServer {
 public:
  using Handler = std::function<HttpReply(const HttpRequestInfo&)>;

  // Listens on address:port (port 0: any free port). Throws on failure to bind.
  HttpServer(std::string address, std::uint16_t port, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::uint16_t port() const;
  // "http://address:port"
  std::string base_url() const;
  // Requests received so far, in order (thread-safe copy).
  std::vector<HttpRequestInfo> requests() const;
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_DEMO_HTTP_SERVER_H_
