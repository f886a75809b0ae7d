// Region helpers shared by the Matcher and the gazetteer: how a locality
// names a place, and where a posting's postal code is.
//
// Localities are folded first (FoldForMatching). Pure functions.
#ifndef JOBCRAWLER_PARSERS_MATCH_REGION_H_
#define JOBCRAWLER_PARSERS_MATCH_REGION_H_

#include <optional>
#include <string_view>

#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

// True when the words of `folded_place` occur in `folded_locality` as whole
// words (at the start or after a space, which is where "-", "(" and "," went)
// and are not followed by a word that makes it a different town of the same
// name: "hagen im bremischen", "hagen a t w" (am Teutoburger Wald),
// "hagen bei ...", nor preceded by "bei"/"nahe"/"near" ("gevelsberg bei
// hagen" is Gevelsberg). So "hagen", "hagen haspe", "hagen westf",
// "58135 hagen" and "fernuniversitaet in hagen" name "hagen"; "kopenhagen",
// "hagenow" do not.
bool LocalityNames(std::string_view folded_locality,
                   std::string_view folded_place);

// True when `folded_locality` begins with the words of `folded_prefix`
// followed by nothing or by a word that is no different-town qualifier.
bool LocalityStartsWith(std::string_view folded_locality,
                        std::string_view folded_prefix);

// The posting's German postal code: the digits of `postal_code` when they are
// exactly five ("58095", "D-58095"), else a lone five-digit word in the
// locality ("58095 Hagen") when `postal_code` is empty. nullopt otherwise.
std::optional<int> PostalCodeOf(const Posting& posting);

// The same for one place given by its postal code and locality.
std::optional<int> PostalCodeOf(std::string_view postal_code, std::string_view locality);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_MATCH_REGION_H_
