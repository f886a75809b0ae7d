// Pattern normalisation and glob matching; see robots_matcher.h.
#include "crawler/robots_matcher.h"

namespace jobcrawler::crawler {
namespace {

enum class Form { kPattern, kPath };

constexpr std::string_view kHexDigits = "0123456789ABCDEF";

// Octets a URI never carries literally.
bool MustEncode(unsigned char c) {
  return c <= 0x20 || c >= 0x7F ||
         std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) != std::string_view::npos;
}

// Whether "%XX" of `c` reads as `c` itself in the normal form: unreserved
// and reserved characters alike (RFC 9309 §2.2.2), but never "%", nor "*"
// and "$", whose encoded form is how a pattern spells them literally, nor
// "#", which a path carries only encoded (a literal one starts the
// fragment) and which would make the normal form read differently twice.
bool DecodesToLiteral(unsigned char c) {
  return !MustEncode(c) && c != '%' && c != '*' && c != '$' && c != '#';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void AppendEncoded(unsigned char c, std::string& out) {
  out += '%';
  out += kHexDigits[c >> 4];
  out += kHexDigits[c & 0x0F];
}

// Appends the normal form of the "%" at the start of `in`; returns the
// number of octets consumed.
std::size_t AppendEscape(std::string_view in, std::string& out) {
  const int high = in.size() >= 3 ? HexValue(in[1]) : -1;
  const int low = in.size() >= 3 ? HexValue(in[2]) : -1;
  if (high < 0 || low < 0) {
    AppendEncoded('%', out);
    return 1;
  }
  const auto c = static_cast<unsigned char>(high * 16 + low);
  if (DecodesToLiteral(c)) {
    out += static_cast<char>(c);
  } else {
    AppendEncoded(c, out);
  }
  return 3;
}

std::string Normalize(std::string_view in, Form form) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '%') {
      i += AppendEscape(in.substr(i), out);
      continue;
    }
    const bool wildcard = form == Form::kPattern && c == '*';
    if (!wildcard && (MustEncode(c) || c == '*' || c == '$')) {
      AppendEncoded(c, out);
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

// Glob match of `pattern` ("*" = any octets) against a prefix of `path`, or
// all of it when `anchored`. Each piece between stars is taken at its
// leftmost occurrence: a later occurrence could only leave less room for
// the pieces after it, so no backtracking is ever needed.
bool GlobMatches(std::string_view pattern, std::string_view path, bool anchored) {
  std::size_t star = pattern.find('*');
  if (star == std::string_view::npos) {
    return anchored ? path == pattern : path.starts_with(pattern);
  }
  if (!path.starts_with(pattern.substr(0, star))) return false;
  std::size_t pos = star;
  pattern.remove_prefix(star + 1);
  while ((star = pattern.find('*')) != std::string_view::npos) {
    const std::size_t found = path.find(pattern.substr(0, star), pos);
    if (found == std::string_view::npos) return false;
    pos = found + star;
    pattern.remove_prefix(star + 1);
  }
  if (!anchored) return path.find(pattern, pos) != std::string_view::npos;
  return path.size() - pos >= pattern.size() && path.ends_with(pattern);
}

}  // namespace

std::string NormalizeRobotsPath(std::string_view path_and_query) {
  path_and_query = path_and_query.substr(0, path_and_query.find('#'));
  std::string path = Normalize(path_and_query, Form::kPath);
  if (!path.starts_with('/')) path.insert(path.begin(), '/');
  return path;
}

RobotsPattern::RobotsPattern(std::string_view value) {
  if (value.ends_with('$')) {
    anchored_ = true;
    value.remove_suffix(1);
  }
  pattern_ = Normalize(value, Form::kPattern);
  if (!pattern_.empty() && pattern_.front() != '/' && pattern_.front() != '*') {
    pattern_.insert(pattern_.begin(), '/');
  }
}

bool RobotsPattern::Matches(std::string_view normalized_path) const {
  return GlobMatches(pattern_, normalized_path, anchored_);
}

}  // namespace jobcrawler::crawler
