// HTTP fetching on one Asio io_context through libcurl's multi interface.
//
// HttpClient drives a CURLM with CURLMOPT_SOCKETFUNCTION and
// CURLMOPT_TIMERFUNCTION: curl tells us which sockets to watch and when to
// time out, Asio waits, and we call curl_multi_socket_action. No thread per
// request, no polling. All methods and all callbacks run on the io_context's
// thread; HttpClient is not thread-safe and must be used from that thread.
// It must be destroyed before the io_context.
#ifndef JOBCRAWLER_CRAWLER_HTTP_CLIENT_H_
#define JOBCRAWLER_CRAWLER_HTTP_CLIENT_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace jobcrawler::crawler {

struct FetchRequest {
  std::string url;
  std::string user_agent = "jobcrawler";
  std::chrono::milliseconds timeout{30000};          // whole transfer
  std::chrono::milliseconds connect_timeout{10000};
  // Abort when slower than low_speed_bytes per second for low_speed_time
  // (a server that trickles bytes); 0 disables.
  long low_speed_bytes = 100;
  std::chrono::seconds low_speed_time{20};
  std::size_t max_body_bytes = 5 * 1024 * 1024;  // decompressed size
  int max_redirects = 5;
  // false: a 3xx comes back as the result (status and `location`) for the
  // caller to check against scope and robots.txt before following it.
  bool follow_redirects = true;
  std::vector<std::string> headers;  // extra request headers, "Name: value"
  // "" or "GET": a GET. "POST", or a non-empty body: a POST of `body` (set
  // its Content-Type in `headers`). Any other method is sent as given.
  std::string method;
  std::string body;
};

enum class FetchError {
  kNone,
  kTimeout,
  kConnect,           // DNS, refused, reset before any response
  kTooManyRedirects,
  kTransfer,          // reset mid-body, truncated body, bad encoding, ...
  kCancelled,
};

// Why no HTTP answer came, told apart from curl's code: what a person must
// see to know whether a site or the network is at fault.
enum class NetworkError {
  kNone,            // an answer arrived (or the failure is not a network one)
  kResolveHost,     // DNS: the host name could not be resolved
  kResolveProxy,    // the configured proxy could not be resolved
  kConnect,         // connection refused, network or host unreachable
  kConnectTimeout,  // no connection within connect_timeout
  kTls,             // TLS handshake or certificate check failed
  kNoResponse,      // connected, but closed, reset or silent before any answer
};

// True for failures before a connection stood (resolve, connect, TLS): the
// host, or the way to it, is down, not one URL.
bool IsConnectLevel(NetworkError error);

struct FetchResult {
  std::string url;        // as requested
  std::string final_url;  // after redirects
  long status = 0;        // HTTP status of the final response, 0 when none
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string retry_after;  // raw header value
  std::string location;     // raw Location header of the final response
  std::string body;         // decoded (gzip/deflate) body
  bool truncated = false;   // body cut at max_body_bytes
  int redirects = 0;
  FetchError error = FetchError::kNone;
  std::string error_message;  // curl's message plus the URL, empty when none
  NetworkError network = NetworkError::kNone;
  // For a network error, what happened in a few words with the host
  // ("could not resolve host www.hagen.de", "connection refused by
  // 127.0.0.1:9"); empty otherwise.
  std::string network_reason;
  std::chrono::steady_clock::time_point started;
  std::chrono::steady_clock::time_point finished;
  // The local wall clock when the transfer ended (for Retry-After dates).
  std::chrono::system_clock::time_point finished_wall;
};

class HttpClient {
 public:
  using Callback = std::function<void(FetchResult)>;

  explicit HttpClient(boost::asio::io_context& io);
  // Aborts transfers still in flight; their callbacks are posted with
  // FetchError::kCancelled (they run if the io_context runs again).
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Starts a transfer. `done` is called exactly once, later, on the
  // io_context thread (never from inside Fetch), also on failure and on
  // CancelAll.
  void Fetch(FetchRequest request, Callback done);

  // Transfers started and not yet completed.
  std::size_t InFlight() const;

  // Aborts every transfer; their callbacks run with FetchError::kCancelled.
  void CancelAll();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_HTTP_CLIENT_H_
