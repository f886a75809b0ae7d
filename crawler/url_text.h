// Text-level steps of URL canonicalisation (crawler/url.h), on strings and
// without Boost.URL: browser-style clean-up, percent-encoding normalisation,
// dot segments and host case. Internal to crawler/; pure functions,
// thread-safe.
#ifndef JOBCRAWLER_CRAWLER_URL_TEXT_H_
#define JOBCRAWLER_CRAWLER_URL_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

namespace jobcrawler::crawler::url_text {

// ASCII lower case of `c`; other bytes unchanged.
char AsciiLower(char c);

// Trims, strips tabs/newlines, cuts the fragment and percent-encodes what
// RFC 3986 forbids, turning what a browser accepts into a parseable
// reference. nullopt when the authority holds a forbidden ASCII byte (a
// space in a host).
std::optional<std::string> Sanitize(std::string_view in);

// RFC 3986 6.2.2.1/6.2.2.2: %XX of unreserved characters decoded, other hex
// upper-cased. (Boost.URL 1.81's normalize() also decodes reserved ones such
// as %2F and %3D, which changes meaning, so we do not use it.)
std::string NormalizePercent(std::string_view in);

// RFC 3986 5.2.4 on an encoded path. (Boost.URL 1.81 keeps "/../" segments
// above the root.)
std::string RemoveDotSegments(std::string_view in);

// Turns %XX of non-ASCII bytes back into raw UTF-8, so that an IDN host reads
// as it was written, and lower-cases everything but the remaining %XX (whose
// hex NormalizePercent has upper-cased). Bytes that do not form UTF-8 stay
// encoded: a canonical host is always valid UTF-8.
std::string CanonicalHost(std::string_view host);

}  // namespace jobcrawler::crawler::url_text

#endif  // JOBCRAWLER_CRAWLER_URL_TEXT_H_
