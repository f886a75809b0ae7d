// Title patterns: the small language of the [match] titles and
// exclude_titles lists.
//
// A pattern is a sequence of words matched against the folded title's words
// (see FoldForMatching), in order:
//   - words are adjacent unless separated by "...", which allows up to
//     kMaxGapWords other words in between ("leiter ... it" meets "Leiter IT",
//     "Leiter der IT", "Leiter Organisation und IT");
//   - "*" inside a word matches any run of letters/digits, so "*leiter*"
//     meets "leiter", "abteilungsleiter", "bereichsleiterin";
//   - "|" separates alternatives for one word: "it|edv *leiter*".
// Pattern text is folded like titles, so "IT-Leiter" is the pattern "it leiter".
// Parsing never fails: an empty pattern is dropped, stray operators are
// treated as literal text after folding (and thus vanish).
#ifndef JOBCRAWLER_PARSERS_MATCH_TITLE_PATTERN_H_
#define JOBCRAWLER_PARSERS_MATCH_TITLE_PATTERN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {

// How many other words "..." lets in between: enough for "Leiter der
// Abteilung IT", few enough that "Leiter" and "IT" in different clauses of a
// long title do not meet.
inline constexpr int kMaxGapWords = 3;

class TitlePattern {
 public:
  // Returns nullopt when the pattern folds to no words.
  static std::optional<TitlePattern> Parse(std::string_view text);

  // `words` are the words of a folded title.
  bool Matches(const std::vector<std::string_view>& words) const;

  const std::string& text() const { return text_; }

 private:
  struct Element {
    std::vector<std::string> alternatives;  // folded globs
    bool gap_before = false;                // "..." precedes this word
  };

  bool MatchesFrom(const std::vector<std::string_view>& words, size_t element,
                   size_t word) const;

  std::string text_;
  std::vector<Element> elements_;
};

// Splits a folded text on single spaces.
std::vector<std::string_view> SplitFolded(std::string_view folded);

// Matches one word against a glob whose only operator is "*".
bool GlobMatches(std::string_view glob, std::string_view word);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_MATCH_TITLE_PATTERN_H_
