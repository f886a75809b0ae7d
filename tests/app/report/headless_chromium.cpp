#include "tests/app/report/headless_chromium.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace jobcrawler::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Generous: two cores shared with other builds can make a browser slow.
constexpr auto kCallTimeout = std::chrono::seconds(60);
constexpr auto kExitTimeout = std::chrono::seconds(5);

// Flags for a quiet, offline, throw-away browser.
const char* const kFlags[] = {
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--remote-debugging-pipe",
};

// Moves `fd` to a number above 10, so that dup2 onto 3 and 4 in the child
// cannot clobber the other pipe end.
int HighFd(int fd) {
  const int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  close(fd);
  if (high < 0) throw std::runtime_error("fcntl failed");
  return high;
}

}  // namespace

std::string HeadlessChromium::Find() {
  if (const char* given = std::getenv("JOBCRAWLER_CHROMIUM"); given && *given) return given;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      const std::size_t end = std::min(dirs.find(':', start), dirs.size());
      const std::filesystem::path candidate =
          std::filesystem::path(dirs.substr(start, end - start)) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
      start = end + 1;
    }
  }
  return "";
}

HeadlessChromium::HeadlessChromium(const std::string& executable, const std::string& profile_dir) {
  // A browser that dies must fail the test, not kill it with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  int to[2], from[2];
  if (pipe(to) != 0 || pipe(from) != 0) throw std::runtime_error("pipe failed");
  const int child_in = HighFd(to[0]);
  to_browser_ = HighFd(to[1]);
  from_browser_ = HighFd(from[0]);
  const int child_out = HighFd(from[1]);

  const std::string log = profile_dir + "/browser.log";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_adddup2(&actions, child_in, 3);
  posix_spawn_file_actions_adddup2(&actions, child_out, 4);

  std::vector<std::string> args = {executable, "--user-data-dir=" + profile_dir};
  for (const char* flag : kFlags) args.emplace_back(flag);
  args.emplace_back("about:blank");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int error = posix_spawn(&pid_, executable.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(child_in);
  close(child_out);
  if (error != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start " + executable);
  }
}

HeadlessChromium::~HeadlessChromium() { Stop(); }

void HeadlessChromium::Stop() {
  if (pid_ <= 0) return;
  try {
    Call("Browser.close", nlohmann::json::object());
  } catch (const std::exception&) {
    // It may be gone already; the kill below makes sure.
  }
  const auto deadline = Clock::now() + kExitTimeout;
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  pid_ = -1;
  close(to_browser_);
  close(from_browser_);
}

nlohmann::json HeadlessChromium::Call(const std::string& method, const nlohmann::json& params,
                                      const std::string& session) {
  const int id = next_id_++;
  nlohmann::json request = {{"id", id}, {"method", method}, {"params", params}};
  if (!session.empty()) request["sessionId"] = session;
  std::string text = request.dump();
  text.push_back('\0');
  for (std::size_t sent = 0; sent < text.size();) {
    const ssize_t n = write(to_browser_, text.data() + sent, text.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("the browser closed its pipe (" + method + ")");
    sent += static_cast<std::size_t>(n);
  }
  nlohmann::json reply = ReadUntil(id, Clock::now() + kCallTimeout);
  if (reply.contains("error")) {
    throw std::runtime_error(method + " failed: " + reply["error"].dump());
  }
  return reply.value("result", nlohmann::json::object());
}

nlohmann::json HeadlessChromium::WaitForEvent(const std::string& method, const std::string& session,
                                              std::size_t from) {
  const auto deadline = Clock::now() + kCallTimeout;
  for (std::size_t i = from;; ++i) {
    while (i >= events_.size()) {
      nlohmann::json message;
      if (!ReadMessage(deadline, message)) throw std::runtime_error("no event " + method);
      if (!message.contains("id")) events_.push_back(std::move(message));
    }
    const nlohmann::json& event = events_[i];
    if (event.value("method", "") == method && event.value("sessionId", "") == session) {
      return event;
    }
  }
}

nlohmann::json HeadlessChromium::ReadUntil(int id, Clock::time_point deadline) {
  for (;;) {
    nlohmann::json message;
    if (!ReadMessage(deadline, message)) {
      throw std::runtime_error("no answer from the browser to request " + std::to_string(id));
    }
    if (message.contains("id")) {
      if (message["id"] == id) return message;
      continue;  // an answer nobody waits for any more
    }
    events_.push_back(std::move(message));
  }
}

bool HeadlessChromium::ReadMessage(Clock::time_point deadline, nlohmann::json& message) {
  for (;;) {
    const std::size_t end = buffer_.find('\0');
    if (end != std::string::npos) {
      message = nlohmann::json::parse(buffer_.substr(0, end));
      buffer_.erase(0, end + 1);
      return true;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd fd{from_browser_, POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    char chunk[65536];
    const ssize_t n = read(from_browser_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;  // the browser exited
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

BrowserTab::BrowserTab(HeadlessChromium& browser) : browser_(browser) {
  const nlohmann::json target = browser_.Call("Target.createTarget", {{"url", "about:blank"}});
  const nlohmann::json attached =
      browser_.Call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}});
  session_ = attached["sessionId"].get<std::string>();
  for (const char* domain : {"Page.enable", "Runtime.enable", "Network.enable", "Log.enable"}) {
    browser_.Call(domain, nlohmann::json::object(), session_);
  }
}

void BrowserTab::Navigate(const std::string& url) {
  const std::size_t from = browser_.event_count();
  const nlohmann::json result = browser_.Call("Page.navigate", {{"url", url}}, session_);
  if (result.contains("errorText")) {
    throw std::runtime_error("cannot open " + url + ": " + result["errorText"].dump());
  }
  browser_.WaitForEvent("Page.loadEventFired", session_, from);
}

nlohmann::json BrowserTab::Evaluate(const std::string& expression) {
  const nlohmann::json result = browser_.Call(
      "Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}}, session_);
  if (result.contains("exceptionDetails")) {
    throw std::runtime_error("JavaScript failed: " + result["exceptionDetails"].dump());
  }
  return result["result"].value("value", nlohmann::json());
}

std::vector<nlohmann::json> BrowserTab::Events(const std::string& method) const {
  std::vector<nlohmann::json> found;
  for (const nlohmann::json& event : browser_.events()) {
    if (event.value("method", "") == method && event.value("sessionId", "") == session_) {
      found.push_back(event);
    }
  }
  return found;
}

std::vector<std::string> BrowserTab::RequestedUrls() const {
  std::vector<std::string> urls;
  for (const nlohmann::json& event : Events("Network.requestWillBeSent")) {
    urls.push_back(event["params"]["request"].value("url", ""));
  }
  return urls;
}

std::vector<std::string> BrowserTab::BlockedRequests() const {
  std::vector<std::string> blocked;
  for (const nlohmann::json& failed : Events("Network.loadingFailed")) {
    const std::string reason = failed["params"].value("blockedReason", "");
    if (reason.empty()) continue;
    for (const nlohmann::json& sent : Events("Network.requestWillBeSent")) {
      if (sent["params"]["requestId"] == failed["params"]["requestId"]) {
        blocked.push_back(sent["params"]["request"].value("url", "") + " " + reason);
      }
    }
  }
  return blocked;
}

std::vector<std::string> BrowserTab::Errors() const {
  std::vector<std::string> errors;
  for (const nlohmann::json& event : Events("Runtime.exceptionThrown")) {
    errors.push_back(event["params"]["exceptionDetails"].dump());
  }
  for (const nlohmann::json& event : Events("Log.entryAdded")) {
    if (event["params"]["entry"].value("level", "") == "error") {
      errors.push_back(event["params"]["entry"].value("text", ""));
    }
  }
  for (const nlohmann::json& event : Events("Runtime.consoleAPICalled")) {
    if (event["params"].value("type", "") == "error") errors.push_back(event["params"].dump());
  }
  return errors;
}

}  // namespace jobcrawler::testing
