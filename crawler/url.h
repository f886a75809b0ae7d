// URL canonicalisation, so that one page is fetched once.
//
// Canonical form: absolute http(s) URL; scheme and host lower-cased; default
// port dropped; path normalised (dot segments removed, empty path -> "/");
// fragment dropped; tracking parameters (utm_*, gclid, fbclid, ...) dropped;
// remaining query parameters sorted (stable, by key then original order).
// It is an identity only (the frontier's uniqueness, dedup): servers may
// route on the order of query parameters, so a page is fetched at its URL as
// found (see FoundUrl). Pure functions, thread-safe.
#ifndef JOBCRAWLER_CRAWLER_URL_H_
#define JOBCRAWLER_CRAWLER_URL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jobcrawler::crawler {

// The longest URL accepted, in either form, after canonicalisation and
// percent-encoding (which can triple an 8 KiB link): servers commonly refuse
// longer request lines, and such links are almost always junk (session
// blobs, inlined data). Longer links are not followed.
inline constexpr std::size_t kMaxUrlBytes = 8 * 1024;

// A link as the crawler keeps it.
struct FoundUrl {
  // The canonical form: the page's identity.
  std::string canonical;
  // What is requested: resolved against the page (or <base href>), dot
  // segments removed, fragment and tracking parameters dropped, the
  // remaining query parameters in their order and encoding as found.
  // Characters RFC 3986 forbids are percent-encoded, as browsers do.
  std::string fetch;
};

enum class UrlRejection {
  kNone,
  kInvalid,  // unparseable, not http(s), no host, bad port
  kTooLong,  // longer than kMaxUrlBytes, as found or in either form
};

// Resolves `href` against `base` (an absolute URL) into both forms. nullopt
// for what ResolveUrl rejects; `why`, when given, receives the reason
// (kNone on success).
std::optional<FoundUrl> ResolveLink(std::string_view base, std::string_view href,
                                    UrlRejection* why = nullptr);

// Both forms of an absolute URL (a start URL, a robots.txt Sitemap line).
std::optional<FoundUrl> FoundAt(std::string_view url);

// Resolves `href` against `base` (an absolute URL: the page URL, or the
// page's <base href> already resolved) and canonicalises it. Returns nullopt
// for unparseable input, for non-http(s) schemes (mailto:, javascript:...)
// and for URLs longer than kMaxUrlBytes.
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view href);

// Canonicalises an absolute URL. nullopt when it is not an absolute http(s)
// URL or is longer than kMaxUrlBytes.
std::optional<std::string> CanonicalizeUrl(std::string_view url);

// "scheme://host:port" of an absolute URL with the port always present
// ("https://example.com:443"); the unit of politeness and robots.txt.
std::optional<std::string> HostKey(std::string_view url);

// True for query keys that only track clicks (utm_*, gclid, fbclid, ...).
bool IsTrackingParameter(std::string_view key);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_URL_H_
