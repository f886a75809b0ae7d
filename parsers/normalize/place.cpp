// ParsePlace (see normalize.h).
//
// The text is split into parts at ',', ';', '|' and '/'. Each part is a
// country, a German state, something to ignore ("Remote", "Westf.") or a
// locality, possibly with a postal code. Our choices:
//  - Parts are also split at a spaced " und ", " oder ", " and ", " or " and
//    " & " ("Hagen oder Dortmund"); every locality is a place (ParsePlaces).
//  - The first locality is the place ParsePlace returns ("Hagen / Dortmund"
//    -> "Hagen"), except that a later part with a postal code beats one
//    without; a lone postal code completes the locality before it.
//  - Without a postal code, parts holding digits are street addresses and
//    are skipped ("Musterstraße 1, Hagen" -> "Hagen").
//  - Postal codes: five digits for Germany; "D-58095"/"DE-58095" also set
//    country DE, "A-1010"/"AT-" and "CH-8001" (four digits) set AT/CH.
//  - "(Westf.)", "in Westfalen", "i. W." are dropped from the locality
//    without setting a region (Westfalen is a landscape, not a state);
//    "(NRW)" or "in NRW" set the region. Other parentheses stay
//    ("Frankfurt (Oder)").
//  - Two-letter state codes that are also country codes ("BY", "BE") are a
//    state unless they are the last part and nothing else says Germany.
//  - Text whose parts are joined by spaced dashes and name a country is an
//    applicant-tracking system's list (place_hierarchy.cpp).
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/place_tables.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

using internal::IsAsciiDigit;
using internal::LookupKey;

// Location fields are short; longer text is prose or hostile.
constexpr std::size_t kMaxPlaceTextBytes = 1024;

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '-' || s.front() == ':'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '-' || s.back() == ':'))
    s.remove_suffix(1);
  return s;
}

// Length of a spaced conjunction (" und ", " oder ", ...) at text[i], or 0.
std::size_t ConjunctionAt(std::string_view text, std::size_t i) {
  for (std::string_view word : {" und ", " oder ", " and ", " or ", " & "}) {
    if (text.substr(i, word.size()) == word) return word.size();
  }
  return 0;
}

std::vector<std::string_view> SplitParts(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  int depth = 0;  // no split inside "(Westf./NRW)"
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ',';
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    const std::size_t conjunction = depth == 0 && c == ' ' ? ConjunctionAt(text, i) : 0;
    const bool split =
        i == text.size() || conjunction > 0 ||
        (depth == 0 && (c == ',' || c == ';' || c == '|' || c == '/'));
    if (!split) continue;
    const std::string_view part = Trim(text.substr(start, i - start));
    if (!part.empty()) parts.push_back(part);
    if (conjunction > 0) i += conjunction - 1;
    start = i + 1;
  }
  return parts;
}

bool IsIgnorable(std::string_view key) {
  for (std::string_view word :
       {"remote", "homeoffice", "hybrid", "westf", "westfalen", "westphalia",
        "iw", "inwestfalen", "inwestf", "deutschlandweit", "bundesweit",
        "anywhere", "worldwide", "weltweit", "europe", "europa", "emea",
        "umgebung", "umland", "umkreis"}) {
    if (key == word) return true;
  }
  return false;
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (IsAsciiDigit(c)) return true;
  }
  return false;
}

bool AllDigits(std::string_view s, std::size_t count) {
  if (s.size() != count) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

bool IsCityState(std::string_view key) {
  return key == "berlin" || key == "hamburg" || key == "bremen";
}

struct Locality {
  std::string name;
  std::string postal_code;
  std::string region;
  std::string country;
};

// "58095", "D-58095", "DE-58095", "A-1010", "CH-8001": sets postal code
// (and country for prefixed forms). False when `word` is no postal code.
bool ReadPostalCode(std::string_view word, Locality& out) {
  if (AllDigits(word, 5)) {
    out.postal_code = std::string(word);
    return true;
  }
  const std::size_t dash = word.find('-');
  if (dash == std::string_view::npos) return false;
  const std::string prefix = LookupKey(word.substr(0, dash));
  const std::string_view digits = word.substr(dash + 1);
  std::string_view country;
  if ((prefix == "d" || prefix == "de") && AllDigits(digits, 5)) country = "DE";
  if ((prefix == "a" || prefix == "at") && AllDigits(digits, 4)) country = "AT";
  if (prefix == "ch" && AllDigits(digits, 4)) country = "CH";
  if (country.empty()) return false;
  out.postal_code = std::string(digits);
  out.country = std::string(country);
  return true;
}

// Reads a parenthesised note such as "Westf.", "NRW", "Westf./NRW" or "DE"
// into `out`. False (and `out` untouched) when some piece of it is not a
// region, country or ignorable word: then the note belongs to the name.
bool ReadAnnotation(std::string_view inner, Locality& out) {
  Locality found;
  bool any = false;
  for (std::string_view piece : SplitParts(inner)) {
    const std::string key = LookupKey(piece);
    if (const std::string_view r = internal::RegionFromKey(key); !r.empty()) {
      found.region = std::string(r);
    } else if (const std::string_view c = internal::CountryFromKey(key);
               !c.empty()) {
      found.country = std::string(c);
    } else if (!IsIgnorable(key) || HasDigit(piece)) {
      return false;
    }
    any = true;
  }
  if (!any) return false;
  if (!found.region.empty()) out.region = found.region;
  if (!found.country.empty()) out.country = found.country;
  return true;
}

// Handles "(…)": drops or records region/country; returns what stays.
std::string StripParentheses(std::string_view text, Locality& out) {
  std::string kept;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('(', i);
    const std::size_t close =
        open == std::string_view::npos ? open : text.find(')', open);
    if (close == std::string_view::npos) {
      kept.append(text.substr(i));
      break;
    }
    kept.append(text.substr(i, open - i));
    if (!ReadAnnotation(text.substr(open + 1, close - open - 1), out))
      kept.append(text.substr(open, close - open + 1));
    i = close + 1;
  }
  return kept;
}

bool IsWestphalia(std::string_view key) {
  return key == "westf" || key == "westfalen" || key == "westphalia";
}

// Drops trailing "in Westfalen", "Westf.", "i. W."; reads "in NRW"/"NRW".
std::string_view StripSuffix(std::string_view name, Locality& out) {
  while (true) {
    const std::size_t space = name.rfind(' ');
    if (space == std::string_view::npos) return name;
    std::string_view head = Trim(name.substr(0, space));
    const std::string key = LookupKey(name.substr(space + 1));
    const std::string_view region = internal::RegionFromKey(key);
    if (key == "w" && head.ends_with(" i.")) {
      head = Trim(head.substr(0, head.size() - 3));
    } else if (!region.empty() && (head.ends_with(" in") || key == "nrw")) {
      out.region = std::string(region);
    } else if (!IsWestphalia(key)) {
      return name;
    }
    if (head.ends_with(" in")) head = Trim(head.substr(0, head.size() - 3));
    name = head;
  }
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t end = std::min(s.find(' ', i), s.size());
    if (end > i) words.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// "D-58095 Hagen (Westf.)" -> name "Hagen", postal code "58095", country DE.
Locality ReadLocality(std::string_view part) {
  Locality out;
  const std::string stripped = StripParentheses(part, out);
  std::vector<std::string_view> words = SplitWords(stripped);
  if (!words.empty() && ReadPostalCode(words.front(), out)) {
    words.erase(words.begin());
  } else if (words.size() >= 2 && ReadPostalCode(words.back(), out)) {
    words.pop_back();
  } else if (words.size() >= 3 && LookupKey(words[0]) == "d" &&
             AllDigits(words[1], 5)) {
    out.postal_code = std::string(words[1]);
    out.country = "DE";
    words.erase(words.begin(), words.begin() + 2);
  }
  std::string name;
  for (std::string_view w : words) {
    if (!name.empty()) name.push_back(' ');
    name.append(w);
  }
  out.name = std::string(Trim(StripSuffix(name, out)));
  if (out.postal_code.empty() && HasDigit(out.name)) out.name.clear();
  // "Remote (DE)", "Nordrhein-Westfalen 50667": no locality in the name.
  const std::string key = LookupKey(out.name);
  if (IsIgnorable(key)) out.name.clear();
  if (const std::string_view r = internal::RegionFromKey(key);
      !r.empty() && !IsCityState(key)) {
    out.region = std::string(r);
    out.name.clear();
  }
  return out;
}

}  // namespace

namespace {

// True when some part says Germany: its name/code or a German postal code.
bool MentionsGermany(const std::vector<std::string_view>& parts) {
  for (std::string_view part : parts) {
    if (internal::CountryFromKey(LookupKey(part)) == "DE") return true;
    for (std::string_view word : SplitWords(part)) {
      Locality probe;
      if (ReadPostalCode(word, probe) && probe.postal_code.size() == 5)
        return true;
    }
  }
  return false;
}

// Collects the places of one location text; places[0] is ParsePlace's.
struct PlaceBuilder {
  std::vector<Place> places;
  bool first_has_postal_code = false;
  std::string region;   // named on its own, for every place without one
  std::string country;  // likewise

  void AddLocality(std::string_view part) {
    Locality loc = ReadLocality(part);
    if (loc.name.empty()) {
      if (loc.postal_code.empty()) {  // a street, or "Remote (DE)"
        if (region.empty()) region = loc.region;
        if (country.empty()) country = loc.country;
        return;
      }
      // A lone postal code ("Hagen, 58095") completes the locality before it.
      if (places.empty()) places.emplace_back();
      if (places.back().postal_code.empty()) places.back().postal_code = loc.postal_code;
      Fill(places.back(), loc);
      return;
    }
    for (Place& known : places) {
      if (LookupKey(known.locality) != LookupKey(loc.name)) continue;
      if (known.postal_code.empty()) known.postal_code = loc.postal_code;
      Fill(known, loc);
      return;
    }
    Place place{loc.name, loc.postal_code, loc.region, loc.country};
    const bool promote = !places.empty() && !first_has_postal_code && !loc.postal_code.empty() &&
                         !places.front().locality.empty();
    if (places.empty() || promote) {
      places.insert(places.begin(), std::move(place));
      first_has_postal_code = !loc.postal_code.empty();
    } else if (places.front().locality.empty()) {
      // A lone postal code came first: this is its locality.
      places.front().locality = place.locality;
      if (places.front().postal_code.empty()) places.front().postal_code = loc.postal_code;
      Fill(places.front(), loc);
      first_has_postal_code = !places.front().postal_code.empty();
    } else if (places.size() < kMaxParsedPlaces) {
      places.push_back(std::move(place));
    }
  }

  static void Fill(Place& place, const Locality& loc) {
    if (place.region.empty()) place.region = loc.region;
    if (place.country.empty()) place.country = loc.country;
  }

  std::vector<Place> Take() {
    if (places.empty() && (!region.empty() || !country.empty())) places.emplace_back();
    for (Place& place : places) {
      if (place.region.empty()) place.region = region;
      if (place.country.empty()) place.country = country;
    }
    return std::move(places);
  }
};

}  // namespace

std::vector<Place> ParsePlaces(std::string_view text) {
  if (text.size() > kMaxPlaceTextBytes) return {};
  const std::string clean = CollapseWhitespace(text);
  if (Place place; internal::ReadPlaceHierarchy(clean, &place)) return {place};
  const std::vector<std::string_view> parts = SplitParts(clean);
  const bool german = MentionsGermany(parts);
  PlaceBuilder builder;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    // "Germany (hybrid)" is a country: notes that say nothing else do not
    // make a part a locality.
    Locality notes;
    const std::string key = LookupKey(StripParentheses(parts[k], notes));
    const bool last = k + 1 == parts.size();
    const std::string_view region = internal::RegionFromKey(key);
    const std::string_view country = internal::CountryFromKey(key);
    if (HasDigit(parts[k])) {
      builder.AddLocality(parts[k]);
    } else if (key.empty() || IsIgnorable(key)) {
      if (builder.region.empty()) builder.region = notes.region;  // "Remote (NRW)"
      if (builder.country.empty()) builder.country = notes.country;
    } else if (IsCityState(key) && builder.places.empty()) {
      builder.AddLocality(parts[k]);
    } else if (!region.empty() &&
               !(internal::IsAmbiguousRegionCode(key) && last && !german)) {
      builder.region = std::string(region);
    } else if (!country.empty()) {
      builder.country = std::string(country);
    } else if (last && parts[k].size() == 2 && key.size() == 2) {
      builder.country = NormalizeCountry(parts[k]);
    } else {
      builder.AddLocality(parts[k]);
    }
  }
  return builder.Take();
}

Place ParsePlace(std::string_view text) {
  std::vector<Place> places = ParsePlaces(text);
  return places.empty() ? Place{} : std::move(places.front());
}

}  // namespace jobcrawler::parsers
