#include "parsers/extract/sitemap.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

namespace jobcrawler::parsers {
namespace {

using Urls = std::vector<std::string>;

// `data` repeated `times` times, as one gzip member.
std::string Gzip(std::string_view data, int times = 1) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out;
  std::string chunk(64 * 1024, '\0');
  for (int i = 0; i < times; ++i) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    const int flush = i + 1 == times ? Z_FINISH : Z_NO_FLUSH;
    int status = Z_OK;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
      stream.avail_out = static_cast<uInt>(chunk.size());
      status = deflate(&stream, flush);
      out.append(chunk.data(), chunk.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
  }
  deflateEnd(&stream);
  return out;
}

std::string UrlSet(std::string_view entries) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">)" +
         std::string(entries) + "</urlset>";
}

Urls UrlsOf(std::string_view body) { return ParseSitemap(body).urls; }

TEST(Sitemap, ReadsUrlsetLocsAndLastmods) {
  const Sitemap sitemap = ParseSitemap(UrlSet(R"(
  <url><loc>https://example.de/jobs/1</loc><lastmod>2024-05-01</lastmod>
       <changefreq>daily</changefreq><priority>0.8</priority></url>
  <url>
    <loc>
      https://example.de/jobs/2
    </loc>
  </url>)"));
  EXPECT_FALSE(sitemap.is_index);
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/jobs/1", "https://example.de/jobs/2"}));
  EXPECT_EQ(sitemap.lastmods, (Urls{"2024-05-01", ""}));
  EXPECT_EQ(sitemap.errors, Urls{});
}

TEST(Sitemap, ReadsSitemapIndex) {
  const Sitemap sitemap = ParseSitemap(R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://example.de/sitemap-jobs-1.xml.gz</loc>
    <lastmod>2024-05-01T10:00:00+02:00</lastmod></sitemap>
  <sitemap><loc>https://example.de/sitemap-jobs-2.xml.gz</loc></sitemap>
</sitemapindex>)");
  EXPECT_TRUE(sitemap.is_index);
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/sitemap-jobs-1.xml.gz",
                                "https://example.de/sitemap-jobs-2.xml.gz"}));
  EXPECT_EQ(sitemap.lastmods, (Urls{"2024-05-01T10:00:00+02:00", ""}));
  EXPECT_TRUE(sitemap.errors.empty());
}

TEST(Sitemap, ReadsGzipCompressedSitemap) {
  const Sitemap sitemap = ParseSitemap(Gzip(UrlSet("<url><loc>https://example.de/a</loc></url>")));
  EXPECT_EQ(sitemap.urls, Urls{"https://example.de/a"});
  EXPECT_TRUE(sitemap.errors.empty());
}

TEST(Sitemap, ReadsConcatenatedGzipMembers) {
  const std::string xml = UrlSet("<url><loc>https://example.de/a</loc></url>");
  const std::string body = Gzip(xml.substr(0, 50)) + Gzip(xml.substr(50));
  EXPECT_EQ(UrlsOf(body), Urls{"https://example.de/a"});
}

TEST(Sitemap, DecodesEntitiesInLoc) {
  EXPECT_EQ(UrlsOf(UrlSet("<url><loc>https://example.de/?a=1&amp;b=&lt;&gt;&quot;&apos;"
                          "&#47;&#x2F;&#xE4;</loc></url>")),
            Urls{"https://example.de/?a=1&b=<>\"'//ä"});
}

TEST(Sitemap, KeepsStrayAmpersandsAndUnknownEntitiesAsWritten) {
  EXPECT_EQ(UrlsOf(UrlSet("<url><loc>https://example.de/?a=1&b=2&nbsp;&#xZZ;&#0;&</loc></url>")),
            Urls{"https://example.de/?a=1&b=2&nbsp;&#xZZ;\uFFFD&"});
}

TEST(Sitemap, ReadsCdataLocVerbatim) {
  EXPECT_EQ(UrlsOf(UrlSet("<url><loc><![CDATA[https://example.de/?a=1&b=2]]></loc></url>")),
            Urls{"https://example.de/?a=1&b=2"});
}

TEST(Sitemap, IgnoresNamespacePrefixesAndCase) {
  const Sitemap sitemap = ParseSitemap(
      R"(<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
         <sm:url><sm:loc>https://example.de/a</sm:loc><sm:LastMod>2024</sm:LastMod></sm:url>
         <URL><LOC>https://example.de/b</LOC></URL></sm:urlset>)");
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/a", "https://example.de/b"}));
  EXPECT_EQ(sitemap.lastmods, (Urls{"2024", ""}));
  EXPECT_TRUE(sitemap.errors.empty());
}

TEST(Sitemap, SkipsLocsOfExtensions) {
  EXPECT_EQ(UrlsOf(UrlSet(R"(<url><image:image><image:loc>https://example.de/logo.png</image:loc>
      </image:image><loc>https://example.de/job</loc>
      <xhtml:link rel="alternate" hreflang="en" href="https://example.de/en/job"/></url>)")),
            Urls{"https://example.de/job"});
}

TEST(Sitemap, SkipsCommentsDoctypeAndAttributesWithAngleBrackets) {
  EXPECT_EQ(UrlsOf(R"(<!DOCTYPE urlset [ <!ENTITY x "y"> ]><urlset a="<url>">
      <!-- <url><loc>https://example.de/commented</loc></url> -->
      <url data-x='>'><loc>https://example.de/real</loc></url></urlset>)"),
            Urls{"https://example.de/real"});
}

TEST(Sitemap, ReadsPlainTextSitemap) {
  const Sitemap sitemap =
      ParseSitemap("\xEF\xBB\xBFhttps://example.de/a\r\n\r\n  http://example.de/b  \nnot a url\n");
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/a", "http://example.de/b"}));
  EXPECT_EQ(sitemap.lastmods, (Urls{"", ""}));
  EXPECT_EQ(sitemap.errors, Urls{"line 4: not a URL"});
}

TEST(Sitemap, ReadsGzipCompressedPlainText) {
  EXPECT_EQ(UrlsOf(Gzip("https://example.de/a\nhttps://example.de/b")),
            (Urls{"https://example.de/a", "https://example.de/b"}));
}

TEST(Sitemap, KeepsEntriesReadBeforeTruncation) {
  const Sitemap sitemap = ParseSitemap(
      "<urlset>"
      "<url><loc>https://example.de/a</loc></url>"
      "<url><loc>https://example.de/b</loc><lastmod>20");
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/a", "https://example.de/b"}));
  EXPECT_EQ(sitemap.lastmods, (Urls{"", ""}));  // the cut-off lastmod is dropped
  EXPECT_FALSE(sitemap.errors.empty());
}

TEST(Sitemap, DropsLocCutOffByEndOfInput) {
  const Sitemap sitemap = ParseSitemap("<urlset><url><loc>https://example.de/jo");
  EXPECT_EQ(sitemap.urls, Urls{});
  EXPECT_FALSE(sitemap.errors.empty());
}

TEST(Sitemap, RecoversFromUnclosedAndStrayElements) {
  const Sitemap sitemap = ParseSitemap(
      "<urlset><url><loc>https://example.de/a</loc><priority>1</url></foo>"
      "<url><loc>https://example.de/b</loc></url><url><lastmod>2024</lastmod></url></urlset>");
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/a", "https://example.de/b"}));
  EXPECT_EQ(sitemap.errors,
            (Urls{"line 1: Opening and ending tag mismatch: priority line 1 and url",
                  "line 1: Opening and ending tag mismatch: url line 1 and foo",
                  "entry without a complete <loc>"}));
}

TEST(Sitemap, ReadsOnAfterStrayEndTagClosedTheRoot) {
  const Sitemap sitemap = ParseSitemap(
      "<urlset>\n<url><loc>https://example.de/a</loc></url></url>\n"
      "<url><loc>https://example.de/b</loc></url>\n</urlset>\n</urlset>");
  EXPECT_EQ(sitemap.urls, (Urls{"https://example.de/a", "https://example.de/b"}));
  ASSERT_GE(sitemap.errors.size(), 2u);
  EXPECT_EQ(sitemap.errors[sitemap.errors.size() - 2], "line 4: stray </urlset>");
  EXPECT_EQ(sitemap.errors.back(), "line 5: stray </urlset>");
}

TEST(Sitemap, KeepsEntitiesAfterAnEarlierError) {
  // libxml2 2.9 drops predefined entities after the first error in recover
  // mode; the input is prepared so that it cannot.
  EXPECT_EQ(UrlsOf("<urlset><url><loc>https://example.de/a</loc><x></y></url>"
                   "<url><loc>https://example.de/?a=1&amp;b=2</loc></url></urlset>"),
            (Urls{"https://example.de/a", "https://example.de/?a=1&b=2"}));
}

TEST(Sitemap, EntryInsideAnOpenEntryEndsIt) {
  // An unclosed <priority> makes libxml2 close it with </url>, so the next
  // <url> opens inside the first: it still is an entry of its own.
  EXPECT_EQ(UrlsOf("<urlset><url><loc>https://example.de/a</loc><priority>1</url>"
                   "<url><loc>https://example.de/b</loc></url>"
                   "<url><loc>https://example.de/c</loc></url></urlset>"),
            (Urls{"https://example.de/a", "https://example.de/b", "https://example.de/c"}));
}

TEST(Sitemap, DoesNotExpandEntitiesOfTheDocumentType) {
  std::string body = "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY a \"aaaaaaaaaa\">";
  char previous = 'a';
  for (char name = 'b'; name <= 'k'; ++name) {
    body += std::string("<!ENTITY ") + name + " \"" + std::string(10, '&') + "\">";
    std::string value;
    for (int i = 0; i < 10; ++i) value += std::string("&") + previous + ";";
    body.replace(body.rfind(std::string(10, '&')), 10, value);
    previous = name;
  }
  body += "]><urlset><url><loc>https://example.de/&k;</loc></url></urlset>";
  const Sitemap sitemap = ParseSitemap(body);
  EXPECT_EQ(sitemap.urls, Urls{"https://example.de/&k;"});
}

TEST(Sitemap, ReadsLatin1DeclaredSitemap) {
  EXPECT_EQ(UrlsOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url>"
                   "<loc>https://example.de/stellen/m\xFCnster</loc></url></urlset>"),
            Urls{"https://example.de/stellen/m\u00FCnster"});
}

TEST(Sitemap, ReplacesInvalidUtf8AndControlCharacters) {
  EXPECT_EQ(UrlsOf("<urlset><url><loc>https://example.de/\xFF\x01"
                   "a</loc></url></urlset>"),
            Urls{"https://example.de/\uFFFD\uFFFDa"});
}

TEST(Sitemap, UsesFirstOfSeveralLocs) {
  const Sitemap sitemap = ParseSitemap(
      UrlSet("<url><loc>https://example.de/a</loc><loc>https://example.de/b</loc></url>"));
  EXPECT_EQ(sitemap.urls, Urls{"https://example.de/a"});
  EXPECT_EQ(sitemap.errors, Urls{"entry with several <loc>; the first is used"});
}

TEST(Sitemap, ReportsUnexpectedRootButReadsEntries) {
  const Sitemap sitemap = ParseSitemap("<html><url><loc>https://example.de/a</loc></url></html>");
  EXPECT_EQ(sitemap.urls, Urls{"https://example.de/a"});
  EXPECT_EQ(sitemap.errors, Urls{"unexpected root element <html>"});
}

TEST(Sitemap, SurvivesMalformedInput) {
  for (std::string_view body :
       {"", "<", "<>", "< >", "</>", "<urlset", "<urlset><url><loc", "<!--", "<![CDATA[x", "<?xml",
        "<!DOCTYPE [", "<urlset><url/><loc/></urlset>", "\x1F\x8B", "\x1F\x8Bgarbage", "&",
        "<urlset>&#xFFFFFFFFFF;&#;</urlset>", "<a b='></a>", "<url><loc>&#x110000;</loc></url>"}) {
    const Sitemap sitemap = ParseSitemap(body);
    EXPECT_EQ(sitemap.urls.size(), sitemap.lastmods.size()) << body;
  }
}

TEST(Sitemap, StopsAtDeepNesting) {
  std::string body = "<urlset>";
  for (int i = 0; i < 100'000; ++i) body += "<a>";
  const Sitemap sitemap = ParseSitemap(body);
  ASSERT_EQ(sitemap.errors.size(), 1u);
  EXPECT_TRUE(sitemap.errors[0].starts_with("elements nested deeper than")) << sitemap.errors[0];
}

TEST(Sitemap, CapsErrorCount) {
  std::string body = "<urlset>";
  for (int i = 0; i < 1000; ++i) body += "</stray>";
  EXPECT_EQ(ParseSitemap(body + "</urlset>").errors.size(), kMaxSitemapErrors + 1);
}

TEST(Sitemap, DropsOverlongLoc) {
  const std::string loc = "https://example.de/" + std::string(kMaxLocBytes, 'x');
  const Sitemap sitemap = ParseSitemap(UrlSet("<url><loc>" + loc + "</loc></url>"));
  EXPECT_EQ(sitemap.urls, Urls{});
  EXPECT_EQ(sitemap.errors.size(), 1u);
}

TEST(Sitemap, StopsGzipBombAtSizeLimit) {
  const std::string megabyte_of_zeros(1024 * 1024, '\0');
  const std::string bomb = Gzip(megabyte_of_zeros, 100);
  ASSERT_LT(bomb.size(), 1024u * 1024u);
  const Gunzipped gunzipped = Gunzip(bomb, kMaxSitemapBytes);
  EXPECT_EQ(gunzipped.bytes.size(), kMaxSitemapBytes);
  EXPECT_TRUE(gunzipped.error.find("truncated") != std::string::npos) << gunzipped.error;

  const Sitemap sitemap = ParseSitemap(bomb);
  EXPECT_EQ(sitemap.urls, Urls{});
  ASSERT_FALSE(sitemap.errors.empty());
  EXPECT_EQ(sitemap.errors[0], gunzipped.error);
}

TEST(Sitemap, ReportsTruncatedAndCorruptGzip) {
  const std::string compressed = Gzip(UrlSet("<url><loc>https://example.de/a</loc></url>"));
  EXPECT_EQ(Gunzip(compressed.substr(0, compressed.size() - 4), 1024).error,
            "gzip: unexpected end of data; truncated");
  std::string corrupt = compressed;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
  EXPECT_FALSE(Gunzip(corrupt, 1024).error.empty());
}

TEST(Sitemap, CapsEntriesAtProtocolLimit) {
  std::string entries;
  for (std::size_t i = 0; i <= kMaxSitemapUrls; ++i) {
    entries += "<url><loc>https://example.de/" + std::to_string(i) + "</loc></url>\n";
  }
  const Sitemap sitemap = ParseSitemap(UrlSet(entries));
  EXPECT_EQ(sitemap.urls.size(), kMaxSitemapUrls);
  EXPECT_EQ(sitemap.lastmods.size(), kMaxSitemapUrls);
  EXPECT_EQ(sitemap.urls.back(), "https://example.de/49999");
  EXPECT_EQ(sitemap.errors, Urls{"more than 50000 entries; the rest are ignored"});
}

TEST(Sitemap, CapsPlainTextUrlsAtProtocolLimit) {
  std::string text;
  for (std::size_t i = 0; i <= kMaxSitemapUrls; ++i) {
    text += "https://example.de/" + std::to_string(i) + "\n";
  }
  const Sitemap sitemap = ParseSitemap(text);
  EXPECT_EQ(sitemap.urls.size(), kMaxSitemapUrls);
  EXPECT_EQ(sitemap.errors.size(), 1u);
}

TEST(Sitemap, TruncatesUncompressedBodyAtSizeLimit) {
  std::string body = UrlSet("<url><loc>https://example.de/a</loc></url>");
  body += std::string(kMaxSitemapBytes, ' ');
  const Sitemap sitemap = ParseSitemap(body);
  EXPECT_EQ(sitemap.urls, Urls{"https://example.de/a"});
  ASSERT_FALSE(sitemap.errors.empty());
  EXPECT_TRUE(sitemap.errors[0].starts_with("larger than")) << sitemap.errors[0];
}

// Found by fuzzing (tests/fuzz/regressions/sitemap/): a long element name is
// cut for the message at a character boundary, not inside "ß".
TEST(Sitemap, CutsElementNameInErrorAtACharacterBoundary) {
  const std::string name = std::string(63, 'a') + "\xC3\x9F" + "b";
  const Sitemap sitemap = ParseSitemap("<" + name + "><loc>x</loc></" + name + ">");
  ASSERT_FALSE(sitemap.errors.empty());
  EXPECT_EQ(sitemap.errors[0], "unexpected root element <" + std::string(63, 'a') + ">");
}

}  // namespace
}  // namespace jobcrawler::parsers
