// Charset detection and decoding: parsers/html/charset.h.
//
// Input: "CONTENT-TYPE\nBODY". Invariants: the decoded text is valid UTF-8
// and at most three bytes per input byte (plus one U+FFFD); the charset is
// a canonical name (its own canonical name) from one of the four sources;
// every name the prescan and the header yield is canonical or empty; a body
// that is valid UTF-8 and declares nothing decodes to itself.
#include <cstdint>
#include <string_view>

#include "parsers/html/charset.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  using jobcrawler::fuzz::IsValidUtf8;
  jobcrawler::fuzz::FuzzInput input(data, size);
  const std::string_view content_type = input.Line();
  const std::string_view body = input.Rest();

  const DecodedBody decoded = DecodeHtml(body, content_type);
  FUZZ_CHECK(IsValidUtf8(decoded.utf8), decoded.charset);
  FUZZ_CHECK(decoded.utf8.size() <= 3 * body.size() + 3, decoded.charset);
  FUZZ_CHECK(!decoded.charset.empty() && CanonicalCharsetName(decoded.charset) == decoded.charset,
             decoded.charset);
  FUZZ_CHECK(decoded.source == "bom" || decoded.source == "header" || decoded.source == "meta" ||
                 decoded.source == "default",
             decoded.source);

  const std::string_view meta = PrescanMetaCharset(body);
  FUZZ_CHECK(meta.empty() || CanonicalCharsetName(meta) == meta, meta);
  const std::string_view header = CharsetFromContentType(content_type);
  FUZZ_CHECK(header.size() <= content_type.size(), header);

  const bool declares = !CanonicalCharsetName(header).empty() || !meta.empty() ||
                        body.starts_with("\xEF\xBB\xBF") || body.starts_with("\xFE\xFF") ||
                        body.starts_with("\xFF\xFE");
  if (!declares && IsValidUtf8(body)) {
    FUZZ_CHECK(decoded.utf8 == body && decoded.charset == "utf-8", decoded.charset);
  }
  return 0;
}
