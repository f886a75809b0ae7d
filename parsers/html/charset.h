// Decoding HTML bodies to UTF-8 the way browsers do.
//
// Follows the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/)
// and the HTML encoding sniffing algorithm
// (https://html.spec.whatwg.org/multipage/parsing.html#encoding-sniffing-algorithm),
// simplified. Deliberate departures:
//   - the label table holds the labels of the common single-byte and CJK
//     encodings only; other labels count as unknown and are skipped;
//   - no frequency analysis: an undeclared body that is valid UTF-8 is read as
//     UTF-8, anything else as windows-1252 (browsers' default for German);
//   - the meta prescan looks at the first 1024 bytes only and does not
//     restart when an attribute straddles that limit.
// Non-UTF-8 decoding is ICU's; ICU's tables differ from WHATWG's in a few
// rarely used code points of the CJK encodings.
// Pure functions, thread-safe, never throwing on any input.
#ifndef JOBCRAWLER_PARSERS_HTML_CHARSET_H_
#define JOBCRAWLER_PARSERS_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace jobcrawler::parsers {

// The prescan for <meta charset> reads this many leading bytes (per HTML).
inline constexpr std::size_t kMetaPrescanBytes = 1024;

struct DecodedBody {
  std::string utf8;  // always valid UTF-8
  // Canonical WHATWG name of the encoding used, e.g. "utf-8", "windows-1252".
  std::string charset;
  // Where `charset` came from: "bom", "header", "meta" or "default".
  std::string source;
  // Invalid or unmappable byte sequences were replaced with U+FFFD.
  bool replaced = false;
};

// Decodes `body` using, in this order: a byte order mark (UTF-8, UTF-16LE,
// UTF-16BE); the charset parameter of `content_type` (the Content-Type
// header, may be empty); a <meta charset> or <meta http-equiv=Content-Type>
// in the first kMetaPrescanBytes; else UTF-8 when the whole body is valid
// UTF-8, else windows-1252. Unknown labels are skipped. A body of bytes that
// fit no encoding still decodes, with replacement characters.
// A body that is UTF-8 (declared so, or undeclared and valid) is only
// validated, not decoded, and copied into `utf8` as it is.
DecodedBody DecodeHtml(std::string_view body, std::string_view content_type);

// DecodeHtml, but a valid UTF-8 body is moved into `utf8` instead of
// copied; `body` is left unspecified.
DecodedBody DecodeOwnedHtml(std::string&& body, std::string_view content_type);

// The canonical WHATWG name for an encoding label ("Latin1 " gives
// "windows-1252"), or "" for a label this module does not know.
std::string_view CanonicalCharsetName(std::string_view label);

// The charset label a Content-Type header value declares, unquoted, or "".
std::string_view CharsetFromContentType(std::string_view content_type);

// The canonical name of the encoding the first usable <meta> in the first
// kMetaPrescanBytes of `body` declares, as the HTML prescan finds it, or ""
// when there is none. Metas with unknown labels are skipped; a declared
// UTF-16 gives "utf-8" (the bytes were readable as ASCII, so it is wrong).
std::string_view PrescanMetaCharset(std::string_view body);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_HTML_CHARSET_H_
