// Which URLs a source may follow.
//
// A source follows a link when one of its `follow` regular expressions
// matches somewhere in the absolute canonical URL (anchor with ^ when
// needed); with no `follow` rules, when the link's host is the host of one
// of its start URLs. Patterns use RE2's syntax and engine: matching takes
// time linear in the URL whatever the pattern (no backreferences or
// lookaround), since a pattern like `^https://h/(.*/)*stelle` would
// otherwise let a hostile link stall a parser thread. Immutable after
// construction; safe to share between threads.
#ifndef JOBCRAWLER_CRAWLER_SCOPE_H_
#define JOBCRAWLER_CRAWLER_SCOPE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawl_options.h"

namespace re2 {
class RE2;
}

namespace jobcrawler::crawler {

// "scheme://host:port" with a leading "www." dropped from the host, so that
// example.de and www.example.de count as one site.
std::string SiteKey(std::string_view url);

// "" when `pattern` compiles as a follow pattern, else RE2's description of
// the fault (e.g. "invalid perl operator: (?<"). Config validation uses it.
std::string FollowPatternError(const std::string& pattern);

class SourceScope {
 public:
  // Throws std::invalid_argument on an invalid pattern (config validation
  // has already rejected those; this is start-up only).
  explicit SourceScope(const Source& source);
  ~SourceScope();
  SourceScope(const SourceScope&) = delete;
  SourceScope& operator=(const SourceScope&) = delete;

  const std::string& name() const { return name_; }
  bool Allows(std::string_view canonical_url) const;
  // The source's [sources.extract] selectors (empty when it has none).
  const parsers::ExtractionProfile& profile() const { return profile_; }
  // What the source's pages' results depend on (crawler/parse_key.h).
  const std::string& parse_key() const { return parse_key_; }
  // The source's type, the company that fills postings naming none, the
  // extra headers of its requests and what credentials they carry
  // (crawler/feed_source.h).
  parsers::FeedType type() const { return type_; }
  const std::string& company() const { return company_; }
  const std::vector<std::string>& request_headers() const { return request_headers_; }
  const std::string& credentials_note() const { return credentials_note_; }
  // The source's own respect_robots_txt, nullopt when it inherits [crawler]'s.
  std::optional<bool> respect_robots_txt() const { return respect_robots_txt_; }

 private:
  std::string name_;
  std::vector<std::unique_ptr<re2::RE2>> follow_;
  std::vector<std::string> sites_;  // SiteKey of each start URL
  parsers::ExtractionProfile profile_;
  std::string parse_key_;
  parsers::FeedType type_;
  std::string company_;
  std::vector<std::string> request_headers_;
  std::string credentials_note_;
  std::optional<bool> respect_robots_txt_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_SCOPE_H_
