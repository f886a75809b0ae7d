// A headless Chromium for tests, driven over the DevTools protocol through a
// pipe (--remote-debugging-pipe: requests go to the browser's fd 3, replies
// and events come from its fd 4, each message JSON ending in a NUL byte).
// No network and no npm: the browser is Debian's chromium package.
//
// Single-threaded: one test drives one browser. Every wait has a deadline;
// failures throw std::runtime_error (the test reports it).
#ifndef JOBCRAWLER_TESTS_APP_REPORT_HEADLESS_CHROMIUM_H_
#define JOBCRAWLER_TESTS_APP_REPORT_HEADLESS_CHROMIUM_H_

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace jobcrawler::testing {

class HeadlessChromium {
 public:
  // The browser to use: $JOBCRAWLER_CHROMIUM when set, else the first of
  // chromium, chromium-browser, google-chrome found in $PATH; "" if none.
  static std::string Find();

  // Starts `executable` headless with a fresh profile in `profile_dir`
  // (its output goes to profile_dir/browser.log).
  HeadlessChromium(const std::string& executable, const std::string& profile_dir);
  ~HeadlessChromium();  // Browser.close, then SIGKILL if it lingers
  HeadlessChromium(const HeadlessChromium&) = delete;
  HeadlessChromium& operator=(const HeadlessChromium&) = delete;

  // Sends `method` (to the tab of `session`, or the browser when empty) and
  // returns its result; throws on a protocol error or after the timeout.
  nlohmann::json Call(const std::string& method, const nlohmann::json& params,
                      const std::string& session = "");

  // The first event `method` of `session` received at or after event number
  // `from` (see event_count()); waits for it up to the timeout.
  nlohmann::json WaitForEvent(const std::string& method, const std::string& session,
                              std::size_t from);

  std::size_t event_count() const { return events_.size(); }
  const std::vector<nlohmann::json>& events() const { return events_; }

 private:
  // Reads one message into events_ or returns it when it answers `id`.
  nlohmann::json ReadUntil(int id, std::chrono::steady_clock::time_point deadline);
  bool ReadMessage(std::chrono::steady_clock::time_point deadline, nlohmann::json& message);
  void Stop();

  pid_t pid_ = -1;
  int to_browser_ = -1;
  int from_browser_ = -1;
  int next_id_ = 1;
  std::string buffer_;
  std::vector<nlohmann::json> events_;
};

// One tab with the Page, Runtime, Network and Log domains enabled.
class BrowserTab {
 public:
  explicit BrowserTab(HeadlessChromium& browser);

  // Navigates and waits for the load event.
  void Navigate(const std::string& url);
  // The value of a JavaScript expression (returnByValue); throws when it
  // throws.
  nlohmann::json Evaluate(const std::string& expression);

  // Every URL this tab requested or was about to (Network.requestWillBeSent:
  // navigations included, and requests the browser then blocked), in order.
  std::vector<std::string> RequestedUrls() const;
  // The requests among those that the browser blocked before sending them,
  // with the reason ("csp" for the Content-Security-Policy), "url reason".
  std::vector<std::string> BlockedRequests() const;
  // Uncaught exceptions and console/log errors (a Content-Security-Policy
  // violation is one), as text.
  std::vector<std::string> Errors() const;

 private:
  std::vector<nlohmann::json> Events(const std::string& method) const;

  HeadlessChromium& browser_;
  std::string session_;
};

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_APP_REPORT_HEADLESS_CHROMIUM_H_
