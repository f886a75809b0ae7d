#include "crawler/scope.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include <re2/re2.h>

#include "crawler/feed_source.h"
#include "crawler/parse_key.h"
#include "crawler/url.h"

namespace jobcrawler::crawler {
namespace {

// Memory RE2 may use per pattern for its compiled program and DFA cache.
// Follow patterns are short; a pattern whose program does not fit is
// rejected at start-up, and a DFA that outgrows its cache at match time
// falls back to RE2's NFA, slower but still linear.
constexpr std::int64_t kPatternMemoryBytes = 2 << 20;

RE2::Options FollowOptions() {
  RE2::Options options;
  options.set_log_errors(false);  // errors are reported by the caller, once
  options.set_max_mem(kPatternMemoryBytes);
  return options;
}

}  // namespace

std::string SiteKey(std::string_view url) {
  std::optional<std::string> key = HostKey(url);
  if (!key) return {};
  std::size_t host = key->find("://");
  if (host != std::string::npos && key->compare(host + 3, 4, "www.") == 0) key->erase(host + 3, 4);
  return *key;
}

std::string FollowPatternError(const std::string& pattern) {
  const RE2 compiled(pattern, FollowOptions());
  return compiled.ok() ? std::string() : compiled.error();
}

SourceScope::SourceScope(const Source& source)
    : name_(source.name),
      profile_(source.profile),
      parse_key_(ParseKey(source)),
      type_(source.type),
      company_(source.company),
      request_headers_(SourceRequestHeaders(source)),
      credentials_note_(CredentialsNote(source)),
      respect_robots_txt_(source.respect_robots_txt) {
  for (const std::string& pattern : source.follow) {
    auto compiled = std::make_unique<RE2>(pattern, FollowOptions());
    if (!compiled->ok()) {
      throw std::invalid_argument("source " + name_ + ": follow pattern " + pattern + ": " +
                                  compiled->error());
    }
    follow_.push_back(std::move(compiled));
  }
  for (const std::string& url : source.start_urls) {
    if (std::string site = SiteKey(url); !site.empty()) sites_.push_back(site);
  }
}

SourceScope::~SourceScope() = default;

bool SourceScope::Allows(std::string_view canonical_url) const {
  if (follow_.empty()) {
    std::string site = SiteKey(canonical_url);
    return !site.empty() && std::find(sites_.begin(), sites_.end(), site) != sites_.end();
  }
  return std::any_of(follow_.begin(), follow_.end(), [&](const std::unique_ptr<RE2>& re) {
    return RE2::PartialMatch(canonical_url, *re);
  });
}

}  // namespace jobcrawler::crawler
