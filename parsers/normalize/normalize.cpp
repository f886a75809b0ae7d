// CollapseWhitespace and NormalizeCountry (see normalize.h). The other
// normalisers live in salary*.cpp, dates.cpp, place.cpp and employment.cpp.
#include "parsers/normalize/normalize.h"

#include <cstddef>
#include <string>
#include <string_view>

#include "parsers/normalize/place_tables.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

// Country fields are a word or three; longer text is not a country.
constexpr std::size_t kMaxCountryTextBytes = 256;

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// Byte length of the Unicode space starting at text[i], or 0. Covers NEL,
// NBSP, OGHAM SPACE, U+2000..U+200A, LINE/PARAGRAPH SEPARATOR, NARROW NBSP,
// MEDIUM MATHEMATICAL SPACE and IDEOGRAPHIC SPACE. Zero-width characters are
// not spaces.
std::size_t UnicodeSpaceLength(std::string_view text, std::size_t i) {
  // Past the end reads as 0xFF, which matches no byte checked below.
  const auto byte = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k])
                               : 0xFFu;
  };
  const unsigned b0 = byte(0);
  const unsigned b1 = byte(1);
  const unsigned b2 = byte(2);
  if (b0 == 0xC2 && (b1 == 0x85 || b1 == 0xA0)) return 2;
  if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return 3;
  if (b0 == 0xE2 && b1 == 0x80 &&
      ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))
    return 3;
  if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;
  return 0;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t space = IsAsciiSpace(static_cast<unsigned char>(text[i]))
                            ? 1
                            : UnicodeSpaceLength(text, i);
    if (space > 0) {
      pending_space = !out.empty();
      i += space;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string NormalizeCountry(std::string_view text) {
  if (text.size() > kMaxCountryTextBytes) return "";
  const std::string key = internal::LookupKey(text);
  if (const std::string_view code = internal::CountryFromKey(key);
      !code.empty())
    return std::string(code);
  const std::string trimmed = CollapseWhitespace(text);
  if (trimmed.size() == 2 && internal::IsAsciiAlpha(trimmed[0]) &&
      internal::IsAsciiAlpha(trimmed[1])) {
    std::string upper = trimmed;
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return upper;
  }
  return "";
}

}  // namespace jobcrawler::parsers
