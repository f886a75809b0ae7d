#include "parsers/html/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kNoHeader = "";

std::string Utf8Of(std::string_view body, std::string_view content_type = kNoHeader) {
  return DecodeHtml(body, content_type).utf8;
}

std::string CharsetOf(std::string_view body, std::string_view content_type = kNoHeader) {
  const DecodedBody decoded = DecodeHtml(body, content_type);
  return decoded.charset + " from " + decoded.source;
}

TEST(Charset, LeavesValidUtf8Unchanged) {
  const std::string body = "<p>Stellenangebote für Führungskräfte – 50 €</p>";
  const DecodedBody decoded = DecodeHtml(body, "text/html; charset=utf-8");
  EXPECT_EQ(decoded.utf8, body);
  EXPECT_EQ(decoded.charset, "utf-8");
  EXPECT_EQ(decoded.source, "header");
  EXPECT_FALSE(decoded.replaced);
}

// A UTF-8 body is checked, not decoded: an owned one is moved as it is.
TEST(Charset, MovesAnOwnedValidUtf8BodyWithoutCopying) {
  std::string body = "<p>Stellenangebote für Führungskräfte</p>" + std::string(4000, 'x');
  const std::string expected = body;
  const char* bytes = body.data();
  const DecodedBody decoded = DecodeOwnedHtml(std::move(body), "");
  EXPECT_EQ(decoded.utf8, expected);
  EXPECT_EQ(decoded.utf8.data(), bytes);
  EXPECT_EQ(decoded.charset + " from " + decoded.source, "utf-8 from default");
}

TEST(Charset, AnOwnedBodyIsDecodedLikeABorrowedOne) {
  for (const std::string& body : {std::string("\xEF\xBB\xBF" "BOM \xC3\xA4"), std::string("f\374r"),
                                 std::string("bad \xC3 utf-8")}) {
    for (std::string_view type : {"", "text/html; charset=utf-8"}) {
      const DecodedBody borrowed = DecodeHtml(body, type);
      const DecodedBody owned = DecodeOwnedHtml(std::string(body), type);
      EXPECT_EQ(owned.utf8, borrowed.utf8) << body << " " << type;
      EXPECT_EQ(owned.charset, borrowed.charset);
      EXPECT_EQ(owned.source, borrowed.source);
      EXPECT_EQ(owned.replaced, borrowed.replaced);
    }
  }
}

// The check reads eight ASCII bytes at a time: a bad or multi-byte sequence
// is found wherever it falls, across those steps too.
TEST(Charset, ChecksUtf8AtEveryOffset) {
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string prefix(at, 'a');
    EXPECT_EQ(CharsetOf(prefix + "\xC3\xA4" + std::string(9, 'b')), "utf-8 from default") << at;
    EXPECT_EQ(CharsetOf(prefix + "\xE2\x82\xAC" + std::string(9, 'b')), "utf-8 from default") << at;
    EXPECT_EQ(CharsetOf(prefix + "\xC3" + std::string(9, 'b')), "windows-1252 from default") << at;
    EXPECT_EQ(CharsetOf(prefix + "\xE2\x82"), "windows-1252 from default") << at;
    EXPECT_EQ(CharsetOf(prefix + "\xED\xA0\x80"), "windows-1252 from default") << at;  // surrogate
  }
}

TEST(Charset, DecodesLatin1DeclaredInHeader) {
  const DecodedBody decoded =
      DecodeHtml("Stellenangebote f\374r F\374hrungskr\344fte",  // octal: ü is \374, ä \344
                 "text/html; charset=ISO-8859-1");
  EXPECT_EQ(decoded.utf8, "Stellenangebote für Führungskräfte");
  EXPECT_EQ(decoded.charset, "windows-1252");  // WHATWG: Latin-1 is read as windows-1252
  EXPECT_FALSE(decoded.replaced);
}

TEST(Charset, DecodesWindows1252EuroSignAndGermanQuotes) {
  EXPECT_EQ(Utf8Of("\x80 50 \x84Top\x93", "text/html; charset=windows-1252"), "€ 50 „Top“");
}

TEST(Charset, DecodesLatin1LabelsAsWindows1252PerWhatwg) {
  EXPECT_EQ(Utf8Of("\x80", "text/html; charset=latin1"), "€");
  EXPECT_EQ(Utf8Of("\x80", "text/html; charset=us-ascii"), "€");
}

TEST(Charset, MapsWindows1252UndefinedBytesToC1ControlsPerWhatwg) {
  const DecodedBody decoded = DecodeHtml("\x81", "text/html; charset=windows-1252");
  EXPECT_EQ(decoded.utf8, "\xC2\x81");
  EXPECT_FALSE(decoded.replaced);
}

TEST(Charset, DecodesLatin9EuroSign) {
  EXPECT_EQ(Utf8Of("\xA4", "text/html; charset=latin9"), "€");
}

TEST(Charset, ReadsQuotedAndSpacedHeaderParameter) {
  EXPECT_EQ(CharsetOf("x", "text/html ; Charset = \"ISO-8859-15\" ; q=1"),
            "iso-8859-15 from header");
}

TEST(Charset, ReadsMetaCharset) {
  const std::string body = "<!doctype html><html><head><meta charset=\"iso-8859-1\">\xE4";
  EXPECT_EQ(CharsetOf(body), "windows-1252 from meta");
  EXPECT_TRUE(Utf8Of(body).ends_with("ä"));
}

TEST(Charset, ReadsMetaHttpEquivContentType) {
  const std::string body =
      "<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1250'>"
      "\x9A";
  EXPECT_EQ(CharsetOf(body), "windows-1250 from meta");
  EXPECT_TRUE(Utf8Of(body).ends_with("š"));
}

TEST(Charset, IgnoresMetaContentWithoutHttpEquivPerHtml) {
  EXPECT_EQ(CharsetOf("<meta content='text/html; charset=iso-8859-2'>\xE4"),
            "windows-1252 from default");
}

TEST(Charset, IgnoresMetaInsideCommentsAndAttributeValues) {
  EXPECT_EQ(CharsetOf("<!-- <meta charset=koi8-r> --><div title='<meta charset=gbk>'>"
                      "<meta charset=latin2>"),
            "iso-8859-2 from meta");
}

TEST(Charset, IgnoresMetaAfterPrescanLimit) {
  const std::string body = std::string(kMetaPrescanBytes, ' ') + "<meta charset=latin2>\xE4";
  EXPECT_EQ(CharsetOf(body), "windows-1252 from default");
}

TEST(Charset, ReadsMetaUtf16AsUtf8PerHtml) {
  EXPECT_EQ(CharsetOf("<meta charset=utf-16>ü"), "utf-8 from meta");
}

TEST(Charset, ByteOrderMarkBeatsHeader) {
  const DecodedBody decoded =
      DecodeHtml("\xEF\xBB\xBF" + std::string("Küche"), "text/html; charset=latin1");
  EXPECT_EQ(decoded.utf8, "Küche");  // the BOM itself is dropped
  EXPECT_EQ(decoded.charset, "utf-8");
  EXPECT_EQ(decoded.source, "bom");
}

TEST(Charset, HeaderBeatsMeta) {
  EXPECT_EQ(CharsetOf("<meta charset=utf-8>\xFC", "text/html; charset=iso-8859-1"),
            "windows-1252 from header");
}

TEST(Charset, ReadsUndeclaredInvalidUtf8AsWindows1252) {
  const DecodedBody decoded = DecodeHtml("<p>M\xFCnchen</p>", "text/html");
  EXPECT_EQ(decoded.utf8, "<p>München</p>");
  EXPECT_EQ(decoded.charset, "windows-1252");
  EXPECT_EQ(decoded.source, "default");
}

TEST(Charset, ReadsUndeclaredValidUtf8AsUtf8) {
  EXPECT_EQ(CharsetOf("<p>München</p>", "text/html"), "utf-8 from default");
}

TEST(Charset, SkipsUnknownLabels) {
  EXPECT_EQ(CharsetOf("<meta charset=latin2>", "text/html; charset=klingon"),
            "iso-8859-2 from meta");
  EXPECT_EQ(CharsetOf("<meta charset=klingon><meta charset=latin2>"), "iso-8859-2 from meta");
  EXPECT_EQ(CharsetOf("\xFC", "text/html; charset=x-unknown"), "windows-1252 from default");
}

TEST(Charset, DecodesUtf16LittleEndianWithByteOrderMark) {
  const std::string body(
      "\xFF\xFE"
      "K\0\xFC\0\xAC\x20",
      8);
  const DecodedBody decoded = DecodeHtml(body, "text/html; charset=iso-8859-1");
  EXPECT_EQ(decoded.utf8, "Kü€");
  EXPECT_EQ(decoded.charset, "utf-16le");
  EXPECT_EQ(decoded.source, "bom");
}

TEST(Charset, DecodesUtf16BigEndianWithByteOrderMark) {
  EXPECT_EQ(Utf8Of(std::string("\xFE\xFF\0K\0\xFC", 6)), "Kü");
}

TEST(Charset, ReplacesInvalidUtf8DeclaredAsUtf8) {
  const DecodedBody decoded = DecodeHtml(
      "a\xFF"
      "b\xE2\x82"
      "c\xED\xA0\x80",
      "text/html; charset=utf8");
  // One U+FFFD per maximal subpart (WHATWG); surrogates are invalid per byte.
  EXPECT_EQ(decoded.utf8, "a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD");
  EXPECT_TRUE(decoded.replaced);
}

TEST(Charset, RejectsOverlongUtf8) {
  EXPECT_EQ(Utf8Of("\xC0\xAF\xE0\x80\xAF", "text/html; charset=utf-8"),
            "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(Charset, ReplacesTruncatedUtf8AtEnd) {
  EXPECT_EQ(Utf8Of("ok\xF0\x9F\x98", "text/html; charset=utf-8"), "ok\uFFFD");
}

TEST(Charset, ReplacesTruncatedMultiByteSequencesThroughIcu) {
  const DecodedBody decoded = DecodeHtml("ok\x82", "text/html; charset=shift_jis");
  EXPECT_TRUE(decoded.utf8.starts_with("ok"));
  EXPECT_TRUE(decoded.replaced);
}

TEST(Charset, ReplacesOddUtf16Tail) {
  const DecodedBody decoded = DecodeHtml(std::string("\xFF\xFE"
                                                     "A\0B",
                                                     5),
                                         kNoHeader);
  EXPECT_EQ(decoded.utf8, "A\uFFFD");
  EXPECT_TRUE(decoded.replaced);
}

TEST(Charset, DecodesEmptyBody) {
  const DecodedBody decoded = DecodeHtml("", kNoHeader);
  EXPECT_EQ(decoded.utf8, "");
  EXPECT_EQ(decoded.charset, "utf-8");
  EXPECT_EQ(decoded.source, "default");
  EXPECT_FALSE(decoded.replaced);
}

TEST(Charset, DecodesBodyOfOnlyAByteOrderMark) {
  EXPECT_EQ(Utf8Of("\xFE\xFF"), "");
  EXPECT_EQ(Utf8Of("\xEF\xBB\xBF"), "");
}

TEST(Charset, SurvivesTruncatedMarkupAndGarbage) {
  for (std::string_view body :
       {"<meta", "<meta charset", "<meta charset='", "<meta charset=", "<!--", "<a href='",
        "<meta http-equiv=content-type content=", "<meta content='charset=\"x", "\xFF\xFE\xFF", "<",
        "</", "<?"}) {
    const DecodedBody decoded = DecodeHtml(body, "text/html; charset");
    EXPECT_FALSE(decoded.charset.empty()) << body;
  }
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  for (std::string_view charset : {"utf-8", "latin1", "gbk", "shift_jis", "euc-kr", "utf-16be",
                                   "big5", "euc-jp", "gb18030", ""}) {
    const std::string header = "text/html; charset=" + std::string(charset);
    EXPECT_FALSE(DecodeHtml(garbage, header).utf8.empty()) << charset;
  }
}

TEST(Charset, AlwaysProducesValidUtf8) {
  std::string garbage;
  for (int i = 0; i < 2048; ++i) garbage.push_back(static_cast<char>((i * 31 + i / 7) % 256));
  for (std::string_view charset : {"utf-8", "gbk", "utf-16le", "euc-jp"}) {
    const std::string utf8 = DecodeHtml(garbage, "text/html; charset=" + std::string(charset)).utf8;
    EXPECT_EQ(DecodeHtml(utf8, "text/html; charset=utf-8").utf8, utf8) << charset;
  }
}

TEST(CharsetLabels, MapsLabelsIgnoringCaseAndSpace) {
  EXPECT_EQ(CanonicalCharsetName(" Latin1 "), "windows-1252");
  EXPECT_EQ(CanonicalCharsetName("UTF8"), "utf-8");
  EXPECT_EQ(CanonicalCharsetName("ISO-8859-9"), "windows-1254");
  EXPECT_EQ(CanonicalCharsetName("latin9"), "iso-8859-15");
  EXPECT_EQ(CanonicalCharsetName("unknown"), "");
  EXPECT_EQ(CanonicalCharsetName(""), "");
}

TEST(CharsetLabels, EveryCanonicalNameDecodesThroughIcu) {
  for (std::string_view label :
       {"windows-1252", "iso-8859-15",  "iso-8859-2",   "windows-1250", "windows-1251",
        "windows-1253", "windows-1254", "windows-1257", "iso-8859-5",   "iso-8859-7",
        "iso-8859-13",  "koi8-r",       "koi8-u",       "gbk",          "gb18030",
        "big5",         "euc-jp",       "shift_jis",    "euc-kr",       "utf-16le",
        "utf-16be"}) {
    const DecodedBody decoded = DecodeHtml("", "text/html; charset=" + std::string(label));
    EXPECT_EQ(decoded.charset, label);
    EXPECT_EQ(decoded.source, "header") << label;
  }
}

TEST(CharsetLabels, ReadsCharsetParameterOfContentType) {
  EXPECT_EQ(CharsetFromContentType("text/html;charset=UTF-8"), "UTF-8");
  EXPECT_EQ(CharsetFromContentType("text/html; foo=bar; charset='latin1'"), "latin1");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType("charset=utf-8"), "");  // a type, not a parameter
}

}  // namespace
}  // namespace jobcrawler::parsers
