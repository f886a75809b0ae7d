// Which URLs a source may follow.
//
// A source follows a link when one of its `follow` regular expressions
// matches the absolute canonical URL (regex_search, so anchor with ^ when
// needed); with no `follow` rules, when the link's host is the host of one of
// its start URLs. Immutable after construction; safe to share between threads.
#ifndef JOBCRAWLER_CRAWLER_SCOPE_H_
#define JOBCRAWLER_CRAWLER_SCOPE_H_

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawl_options.h"

namespace jobcrawler::crawler {

// "scheme://host:port" with a leading "www." dropped from the host, so that
// example.de and www.example.de count as one site.
std::string SiteKey(std::string_view url);

class SourceScope {
 public:
  // Throws std::regex_error on an invalid pattern (config validation has
  // already rejected those; this is start-up only).
  explicit SourceScope(const Source& source);

  const std::string& name() const { return name_; }
  bool Allows(std::string_view canonical_url) const;
  // The source's [sources.extract] selectors (empty when it has none).
  const parsers::ExtractionProfile& profile() const { return profile_; }

 private:
  std::string name_;
  std::vector<std::regex> follow_;
  std::vector<std::string> sites_;  // SiteKey of each start URL
  parsers::ExtractionProfile profile_;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_SCOPE_H_
