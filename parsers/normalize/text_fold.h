// Internal helpers shared by the normalisers (salary.cpp, dates.cpp,
// place.cpp, employment.cpp, normalize.cpp). Not part of the public API of
// jobcrawler::parsers: only parsers/*.cpp include this header.
#ifndef JOBCRAWLER_PARSERS_NORMALIZE_TEXT_FOLD_H_
#define JOBCRAWLER_PARSERS_NORMALIZE_TEXT_FOLD_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers::internal {

// Folds text for keyword matching, never for display:
//  - lower case (Unicode case folding via utf8proc, so "ẞ"/"ß" -> "ss"),
//  - German umlauts transliterated ("ä" -> "ae", also the decomposed form
//    "a\u0308"), so "März" and "Maerz" both fold to "maerz",
//  - other diacritics stripped ("é" -> "e"), compatibility forms unified,
//  - every Unicode space, control character and invalid UTF-8 byte -> ' ',
//  - dashes (‐ ‑ ‒ – — ― −) -> '-', typographic apostrophes -> '\''.
// Other characters ("€", "$", punctuation) are kept as UTF-8.
std::string FoldForMatching(std::string_view text);

enum class TokenKind { kWord, kNumber, kSymbol };

// A token of folded text: a run of ASCII letters (kWord), a run of ASCII
// digits (kNumber) or one other code point (kSymbol). Views point into the
// string given to Tokenize, which must outlive them.
struct Token {
  TokenKind kind;
  std::string_view text;
  bool space_before;   // true when whitespace (or the start) precedes it
  std::size_t offset;  // byte offset into the tokenized string
};

// Splits folded text (see FoldForMatching) into tokens; spaces are dropped.
std::vector<Token> Tokenize(std::string_view folded);

// Removes ASCII spaces at both ends.
std::string_view TrimSpaces(std::string_view text);

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) {
  return IsAsciiLower(c) || (c >= 'A' && c <= 'Z');
}

// True when `token` is a kWord/kSymbol/kNumber equal to `text`.
inline bool Is(const Token& token, std::string_view text) {
  return token.text == text;
}

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_NORMALIZE_TEXT_FOLD_H_
