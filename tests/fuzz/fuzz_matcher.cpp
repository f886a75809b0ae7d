// The title matcher and region rules: parsers/match/matcher.h and
// title_pattern.h.
//
// Input: "PATTERN\nTITLE\nLOCALITY\nPOSTAL-CODE". Invariants: folding gives
// valid UTF-8 whose ASCII part is lower-case letters, digits and single
// spaces, and folding again changes nothing; a title matches the pattern
// made of its own folded words; a matcher with one title pattern and no
// excludes agrees with that pattern; Match() agrees with TitleMatches() and
// RegionMatches().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/match/matcher.h"
#include "parsers/match/title_pattern.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::parsers {
namespace {

void CheckFolded(std::string_view text) {
  const std::string folded = FoldForMatching(text);
  FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(folded), folded);
  for (const char c : folded) {  // other scripts' letters stay, as UTF-8
    const bool ascii = static_cast<unsigned char>(c) < 0x80;
    FUZZ_CHECK(!ascii || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ', folded);
  }
  FUZZ_CHECK(folded.find("  ") == std::string::npos, folded);
  FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '), folded);
  FUZZ_CHECK(FoldForMatching(folded) == folded, folded);
}

}  // namespace
}  // namespace jobcrawler::parsers

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  jobcrawler::fuzz::FuzzInput input(data, size);
  const std::string_view pattern_text = input.Line();
  Posting posting;
  posting.title = std::string(input.Line());
  posting.locality = std::string(input.Line());
  posting.postal_code = std::string(input.Line());
  CheckFolded(posting.title);
  CheckFolded(pattern_text);

  const std::string folded = FoldForMatching(posting.title);
  const std::vector<std::string_view> words = SplitFolded(folded);
  if (const std::optional<TitlePattern> self = TitlePattern::Parse(folded)) {
    FUZZ_CHECK(self->Matches(words), folded);
  }

  static const Matcher kDefault{MatchRules{}};
  const MatchResult result = kDefault.Match(posting);
  FUZZ_CHECK(result.title == kDefault.TitleMatches(posting.title), posting.title);
  FUZZ_CHECK(result.region == kDefault.RegionMatches(posting), posting.locality);

  MatchRules rules;
  rules.titles = {std::string(pattern_text)};
  rules.exclude_titles = {};
  rules.locations = {posting.locality};
  const Matcher custom(rules);
  const std::optional<TitlePattern> pattern = TitlePattern::Parse(pattern_text);
  FUZZ_CHECK(custom.TitleMatches(posting.title) == (pattern && pattern->Matches(words)),
             pattern_text);
  (void)custom.Match(posting);
  return 0;
}
