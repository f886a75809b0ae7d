// Decides whether a posting is an IT-leadership job in the configured region.
//
// Matching works on folded text (Unicode case folding, umlauts and ß mapped to
// their ASCII spellings, gender tags such as "(m/w/d)" removed, punctuation to
// spaces) so that "IT-Leiter (m/w/d)", "Leiter IT" and "LEITER DER IT" meet.
// A Matcher is immutable after construction and safe to share between threads.
//
// Title patterns (MatchRules::titles and exclude_titles) are folded like
// titles and matched word by word, in order:
//   - words are adjacent unless separated by "...", which allows up to
//     kMaxGapWords (3) other words in between: "leiter ... it" meets
//     "Leiter IT", "Leiter der IT", "Leiter Organisation und IT";
//   - "*" inside a word matches any letters, for compounds: "*leiter*" meets
//     "Abteilungsleiter" and "Bereichsleiterin";
//   - "|" separates alternatives for one word: "it|edv *leiter*".
// A title matches when some `titles` pattern matches it and no
// `exclude_titles` pattern does. The shipped lists (DefaultTitles,
// DefaultExcludeTitles) encode these choices: deputies ("Stellvertretender
// IT-Leiter"), team and unit leads inside IT ("Teamleiter IT-Infrastruktur",
// "Leiter IT-Sicherheit"), compounds and abbreviations ("Rechenzentrumsleiter",
// "RZ-Leiter", "Leiter ITK", "Leiter IuK") and the bare "IT-Manager" (in
// German SMEs the IT lead) match; CISOs and information-security heads, IT
// project leads, "IT Service/Security/... Manager" specialists, CTOs/CDOs,
// leads of functions that sell, presell, buy, market, support customers,
// recruit, train, audit, control or check compliance for IT, the office of an
// IT department, teachers of the subject Informatik, branch managers of IT
// firms, students, trainees and assistants do not; nor does a leadership word
// inside a name ("CIO-Magazin", "CIO-Summit", "Art Director").
//
// Region: a posting with a German postal code is judged by it alone (the
// code is more precise than a town name): inside a configured range, or with
// radius_km > 0 a gazetteer town within radius_km of `center`. Without a
// postal code the locality must name a configured location as whole words
// (see LocalityNames in parsers/region.h: "Hagen-Haspe" yes, "Kopenhagen",
// "Hagen im Bremischen" no), or start with a gazetteer district of one
// ("Hohenlimburg"), or with radius_km > 0 name a gazetteer town within the
// radius. A two-letter country other than "DE" never matches. A posting that
// names several places (Posting::other_places) is in the region when any of
// them is.
#ifndef JOBCRAWLER_PARSERS_MATCH_MATCHER_H_
#define JOBCRAWLER_PARSERS_MATCH_MATCHER_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"
#include "parsers/match/title_pattern.h"

namespace jobcrawler::parsers {

struct GazetteerTown;  // parsers/gazetteer.h

struct PostalCodeRange {
  int first = 0;  // inclusive
  int last = 0;   // inclusive
};

// The [match] section of the config. Defaults are the shipped defaults.
struct MatchRules {
  std::vector<std::string> titles = DefaultTitles();
  std::vector<std::string> exclude_titles = DefaultExcludeTitles();
  std::vector<std::string> locations = {"Hagen"};
  std::vector<PostalCodeRange> postal_codes = {{58089, 58135}};
  // 0 disables the radius rule. Otherwise postings in gazetteer towns (see
  // parsers/gazetteer.h) within radius_km of `center` also match. A center
  // the gazetteer does not know disables the rule (see IsKnownCenter).
  double radius_km = 0;
  std::string center = "Hagen";

  static std::vector<std::string> DefaultTitles();
  static std::vector<std::string> DefaultExcludeTitles();
};

// Parses "58089-58135" or "58095". Returns false on anything else.
bool ParsePostalCodeRange(std::string_view text, PostalCodeRange* out);

// True when the gazetteer knows `center` ("Hagen", "Wetter (Ruhr)"), so a
// config loader can reject a radius around an unknown town.
bool IsKnownCenter(std::string_view center);

struct MatchResult {
  bool title = false;
  bool region = false;
  bool matched() const { return title && region; }
};

class Matcher {
 public:
  explicit Matcher(MatchRules rules);

  bool TitleMatches(std::string_view title) const;
  bool RegionMatches(const Posting& posting) const;
  MatchResult Match(const Posting& posting) const;

 private:
  bool PlaceMatches(std::string_view postal_code, std::string_view locality,
                    std::string_view country) const;
  bool LocalityMatches(std::string_view folded_locality) const;
  bool WithinRadius(const GazetteerTown& town) const;

  MatchRules rules_;
  std::vector<TitlePattern> titles_;
  std::vector<TitlePattern> excludes_;
  std::vector<std::string> folded_locations_;
  std::vector<std::string> district_keys_;  // districts of folded_locations_
  const GazetteerTown* center_ = nullptr;  // null: no radius rule
};

// Folds text for matching: NFKC, case fold, ä->ae ö->oe ü->ue ß->ss, gender
// tags removed, every run of non-alphanumerics to one space, trimmed.
std::string FoldForMatching(std::string_view text);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_MATCH_MATCHER_H_
