// HttpServer on Boost.Beast. One io_context on one thread; each connection
// is a Session kept alive by the shared_ptr its pending handler holds. Every
// async step checks its error first and every read/write has a timeout.
#include "app/demo/http_server.h"

// Asio's deprecated handler hooks change the return types of inline function
// templates: files that disagree on this give them two definitions, and with
// clang the linker kept the crawler's for this server's sessions (sockets
// closed through garbage, handlers run on freed memory).
#ifndef BOOST_ASIO_NO_DEPRECATED
#error "BOOST_ASIO_NO_DEPRECATED must be defined alike for every file that includes Asio"
#endif

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace jobcrawler::app {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

// A connection that sends no request (or accepts no bytes) for this long is
// closed, so a stuck client cannot hold a connection forever.
constexpr auto kIdleTimeout = std::chrono::seconds(30);
// Our clients send GETs and small webhook POSTs; anything bigger is not for
// this server.
constexpr std::uint64_t kMaxRequestBodyBytes = 1024 * 1024;
// Pause before accepting again after an accept error (e.g. out of fds).
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(50);

// What sessions share with the server; outlives every session.
struct SharedState {
  HttpServer::Handler handler;
  std::mutex mutex;                       // guards requests
  std::vector<HttpRequestInfo> requests;  // in arrival order
};

HttpRequestInfo ToInfo(const http::request<http::string_body>& request) {
  HttpRequestInfo info;
  info.method = std::string(request.method_string());
  info.target = std::string(request.target());
  info.host = std::string(request[http::field::host]);
  for (const auto& field : request) {
    info.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  info.body = request.body();
  info.received = std::chrono::steady_clock::now();
  return info;
}

bool WantsClose(const HttpReply& reply) {
  return std::any_of(reply.headers.begin(), reply.headers.end(), [](const auto& header) {
    return beast::iequals(header.first, "Connection") && beast::iequals(header.second, "close");
  });
}

// Status line and header fields; Content-Length always from the body.
std::string HeaderText(const HttpReply& reply, bool keep_alive) {
  const auto status = static_cast<unsigned>(reply.status);
  std::string text = "HTTP/1.1 " + std::to_string(status) + " " +
                     std::string(http::obsolete_reason(http::int_to_status(status))) + "\r\n";
  for (const auto& [name, value] : reply.headers) {
    if (beast::iequals(name, "Content-Length") || beast::iequals(name, "Connection")) continue;
    text += name + ": " + value + "\r\n";
  }
  text += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
  if (!keep_alive) text += "Connection: close\r\n";
  return text + "\r\n";
}

// One connection: read a request, ask the handler, send the reply (possibly
// misbehaving as asked), repeat while keep-alive. Runs on the server thread.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<SharedState> state)
      : stream_(std::move(socket)), timer_(stream_.get_executor()), state_(std::move(state)) {}

  void Start() { ReadRequest(); }

  // Aborts everything pending; their handlers then see errors and stop.
  void Close() {
    error_code ignored;
    timer_.cancel();
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

 private:
  using Step = void (Session::*)();

  void ReadRequest() {
    parser_.emplace();
    parser_->body_limit(kMaxRequestBodyBytes);
    stream_.expires_after(kIdleTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](error_code ec, std::size_t) { self->OnRead(ec); });
  }

  void OnRead(error_code ec) {
    if (ec) return Close();  // end_of_stream, timeout, bad request, Stop()
    const auto& request = parser_->get();
    HttpRequestInfo info = ToInfo(request);
    {
      std::lock_guard lock(state_->mutex);
      state_->requests.push_back(info);
    }
    try {
      reply_ = state_->handler(info);
    } catch (const std::exception& e) {
      reply_ = HttpReply::Text(std::string("handler failed: ") + e.what(), 500);
    }
    keep_alive_ = request.keep_alive() && !WantsClose(reply_);
    head_only_ = request.method() == http::verb::head;
    if (reply_.delay.count() <= 0) return SendReply();
    timer_.expires_after(reply_.delay);
    timer_.async_wait([self = shared_from_this()](error_code wait_ec) {
      if (!wait_ec) self->SendReply();
    });
  }

  void SendReply() {
    if (reply_.reset) return Reset();
    std::string head = HeaderText(reply_, keep_alive_);
    if (head_only_) return Write(std::move(head), &Session::FinishReply);
    if (reply_.truncate_body) {
      return Write(head + reply_.body.substr(0, reply_.body.size() / 2), &Session::CloseGracefully);
    }
    if (reply_.trickle_bytes > 0) {
      sent_ = 0;
      return Write(std::move(head), &Session::TrickleNext);
    }
    Write(head + reply_.body, &Session::FinishReply);
  }

  void TrickleNext() {
    if (sent_ >= reply_.body.size()) return FinishReply();
    timer_.expires_after(reply_.trickle_interval);
    timer_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;
      const std::size_t n = std::min(self->reply_.trickle_bytes, self->reply_.body.size() - self->sent_);
      std::string chunk = self->reply_.body.substr(self->sent_, n);
      self->sent_ += n;
      self->Write(std::move(chunk), &Session::TrickleNext);
    });
  }

  void FinishReply() {
    if (keep_alive_) return ReadRequest();
    CloseGracefully();
  }

  // Writes `data` (kept in out_ until done), then runs `next`.
  void Write(std::string data, Step next) {
    out_ = std::move(data);
    stream_.expires_after(kIdleTimeout);
    asio::async_write(stream_, asio::buffer(out_),
                      [self = shared_from_this(), next](error_code ec, std::size_t) {
                        if (ec) return self->Close();
                        ((*self).*next)();
                      });
  }

  void CloseGracefully() {
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  // SO_LINGER 0 makes close() send a RST instead of a FIN.
  void Reset() {
    error_code ignored;
    stream_.socket().set_option(asio::socket_base::linger(true, 0), ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  asio::steady_timer timer_;  // delay and trickle pauses
  std::shared_ptr<SharedState> state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpReply reply_;
  bool keep_alive_ = false;
  bool head_only_ = false;  // HEAD: the header with the GET's Content-Length
  std::size_t sent_ = 0;  // body bytes sent so far when trickling
  std::string out_;       // bytes of the write in progress
};

}  // namespace

std::string HttpRequestInfo::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(key, name)) return value;
  }
  return "";
}

HttpReply HttpReply::Html(std::string body, int status) {
  HttpReply reply;
  reply.status = status;
  reply.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  reply.body = std::move(body);
  return reply;
}

HttpReply HttpReply::Text(std::string body, int status) {
  HttpReply reply = Html(std::move(body), status);
  reply.headers.front().second = "text/plain; charset=utf-8";
  return reply;
}

// Members in dependency order: io_ outlives everything bound to it; sessions
// own their sockets and are destroyed with io_'s pending handlers.
class HttpServer::Impl {
 public:
  Impl(std::string address, std::uint16_t port, Handler handler)
      : address_(std::move(address)), acceptor_(io_), accept_retry_(io_) {
    state_->handler = std::move(handler);
    const tcp::endpoint endpoint(asio::ip::make_address(address_), port);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    Accept();
    thread_ = std::thread([this] { Run(); });
  }

  ~Impl() { Stop(); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // Must not be called from the handler (it would join its own thread).
  void Stop() {
    if (stopped_.exchange(true)) return;
    asio::post(io_, [this] {
      CloseAll();
      io_.stop();
    });
    if (thread_.joinable()) thread_.join();
  }

  std::uint16_t port() const { return port_; }
  const std::string& address() const { return address_; }

  std::vector<HttpRequestInfo> requests() const {
    std::lock_guard lock(state_->mutex);
    return state_->requests;
  }

 private:
  void Run() {
    for (;;) {
      try {
        io_.run();
        return;
      } catch (const std::exception&) {
        // A failing step of one connection must not end the server.
      }
    }
  }

  void Accept() {
    acceptor_.async_accept([this](error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
      if (ec) {
        accept_retry_.expires_after(kAcceptRetryDelay);
        accept_retry_.async_wait([this](error_code wait_ec) {
          if (!wait_ec) Accept();
        });
        return;
      }
      auto session = std::make_shared<Session>(std::move(socket), state_);
      std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
      sessions_.push_back(session);
      session->Start();
      Accept();
    });
  }

  void CloseAll() {
    error_code ignored;
    acceptor_.close(ignored);
    accept_retry_.cancel();
    for (const auto& weak : sessions_) {
      if (auto session = weak.lock()) session->Close();
    }
  }

  const std::string address_;
  asio::io_context io_;
  tcp::acceptor acceptor_;
  asio::steady_timer accept_retry_;
  std::shared_ptr<SharedState> state_ = std::make_shared<SharedState>();
  std::vector<std::weak_ptr<Session>> sessions_;  // touched on the server thread only
  std::uint16_t port_ = 0;
  std::atomic<bool> stopped_{false};
  std::thread thread_;  // last: starts after everything above exists
};

HttpServer::HttpServer(std::string address, std::uint16_t port, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(address), port, std::move(handler))) {}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::port() const { return impl_->port(); }

std::string HttpServer::base_url() const {
  return "http://" + impl_->address() + ":" + std::to_string(impl_->port());
}

std::vector<HttpRequestInfo> HttpServer::requests() const { return impl_->requests(); }

void HttpServer::Stop() { impl_->Stop(); }

}  // namespace jobcrawler::app
