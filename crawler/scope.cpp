#include "crawler/scope.h"

#include <algorithm>

#include "crawler/url.h"

namespace jobcrawler::crawler {

SourceScope::SourceScope(const Source& source) : name_(source.name) {
  for (const std::string& pattern : source.follow) {
    follow_.emplace_back(pattern, std::regex::ECMAScript | std::regex::optimize);
  }
  for (const std::string& url : source.start_urls) {
    if (auto key = HostKey(url)) hosts_.push_back(*key);
  }
}

bool SourceScope::Allows(std::string_view canonical_url) const {
  if (follow_.empty()) {
    std::optional<std::string> key = HostKey(canonical_url);
    return key && std::find(hosts_.begin(), hosts_.end(), *key) != hosts_.end();
  }
  return std::any_of(follow_.begin(), follow_.end(), [&](const std::regex& re) {
    return std::regex_search(canonical_url.begin(), canonical_url.end(), re);
  });
}

}  // namespace jobcrawler::crawler
