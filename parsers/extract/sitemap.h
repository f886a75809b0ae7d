// Reading sitemaps, how large sites list their job pages.
//
// Implements the sitemaps.org protocol (https://www.sitemaps.org/protocol.html):
// <urlset> sitemaps, <sitemapindex> indexes, gzip-compressed files and plain
// text sitemaps (one URL per line). XML is read by libxml2 in recover mode,
// without network access or entity expansion (parsers/xml/xml_reader.h).
// Malformed input is normal input: what could be read is returned and each
// problem is recorded as an error string. Deliberate departures, all towards
// tolerance:
//   - element names are compared ignoring case and namespace prefix, and
//     namespace declarations are not checked;
//   - a stray '&' and unknown entities in <loc> are kept as written;
//   - a stray end tag closes the element it stands in (libxml2's recovery);
//     one that closes the root does not end the sitemap;
//   - a <loc> of up to kMaxLocBytes is accepted (the protocol says < 2,048).
// Only <loc> and <lastmod> that are direct children of <url> / <sitemap> are
// read, so extensions such as <image:loc> are skipped.
// Pure functions, thread-safe, never throwing on any input.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_SITEMAP_H_
#define JOBCRAWLER_PARSERS_EXTRACT_SITEMAP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {

// The protocol's limits on one sitemap file, also our guard against
// decompression bombs: bytes after decompression, and entries.
inline constexpr std::size_t kMaxSitemapBytes = 50 * 1024 * 1024;
inline constexpr std::size_t kMaxSitemapUrls = 50'000;
// Longer <loc> text is not a URL but a broken file (e.g. an unclosed <loc>).
inline constexpr std::size_t kMaxLocBytes = 8 * 1024;
// Errors kept per sitemap; a broken file can otherwise yield one per line.
inline constexpr std::size_t kMaxSitemapErrors = 100;

struct Sitemap {
  bool is_index = false;  // a <sitemapindex>: `urls` are further sitemaps
  // The <loc> of each <url> or, for an index, of each <sitemap>, in order.
  std::vector<std::string> urls;
  std::vector<std::string> lastmods;  // parallel to `urls`; "" when absent
  std::vector<std::string> errors;    // what was malformed, truncated or capped
};

// Parses a sitemap, sitemap index or plain text sitemap; `body` may be
// gzip-compressed (recognised by its magic bytes). URLs are returned as
// written (entities decoded, whitespace trimmed), not resolved or checked.
Sitemap ParseSitemap(std::string_view body);

// The steps, exposed for tests.

struct Gunzipped {
  std::string bytes;  // at most the `max_bytes` asked for
  std::string error;  // why decompression stopped early; "" when complete
};

// Decompresses gzip data (several members are read one after another),
// stopping once `max_bytes` have been produced.
Gunzipped Gunzip(std::string_view compressed, std::size_t max_bytes);

// Adds the entries of an XML sitemap or index to `sitemap`.
void ParseSitemapXml(std::string_view xml, Sitemap* sitemap);

// Adds the URLs of a plain text sitemap to `sitemap`.
void ParseSitemapText(std::string_view text, Sitemap* sitemap);

// Appends `error` to `sitemap->errors` unless kMaxSitemapErrors are there.
void AddSitemapError(Sitemap* sitemap, std::string error);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_SITEMAP_H_
