// The robots.txt policy of one host for one crawler:
// RFC 9309, https://www.rfc-editor.org/rfc/rfc9309
//
// RobotsRules is built once per host from the body of /robots.txt (or from
// the fetch outcome: AllowAll, DisallowAll) and then queried per URL. It is
// immutable after construction, so const calls are thread-safe. Parsing is
// robots_parser.h, pattern matching robots_matcher.h; this file is policy:
// - Groups (§2.1): one or more consecutive user-agent lines, then their
//   rules. Rules before the first user-agent line are ignored.
// - Selection (§2.2.1): every group naming our product token (compared
//   case-insensitively) is merged into one; if there is none, every "*"
//   group is; if there is none either, everything is allowed. A matching
//   group without rules allows everything.
// - Decision (§2.2.2): the longest matching pattern wins, Allow on a tie;
//   no match allows; "/robots.txt" is always allowed; an empty Disallow (or
//   Allow) is no rule at all.
// Deliberate departures:
// - Product tokens, ours and those in user-agent lines, are the text up to
//   the first "/", blank, "(", ";" or ",": "jobcrawler/0.1 (+https://...)"
//   and "User-agent: jobcrawler/2" both mean "jobcrawler". The RFC only
//   allows letters, "_" and "-" in a token and says nothing of versions.
// - Crawl-delay (not in RFC 9309) is read from the selected groups only, as
//   a non-negative decimal number of seconds ("10", "0.5"); anything else is
//   ignored (kInvalidCrawlDelay). Where merged groups disagree, the largest
//   delay wins. Like every record outside RFC 9309, it does not end a run of
//   user-agent lines (§2.2.4: other records MUST NOT interfere with groups);
//   it applies to the whole group it sits in.
// - Sitemap (not in RFC 9309, §2.2.4 allows it) lines are collected from
//   anywhere in the file, in order, whichever group they sit in.
#ifndef JOBCRAWLER_CRAWLER_ROBOTS_H_
#define JOBCRAWLER_CRAWLER_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/robots_matcher.h"
#include "crawler/robots_parser.h"

namespace jobcrawler::crawler {

// One line of the robots.txt body that was skipped or read leniently.
struct RobotsLineIssue {
  int line = 0;
  RobotsIssue issue = RobotsIssue::kNoSeparator;
};

class RobotsRules {
 public:
  // At most this many issues are kept per host: enough to diagnose a file,
  // bounded for a hostile one.
  static constexpr std::size_t kMaxRecordedIssues = 100;

  // The policy of `body` for the crawler whose full User-Agent header is
  // `user_agent`; its product token is taken as described above. Never
  // fails: malformed lines are skipped and listed in issues().
  static RobotsRules Parse(std::string_view body, std::string_view user_agent);

  // robots.txt answered 4xx: everything may be crawled (§2.3.1.3).
  static RobotsRules AllowAll();

  // robots.txt unreachable or 5xx: nothing may be crawled (§2.3.1.4), except
  // /robots.txt itself, so that it can be fetched again.
  static RobotsRules DisallowAll();

  // Whether `path_and_query` ("/stellen?seite=2", percent-encoded as on the
  // wire) may be fetched.
  bool IsAllowed(std::string_view path_and_query) const;

  // Crawl-delay of the selected group(s), in seconds; nullopt when none.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }

  // Every Sitemap: value in the file, in order.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // Lines skipped or read leniently, in order, at most kMaxRecordedIssues.
  const std::vector<RobotsLineIssue>& issues() const { return issues_; }

 private:
  class Builder;  // the RobotsHandler that fills a RobotsRules

  struct Rule {
    RobotsPattern pattern;
    bool allow = false;
  };

  RobotsRules() = default;

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
  std::vector<RobotsLineIssue> issues_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_ROBOTS_H_
