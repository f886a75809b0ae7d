#include "parsers/normalize/salary_lexer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <system_error>

#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers::internal {
namespace {

// Longest digit-and-separator run read as one number ("1.234.567.890,12"
// has 16); longer runs are ids or garbage.
constexpr std::size_t kMaxNumberChars = 32;

std::optional<double> ToDouble(std::string_view text) {
  double value = 0.0;
  const auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size())
    return std::nullopt;
  return value;
}

bool IsGroupingOnly(char c) { return c == '\'' || c == ' '; }

// Index in `seps` of the decimal separator, -1 when there is none, or -2
// when the separators cannot form a number. See the heuristic in salary.cpp.
int DecimalIndex(const std::vector<std::string_view>& groups,
                 std::string_view seps) {
  const char last = seps.back();
  if (IsGroupingOnly(last)) return -1;
  const char other = last == '.' ? ',' : '.';
  const auto count_last = std::count(seps.begin(), seps.end(), last);
  const bool mixed = seps.find(other) != std::string_view::npos ||
                     seps.find('\'') != std::string_view::npos ||
                     seps.find(' ') != std::string_view::npos;
  const int last_index = static_cast<int>(seps.size()) - 1;
  if (mixed) return count_last == 1 ? last_index : -2;
  if (count_last > 1) return -1;
  const bool thousands_shape = groups.back().size() == 3 &&
                               groups.front().size() <= 3 &&
                               groups.front() != "0";
  return thousands_shape ? -1 : last_index;
}

// Parses digits separated by '.', ',', '\'' or ' ' (no leading/trailing
// separator). nullopt when the grouping is impossible.
std::optional<double> ParseGroupedNumber(std::string_view text) {
  if (text.size() > kMaxNumberChars) return std::nullopt;
  std::vector<std::string_view> groups;
  std::string seps;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (IsAsciiDigit(text[i])) continue;
    groups.push_back(text.substr(start, i - start));
    seps.push_back(text[i]);
    start = i + 1;
  }
  groups.push_back(text.substr(start));
  if (seps.empty()) return ToDouble(text);
  const int decimal = DecimalIndex(groups, seps);
  if (decimal == -2) return std::nullopt;
  char grouping = 0;
  std::string canonical(groups.front());
  for (std::size_t k = 0; k < seps.size(); ++k) {
    if (static_cast<int>(k) == decimal) {
      canonical.push_back('.');
    } else {
      if (grouping == 0) grouping = seps[k];
      if (seps[k] != grouping || groups[k + 1].size() != 3 ||
          groups.front().size() > 3)
        return std::nullopt;
    }
    canonical.append(groups[k + 1]);
  }
  return ToDouble(canonical);
}

bool ThreeDigitsAt(std::string_view s, std::size_t i) {
  return i + 3 <= s.size() && IsAsciiDigit(s[i]) && IsAsciiDigit(s[i + 1]) &&
         IsAsciiDigit(s[i + 2]) &&
         (i + 3 == s.size() || !IsAsciiDigit(s[i + 3]));
}

// End of the digit/separator run starting at `pos`.
std::size_t ScanNumber(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  std::size_t group_length = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsAsciiDigit(c)) {
      ++group_length;
      ++i;
    } else if ((c == '.' || c == ',' || c == '\'') && i + 1 < s.size() &&
               IsAsciiDigit(s[i + 1])) {
      group_length = 0;
      ++i;
    } else if (c == ' ' && group_length <= 3 && ThreeDigitsAt(s, i + 1)) {
      group_length = 0;
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Skips ",-", ".-", ",--" ("no cents") after a number.
std::size_t SkipNoCents(std::string_view s, std::size_t i) {
  if (i + 1 < s.size() && (s[i] == ',' || s[i] == '.') && s[i + 1] == '-' &&
      !(i + 2 < s.size() && IsAsciiDigit(s[i + 2]))) {
    i += 2;
    if (i < s.size() && s[i] == '-') ++i;
  }
  return i;
}

struct Suffix {
  std::string_view word;
  double multiplier;
  std::string_view currency;
  bool needs_attached;  // only directly after the digits ("1.5m")
};

constexpr std::array kSuffixes = {
    Suffix{"k", 1e3, "", false},         Suffix{"tsd", 1e3, "", false},
    Suffix{"tausend", 1e3, "", false},   Suffix{"teur", 1e3, "EUR", false},
    Suffix{"keur", 1e3, "EUR", false},   Suffix{"mio", 1e6, "", false},
    Suffix{"mill", 1e6, "", false},      Suffix{"million", 1e6, "", false},
    Suffix{"millionen", 1e6, "", false}, Suffix{"millions", 1e6, "", false},
    Suffix{"m", 1e6, "", true},
};

// Applies a multiplier word after the number; returns the new end.
std::size_t ApplySuffix(std::string_view s, std::size_t i, AmountLexeme& out) {
  std::size_t j = i;
  const bool spaced = j < s.size() && s[j] == ' ';
  if (spaced) ++j;
  std::size_t k = j;
  while (k < s.size() && IsAsciiLower(s[k])) ++k;
  const std::string_view word = s.substr(j, k - j);
  // "85 T€": a lone "t" right before the euro sign means thousand.
  if (word == "t" && s.substr(k).starts_with("€")) {
    out.multiplier = 1e3;
    return k;
  }
  for (const Suffix& suffix : kSuffixes) {
    if (word != suffix.word || (suffix.needs_attached && spaced)) continue;
    out.multiplier = suffix.multiplier;
    out.currency = std::string(suffix.currency);
    if (k < s.size() && s[k] == '.' && word.size() >= 3) ++k;  // "Mio."
    return k;
  }
  return i;
}

}  // namespace

std::optional<AmountLexeme> LexAmount(std::string_view folded, std::size_t pos,
                                      std::size_t& end) {
  const std::size_t number_end = ScanNumber(folded, pos);
  end = number_end;
  const std::optional<double> number =
      ParseGroupedNumber(folded.substr(pos, number_end - pos));
  if (!number) return std::nullopt;
  AmountLexeme lexeme;
  end = ApplySuffix(folded, SkipNoCents(folded, number_end), lexeme);
  lexeme.value = *number * lexeme.multiplier;
  return lexeme;
}

}  // namespace jobcrawler::parsers::internal
