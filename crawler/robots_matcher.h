// Matching one robots.txt path pattern against one URL path:
// RFC 9309 §2.2.2 and §2.2.3, https://www.rfc-editor.org/rfc/rfc9309
//
// Patterns and paths are brought into one normal form before comparison, so
// that spellings the RFC calls equivalent compare equal octet by octet
// (§2.2.2 and its table of examples):
// - "%XX" of an unreserved character (RFC 3986: A-Z a-z 0-9 - . _ ~) is
//   decoded ("%62%61%7A" == "baz"), and so is "%XX" of a reserved one
//   ("https://foo.bar" == "https%3A%2F%2Ffoo.bar", "/a%2Fb" == "/a/b"), but
//   for "%23": a literal "#" would start a fragment. Any other "%XX" stays
//   encoded, with upper-case hex ("%e3" == "%E3").
// - Octets outside ASCII, controls, space and the ASCII characters URIs may
//   not contain (" < > \ ^ ` { | }) are percent-encoded ("ツ" == "%E3%83%84").
// - A "%" not followed by two hex digits is a literal percent: "%25".
// - In a path, "*" and "$" are literal, so they become "%2A" and "%24"; in a
//   pattern, "*" is the wildcard, a final "$" anchors the end, and "%2A" /
//   "%24" match the literal characters (§2.2.3).
// Deliberate departures:
// - The RFC makes reserved characters equal to their encoding by encoding
//   both before comparison; we decode both instead. The equivalence is the
//   same, and a pattern's length (for longest match) stays the length of
//   what its author wrote: "/a/b" counts 4 octets, not 8.
// - A "$" that is not the last character of a pattern is a literal "$".
// - A pattern that starts with neither "/" nor "*" ("Disallow: private/")
//   gets a leading "/": the author meant a path, and we would rather crawl
//   less than ignore the line.
// Matching is linear-time in practice and never exponential: the pattern is
// split at its "*"s and each piece is found at its leftmost position, which
// is always the best choice for a glob (O(path * pattern) worst case).
#ifndef JOBCRAWLER_CRAWLER_ROBOTS_MATCHER_H_
#define JOBCRAWLER_CRAWLER_ROBOTS_MATCHER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace jobcrawler::crawler {

// The normal form of a URL's path and query as sent on the wire
// ("/stellen?seite=2"). A fragment is dropped; a path not starting with "/"
// gets one.
std::string NormalizeRobotsPath(std::string_view path_and_query);

// One Allow/Disallow value, normalised once. Immutable; thread-safe.
class RobotsPattern {
 public:
  explicit RobotsPattern(std::string_view value);

  // True when the pattern matches `normalized_path` (from
  // NormalizeRobotsPath) starting at its first octet.
  bool Matches(std::string_view normalized_path) const;

  // Specificity for "longest match wins" (§2.2.2): octets of the normalised
  // pattern, counting "*" and a final "$".
  std::size_t length() const { return pattern_.size() + (anchored_ ? 1 : 0); }

  // The normalised pattern, for diagnostics ("/für" -> "/f%C3%BCr").
  std::string ToString() const { return anchored_ ? pattern_ + "$" : pattern_; }

 private:
  std::string pattern_;  // normalised, without the anchoring "$"
  bool anchored_ = false;
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_ROBOTS_MATCHER_H_
