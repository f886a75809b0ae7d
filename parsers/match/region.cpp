#include "parsers/match/region.h"

#include <array>
#include <string_view>
#include <vector>

#include "parsers/match/title_pattern.h"

namespace jobcrawler::parsers {
namespace {

constexpr int kPostalCodeDigits = 5;

// A word after a place name that makes it another town of the same name:
// "Hagen im Bremischen", "Hagen a.T.W.", "Hagen bei X", or a state other than
// North Rhine-Westphalia ("Hagen, Niedersachsen").
bool IsOtherTownQualifier(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "im",          "am",          "an",       "a",       "bei",
      "b",           "ob",          "auf",      "vor",     "unter",
      "niedersachsen", "nds",       "bremen",   "holstein", "schleswig",
      "hessen",      "bayern",      "sachsen",  "thueringen", "brandenburg",
      "mecklenburg", "saarland"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

// A word before a place name that puts the posting elsewhere:
// "Gevelsberg (bei Hagen)", "Wetter nahe Hagen".
bool IsNearQualifier(std::string_view word) {
  return word == "bei" || word == "b" || word == "nahe" || word == "naehe" ||
         word == "near";
}

bool NamesAt(const std::vector<std::string_view>& locality,
             const std::vector<std::string_view>& place, size_t at) {
  if (place.empty() || at + place.size() > locality.size()) return false;
  if (at > 0 && IsNearQualifier(locality[at - 1])) return false;
  for (size_t i = 0; i < place.size(); ++i) {
    if (locality[at + i] != place[i]) return false;
  }
  const size_t next = at + place.size();
  return next == locality.size() || !IsOtherTownQualifier(locality[next]);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of a run of exactly five digits starting at text[at], bounded by
// non-digits; -1 when there is none there.
int FiveDigitsAt(std::string_view text, size_t at) {
  if (at > 0 && IsDigit(text[at - 1])) return -1;
  int value = 0;
  size_t i = at;
  for (; i < text.size() && IsDigit(text[i]); ++i) {
    value = value * 10 + (text[i] - '0');
    if (i - at + 1 > kPostalCodeDigits) return -1;
  }
  return i - at == kPostalCodeDigits ? value : -1;
}

bool IsBlankOrSeparator(char c) {
  return c == ' ' || c == '-' || c == '\t';
}

}  // namespace

bool LocalityNames(std::string_view folded_locality,
                   std::string_view folded_place) {
  const std::vector<std::string_view> locality = SplitFolded(folded_locality);
  const std::vector<std::string_view> place = SplitFolded(folded_place);
  for (size_t at = 0; at < locality.size(); ++at) {
    if (NamesAt(locality, place, at)) return true;
  }
  return false;
}

bool LocalityStartsWith(std::string_view folded_locality,
                        std::string_view folded_prefix) {
  return NamesAt(SplitFolded(folded_locality), SplitFolded(folded_prefix), 0);
}

std::optional<int> PostalCodeOf(const Posting& posting) {
  return PostalCodeOf(posting.postal_code, posting.locality);
}

std::optional<int> PostalCodeOf(std::string_view code, std::string_view locality) {
  if (!code.empty()) {
    // Accept "58095", " 58095 ", "D-58095", "DE 58095"; nothing else.
    size_t start = code.find_first_not_of(" \t");
    if (start == std::string_view::npos) return std::nullopt;
    if (code.substr(start, 2) == "DE") start += 2;
    else if (code.substr(start, 1) == "D") start += 1;
    while (start < code.size() && IsBlankOrSeparator(code[start])) ++start;
    const int value = FiveDigitsAt(code, start);
    const size_t rest = start + kPostalCodeDigits;
    if (value < 0 || code.find_first_not_of(" \t", rest) != std::string_view::npos) {
      return std::nullopt;
    }
    return value;
  }
  for (size_t at = 0; at < locality.size(); ++at) {
    const int value = FiveDigitsAt(locality, at);
    if (value >= 0) return value;
  }
  return std::nullopt;
}

}  // namespace jobcrawler::parsers
