// Internal: country and German federal-state names and location lists,
// shared by NormalizeCountry and ParsePlace. Only parsers/normalize/*.cpp
// include this.
#ifndef JOBCRAWLER_PARSERS_NORMALIZE_PLACE_TABLES_H_
#define JOBCRAWLER_PARSERS_NORMALIZE_PLACE_TABLES_H_

#include <string>
#include <string_view>

#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers::internal {

// Lookup key: folded text (FoldForMatching) keeping ASCII letters only, so
// "Nordrhein-Westfalen", "nordrhein westfalen" and "NORDRHEIN-WESTFALEN."
// share the key "nordrheinwestfalen".
std::string LookupKey(std::string_view text);

// ISO 3166-1 alpha-2 code for a known country name or code, else "".
std::string_view CountryFromKey(std::string_view key);

// Full German name of a Bundesland ("Nordrhein-Westfalen") for its name in
// German or English, or its usual abbreviation ("NRW", "NW", "BY"), else "".
std::string_view RegionFromKey(std::string_view key);

// True for two-letter Bundesland abbreviations that are also ISO country
// codes ("BY" Belarus, "BE" Belgium, "TH" Thailand, ...).
bool IsAmbiguousRegionCode(std::string_view key);

// Reads an applicant-tracking system's location list ("AMER - Canada -
// Quebec - Montreal - 10 Rue Duke") into `out` (see place_hierarchy.cpp).
// False, and `out` untouched, when `text` is no such list.
bool ReadPlaceHierarchy(std::string_view text, Place* out);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_NORMALIZE_PLACE_TABLES_H_
