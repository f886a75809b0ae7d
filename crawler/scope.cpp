#include "crawler/scope.h"

#include <algorithm>

#include "crawler/url.h"

namespace jobcrawler::crawler {

std::string SiteKey(std::string_view url) {
  std::optional<std::string> key = HostKey(url);
  if (!key) return {};
  std::size_t host = key->find("://");
  if (host != std::string::npos && key->compare(host + 3, 4, "www.") == 0) key->erase(host + 3, 4);
  return *key;
}

SourceScope::SourceScope(const Source& source) : name_(source.name), profile_(source.profile) {
  for (const std::string& pattern : source.follow) {
    follow_.emplace_back(pattern, std::regex::ECMAScript | std::regex::optimize);
  }
  for (const std::string& url : source.start_urls) {
    if (std::string site = SiteKey(url); !site.empty()) sites_.push_back(site);
  }
}

bool SourceScope::Allows(std::string_view canonical_url) const {
  if (follow_.empty()) {
    std::string site = SiteKey(canonical_url);
    return !site.empty() && std::find(sites_.begin(), sites_.end(), site) != sites_.end();
  }
  return std::any_of(follow_.begin(), follow_.end(), [&](const std::regex& re) {
    return std::regex_search(canonical_url.begin(), canonical_url.end(), re);
  });
}

}  // namespace jobcrawler::crawler
