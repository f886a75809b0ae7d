// Lenient JSON reading for the JSON-LD blocks pages publish.
//
// Browsers ignore the contents of <script type="application/ld+json">, and
// search engines accept much that RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259)
// does not, so pages ship broken JSON. ParseLenientJson reads strict JSON
// first and, only when that fails, repairs these departures (and no others):
//   - a leading byte order mark, <!-- --> and <![CDATA[ ]]> wrappers
//     (stripped before the first attempt: no valid JSON starts with them);
//   - // and /* */ comments outside strings;
//   - trailing commas before } or ];
//   - raw control characters (newlines, tabs) inside strings, and escapes
//     JSON does not know ("\'" reads as "'");
//   - bytes that are not UTF-8 (each becomes U+FFFD);
//   - a block HTML-escaped as a whole (&quot; for "), tried last.
// Pure functions, thread-safe, and never throwing on any input.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_JSON_REPAIR_H_
#define JOBCRAWLER_PARSERS_EXTRACT_JSON_REPAIR_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace jobcrawler::parsers {

// Limits against hostile input, applied before any parsing.
// A real JobPosting block is a few kB to ~100 kB; 4 MiB is generous.
inline constexpr std::size_t kMaxJsonBytes = 4 * 1024 * 1024;
// JobPosting data nests about 5 levels; our readers recurse per level.
inline constexpr int kMaxJsonDepth = 64;

// Which repairs a block needed.
struct JsonRepairs {
  bool stripped_wrapper = false;
  bool removed_comments = false;
  bool removed_trailing_commas = false;
  bool fixed_strings = false;  // control characters or unknown escapes
  bool replaced_invalid_utf8 = false;
  bool decoded_entities = false;

  bool Any() const;
  // "removed trailing commas, removed comments"; "" when none.
  std::string Describe() const;
};

struct LenientJson {
  nlohmann::json value;  // discarded when `error` is set
  JsonRepairs repairs;
  std::string error;  // why the text could not be read; empty on success
  bool ok() const { return error.empty(); }
};

LenientJson ParseLenientJson(std::string_view text);

// The steps, exposed for tests.

// Removes surrounding whitespace, a BOM, and HTML comment / CDATA wrappers.
std::string_view StripJsonWrappers(std::string_view text, JsonRepairs* repairs);

// String-aware pass: drops comments and trailing commas, escapes raw control
// characters in strings and drops the backslash of unknown escapes.
std::string RepairJsonSyntax(std::string_view text, JsonRepairs* repairs);

// Replaces every byte sequence that is not UTF-8 with U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text, JsonRepairs* repairs);

// Decodes &quot; &#34; &apos; &#39; &lt; &gt; and &amp; (in one pass, so
// "&amp;quot;" becomes "&quot;").
std::string DecodeBasicEntities(std::string_view text);

// Deepest nesting of [ and { outside strings; stops counting past `limit`.
int JsonNestingDepth(std::string_view text, int limit);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_JSON_REPAIR_H_
