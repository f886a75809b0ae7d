#include "crawler/curl_transfer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstddef>
#include <exception>
#include <string_view>
#include <utility>

namespace jobcrawler::crawler {
namespace {

// Only these schemes, also after a redirect (a Location: file:///etc/passwd
// must not be followed).
constexpr const char* kAllowedProtocols = "http,https";

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    return lower(x) == lower(y);
  });
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// A new status line starts a new response (a redirect hop, a 100 Continue):
// only the final response's headers and body are kept.
void StartNewResponse(FetchResult& result) {
  result.content_type.clear();
  result.etag.clear();
  result.last_modified.clear();
  result.retry_after.clear();
  result.location.clear();
  result.body.clear();
  result.truncated = false;
}

void CaptureHeader(FetchResult& result, std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view name = Trim(line.substr(0, colon));
  const std::string value(Trim(line.substr(colon + 1)));
  if (EqualsIgnoreCase(name, "Content-Type")) result.content_type = value;
  else if (EqualsIgnoreCase(name, "ETag")) result.etag = value;
  else if (EqualsIgnoreCase(name, "Last-Modified")) result.last_modified = value;
  else if (EqualsIgnoreCase(name, "Retry-After")) result.retry_after = value;
  else if (EqualsIgnoreCase(name, "Location")) result.location = value;
}

// CURLOPT_HEADERFUNCTION. No exception may cross into curl: returning a
// count other than `size * count` aborts the transfer.
std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto& result = static_cast<Transfer*>(user)->result;
  const std::string_view line(data, size * count);
  try {
    if (line.starts_with("HTTP/")) {
      StartNewResponse(result);
    } else {
      CaptureHeader(result, line);
    }
  } catch (const std::exception&) {
    return 0;
  }
  return line.size();
}

// CURLOPT_WRITEFUNCTION; curl hands us decoded data, so the limit bounds the
// decompressed size (a gzip bomb stops at max_body_bytes). Keeps what fits
// and stops the transfer; CompleteResult turns that into truncated=true.
std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto& transfer = *static_cast<Transfer*>(user);
  std::string& body = transfer.result.body;
  const std::size_t bytes = size * count;
  const std::size_t limit = transfer.request.max_body_bytes;
  const std::size_t room = limit - std::min(limit, body.size());
  try {
    body.append(data, std::min(bytes, room));
  } catch (const std::exception&) {
    return 0;
  }
  if (bytes <= room) return bytes;
  transfer.result.truncated = true;
  return 0;  // any short count makes curl stop with CURLE_WRITE_ERROR
}

long Millis(std::chrono::milliseconds ms) { return static_cast<long>(ms.count()); }

CURLcode SetHeaderList(Transfer& t) {
  for (const std::string& header : t.request.headers) {
    curl_slist* head = curl_slist_append(t.headers.get(), header.c_str());
    if (head == nullptr) return CURLE_OUT_OF_MEMORY;
    (void)t.headers.release();  // `head` is the same list, now one longer
    t.headers.reset(head);
  }
  return curl_easy_setopt(t.easy.get(), CURLOPT_HTTPHEADER, t.headers.get());
}

// A request with a body (a webhook POST); a plain GET sets nothing. The body
// lives in t.request, which outlives the easy handle, so curl need not copy it.
CURLcode SetMethodAndBody(Transfer& t) {
  const FetchRequest& r = t.request;
  CURL* e = t.easy.get();
  if (!r.body.empty() || r.method == "POST") {
    CURLcode code = curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                                     static_cast<curl_off_t>(r.body.size()));
    if (code != CURLE_OK) return code;
    code = curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.c_str());
    if (code != CURLE_OK) return code;
  }
  if (r.method.empty() || r.method == "GET" || r.method == "POST") return CURLE_OK;
  return curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r.method.c_str());
}

}  // namespace

Transfer::Transfer(FetchRequest req, HttpClient::Callback callback)
    : request(std::move(req)), done(std::move(callback)) {
  result.url = request.url;
  result.final_url = request.url;
  result.started = std::chrono::steady_clock::now();
}

CURLcode ConfigureTransfer(Transfer& t) {
  t.easy.reset(curl_easy_init());
  if (!t.easy) return CURLE_FAILED_INIT;
  CURL* e = t.easy.get();
  const FetchRequest& r = t.request;
  // Each setopt is checked; the first failure is reported.
  for (CURLcode code : {
           curl_easy_setopt(e, CURLOPT_PRIVATE, &t),
           curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error_buffer.data()),
           curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L),
           curl_easy_setopt(e, CURLOPT_URL, r.url.c_str()),
           curl_easy_setopt(e, CURLOPT_USERAGENT, r.user_agent.c_str()),
           curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, kAllowedProtocols),
           curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, kAllowedProtocols),
           curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""),  // every decoder curl has
           curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, r.follow_redirects ? 1L : 0L),
           curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(r.max_redirects)),
           curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, Millis(r.timeout)),
           curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, Millis(r.connect_timeout)),
           curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, r.low_speed_bytes),
           curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(r.low_speed_time.count())),
           curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &OnHeader),
           curl_easy_setopt(e, CURLOPT_HEADERDATA, &t),
           curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &OnBody),
           curl_easy_setopt(e, CURLOPT_WRITEDATA, &t),
           SetHeaderList(t),
           SetMethodAndBody(t),
       }) {
    if (code != CURLE_OK) return code;
  }
  return CURLE_OK;
}

FetchError MapCurlError(CURLcode code, bool got_response, bool truncated) {
  switch (code) {
    case CURLE_OK:
      return FetchError::kNone;
    case CURLE_WRITE_ERROR:  // we stopped the body at max_body_bytes
      return truncated ? FetchError::kNone : FetchError::kTransfer;
    case CURLE_OPERATION_TIMEDOUT:  // also "too slow" (low-speed limit)
      return FetchError::kTimeout;
    case CURLE_TOO_MANY_REDIRECTS:
      return FetchError::kTooManyRedirects;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return FetchError::kConnect;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:  // closed or reset before any response
      return got_response ? FetchError::kTransfer : FetchError::kConnect;
    default:  // PARTIAL_FILE, BAD_CONTENT_ENCODING, UNSUPPORTED_PROTOCOL, ...
      return FetchError::kTransfer;
  }
}

namespace {

// "host" or "host:port" of a URL, for messages.
std::string HostForMessage(std::string_view url) {
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  std::string_view authority = url.substr(start, url.find_first_of("/?#", start) - start);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);  // never print credentials
  }
  // The default port says nothing (robots.txt URLs are built with it).
  const bool https = url.starts_with("https://");
  if (authority.ends_with(https ? ":443" : ":80")) authority.remove_suffix(https ? 4 : 3);
  return std::string(authority);
}

std::string LowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

// What failed and why, in words, for a network error.
std::string NetworkReason(NetworkError error, const Transfer& t, long os_errno, bool timed_out) {
  const std::string host = HostForMessage(t.request.url);
  const std::string detail(t.error_buffer.data());
  switch (error) {
    case NetworkError::kNone:
      return {};
    case NetworkError::kResolveHost:
      return timed_out ? fmt::format("could not resolve host {} (timed out)", host)
                       : fmt::format("could not resolve host {}", host);
    case NetworkError::kResolveProxy:
      return fmt::format("could not resolve the proxy ({})", detail);
    case NetworkError::kConnect:
      if (os_errno == ECONNREFUSED) return fmt::format("connection refused by {}", host);
      if (os_errno != 0) {
        return fmt::format("could not connect to {}: {}", host,
                           LowerFirst(std::strerror(static_cast<int>(os_errno))));
      }
      return fmt::format("could not connect to {} ({})", host, detail);
    case NetworkError::kConnectTimeout:
      return fmt::format("connecting to {} timed out", host);
    case NetworkError::kTls:
      return fmt::format("TLS handshake with {} failed ({})", host, detail);
    case NetworkError::kNoResponse:
      return timed_out ? fmt::format("{} did not answer in time", host)
                       : fmt::format("{} closed the connection without answering", host);
  }
  return {};
}

}  // namespace

bool IsConnectLevel(NetworkError error) {
  switch (error) {
    case NetworkError::kResolveHost:
    case NetworkError::kResolveProxy:
    case NetworkError::kConnect:
    case NetworkError::kConnectTimeout:
    case NetworkError::kTls:
      return true;
    case NetworkError::kNone:
    case NetworkError::kNoResponse:
      return false;
  }
  return false;
}

NetworkError ClassifyNetworkError(CURLcode code, bool got_response, bool resolved,
                                  bool connected) {
  if (got_response) return NetworkError::kNone;
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return NetworkError::kResolveHost;
    case CURLE_COULDNT_RESOLVE_PROXY:
      return NetworkError::kResolveProxy;
    case CURLE_COULDNT_CONNECT:
      return NetworkError::kConnect;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      return NetworkError::kTls;
    case CURLE_OPERATION_TIMEDOUT:
      if (connected) return NetworkError::kNoResponse;
      return resolved ? NetworkError::kConnectTimeout : NetworkError::kResolveHost;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return NetworkError::kNoResponse;
    default:
      return NetworkError::kNone;
  }
}

void CompleteResult(Transfer& t, CURLcode code) {
  FetchResult& result = t.result;
  result.finished = std::chrono::steady_clock::now();
  result.finished_wall = std::chrono::system_clock::now();
  char* effective_url = nullptr;
  if (curl_easy_getinfo(t.easy.get(), CURLINFO_EFFECTIVE_URL, &effective_url) == CURLE_OK &&
      effective_url != nullptr) {
    result.final_url = effective_url;
  }
  long status = 0;
  long redirects = 0;
  curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(t.easy.get(), CURLINFO_REDIRECT_COUNT, &redirects);
  result.status = status;
  result.redirects = static_cast<int>(redirects);
  result.error = MapCurlError(code, status != 0, result.truncated);
  if (result.error == FetchError::kNone) return;
  curl_off_t resolve_time = 0;
  curl_off_t connect_time = 0;
  long os_errno = 0;
  curl_easy_getinfo(t.easy.get(), CURLINFO_NAMELOOKUP_TIME_T, &resolve_time);
  curl_easy_getinfo(t.easy.get(), CURLINFO_CONNECT_TIME_T, &connect_time);
  curl_easy_getinfo(t.easy.get(), CURLINFO_OS_ERRNO, &os_errno);
  char* primary_ip = nullptr;  // set once an address was tried
  curl_easy_getinfo(t.easy.get(), CURLINFO_PRIMARY_IP, &primary_ip);
  const bool resolved = resolve_time > 0 || (primary_ip != nullptr && *primary_ip != '\0');
  result.network = ClassifyNetworkError(code, status != 0, resolved, connect_time > 0);
  result.network_reason =
      NetworkReason(result.network, t, os_errno, code == CURLE_OPERATION_TIMEDOUT);
  const std::string_view detail(t.error_buffer.data());
  result.error_message =
      detail.empty() ? fmt::format("{} ({})", curl_easy_strerror(code), t.request.url)
                     : fmt::format("{}: {} ({})", curl_easy_strerror(code), detail, t.request.url);
}

void FailResult(Transfer& t, FetchError error, std::string_view detail) {
  t.result.finished = std::chrono::steady_clock::now();
  t.result.finished_wall = std::chrono::system_clock::now();
  t.result.error = error;
  t.result.error_message = fmt::format("{} ({})", detail, t.request.url);
}

}  // namespace jobcrawler::crawler
