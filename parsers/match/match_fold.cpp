// FoldForMatching (parsers/matcher.h): the one text normalisation every match
// rule works on. (parsers/text_fold.h is the normalisers' own, different fold.)
//
// Steps, in order (each needs what the one before left):
//   1. invalid UTF-8 bytes become spaces (malformed input is normal input);
//   2. NFKC, so decomposed "a" + U+0308 meets precomposed "ä";
//   3. Binnen-I ("LeiterIn") is removed while case is still visible;
//   4. NFKC + Unicode case folding (ß -> ss comes from the full fold);
//   5. ä/ö/ü -> ae/oe/ue, other marks stripped ("é" -> "e"), non-ASCII
//      non-alphanumerics to spaces; ASCII punctuation kept for step 6;
//   6. gender tags removed: bracketed groups made only of gender words,
//      "*in", ":in", "_in", "/in", "/-in", "(in)" and their "-innen" plurals;
//   7. every run of non-alphanumerics to one space, then runs of bare gender
//      letters ("m w d" from an unbracketed "m/w/d") and "mwd"-style tokens
//      dropped.
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/match/matcher.h"

namespace jobcrawler::parsers {
namespace {

// Runs utf8proc_map; the input is valid UTF-8 by construction (step 1).
std::string Utf8procMap(const std::string& text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()),
      static_cast<utf8proc_ssize_t>(text.size()), &out,
      static_cast<utf8proc_option_t>(options));
  if (n < 0) return text;  // cannot happen on valid UTF-8; keep the text
  std::string result(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(n));
  std::free(out);
  return result;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0 || cp == 0) {
      out.push_back(' ');
      len = 1;
    } else {
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
    }
    p += len;
    left -= len;
  }
  return out;
}

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsLower(c) || (c >= 'A' && c <= 'Z'); }
bool IsWordByte(char c) {
  return IsLetter(c) || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// True when text[pos...] is "in" or "innen" ("In"/"Innen" when `capital_i`)
// followed by a non-letter or the end; sets *len to the length matched.
bool GenderEndingAt(std::string_view text, size_t pos, bool capital_i,
                    size_t* len) {
  const std::string_view in = capital_i ? "In" : "in";
  if (text.substr(pos, 2) != in) return false;
  size_t end = pos + 2;
  if (text.substr(end, 3) == "nen") end += 3;
  if (end < text.size() && IsWordByte(text[end])) return false;
  *len = end - pos;
  return true;
}

// Step 3: "LeiterIn", "MitarbeiterInnen" -> "Leiter", "Mitarbeiter".
std::string RemoveBinnenI(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    size_t len = 0;
    if (i > 0 && IsLower(text[i - 1]) &&
        GenderEndingAt(text, i, /*capital_i=*/true, &len)) {
      i += len - 1;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

void AppendCodepoint(utf8proc_int32_t cp, std::string* out) {
  std::array<utf8proc_uint8_t, 4> buf{};
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf.data());
  out->append(reinterpret_cast<const char*>(buf.data()),
              static_cast<size_t>(n));
}

bool IsAlnumCategory(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// Appends a non-ASCII letter without its marks ("é" -> "e").
void AppendStripped(utf8proc_int32_t cp, std::string* out) {
  // No code point decomposes into more; a larger answer keeps it as is.
  std::array<utf8proc_int32_t, 18> parts{};
  int boundclass = 0;
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      cp, parts.data(), static_cast<utf8proc_ssize_t>(parts.size()),
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD | UTF8PROC_COMPAT),
      &boundclass);
  if (n <= 0 || n > static_cast<utf8proc_ssize_t>(parts.size())) {
    AppendCodepoint(cp, out);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < n; ++i) AppendCodepoint(parts[i], out);
}

// Step 5. Input is case-folded NFKC.
std::string MapLetters(std::string_view folded) {
  std::string out;
  out.reserve(folded.size() + 8);
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    p += len;
    left -= len;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp == 0xE4) {
      out += "ae";
    } else if (cp == 0xF6) {
      out += "oe";
    } else if (cp == 0xFC) {
      out += "ue";
    } else if (cp == 0xDF) {
      out += "ss";
    } else if (IsAlnumCategory(cp)) {
      AppendStripped(cp, &out);
    } else {
      out.push_back(' ');
    }
  }
  return out;
}

// Words that may make up a bracketed gender tag: "(m/w/d)", "(all genders)",
// "(alle Geschlechter)", "(gn)", "(w/m/x)", "(m/f/d)", "(d/m/w)".
bool IsGenderWord(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "m",   "w",      "d",       "f",       "x",      "i",
      "gn",  "all",    "alle",    "genders", "gender", "geschlechter",
      "mwd", "divers", "diverse", "inter"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (IsWordByte(c)) {
      current.push_back(c);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

bool IsGenderGroup(std::string_view inner) {
  const std::vector<std::string> words = SplitWords(inner);
  if (words.empty()) return false;
  for (const std::string& w : words) {
    if (!IsGenderWord(w)) return false;
  }
  return true;
}

// Step 6a: "(m/w/d)", "[w/m/d]", "(all genders)" -> " ".
std::string RemoveBracketedGenderTags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char open = text[i];
    if (open == '(' || open == '[') {
      const size_t close = text.find(open == '(' ? ')' : ']', i + 1);
      if (close != std::string_view::npos &&
          IsGenderGroup(text.substr(i + 1, close - i - 1))) {
        out.push_back(' ');
        i = close;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// Length of a gender suffix starting at text[pos] right after a letter:
// "*in", ":in", "_in", "/in", "/-in", "(in)", "(-in)", plurals "-innen".
size_t GenderSuffixLength(std::string_view text, size_t pos) {
  const char c = text[pos];
  const bool bracket = c == '(';
  if (c != '*' && c != ':' && c != '_' && c != '/' && !bracket) return 0;
  size_t at = pos + 1;
  if (at < text.size() && text[at] == '-') ++at;
  size_t len = 0;
  if (!GenderEndingAt(text, at, /*capital_i=*/false, &len)) return 0;
  at += len;
  if (bracket) {
    if (at >= text.size() || text[at] != ')') return 0;
    ++at;
  }
  return at - pos;
}

// Step 6b.
std::string RemoveGenderSuffixes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && IsLetter(text[i - 1])) {
      const size_t len = GenderSuffixLength(text, i);
      if (len > 0) {
        i += len - 1;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

bool IsGenderLetter(std::string_view w) {
  return w == "m" || w == "w" || w == "d" || w == "f" || w == "x";
}

// "mwd", "wmd", "mfd", "dmw": three distinct gender letters.
bool IsGenderAcronym(std::string_view w) {
  return w.size() == 3 && IsGenderLetter(w.substr(0, 1)) &&
         IsGenderLetter(w.substr(1, 1)) && IsGenderLetter(w.substr(2, 1)) &&
         w[0] != w[1] && w[1] != w[2] && w[0] != w[2];
}

bool IsAllGenders(std::string_view first, std::string_view second) {
  return (first == "all" && second == "genders") || (first == "alle" && second == "geschlechter");
}

// Step 7: drops unbracketed "m w d" runs (two or more gender letters),
// "mwd" words and "all genders" / "alle geschlechter". Words that meet only
// once others are gone count too ("c d wmd d" loses "wmd", then "d d"), so
// that folding a folded text changes nothing. One pass: `kept` never holds
// a droppable pattern, so only its last word can form one with the next.
std::vector<std::string> DropGenderWords(std::vector<std::string> words) {
  std::vector<std::string> kept;
  bool in_letter_run = false;  // the last words were a dropped letter run
  for (std::string& word : words) {
    if (IsGenderLetter(word)) {
      if (in_letter_run) continue;
      if (!kept.empty() && IsGenderLetter(kept.back())) {
        kept.pop_back();
        in_letter_run = true;
        continue;
      }
    } else {
      in_letter_run = false;
    }
    if (IsGenderAcronym(word)) continue;
    if (!kept.empty() && IsAllGenders(kept.back(), word)) {
      kept.pop_back();
      continue;
    }
    kept.push_back(std::move(word));
  }
  return kept;
}

}  // namespace

std::string FoldForMatching(std::string_view text) {
  const std::string valid = ReplaceInvalidUtf8(text);
  const int nfkc = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
  const std::string no_binnen_i = RemoveBinnenI(Utf8procMap(valid, nfkc));
  const std::string folded =
      MapLetters(Utf8procMap(no_binnen_i, nfkc | UTF8PROC_CASEFOLD));
  const std::string untagged =
      RemoveGenderSuffixes(RemoveBracketedGenderTags(folded));
  std::string out;
  for (const std::string& w : DropGenderWords(SplitWords(untagged))) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

}  // namespace jobcrawler::parsers
