// Decides whether a posting is an IT-leadership job in the configured region.
//
// Matching works on folded text (Unicode case folding, umlauts and ß mapped to
// their ASCII spellings, gender tags such as "(m/w/d)" removed, punctuation to
// spaces) so that "IT-Leiter (m/w/d)", "Leiter IT" and "LEITER DER IT" meet.
// A Matcher is immutable after construction and safe to share between threads.
#ifndef JOBCRAWLER_PARSERS_MATCHER_H_
#define JOBCRAWLER_PARSERS_MATCHER_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/posting.h"

namespace jobcrawler::parsers {

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

  static std::vector<std::string> DefaultTitles();
  static std::vector<std::string> DefaultExcludeTitles();
};

// Parses "58089-58135" or "58095". Returns false on anything else.
bool ParsePostalCodeRange(std::string_view text, PostalCodeRange* out);

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
  MatchRules rules_;
  std::vector<std::string> folded_titles_;
  std::vector<std::string> folded_excludes_;
  std::vector<std::string> folded_locations_;
};

// Folds text for matching: NFKC, case fold, ä->ae ö->oe ü->ue ß->ss, gender
// tags removed, every run of non-alphanumerics to one space, trimmed.
std::string FoldForMatching(std::string_view text);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_MATCHER_H_
