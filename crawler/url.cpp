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
#include "crawler/url.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <utility>
#include <vector>

namespace jobcrawler::crawler {
namespace {

namespace urls = boost::urls;

// Links longer than this are almost always junk (session blobs, inlined
// data); servers commonly refuse URLs over 8 KiB anyway.
constexpr std::size_t kMaxUrlBytes = 8 * 1024;

// Query keys that only identify a click or campaign and never change the
// page: Google Analytics/Ads (utm_*, gclid, dclid, gbraid, wbraid, _ga, _gl),
// Facebook (fbclid), Microsoft Ads (msclkid), Yandex (yclid), Mailchimp
// (mc_cid, mc_eid), Instagram (igshid), Twitter (ref_src).
constexpr std::array<std::string_view, 13> kTrackingKeys = {
    "gclid", "fbclid", "msclkid", "dclid", "gbraid", "wbraid", "yclid",
    "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src"};
constexpr std::string_view kTrackingPrefix = "utm_";

constexpr char kHexDigits[] = "0123456789ABCDEF";

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

void AppendPercentEncoded(std::string& out, unsigned char byte) {
  out += '%';
  out += kHexDigits[byte >> 4];
  out += kHexDigits[byte & 0x0F];
}

// Bytes that RFC 3986 allows nowhere in a URI (brackets are handled apart).
bool NeverAllowed(unsigned char byte) {
  if (byte <= 0x20 || byte >= 0x7F) return true;
  switch (byte) {
    case '"': case '<': case '>': case '\\': case '^': case '`':
    case '{': case '|': case '}':
      return true;
    default:
      return false;
  }
}

// Length of "scheme:" at the start of `s`, or 0 when there is none.
std::size_t SchemeLength(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i + 1;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!ok) return 0;
  }
  return 0;
}

// [begin, end) of the authority in `s` ("//" already counted), or {0, 0}.
std::pair<std::size_t, std::size_t> AuthoritySpan(std::string_view s) {
  const std::size_t start = SchemeLength(s);
  if (s.substr(start, 2) != "//") return {0, 0};
  const std::size_t begin = start + 2;
  const std::size_t end = s.find_first_of("/?", begin);
  return {begin, end == std::string_view::npos ? s.size() : end};
}

// Trims, strips tabs/newlines, cuts the fragment and percent-encodes what
// RFC 3986 forbids, turning what a browser accepts into a parseable reference.
// nullopt when the authority holds a forbidden ASCII byte (a space in a host).
std::optional<std::string> Sanitize(std::string_view in) {
  const auto is_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!in.empty() && is_space(in.front())) in.remove_prefix(1);
  while (!in.empty() && is_space(in.back())) in.remove_suffix(1);
  std::string s;
  for (char c : in) {
    if (c == '#') break;
    if (c != '\t' && c != '\n' && c != '\r') s += c;
  }
  // Browsers read '\' as '/' before the query of an http(s) URL.
  const std::size_t query = std::min(s.find('?'), s.size());
  std::replace(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(query), '\\', '/');

  const auto [auth_begin, auth_end] = AuthoritySpan(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    const bool in_authority = i >= auth_begin && i < auth_end;
    const bool bad_percent =
        byte == '%' && !(i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2]));
    const bool stray_bracket = (byte == '[' || byte == ']') && !in_authority;
    if (in_authority && byte < 0x80 && NeverAllowed(byte)) return std::nullopt;
    if (NeverAllowed(byte) || bad_percent || stray_bracket) {
      AppendPercentEncoded(out, byte);
    } else {
      out += s[i];
    }
  }
  return out;
}

bool IsUnreserved(int byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~';
}

// RFC 3986 6.2.2.1/6.2.2.2: %XX of unreserved characters decoded, other hex
// upper-cased. (Boost.URL 1.81's normalize() also decodes reserved ones such
// as %2F and %3D, which changes meaning, so we do not use it.)
std::string NormalizePercent(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%' || i + 2 >= in.size() || !IsHex(in[i + 1]) || !IsHex(in[i + 2])) {
      out += in[i];
      continue;
    }
    const int value = HexValue(in[i + 1]) * 16 + HexValue(in[i + 2]);
    if (IsUnreserved(value)) {
      out += static_cast<char>(value);
    } else {
      AppendPercentEncoded(out, static_cast<unsigned char>(value));
    }
    i += 2;
  }
  return out;
}

// RFC 3986 5.2.4. (Boost.URL 1.81 keeps "/../" segments above the root.)
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  const auto pop_segment = [&out] { out.erase(std::min(out.rfind('/'), out.size())); };
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./") || in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      pop_segment();
    } else if (in == "/..") {
      in = "/";
      pop_segment();
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const std::size_t end = std::min(in.find('/', 1), in.size());
      out += in.substr(0, end);
      in.remove_prefix(end);
    }
  }
  return out;
}

// Unicode lower case of UTF-8 `text`; nullopt when it is not valid UTF-8.
std::optional<std::string> Utf8Lower(std::string_view text) {
  std::string out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &code_point);
    if (used <= 0) return std::nullopt;
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(code_point), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(written));
    bytes += used;
    left -= used;
  }
  return out;
}

// Turns %XX of non-ASCII bytes back into raw UTF-8, so that an IDN host reads
// as it was written, and lower-cases everything but the remaining %XX (whose
// hex NormalizePercent has upper-cased). Bytes that do not form UTF-8 stay
// encoded: a canonical URL is always valid UTF-8.
std::string CanonicalHost(std::string_view host) {
  const std::string encoded = NormalizePercent(host);
  std::string out;
  std::string run;  // raw text since the last kept triplet
  const auto flush = [&] {
    if (std::optional<std::string> lower = Utf8Lower(run)) {
      out += *lower;
    } else {  // not UTF-8: lower-case what is ASCII, keep the rest encoded
      for (char c : run) {
        if (static_cast<unsigned char>(c) >= 0x80) {
          AppendPercentEncoded(out, static_cast<unsigned char>(c));
        } else {
          out += AsciiLower(c);
        }
      }
    }
    run.clear();
  };
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    const bool triplet = encoded[i] == '%' && i + 2 < encoded.size() && IsHex(encoded[i + 1]) &&
                         IsHex(encoded[i + 2]);
    if (!triplet) {
      run += encoded[i];
      continue;
    }
    const int value = HexValue(encoded[i + 1]) * 16 + HexValue(encoded[i + 2]);
    if (value >= 0x80) {
      run += static_cast<char>(value);
    } else {
      flush();
      out += encoded.substr(i, 3);
    }
    i += 2;
  }
  flush();
  return out;
}

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

// "?k=v&..." of the normalised `query` without tracking parameters, sorted
// by key; "" when nothing is left.
std::string CanonicalQuery(std::string_view query) {
  std::vector<std::pair<std::string_view, std::string_view>> params;  // key, "=value" or ""
  while (!query.empty()) {
    const std::size_t end = std::min(query.find('&'), query.size());
    const std::string_view pair = query.substr(0, end);
    query.remove_prefix(std::min(end + 1, query.size()));
    const std::size_t eq = std::min(pair.find('='), pair.size());
    const std::string_view key = pair.substr(0, eq);
    if (pair.empty() || IsTrackingParameter(key)) continue;
    params.emplace_back(key, pair.substr(eq));
  }
  std::stable_sort(params.begin(), params.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [key, value] : params) {
    out += out.empty() ? '?' : '&';
    out += key;
    out += value;
  }
  return out;
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

std::optional<urls::url> ParseAbsoluteHttp(std::string_view text) {
  if (text.size() > kMaxUrlBytes) return std::nullopt;
  const std::optional<std::string> clean = Sanitize(text);
  if (!clean) return std::nullopt;
  auto parsed = urls::parse_uri(*clean);
  if (!parsed || !IsHttpWithHost(*parsed)) return std::nullopt;
  return urls::url(*parsed);
}

std::optional<std::string> ResolveImpl(std::string_view base, std::string_view href) {
  if (href.size() > kMaxUrlBytes) return std::nullopt;
  const std::optional<std::string> clean_href = Sanitize(href);
  if (!clean_href) return std::nullopt;
  auto ref = urls::parse_uri_reference(*clean_href);
  if (!ref) return std::nullopt;
  // "//host:port-that-is-no-number/..." (see IsHttpWithHost).
  const urls::pct_string_view ref_path = ref->encoded_path();
  if (ref->has_authority() && !ref_path.empty() && ref_path.front() != '/') return std::nullopt;
  if (ref->has_scheme()) return Canonicalize(*ref);
  std::optional<urls::url> resolved = ParseAbsoluteHttp(base);
  if (!resolved || !resolved->resolve(*ref)) return std::nullopt;
  return Canonicalize(*resolved);
}

}  // namespace

std::optional<std::string> ResolveUrl(std::string_view base, std::string_view href) {
  try {
    return ResolveImpl(base, href);
  } catch (const std::exception&) {  // allocation failure, size limits
    return std::nullopt;
  }
}

std::optional<std::string> CanonicalizeUrl(std::string_view url) {
  try {
    std::optional<urls::url> parsed = ParseAbsoluteHttp(url);
    if (!parsed) return std::nullopt;
    return Canonicalize(*parsed);
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
