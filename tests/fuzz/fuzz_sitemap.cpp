// Sitemaps: parsers/extract/sitemap.h (XML, indexes, plain text, gzip).
//
// Input: a flag byte, then a sitemap body. With the flag's low bit set the
// body is gzip-compressed here first, so the fuzzer explores the XML inside
// gzip too. Invariants: the results stay within the protocol's limits (URL
// count, <loc> length, error count), urls and lastmods run in parallel, the
// URLs have no surrounding whitespace, URLs and errors are valid UTF-8 when
// the input is (URLs are returned as written), and a gzip-compressed
// body reads exactly like the plain one.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/extract/sitemap.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::parsers {
namespace {

// gzip (RFC 1952) of `data` at the default level; "" if zlib fails.
std::string Gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return "";
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return status == Z_STREAM_END ? out : "";
}

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void CheckSitemap(const Sitemap& sitemap, bool utf8_in) {
  FUZZ_CHECK(sitemap.urls.size() <= kMaxSitemapUrls, "too many URLs");
  FUZZ_CHECK(sitemap.urls.size() == sitemap.lastmods.size(), "lastmods out of step");
  // kMaxSitemapErrors, then one "further errors omitted".
  FUZZ_CHECK(sitemap.errors.size() <= kMaxSitemapErrors + 1, "too many errors");
  for (const std::string& url : sitemap.urls) {
    FUZZ_CHECK(!url.empty() && url.size() <= kMaxLocBytes, url);
    FUZZ_CHECK(!IsXmlSpace(url.front()) && !IsXmlSpace(url.back()), url);
    if (utf8_in) FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(url), url);
  }
  // Errors may quote the input; they are valid UTF-8 when it is.
  for (const std::string& error : sitemap.errors) {
    if (utf8_in) FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(error), error);
  }
}

bool IsGzip(std::string_view body) { return body.starts_with("\x1f\x8b"); }

}  // namespace
}  // namespace jobcrawler::parsers

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  if (size == 0) return 0;
  const bool compress = (data[0] & 1) != 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool utf8_in = jobcrawler::fuzz::IsValidUtf8(body);
  const Sitemap plain = ParseSitemap(body);
  CheckSitemap(plain, utf8_in);
  if (compress && !IsGzip(body)) {
    const std::string gzipped = Gzip(body);
    FUZZ_CHECK(!gzipped.empty(), "zlib failed");
    const Sitemap unpacked = ParseSitemap(gzipped);
    CheckSitemap(unpacked, utf8_in);
    FUZZ_CHECK(unpacked.is_index == plain.is_index, body);
    FUZZ_CHECK(unpacked.urls == plain.urls, body);
    FUZZ_CHECK(unpacked.lastmods == plain.lastmods, body);
  }
  return 0;
}
