// robots.txt parsing: RFC 9309, https://www.rfc-editor.org/rfc/rfc9309
//
// The parser only splits a robots.txt body into records and reports each one
// to a RobotsHandler; it knows nothing of groups or matching (the policy in
// robots.h is one handler among several). Malformed input is normal input:
// a bad line is skipped and reported through RobotsHandler::OnIssue, never
// thrown. Pure code, no state outside the call; thread-safe.
//
// What we accept (RFC 9309 §2.2 grammar, §2.3.1.5 "parse each line"):
// - LF, CR and CRLF line ends; "#" comments anywhere on a line; spaces and
//   tabs around keys and values; keys in any case (ABNF literals are
//   case-insensitive).
// tests/crawler/robots_reference_test.cpp checks all of this, and the
// policy and matching built on it, against a table of cases on which
// widely used parsers disagree, each with the RFC section it rests on.
// Deliberate departures, each reported as an issue so tooling can see them
// (the first one aside):
// - A UTF-8 byte order mark at the start is skipped, and so are the first
//   one or two bytes of one (a mark cut short is no part of the first key).
//   The RFC says nothing about byte order marks.
// - Misspelled keys (kMisspelledKey): "dissallow", "dissalow", "disalow",
//   "disallaw"; "useragent", "user agent", "user_agent"; "crawldelay",
//   "crawl delay", "crawl_delay"; "site-map". Misspellings of "allow" are NOT
//   accepted: a typo may only ever make us crawl less, never more.
// - A missing colon (kMissingColon): "Disallow /private" is read as
//   "Disallow: /private" when the key is known and the value is one word.
//   Anything else without a colon is skipped (kNoSeparator), so prose does
//   not turn into records.
// - Only the first kMaxRobotsBytes are read (§2.5; kTruncated), and only
//   the first kMaxRobotsLineBytes of a line (kLineTooLong). A line cut by
//   either limit keeps only what can make us crawl less, never more: a
//   Disallow is read up to the cut (a prefix of the pattern meant matches
//   at least as much; an escape the cut split is dropped), a User-agent
//   line still starts its group (a product token ends long before any
//   cut), and any other cut record is dropped. A
//   "#" before the cut means nothing of the record itself was lost.
// - Crawl-delay and Sitemap are not part of RFC 9309; they are reported as
//   "other records" (§2.2.4) through their own callbacks.
// The departures in group selection are listed in robots.h, those in
// matching in robots_matcher.h.
#ifndef JOBCRAWLER_CRAWLER_ROBOTS_PARSER_H_
#define JOBCRAWLER_CRAWLER_ROBOTS_PARSER_H_

#include <cstddef>
#include <string_view>

namespace jobcrawler::crawler {

// RFC 9309 §2.5: the parsing limit MUST be at least 500 KiB. We read exactly
// that much: enough for every real site, bounded for a hostile one.
inline constexpr std::size_t kMaxRobotsBytes = 500 * 1024;

// A line longer than this cannot be a sensible rule (servers reject URLs of
// more than about 8 KiB); reading no more of it bounds the cost of one
// pattern.
inline constexpr std::size_t kMaxRobotsLineBytes = 16 * 1024;

// Something in the input that was skipped or read leniently.
enum class RobotsIssue {
  kLineTooLong,        // read up to kMaxRobotsLineBytes, as a cut line
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
