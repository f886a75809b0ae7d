#include "app/cli/progress.h"

#include <ostream>

#include <fmt/format.h>

namespace jobcrawler::app {
namespace {
// Page errors printed in full; past this they are only counted, so that a
// dead site does not flood a cron mail.
constexpr int kMaxErrorsShown = 20;
}  // namespace

std::string FormatProgress(const crawler::CrawlProgress& p) {
  double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.pages_fetched) / p.elapsed_seconds : 0;
  return fmt::format("pages {} fetched, {} queued, {} in flight | postings {} ({} new) | errors {} | {:.1f} pages/s",
                     p.pages_fetched, p.queued, p.in_flight, p.postings_found, p.postings_new,
                     p.pages_failed, rate);
}

TerminalProgress::TerminalProgress(std::ostream& err, bool live) : err_(err), live_(live) {}

void TerminalProgress::OnProgress(const crawler::CrawlProgress& progress) {
  if (!live_) return;
  err_ << "\r\033[K" << FormatProgress(progress) << std::flush;
  line_open_ = true;
}

void TerminalProgress::OnPageError(const std::string& url, const std::string& message) {
  if (!live_) return;  // quiet: errors are in the summary and the database
  if (errors_shown_++ >= kMaxErrorsShown) return;
  Clear();
  err_ << "error: " << url << ": " << message << '\n';
}

void TerminalProgress::Clear() {
  if (!line_open_) return;
  err_ << "\r\033[K" << std::flush;
  line_open_ = false;
}

}  // namespace jobcrawler::app
