// Pure checks behind config validation, kept apart from the TOML walking in
// config.cpp. Internal to the app library.
#ifndef JOBCRAWLER_APP_CONFIG_CONFIG_CHECKS_H_
#define JOBCRAWLER_APP_CONFIG_CONFIG_CHECKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::app {

// Edit distance counting insertions, deletions, substitutions and swaps of
// two neighbours, byte-wise (optimal string alignment).
std::size_t EditDistance(std::string_view a, std::string_view b);

// The entry of `known` closest to `key` if it is close enough to be a typo
// (at most a third of the key's length, 1..3 edits); otherwise empty.
std::string_view NearestKey(std::string_view key, const std::vector<std::string_view>& known);

// True for "http://host..." or "https://host..." (scheme case-insensitive)
// with a non-empty host and no whitespace or control characters. A plain
// syntax check; the crawler canonicalises URLs later.
bool IsAbsoluteHttpUrl(std::string_view url);

// True if `text` holds a byte below 0x20 or 0x7f (no header may carry one).
bool HasControlCharacter(std::string_view text);

// Compiles `pattern` as the crawler compiles follow patterns (RE2 syntax,
// with its memory budget; see crawler/scope.h). Returns "" if it compiles,
// else RE2's description of the fault.
std::string RegexError(const std::string& pattern);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CONFIG_CONFIG_CHECKS_H_
