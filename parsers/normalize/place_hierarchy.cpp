// ReadPlaceHierarchy (see place_tables.h): the location strings of
// applicant-tracking systems, parts joined by a spaced dash from the outside
// in ("AMER - Canada - Quebec - Montreal - 10 Rue Duke", "EMEA - Germany -
// Hagen", "DEU - NW - Hagen") or, less often, from the inside out
// ("Hagen - Deutschland").
//
// Our choices: a list counts as such only when one part is a country, so
// "Hagen - Haspe" stays one locality; macro regions before the country
// ("AMER", "EMEA", "APAC") are dropped; a part with digits is a street and
// dropped unless it holds a postal code with a town ("58095 Hagen"); of the
// parts left, the innermost is the locality and the outermost, when there
// are two or more, the region (a German state by its full name).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/place_tables.h"

namespace jobcrawler::parsers::internal {
namespace {

// Long lists are prose, not a location.
constexpr std::size_t kMaxHierarchyParts = 8;

constexpr std::string_view kDashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};

// Splits at the first dash of kDashes found at each step.
std::vector<std::string_view> SplitAtDashes(std::string_view text) {
  std::vector<std::string_view> parts;
  while (parts.size() <= kMaxHierarchyParts) {
    std::size_t at = std::string_view::npos;
    std::size_t length = 0;
    for (std::string_view dash : kDashes) {
      const std::size_t found = text.find(dash);
      if (found < at) {
        at = found;
        length = dash.size();
      }
    }
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + length);
  }
  return parts;
}

bool IsMacroRegion(std::string_view key) {
  for (std::string_view word : {"amer", "americas", "emea", "apac", "apj", "latam", "dach",
                                "europe", "europa", "asiapacific", "northamerica", "nordics"}) {
    if (key == word) return true;
  }
  return false;
}

bool HasDigit(std::string_view text) {
  return text.find_first_of("0123456789") != std::string_view::npos;
}

struct Inner {
  std::string locality;
  std::string postal_code;
  std::string region;
};

void AddName(std::vector<std::string>& names, std::string name) {
  for (const std::string& known : names) {
    if (LookupKey(known) == LookupKey(name)) return;
  }
  names.push_back(std::move(name));
}

// The place parts other than the country, innermost first.
Inner ReadInner(const std::vector<std::string_view>& inner_first) {
  std::vector<std::string> names;
  Inner out;
  for (std::string_view part : inner_first) {
    if (!HasDigit(part)) {
      AddName(names, std::string(part));
      continue;
    }
    Place place = ParsePlace(part);  // no spaced dash left: no recursion
    if (place.postal_code.empty() || place.locality.empty()) continue;  // a street
    if (names.empty()) {
      out.postal_code = std::move(place.postal_code);
      AddName(names, std::move(place.locality));
    }
  }
  if (names.empty()) return out;
  out.locality = names.front();
  if (names.size() >= 2) out.region = names.back();
  // A lone German state is a region, not a town.
  if (const std::string_view state = RegionFromKey(LookupKey(out.locality));
      !state.empty() && names.size() == 1) {
    out.region = std::string(state);
    out.locality.clear();
  }
  if (const std::string_view state = RegionFromKey(LookupKey(out.region)); !state.empty()) {
    out.region = std::string(state);
  }
  return out;
}

}  // namespace

bool ReadPlaceHierarchy(std::string_view text, Place* out) {
  const std::vector<std::string_view> parts = SplitAtDashes(text);
  if (parts.size() < 2 || parts.size() > kMaxHierarchyParts) return false;
  std::size_t country_at = parts.size();
  std::string_view country;
  for (std::size_t i = 0; i < parts.size() && country_at == parts.size(); ++i) {
    country = CountryFromKey(LookupKey(parts[i]));
    if (!country.empty()) country_at = i;
  }
  if (country_at == parts.size()) return false;
  std::vector<std::string_view> inner_first;
  if (country_at + 1 == parts.size()) {
    for (std::size_t i = 0; i < country_at; ++i) {
      if (!IsMacroRegion(LookupKey(parts[i]))) inner_first.push_back(parts[i]);
    }
  } else {
    for (std::size_t i = parts.size(); i > country_at + 1; --i) inner_first.push_back(parts[i - 1]);
  }
  const Inner inner = ReadInner(inner_first);
  out->locality = inner.locality;
  out->postal_code = inner.postal_code;
  out->region = inner.region;
  out->country = std::string(country);
  return true;
}

}  // namespace jobcrawler::parsers::internal
