#include "parsers/match/matcher.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/match/gazetteer.h"
#include "parsers/match/region.h"

namespace jobcrawler::parsers {
namespace {

constexpr int kPostalCodeDigits = 5;

std::vector<TitlePattern> ParsePatterns(const std::vector<std::string>& texts) {
  std::vector<TitlePattern> patterns;
  for (const std::string& text : texts) {
    std::optional<TitlePattern> pattern = TitlePattern::Parse(text);
    if (pattern) patterns.push_back(std::move(*pattern));
  }
  return patterns;
}

bool AnyMatches(const std::vector<TitlePattern>& patterns,
                const std::vector<std::string_view>& words) {
  for (const TitlePattern& pattern : patterns) {
    if (pattern.Matches(words)) return true;
  }
  return false;
}

// Reads exactly five ASCII digits.
bool ParseFiveDigits(std::string_view text, int* out) {
  if (text.size() != kPostalCodeDigits) return false;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

const GazetteerTown* FindCenter(std::string_view center) {
  const GazetteerTown* town = FindTownByName(FoldForMatching(center));
  if (town != nullptr) return town;
  for (const GazetteerTown& candidate : GazetteerTowns()) {
    if (candidate.name == center) return &candidate;
  }
  return nullptr;
}

// A two-letter country code other than Germany rules a posting out: the
// postal ranges and the gazetteer are German.
bool IsForeign(std::string_view country) {
  const std::string folded = FoldForMatching(country);
  return folded.size() == 2 && folded != "de";
}

}  // namespace

bool ParsePostalCodeRange(std::string_view text, PostalCodeRange* out) {
  const std::string_view trimmed = Trim(text);
  const size_t dash = trimmed.find('-');
  PostalCodeRange range;
  if (dash == std::string_view::npos) {
    if (!ParseFiveDigits(trimmed, &range.first)) return false;
    range.last = range.first;
  } else if (!ParseFiveDigits(Trim(trimmed.substr(0, dash)), &range.first) ||
             !ParseFiveDigits(Trim(trimmed.substr(dash + 1)), &range.last) ||
             range.first > range.last) {
    return false;
  }
  *out = range;
  return true;
}

bool IsKnownCenter(std::string_view center) {
  return FindCenter(center) != nullptr;
}

Matcher::Matcher(MatchRules rules)
    : rules_(std::move(rules)),
      titles_(ParsePatterns(rules_.titles)),
      excludes_(ParsePatterns(rules_.exclude_titles)),
      center_(rules_.radius_km > 0 ? FindCenter(rules_.center) : nullptr) {
  for (const std::string& location : rules_.locations) {
    std::string folded = FoldForMatching(location);
    if (!folded.empty()) folded_locations_.push_back(std::move(folded));
  }
  for (const GazetteerDistrict& district : GazetteerDistricts()) {
    const std::string town = FoldForMatching(district.town);
    for (const std::string& location : folded_locations_) {
      if (location == town) district_keys_.emplace_back(district.key);
    }
  }
}

bool Matcher::TitleMatches(std::string_view title) const {
  const std::string folded = FoldForMatching(title);
  const std::vector<std::string_view> words = SplitFolded(folded);
  return AnyMatches(titles_, words) && !AnyMatches(excludes_, words);
}

bool Matcher::RegionMatches(const Posting& posting) const {
  if (PlaceMatches(posting.postal_code, posting.locality, posting.country)) return true;
  for (const PostingPlace& place : posting.other_places) {
    if (PlaceMatches(place.postal_code, place.locality, place.country)) return true;
  }
  return false;
}

bool Matcher::PlaceMatches(std::string_view postal_code, std::string_view locality_text,
                           std::string_view country) const {
  if (IsForeign(country)) return false;
  if (const std::optional<int> code = PostalCodeOf(postal_code, locality_text)) {
    for (const PostalCodeRange& range : rules_.postal_codes) {
      if (*code >= range.first && *code <= range.last) return true;
    }
    const GazetteerTown* town = FindTownByPostalCode(*code);
    return town != nullptr && WithinRadius(*town);
  }
  const std::string locality = FoldForMatching(locality_text);
  if (LocalityMatches(locality)) return true;
  for (const GazetteerTown* town : FindTownsInLocality(locality)) {
    if (WithinRadius(*town)) return true;
  }
  return false;
}

MatchResult Matcher::Match(const Posting& posting) const {
  return {TitleMatches(posting.title), RegionMatches(posting)};
}

bool Matcher::LocalityMatches(std::string_view folded_locality) const {
  for (const std::string& location : folded_locations_) {
    if (LocalityNames(folded_locality, location)) return true;
  }
  // A district given on its own: "Hohenlimburg" is part of Hagen.
  for (const std::string& district : district_keys_) {
    if (LocalityStartsWith(folded_locality, district)) return true;
  }
  return false;
}

bool Matcher::WithinRadius(const GazetteerTown& town) const {
  return center_ != nullptr && DistanceKm(*center_, town) <= rules_.radius_km;
}

}  // namespace jobcrawler::parsers
