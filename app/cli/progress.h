// Crawl progress for a person at a terminal: one line redrawn in place,
// and a summary at the end. Quiet mode prints nothing but the summary of
// failures.
#ifndef JOBCRAWLER_APP_CLI_PROGRESS_H_
#define JOBCRAWLER_APP_CLI_PROGRESS_H_

#include <iosfwd>
#include <string>

#include "crawler/crawler.h"

namespace jobcrawler::app {

class TerminalProgress final : public crawler::CrawlObserver {
 public:
  // `live`: redraw a status line (stderr is a terminal and not --quiet).
  TerminalProgress(std::ostream& err, bool live);
  void OnProgress(const crawler::CrawlProgress& progress) override;
  void OnPageError(const std::string& url, const std::string& message) override;
  // Ends the live line before other output.
  void Clear();

 private:
  std::ostream& err_;
  bool live_;
  bool line_open_ = false;
  int errors_shown_ = 0;
};

// "pages 40 fetched, 12 queued | postings 14 (9 new) | errors 1 | 7.9 pages/s"
std::string FormatProgress(const crawler::CrawlProgress& progress);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CLI_PROGRESS_H_
