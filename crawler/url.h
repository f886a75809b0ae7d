// URL canonicalisation, so that one page is fetched once.
//
// Canonical form: absolute http(s) URL; scheme and host lower-cased; default
// port dropped; path normalised (dot segments removed, empty path -> "/");
// fragment dropped; tracking parameters (utm_*, gclid, fbclid, ...) dropped;
// remaining query parameters sorted (stable, by key then original order).
// Pure functions, thread-safe.
#ifndef JOBCRAWLER_CRAWLER_URL_H_
#define JOBCRAWLER_CRAWLER_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace jobcrawler::crawler {

// Resolves `href` against `base` (an absolute URL: the page URL, or the
// page's <base href> already resolved) and canonicalises it. Returns nullopt
// for unparseable input and for non-http(s) schemes (mailto:, javascript:...).
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view href);

// Canonicalises an absolute URL. nullopt when it is not an absolute http(s) URL.
std::optional<std::string> CanonicalizeUrl(std::string_view url);

// "scheme://host:port" of an absolute URL with the port always present
// ("https://example.com:443"); the unit of politeness and robots.txt.
std::optional<std::string> HostKey(std::string_view url);

// True for query keys that only track clicks (utm_*, gclid, fbclid, ...).
bool IsTrackingParameter(std::string_view key);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_URL_H_
