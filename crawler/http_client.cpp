#include "crawler/http_client.h"

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "crawler/curl_handles.h"
#include "crawler/curl_transfer.h"

namespace jobcrawler::crawler {
namespace {

namespace asio = boost::asio;

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("curl_global_init failed");
    }
  });
}

// Watches one of curl's sockets. Non-owning: curl opens and closes the fd,
// so the descriptor is released (never closed) before it goes away.
struct SocketWatch {
  SocketWatch(asio::io_context& io, curl_socket_t fd) : descriptor(io, fd) {}
  ~SocketWatch() { Release(); }
  SocketWatch(const SocketWatch&) = delete;
  SocketWatch& operator=(const SocketWatch&) = delete;

  // Deregisters the fd from the reactor now (while curl still has it open)
  // and aborts pending waits.
  void Release() {
    if (descriptor.is_open()) (void)descriptor.release();
  }

  asio::posix::stream_descriptor descriptor;
  int wanted = CURL_POLL_NONE;  // what curl last asked for
  bool reading = false;         // a wait_read is pending
  bool writing = false;         // a wait_write is pending
};

}  // namespace

// The curl-to-Asio bridge. Invariants:
//  1. Everything runs on the io_context's thread; curl is only entered from
//     Fetch/CancelAll or from an Asio handler, never from inside one of its
//     own callbacks. A timeout of 0 is therefore posted, not acted on.
//  2. A socket wait is re-armed after every event it delivers, for as long as
//     curl still wants that direction; a wait curl no longer wants is
//     dropped when it completes.
//  3. Each watched socket's SocketWatch is registered with curl_multi_assign;
//     a callback with no such pointer for a known fd means curl closed and
//     reused the fd behind our back, so the stale watch is released first.
//     CURL_POLL_REMOVE releases the fd from the reactor before curl closes it.
//  4. Asio handlers never touch a dead Impl: socket handlers hold a weak_ptr
//     to their SocketWatch (owned only by sockets_), timer and posted
//     handlers a weak_ptr to alive_, which the destructor resets first.
//  5. An easy handle is removed from the multi before it is cleaned up; done
//     callbacks are posted, so user code never runs inside curl or Fetch.
//  6. During curl_multi_cleanup curl may still report sockets (removed or
//     already closed) and timers; closing_ makes those callbacks no-ops.
//  7. The Asio timer is re-armed only when curl's deadline moves earlier than
//     the pending wait, or when that wait expires: curl moves its deadline
//     later on nearly every socket action (the low-speed check looks a
//     second ahead), and re-arming then would cost a timerfd_settime each
//     time. A wait that expires before curl's current deadline re-arms for
//     it without calling curl; one that finds no deadline (curl said -1)
//     does nothing. So curl is called at its deadline, never before, and the
//     wait never runs later than the deadline curl asked for.
class HttpClient::Impl {
 public:
  using Clock = asio::steady_timer::clock_type;

  explicit Impl(asio::io_context& io);
  ~Impl();
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void Fetch(FetchRequest request, Callback done);
  std::size_t InFlight() const { return transfers_.size(); }
  void CancelAll();

 private:
  static int OnSocket(CURL* easy, curl_socket_t fd, int what, void* self, void* socketp) noexcept;
  static int OnTimer(CURLM* multi, long timeout_ms, void* self) noexcept;

  void WatchSocket(curl_socket_t fd, int what, void* socketp);
  void ForgetSocket(curl_socket_t fd);
  void ArmWaits(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd);
  void StartWait(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd, bool read);
  void OnSocketReady(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd, bool read,
                     const boost::system::error_code& ec);
  void SetTimer(long timeout_ms);
  void ArmTimer(Clock::time_point when);
  void OnTimerExpired();
  void PostTimeout();
  void SocketAction(curl_socket_t fd, int event);
  void DrainCompleted();
  void Finish(CURL* easy, CURLcode code);
  void Post(std::unique_ptr<Transfer> transfer);

  asio::io_context& io_;
  // Expires (reset) first thing in the destructor; see invariant 4.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  bool closing_ = false;
  // Declared before multi_: curl_multi_cleanup calls back into them.
  asio::steady_timer timer_;
  // Invariant 7: curl's latest deadline (none after -1 or 0), when the
  // pending wait of timer_ expires (none when no wait is pending), and
  // whether a timeout of 0 is posted and still wanted.
  std::optional<Clock::time_point> deadline_;
  std::optional<Clock::time_point> armed_;
  bool timeout_due_ = false;
  std::uint64_t wait_generation_ = 0;  // ignores handlers of replaced waits
  std::unordered_map<curl_socket_t, std::shared_ptr<SocketWatch>> sockets_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers_;
  MultiHandle multi_;
};

HttpClient::Impl::Impl(asio::io_context& io) : io_(io), timer_(io) {
  GlobalInitOnce();
  multi_.reset(curl_multi_init());
  if (!multi_) throw std::runtime_error("curl_multi_init failed");
  CURLM* m = multi_.get();
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, &Impl::OnSocket);
  curl_multi_setopt(m, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, &Impl::OnTimer);
  curl_multi_setopt(m, CURLMOPT_TIMERDATA, this);
}

HttpClient::Impl::~Impl() {
  alive_.reset();
  CancelAll();
  closing_ = true;
  for (auto& [fd, watch] : sockets_) watch->Release();
  sockets_.clear();
  timer_.cancel();
  multi_.reset();
}

void HttpClient::Impl::Fetch(FetchRequest request, Callback done) {
  auto transfer = std::make_unique<Transfer>(std::move(request), std::move(done));
  if (const CURLcode code = ConfigureTransfer(*transfer); code != CURLE_OK) {
    FailResult(*transfer, FetchError::kTransfer,
               std::string("cannot set up transfer: ") + curl_easy_strerror(code));
    return Post(std::move(transfer));
  }
  CURL* easy = transfer->easy.get();
  transfers_.emplace(easy, std::move(transfer));
  // Only sets a timeout (our timer callback posts it); never completes here.
  if (const CURLMcode code = curl_multi_add_handle(multi_.get(), easy); code != CURLM_OK) {
    auto node = transfers_.extract(easy);
    FailResult(*node.mapped(), FetchError::kTransfer,
               std::string("cannot start transfer: ") + curl_multi_strerror(code));
    Post(std::move(node.mapped()));
  }
}

void HttpClient::Impl::CancelAll() {
  auto cancelled = std::move(transfers_);
  transfers_.clear();
  for (auto& [easy, transfer] : cancelled) {
    curl_multi_remove_handle(multi_.get(), easy);
    FailResult(*transfer, FetchError::kCancelled, "cancelled");
    Post(std::move(transfer));
  }
}

// Hands the result to the user later, on the io thread, without touching
// this Impl (it may be gone by then). The easy handle is destroyed here.
void HttpClient::Impl::Post(std::unique_ptr<Transfer> transfer) {
  asio::post(io_, [done = std::move(transfer->done), result = std::move(transfer->result)]() mutable {
    if (done) done(std::move(result));
  });
}

int HttpClient::Impl::OnSocket(CURL*, curl_socket_t fd, int what, void* self,
                               void* socketp) noexcept {
  auto* impl = static_cast<Impl*>(self);
  try {
    if (what == CURL_POLL_REMOVE) {
      impl->ForgetSocket(fd);
    } else if (!impl->closing_) {
      impl->WatchSocket(fd, what, socketp);
    }
    return 0;
  } catch (const std::exception&) {
    return -1;  // curl fails the transfers on this socket
  }
}

int HttpClient::Impl::OnTimer(CURLM*, long timeout_ms, void* self) noexcept {
  auto* impl = static_cast<Impl*>(self);
  if (impl->closing_) return 0;
  try {
    impl->SetTimer(timeout_ms);
    return 0;
  } catch (const std::exception&) {
    return -1;
  }
}

void HttpClient::Impl::WatchSocket(curl_socket_t fd, int what, void* socketp) {
  auto it = sockets_.find(fd);
  if (it != sockets_.end() && it->second.get() != socketp) {
    ForgetSocket(fd);  // invariant 3: a stale watch of a reused fd
    it = sockets_.end();
  }
  if (it == sockets_.end()) {
    auto watch = std::make_shared<SocketWatch>(io_, fd);
    it = sockets_.emplace(fd, std::move(watch)).first;
    curl_multi_assign(multi_.get(), fd, it->second.get());
  }
  it->second->wanted = what;
  ArmWaits(it->second, fd);
}

void HttpClient::Impl::ForgetSocket(curl_socket_t fd) {
  auto node = sockets_.extract(fd);
  if (node.empty()) return;  // also: reported during cleanup after we let go
  node.mapped()->Release();
}

void HttpClient::Impl::ArmWaits(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd) {
  if ((watch->wanted & CURL_POLL_IN) != 0 && !watch->reading) StartWait(watch, fd, true);
  if ((watch->wanted & CURL_POLL_OUT) != 0 && !watch->writing) StartWait(watch, fd, false);
}

void HttpClient::Impl::StartWait(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd,
                                 bool read) {
  (read ? watch->reading : watch->writing) = true;
  const auto type = read ? asio::posix::stream_descriptor::wait_read
                         : asio::posix::stream_descriptor::wait_write;
  watch->descriptor.async_wait(
      type, [this, weak = std::weak_ptr<SocketWatch>(watch), fd, read](
                const boost::system::error_code& ec) {
        // A live watch implies a live Impl: only sockets_ owns watches.
        const std::shared_ptr<SocketWatch> w = weak.lock();
        if (!w) return;
        (read ? w->reading : w->writing) = false;
        if (ec == asio::error::operation_aborted) return;
        OnSocketReady(w, fd, read, ec);
      });
}

void HttpClient::Impl::OnSocketReady(const std::shared_ptr<SocketWatch>& watch, curl_socket_t fd,
                                     bool read, const boost::system::error_code& ec) {
  if (ec) {  // the reactor cannot wait on it: tell curl, do not spin
    SocketAction(fd, CURL_CSELECT_ERR);
    return;
  }
  if ((watch->wanted & (read ? CURL_POLL_IN : CURL_POLL_OUT)) == 0) return;
  SocketAction(fd, read ? CURL_CSELECT_IN : CURL_CSELECT_OUT);
  // curl may have removed or replaced the socket meanwhile.
  const auto it = sockets_.find(fd);
  if (it != sockets_.end() && it->second == watch) ArmWaits(watch, fd);
}

// Invariant 7; a later call supersedes a posted timeout of 0.
void HttpClient::Impl::SetTimer(long timeout_ms) {
  timeout_due_ = false;
  deadline_.reset();
  if (timeout_ms < 0) return;  // a pending wait expires and finds nothing due
  if (timeout_ms == 0) return PostTimeout();
  deadline_ = Clock::now() + std::chrono::milliseconds(timeout_ms);
  if (armed_ && *armed_ <= *deadline_) return;  // expires first, re-arms then
  ArmTimer(*deadline_);
}

void HttpClient::Impl::PostTimeout() {
  const bool posted = timeout_due_;
  timeout_due_ = true;
  if (posted) return;  // the one already posted will do
  asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.expired() || !timeout_due_) return;
    timeout_due_ = false;
    SocketAction(CURL_SOCKET_TIMEOUT, 0);
  });
}

void HttpClient::Impl::ArmTimer(Clock::time_point when) {
  armed_ = when;
  const std::uint64_t generation = ++wait_generation_;
  timer_.expires_at(when);  // a pending wait ends with operation_aborted
  timer_.async_wait([this, alive = std::weak_ptr<bool>(alive_),
                     generation](const boost::system::error_code& ec) {
    if (ec || alive.expired() || generation != wait_generation_) return;
    OnTimerExpired();
  });
}

void HttpClient::Impl::OnTimerExpired() {
  armed_.reset();
  if (!deadline_) return;  // curl wants no timeout now
  if (*deadline_ > Clock::now()) return ArmTimer(*deadline_);
  deadline_.reset();
  SocketAction(CURL_SOCKET_TIMEOUT, 0);
}

void HttpClient::Impl::SocketAction(curl_socket_t fd, int event) {
  int running = 0;
  // CURLM_BAD_SOCKET for a socket curl has already dropped is harmless.
  (void)curl_multi_socket_action(multi_.get(), fd, event, &running);
  DrainCompleted();
}

void HttpClient::Impl::DrainCompleted() {
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_.get(), &queued)) {
    if (message->msg == CURLMSG_DONE) Finish(message->easy_handle, message->data.result);
  }
}

void HttpClient::Impl::Finish(CURL* easy, CURLcode code) {
  auto node = transfers_.extract(easy);
  curl_multi_remove_handle(multi_.get(), easy);
  if (node.empty()) return;  // cannot happen: every added handle is in transfers_
  CompleteResult(*node.mapped(), code);
  Post(std::move(node.mapped()));
}

HttpClient::HttpClient(asio::io_context& io) : impl_(std::make_unique<Impl>(io)) {}
HttpClient::~HttpClient() = default;

void HttpClient::Fetch(FetchRequest request, Callback done) {
  impl_->Fetch(std::move(request), std::move(done));
}

std::size_t HttpClient::InFlight() const { return impl_->InFlight(); }

void HttpClient::CancelAll() { impl_->CancelAll(); }

}  // namespace jobcrawler::crawler
