// robots.txt parsing: RFC 9309, https://www.rfc-editor.org/rfc/rfc9309
//
// The parser only splits a robots.txt body into records and reports each one
// to a RobotsHandler; it knows nothing of groups or matching (the policy in
// robots.h is one handler among several). Malformed input is normal input:
// a bad line is skipped and reported through RobotsHandler::OnIssue, never
// thrown. Pure code, no state outside the call; thread-safe.
//
// What we accept (RFC 9309 §2.1 grammar, §2.3.1.5 "parse each line"):
// - a UTF-8 byte order mark at the start; LF, CR and CRLF line ends;
//   "#" comments anywhere on a line; spaces and tabs around keys and values;
//   keys in any case (ABNF literals are case-insensitive).
// Deliberate departures, each reported as an issue so tooling can see them:
// - Misspelled keys (kMisspelledKey): "dissallow", "dissalow", "disalow",
//   "disallaw"; "useragent", "user agent", "user_agent"; "crawldelay",
//   "crawl delay", "crawl_delay"; "site-map". Misspellings of "allow" are NOT
//   accepted: a typo may only ever make us crawl less, never more.
// - A missing colon (kMissingColon): "Disallow /private" is read as
//   "Disallow: /private" when the key is known and the value is one word.
//   Anything else without a colon is skipped (kNoSeparator), so prose does
//   not turn into records.
// - Lines longer than kMaxRobotsLineBytes are skipped (kLineTooLong).
// - Only the first kMaxRobotsBytes are read (§2.5); a line cut by that
//   limit is dropped rather than parsed half (kTruncated).
// - Crawl-delay and Sitemap are not part of RFC 9309; they are reported as
//   "other records" (§2.2.4) through their own callbacks.
#ifndef JOBCRAWLER_CRAWLER_ROBOTS_PARSER_H_
#define JOBCRAWLER_CRAWLER_ROBOTS_PARSER_H_

#include <cstddef>
#include <string_view>

namespace jobcrawler::crawler {

// RFC 9309 §2.5: the parsing limit MUST be at least 500 KiB. We read exactly
// that much: enough for every real site, bounded for a hostile one.
inline constexpr std::size_t kMaxRobotsBytes = 500 * 1024;

// A line longer than this cannot be a sensible rule (servers reject URLs of
// more than about 8 KiB); skipping it bounds the cost of one pattern.
inline constexpr std::size_t kMaxRobotsLineBytes = 16 * 1024;

// Something in the input that was skipped or read leniently.
enum class RobotsIssue {
  kLineTooLong,        // skipped
  kNoSeparator,        // no "key: value" shape; skipped
  kMissingColon,       // "Disallow /x": accepted as "Disallow: /x"
  kMisspelledKey,      // "dissallow": accepted as "disallow"
  kTruncated,          // body exceeded kMaxRobotsBytes; the rest ignored
  kRuleOutsideGroup,   // (policy) rule before any user-agent line; ignored
  kInvalidCrawlDelay,  // (policy) not a non-negative decimal; ignored
};

// A short lower-case name for logs ("line-too-long").
std::string_view RobotsIssueName(RobotsIssue issue);

// Receives the records of one robots.txt body, in order. `line` counts from
// 1. Values are trimmed and have comments removed, nothing else: the
// handler decides what they mean. The views are valid only during the call.
class RobotsHandler {
 public:
  virtual ~RobotsHandler() = default;
  virtual void OnUserAgent(int line, std::string_view value) = 0;
  virtual void OnAllow(int line, std::string_view value) = 0;
  virtual void OnDisallow(int line, std::string_view value) = 0;
  virtual void OnCrawlDelay(int /*line*/, std::string_view /*value*/) {}
  virtual void OnSitemap(int /*line*/, std::string_view /*value*/) {}
  virtual void OnUnknown(int /*line*/, std::string_view /*key*/, std::string_view /*value*/) {}
  virtual void OnIssue(int /*line*/, RobotsIssue /*issue*/) {}
};

// Reports every record of `body` (at most kMaxRobotsBytes of it) to
// `handler`. Never fails: unusable lines become OnIssue calls.
void ParseRobotsTxt(std::string_view body, RobotsHandler& handler);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_ROBOTS_PARSER_H_
