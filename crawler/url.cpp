// URL canonicalisation on Boost.URL (RFC 3986).
//
// Spec: RFC 3986 (syntax, section 5 reference resolution, section 6.2.2
// syntax-based normalisation). Deliberate departures, all taken from what
// browsers do with links found in HTML (WHATWG URL Standard):
//  - Leading/trailing ASCII whitespace and control characters are trimmed;
//    tabs and newlines inside the href are removed.
//  - Characters RFC 3986 forbids but pages use anyway (spaces, raw UTF-8 such
//    as umlauts, "|", "^", "[]" outside an IPv6 host, a '%' not followed by
//    two hex digits) are percent-encoded (upper-case hex) before parsing, so
//    "/jobs/münchen" and "/jobs/m%c3%bcnchen" give the same string.
//  - A backslash before the query is read as '/', as for http(s) in browsers.
//  - Host names are kept as given (no IDNA/punycode): lower-cased (Unicode
//    simple case mapping via utf8proc when the host is valid UTF-8) and kept
//    as raw UTF-8 rather than percent-encoded.
// Our policy choices (not URL equivalence): the fragment is dropped, tracking
// parameters are dropped, remaining query parameters are sorted by key
// (stable), an empty query loses its '?', and empty "&&" pairs are dropped.
// The form that is fetched (FoundUrl::fetch) keeps the path's and query's
// encoding, the query's order and the port as found: only the fragment,
// tracking parameters, empty pairs and dot segments go, and the scheme and
// host are written as in the canonical form. References are resolved on the
// encoded components (RFC 3986 5.2), so "%2F" in a path stays "%2F".
// Text-level steps (clean-up, percent-encoding, dot segments, host case)
// are in url_text.cpp.
#include "crawler/url.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <utility>
#include <vector>

#include "crawler/url_text.h"

namespace jobcrawler::crawler {
namespace {

namespace urls = boost::urls;
using url_text::AsciiLower;
using url_text::CanonicalHost;
using url_text::NormalizePercent;
using url_text::RemoveDotSegments;
using url_text::Sanitize;

// Query keys that only identify a click or campaign and never change the
// page: Google Analytics/Ads (utm_*, gclid, dclid, gbraid, wbraid, _ga, _gl),
// Facebook (fbclid), Microsoft Ads (msclkid), Yandex (yclid), Mailchimp
// (mc_cid, mc_eid), Instagram (igshid), Twitter (ref_src).
constexpr std::array<std::string_view, 13> kTrackingKeys = {
    "gclid", "fbclid", "msclkid", "dclid", "gbraid", "wbraid", "yclid",
    "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src"};
constexpr std::string_view kTrackingPrefix = "utm_";

// The port as a number; nullopt when absent or empty, -1 when out of range.
std::optional<long> PortNumber(const urls::url_view_base& u) {
  if (!u.has_port() || u.port().empty()) return std::nullopt;
  long value = 0;
  for (char c : u.port()) {
    value = value * 10 + (c - '0');
    if (value > 65535) return -1;
  }
  return value;
}

long DefaultPort(urls::scheme scheme) { return scheme == urls::scheme::https ? 443 : 80; }

// Also rejects a path that does not start with "/" after an authority:
// Boost.URL 1.81 ends a port at its first non-digit and reads the rest as
// the path, so "https://bank.de:evil.com/" would become the host
// "bank.deevil.com" (RFC 3986 3.3: such a path is empty or starts with "/").
bool IsHttpWithHost(const urls::url_view_base& u) {
  const auto id = u.scheme_id();
  const urls::pct_string_view path = u.encoded_path();
  return (id == urls::scheme::http || id == urls::scheme::https) && u.has_authority() &&
         !u.encoded_host().empty() && (path.empty() || path.front() == '/');
}

using QueryParams = std::vector<std::pair<std::string_view, std::string_view>>;  // key, "=value" or ""

// The pairs of `query` in order, without empty pairs and tracking parameters.
QueryParams KeptParams(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    const std::size_t end = std::min(query.find('&'), query.size());
    const std::string_view pair = query.substr(0, end);
    query.remove_prefix(std::min(end + 1, query.size()));
    const std::size_t eq = std::min(pair.find('='), pair.size());
    const std::string_view key = pair.substr(0, eq);
    if (pair.empty() || IsTrackingParameter(key)) continue;
    params.emplace_back(key, pair.substr(eq));
  }
  return params;
}

// "?k=v&..." of `params`; "" when there are none.
std::string JoinQuery(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    out += out.empty() ? '?' : '&';
    out += key;
    out += value;
  }
  return out;
}

// "?k=v&..." of the normalised `query` without tracking parameters, sorted
// by key; "" when nothing is left.
std::string CanonicalQuery(std::string_view query) {
  QueryParams params = KeptParams(query);
  std::stable_sort(params.begin(), params.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return JoinQuery(params);
}

// Canonical string of a parsed absolute URL, or nullopt.
std::optional<std::string> Canonicalize(const urls::url_view_base& u) {
  if (!IsHttpWithHost(u)) return std::nullopt;
  const std::optional<long> port = PortNumber(u);
  if (port && *port < 0) return std::nullopt;

  std::string out = u.scheme_id() == urls::scheme::https ? "https://" : "http://";
  if (u.has_userinfo()) {
    out += NormalizePercent(u.encoded_userinfo());
    out += '@';
  }
  out += CanonicalHost(u.encoded_host());
  if (port && *port != DefaultPort(u.scheme_id())) {
    out += ':';
    out += std::to_string(*port);
  }
  const std::string path = RemoveDotSegments(NormalizePercent(u.encoded_path()));
  out += path.empty() ? std::string("/") : path;
  out += CanonicalQuery(NormalizePercent(u.encoded_query()));
  return out;
}

// The form of a parsed absolute URL that is fetched (see FoundUrl), or nullopt.
std::optional<std::string> FetchForm(const urls::url_view_base& u) {
  if (!IsHttpWithHost(u)) return std::nullopt;
  const std::optional<long> port = PortNumber(u);
  if (port && *port < 0) return std::nullopt;
  std::string out = u.scheme_id() == urls::scheme::https ? "https://" : "http://";
  if (u.has_userinfo()) {
    out += u.encoded_userinfo();
    out += '@';
  }
  // Raw UTF-8 rather than %XX, as in the canonical form (curl takes either
  // only that way); the case of a host name never matters.
  out += CanonicalHost(u.encoded_host());
  if (u.has_port() && !u.port().empty()) {
    out += ':';
    out += u.port();
  }
  const std::string path = RemoveDotSegments(u.encoded_path());
  out += path.empty() ? std::string("/") : path;
  out += JoinQuery(KeptParams(u.encoded_query()));
  return out;
}

std::optional<FoundUrl> BothForms(const urls::url_view_base& u, UrlRejection& why) {
  std::optional<std::string> canonical = Canonicalize(u);
  std::optional<std::string> fetch = canonical ? FetchForm(u) : std::nullopt;
  if (!canonical || !fetch) return std::nullopt;
  if (canonical->size() > kMaxUrlBytes || fetch->size() > kMaxUrlBytes) {
    why = UrlRejection::kTooLong;
    return std::nullopt;
  }
  why = UrlRejection::kNone;
  return FoundUrl{.canonical = std::move(*canonical), .fetch = std::move(*fetch)};
}

// RFC 3986 5.2.2 on the encoded components of an absolute `base` and a
// relative `ref`. (Boost.URL 1.81's resolve() decodes "%2F" in the path,
// which changes meaning.)
std::string ResolveReference(const urls::url_view_base& base, const urls::url_view_base& ref) {
  std::string target = std::string(base.scheme()) + "://";
  std::string_view query = ref.encoded_query();
  bool has_query = ref.has_query();
  if (ref.has_authority()) {
    target += ref.encoded_authority();
    target += RemoveDotSegments(ref.encoded_path());
  } else {
    target += base.encoded_authority();
    const std::string_view path = ref.encoded_path();
    if (path.empty()) {
      target += base.encoded_path();
      if (!has_query) {
        has_query = base.has_query();
        query = base.encoded_query();
      }
    } else if (path.front() == '/') {
      target += RemoveDotSegments(path);
    } else {  // 5.2.3: merge with the base path up to its last '/'
      const std::string_view base_path = base.encoded_path();
      const std::size_t slash = base_path.rfind('/');
      std::string merged = slash == std::string_view::npos
                               ? "/"
                               : std::string(base_path.substr(0, slash + 1));
      merged += path;
      target += RemoveDotSegments(merged);
    }
  }
  if (has_query) {
    target += '?';
    target += query;
  }
  return target;
}

std::optional<urls::url> ParseAbsoluteHttp(std::string_view text) {
  if (text.size() > kMaxUrlBytes) return std::nullopt;
  const std::optional<std::string> clean = Sanitize(text);
  if (!clean) return std::nullopt;
  auto parsed = urls::parse_uri(*clean);
  if (!parsed || !IsHttpWithHost(*parsed)) return std::nullopt;
  return urls::url(*parsed);
}

std::optional<FoundUrl> ResolveImpl(std::string_view base, std::string_view href,
                                    UrlRejection& why) {
  why = UrlRejection::kInvalid;
  if (href.size() > kMaxUrlBytes) {
    why = UrlRejection::kTooLong;
    return std::nullopt;
  }
  const std::optional<std::string> clean_href = Sanitize(href);
  if (!clean_href) return std::nullopt;
  auto ref = urls::parse_uri_reference(*clean_href);
  if (!ref) return std::nullopt;
  // "//host:port-that-is-no-number/..." (see IsHttpWithHost).
  const urls::pct_string_view ref_path = ref->encoded_path();
  if (ref->has_authority() && !ref_path.empty() && ref_path.front() != '/') return std::nullopt;
  if (ref->has_scheme()) return BothForms(*ref, why);
  std::optional<urls::url> base_url = ParseAbsoluteHttp(base);
  if (!base_url) return std::nullopt;
  const std::string target = ResolveReference(*base_url, *ref);
  auto resolved = urls::parse_uri(target);  // a view of `target`
  if (!resolved) return std::nullopt;
  return BothForms(*resolved, why);
}

}  // namespace

std::optional<FoundUrl> ResolveLink(std::string_view base, std::string_view href,
                                    UrlRejection* why) {
  UrlRejection rejection = UrlRejection::kInvalid;
  std::optional<FoundUrl> found;
  try {
    found = ResolveImpl(base, href, rejection);
  } catch (const std::exception&) {  // allocation failure, size limits
    found.reset();
    rejection = UrlRejection::kInvalid;
  }
  if (why) *why = rejection;
  return found;
}

std::optional<FoundUrl> FoundAt(std::string_view url) {
  // An absolute URL resolves to itself; a relative one finds no base.
  return ResolveLink({}, url);
}

std::optional<std::string> ResolveUrl(std::string_view base, std::string_view href) {
  std::optional<FoundUrl> found = ResolveLink(base, href);
  if (!found) return std::nullopt;
  return std::move(found->canonical);
}

std::optional<std::string> CanonicalizeUrl(std::string_view url) {
  try {
    std::optional<urls::url> parsed = ParseAbsoluteHttp(url);
    if (!parsed) return std::nullopt;
    std::optional<std::string> canonical = Canonicalize(*parsed);
    if (canonical && canonical->size() > kMaxUrlBytes) return std::nullopt;
    return canonical;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<std::string> HostKey(std::string_view url) {
  try {
    std::optional<urls::url> parsed = ParseAbsoluteHttp(url);
    if (!parsed) return std::nullopt;
    const std::optional<long> port = PortNumber(*parsed);
    if (port && *port < 0) return std::nullopt;
    const bool https = parsed->scheme_id() == urls::scheme::https;
    std::string key = https ? "https://" : "http://";
    key += CanonicalHost(parsed->encoded_host());
    key += ':';
    key += std::to_string(port.value_or(DefaultPort(parsed->scheme_id())));
    return key;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool IsTrackingParameter(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(), AsciiLower);
  if (lower.size() > kTrackingPrefix.size() && lower.starts_with(kTrackingPrefix)) return true;
  return std::find(kTrackingKeys.begin(), kTrackingKeys.end(), lower) != kTrackingKeys.end();
}

}  // namespace jobcrawler::crawler
