#include "parsers/normalize/text_fold.h"

#include <utf8proc.h>

namespace jobcrawler::parsers::internal {
namespace {

// utf8proc never decomposes one code point into more than a handful; a
// larger answer means "skip this code point".
constexpr utf8proc_ssize_t kMaxDecomposition = 18;

constexpr utf8proc_option_t kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                   UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);

constexpr utf8proc_int32_t kCombiningDiaeresis = 0x0308;

bool IsSpaceLike(utf8proc_int32_t cp) {
  if (cp <= 0x20 || cp == 0x7F) return true;  // ASCII controls and space
  if (cp >= 0x80 && cp < 0xA0) return true;   // C1 controls, NEL
  if (cp == 0x2028 || cp == 0x2029) return true;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool IsDash(utf8proc_int32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
         cp == 0xFE63 || cp == 0xFF0D;
}

bool IsApostrophe(utf8proc_int32_t cp) {
  return cp == 0x2018 || cp == 0x2019 || cp == 0x2032 || cp == 0x00B4 ||
         cp == 0x0060;
}

// Base letter of a lower- or upper-case German umlaut, or 0.
char UmlautBase(utf8proc_int32_t cp) {
  switch (cp) {
    case 0xE4:
    case 0xC4:
      return 'a';
    case 0xF6:
    case 0xD6:
      return 'o';
    case 0xFC:
    case 0xDC:
      return 'u';
    default:
      return 0;
  }
}

void AppendUtf8(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(cp, buffer);
  out.append(reinterpret_cast<const char*>(buffer),
             static_cast<std::size_t>(length));
}

void AppendSimple(std::string& out, utf8proc_int32_t cp) {
  if (IsSpaceLike(cp)) {
    out.push_back(' ');
  } else if (IsDash(cp)) {
    out.push_back('-');
  } else if (IsApostrophe(cp)) {
    out.push_back('\'');
  } else if (cp < 0x80) {
    const auto c = static_cast<char>(cp);
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  } else {
    AppendUtf8(out, cp);
  }
}

void AppendFolded(std::string& out, utf8proc_int32_t cp) {
  if (cp < 0x80) {
    AppendSimple(out, cp);
    return;
  }
  if (cp == kCombiningDiaeresis) {
    // "a\u0308" is a decomposed "ä": transliterate like the composed form.
    const char last = out.empty() ? '\0' : out.back();
    if (last == 'a' || last == 'o' || last == 'u') out.push_back('e');
    return;
  }
  if (const char base = UmlautBase(cp); base != 0) {
    out.push_back(base);
    out.push_back('e');
    return;
  }
  if (IsSpaceLike(cp) || IsDash(cp) || IsApostrophe(cp)) {
    AppendSimple(out, cp);
    return;
  }
  utf8proc_int32_t parts[kMaxDecomposition];
  int boundclass = 0;
  const utf8proc_ssize_t count = utf8proc_decompose_char(
      cp, parts, kMaxDecomposition, kFoldOptions, &boundclass);
  if (count < 0 || count > kMaxDecomposition) {
    out.push_back(' ');
    return;
  }
  for (utf8proc_ssize_t i = 0; i < count; ++i) AppendSimple(out, parts[i]);
}

std::size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string FoldForMatching(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const auto* cursor = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    if (*cursor < 0x80) {
      // ASCII, the bulk of most text, without a trip through utf8proc: the
      // same as AppendSimple, where only space and controls are space-like.
      const auto c = static_cast<char>(*cursor);
      if (*cursor <= 0x20 || *cursor == 0x7F) {
        out.push_back(' ');
      } else if (c == '`') {
        out.push_back('\'');
      } else {
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      }
      ++cursor;
      --left;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t used = utf8proc_iterate(cursor, left, &cp);
    if (used <= 0) {  // invalid byte: drop it as a separator
      out.push_back(' ');
      ++cursor;
      --left;
      continue;
    }
    cursor += used;
    left -= used;
    AppendFolded(out, cp);
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view folded) {
  std::vector<Token> tokens;
  bool space = true;
  std::size_t i = 0;
  while (i < folded.size()) {
    const char c = folded[i];
    if (c == ' ') {
      space = true;
      ++i;
      continue;
    }
    const std::size_t start = i;
    TokenKind kind = TokenKind::kSymbol;
    if (IsAsciiLower(c)) {
      kind = TokenKind::kWord;
      while (i < folded.size() && IsAsciiLower(folded[i])) ++i;
    } else if (IsAsciiDigit(c)) {
      kind = TokenKind::kNumber;
      while (i < folded.size() && IsAsciiDigit(folded[i])) ++i;
    } else {
      i += Utf8SequenceLength(static_cast<unsigned char>(c));
      if (i > folded.size()) i = folded.size();
    }
    tokens.push_back({kind, folded.substr(start, i - start), space, start});
    space = false;
  }
  return tokens;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace jobcrawler::parsers::internal
