// The place a job board appends to a title ("IT-Leiter (m/w/d) – Hagen",
// "... in Hagen", "... | Hagen", "... (Hagen)", "IT-Leiter (m/w/d) Hagen"),
// recognised so that the title key (storage/dedup.h) can leave it out.
// Private to storage/; pure functions, thread-safe.
//
// A wrong merge is worse than a missed one, so a place is cut only when all
// of these hold:
//  - it is the posting's own: its locality ("Hagen-Hohenlimburg", "Hagen
//    (Westf.)"), a hyphenated part of it ("Hohenlimburg"), its part before a
//    bracket or comma ("Hagen"), the one town the locality lies in
//    ("Hohenlimburg" is in Hagen), or the town of its postal code (58095:
//    Hagen); compared after FoldText;
//  - it ends the title, apart from gender tags and closing brackets;
//  - a separator comes before it: | , / : ; ( ) [ ] @ · • – — (a hyphen
//    only with a space beside it, so "IT-Hagen" has none), the word "in",
//    or a gender tag ("(m/w/d) Hagen"); "in", "Standort" and a postal code
//    may stand between separator and place ("– Standort 58095 Hagen");
//  - something else is left of the title.
#ifndef JOBCRAWLER_STORAGE_TITLE_PLACE_H_
#define JOBCRAWLER_STORAGE_TITLE_PLACE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"

namespace jobcrawler::storage {

// The posting's own place names as FoldText gives them, without a leading
// postal code; duplicates removed. Empty when the posting names no place.
std::vector<std::string> OwnPlaceNames(const parsers::Posting& posting);

// The length of the part of `title` before a trailing place named in
// `places` (see above), or title.size() when the title ends in no such place.
std::size_t TitleLengthWithoutPlace(std::string_view title, const std::vector<std::string>& places);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_TITLE_PLACE_H_
