// Text-level URL helpers behind crawler/url.cpp (see url_text.h).
#include "crawler/url_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <utility>

namespace jobcrawler::crawler::url_text {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

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

bool IsUnreserved(int byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~';
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

}  // namespace

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

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

}  // namespace jobcrawler::crawler::url_text
