// Tests for crawler/url.h. "Rfc" in a name: behaviour from RFC 3986;
// "Browser": what browsers do with hrefs; otherwise our canonical-form policy.
#include "crawler/url.h"

#include <gtest/gtest.h>

#include <string>

namespace jobcrawler::crawler {
namespace {

std::string Resolve(std::string_view base, std::string_view href) {
  return ResolveUrl(base, href).value_or("<nullopt>");
}

std::string Canon(std::string_view url) { return CanonicalizeUrl(url).value_or("<nullopt>"); }

constexpr std::string_view kRfcBase = "http://a/b/c/d;p?q";

TEST(ResolveUrl, RfcNormalExamples) {
  EXPECT_EQ(Resolve(kRfcBase, "g"), "http://a/b/c/g");
  EXPECT_EQ(Resolve(kRfcBase, "./g"), "http://a/b/c/g");
  EXPECT_EQ(Resolve(kRfcBase, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(Resolve(kRfcBase, "/g"), "http://a/g");
  EXPECT_EQ(Resolve(kRfcBase, "//g"), "http://g/");
  EXPECT_EQ(Resolve(kRfcBase, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(Resolve(kRfcBase, "g?y"), "http://a/b/c/g?y");
  EXPECT_EQ(Resolve(kRfcBase, "#s"), "http://a/b/c/d;p?q");
  EXPECT_EQ(Resolve(kRfcBase, "g#s"), "http://a/b/c/g");
  EXPECT_EQ(Resolve(kRfcBase, ";x"), "http://a/b/c/;x");
  EXPECT_EQ(Resolve(kRfcBase, ""), "http://a/b/c/d;p?q");
  EXPECT_EQ(Resolve(kRfcBase, "."), "http://a/b/c/");
  EXPECT_EQ(Resolve(kRfcBase, ".."), "http://a/b/");
  EXPECT_EQ(Resolve(kRfcBase, "../g"), "http://a/b/g");
  EXPECT_EQ(Resolve(kRfcBase, "../.."), "http://a/");
  EXPECT_EQ(Resolve(kRfcBase, "../../g"), "http://a/g");
}

TEST(ResolveUrl, RfcAbnormalExamples) {
  EXPECT_EQ(Resolve(kRfcBase, "../../../g"), "http://a/g");
  EXPECT_EQ(Resolve(kRfcBase, "../../../../g"), "http://a/g");
  EXPECT_EQ(Resolve(kRfcBase, "/./g"), "http://a/g");
  EXPECT_EQ(Resolve(kRfcBase, "/../g"), "http://a/g");
  EXPECT_EQ(Resolve(kRfcBase, "g."), "http://a/b/c/g.");
  EXPECT_EQ(Resolve(kRfcBase, "..g"), "http://a/b/c/..g");
  EXPECT_EQ(Resolve(kRfcBase, "./../g"), "http://a/b/g");
  EXPECT_EQ(Resolve(kRfcBase, "g/./h"), "http://a/b/c/g/h");
  EXPECT_EQ(Resolve(kRfcBase, "g/../h"), "http://a/b/c/h");
}

TEST(ResolveUrl, QueryOnlyReplacesQueryOfPath) {
  EXPECT_EQ(Resolve("https://jobs.example.com/search?page=1&q=cook", "?page=2"),
            "https://jobs.example.com/search?page=2");
  EXPECT_EQ(Resolve("https://jobs.example.com/list/", "?page=2"),
            "https://jobs.example.com/list/?page=2");
}

TEST(ResolveUrl, ParentDirectory) {
  EXPECT_EQ(Resolve("https://example.com/jobs/it/list.html", "../sales/1.html"),
            "https://example.com/jobs/sales/1.html");
}

TEST(ResolveUrl, BaseElementStyleBaseWithDirectory) {
  // <base href="https://cdn.example.com/careers/"> already resolved by the caller.
  EXPECT_EQ(Resolve("https://cdn.example.com/careers/", "job/42"),
            "https://cdn.example.com/careers/job/42");
  EXPECT_EQ(Resolve("https://cdn.example.com/careers", "job/42"),
            "https://cdn.example.com/job/42");
}

TEST(ResolveUrl, ProtocolRelativeTakesBaseScheme) {
  EXPECT_EQ(Resolve("https://example.com/a", "//other.example.org/x"),
            "https://other.example.org/x");
  EXPECT_EQ(Resolve("http://example.com/a", "//other.example.org"), "http://other.example.org/");
}

TEST(ResolveUrl, AbsoluteHrefIgnoresBase) {
  EXPECT_EQ(Resolve("https://example.com/a", "HTTP://Other.Example:80/x"), "http://other.example/x");
  EXPECT_EQ(Resolve("not a url", "https://example.com/x"), "https://example.com/x");
}

TEST(ResolveUrl, BrowserTrimsWhitespaceAroundHref) {
  EXPECT_EQ(Resolve("https://example.com/", "  \n\t/jobs/1 \r\n"), "https://example.com/jobs/1");
  EXPECT_EQ(Resolve("https://example.com/", "/jo\nbs/\t1"), "https://example.com/jobs/1");
}

TEST(ResolveUrl, RejectsNonHttpSchemes) {
  const std::string base = "https://example.com/jobs/";
  EXPECT_FALSE(ResolveUrl(base, "mailto:hr@example.com"));
  EXPECT_FALSE(ResolveUrl(base, "javascript:void(0)"));
  EXPECT_FALSE(ResolveUrl(base, " JavaScript:alert('x y')"));
  EXPECT_FALSE(ResolveUrl(base, "tel:+4912345"));
  EXPECT_FALSE(ResolveUrl(base, "ftp://example.com/file"));
  EXPECT_FALSE(ResolveUrl(base, "data:text/html,<p>hi</p>"));
}

TEST(ResolveUrl, RejectsRelativeHrefWithoutUsableBase) {
  EXPECT_FALSE(ResolveUrl("", "/jobs"));
  EXPECT_FALSE(ResolveUrl("/relative/base", "jobs"));
  EXPECT_FALSE(ResolveUrl("mailto:x@example.com", "jobs"));
}

TEST(ResolveUrl, BrowserEncodesUmlautsAndSpacesInPath) {
  const std::string base = "https://example.com/stellen/";
  EXPECT_EQ(Resolve(base, "münchen koch"), "https://example.com/stellen/m%C3%BCnchen%20koch");
  EXPECT_EQ(Resolve(base, "m%c3%bcnchen%20koch"), "https://example.com/stellen/m%C3%BCnchen%20koch");
}

TEST(ResolveUrl, BrowserBackslashIsSlashBeforeQuery) {
  EXPECT_EQ(Resolve("https://example.com/a/b", "\\jobs\\1?x=a\\b"),
            "https://example.com/jobs/1?x=a%5Cb");
}

TEST(CanonicalizeUrl, LowerCasesSchemeAndHost) {
  EXPECT_EQ(Canon("HTTPS://Jobs.EXAMPLE.com/Path/X"), "https://jobs.example.com/Path/X");
}

TEST(CanonicalizeUrl, DropsDefaultPortsOnly) {
  EXPECT_EQ(Canon("http://example.com:80/"), "http://example.com/");
  EXPECT_EQ(Canon("https://example.com:443/"), "https://example.com/");
  EXPECT_EQ(Canon("https://example.com:80/"), "https://example.com:80/");
  EXPECT_EQ(Canon("http://example.com:8080/"), "http://example.com:8080/");
  EXPECT_EQ(Canon("http://example.com:/"), "http://example.com/");
  EXPECT_EQ(Canon("http://example.com:0080/"), "http://example.com/");
  EXPECT_FALSE(CanonicalizeUrl("http://example.com:99999/"));
}

TEST(CanonicalizeUrl, EmptyPathBecomesSlash) {
  EXPECT_EQ(Canon("https://example.com"), "https://example.com/");
  EXPECT_EQ(Canon("https://example.com?a=1"), "https://example.com/?a=1");
}

TEST(CanonicalizeUrl, RfcRemovesDotSegments) {
  EXPECT_EQ(Canon("https://example.com/a/./b/../c/"), "https://example.com/a/c/");
  EXPECT_EQ(Canon("https://example.com/../../x"), "https://example.com/x");
  EXPECT_EQ(Canon("https://example.com/a/%2e%2E/b"), "https://example.com/b");
  EXPECT_EQ(Canon("https://example.com/a//../b"), "https://example.com/a/b");
}

TEST(CanonicalizeUrl, DropsFragment) {
  EXPECT_EQ(Canon("https://example.com/jobs#apply"), "https://example.com/jobs");
  EXPECT_EQ(Canon("https://example.com/jobs?a=1#x#y"), "https://example.com/jobs?a=1");
}

TEST(CanonicalizeUrl, DropsTrackingParameters) {
  EXPECT_EQ(Canon("https://example.com/j?id=7&utm_source=x&UTM_Medium=y&gclid=1&fbclid=2"),
            "https://example.com/j?id=7");
  EXPECT_EQ(Canon("https://example.com/j?utm_campaign=a&_ga=1&mc_cid=2"), "https://example.com/j");
}

TEST(CanonicalizeUrl, SortsParametersStablyByKey) {
  EXPECT_EQ(Canon("https://example.com/s?q=cook&b=2&a=1&b=1"), "https://example.com/s?a=1&b=2&b=1&q=cook");
}

TEST(CanonicalizeUrl, KeepsValuelessAndEmptyValuesDistinct) {
  EXPECT_EQ(Canon("https://example.com/s?b&a="), "https://example.com/s?a=&b");
  EXPECT_EQ(Canon("https://example.com/s?a=1&&b=2&"), "https://example.com/s?a=1&b=2");
  EXPECT_EQ(Canon("https://example.com/s?"), "https://example.com/s");
}

TEST(CanonicalizeUrl, RfcNormalisesPercentEncoding) {
  EXPECT_EQ(Canon("https://example.com/%7euser/%61b%2fc?x=%3d%41"),
            "https://example.com/~user/ab%2Fc?x=%3DA");
}

TEST(CanonicalizeUrl, EncodesBracketsInQueryButKeepsIpv6Host) {
  EXPECT_EQ(Canon("http://[::1]:8080/a?x[]=1"), "http://[::1]:8080/a?x%5B%5D=1");
}

TEST(CanonicalizeUrl, EncodesStrayPercent) {
  EXPECT_EQ(Canon("https://example.com/100%/x?p=5%"), "https://example.com/100%25/x?p=5%25");
}

TEST(CanonicalizeUrl, KeepsIdnHostAsGivenLowerCased) {
  EXPECT_EQ(Canon("https://MÜNCHEN-Jobs.de/stellen"), "https://münchen-jobs.de/stellen");
  EXPECT_EQ(Canon("https://münchen.de/"), "https://münchen.de/");
  EXPECT_EQ(Canon("https://m%C3%BCnchen.de/"), "https://münchen.de/");
}

// Found by fuzzing (tests/fuzz/regressions/url/): bytes that are not UTF-8
// in a host stay percent-encoded, so canonical URLs are valid UTF-8.
TEST(CanonicalizeUrl, KeepsHostBytesThatAreNotUtf8Encoded) {
  EXPECT_EQ(Canon("https://www.EXAMPLE\x82.de/jobs"), "https://www.example%82.de/jobs");
  EXPECT_EQ(Canon("https://www.example%82.de/jobs"), "https://www.example%82.de/jobs");
  EXPECT_EQ(ResolveUrl("https://a.de/", "\\\\evi\xeal.de/"), "https://evi%EAl.de/");
}

// Found by fuzzing (tests/fuzz/regressions/url/): a port that is not a
// number must not turn into part of the host.
TEST(CanonicalizeUrl, RejectsPortThatIsNoNumber) {
  EXPECT_FALSE(CanonicalizeUrl("https://example.de:s/x"));
  EXPECT_FALSE(CanonicalizeUrl("https://bank.de:evil.com/login"));
  EXPECT_FALSE(CanonicalizeUrl("https://example.de:80s/x"));
  EXPECT_FALSE(HostKey("https://bank.de:evil.com/login"));
  EXPECT_FALSE(ResolveUrl("https://bank.de/", "//bank.de:evil.com/login"));
  EXPECT_EQ(Canon("https://example.de:/x"), "https://example.de/x");
}

TEST(CanonicalizeUrl, SamePageViaDifferentSpellingsIsOneString) {
  const std::string expected = "https://jobs.example.com/de/stellen/k%C3%B6ln?id=5&page=2";
  for (const char* spelling : {
           "https://jobs.example.com/de/stellen/köln?page=2&id=5",
           "HTTPS://JOBS.example.com:443/de/./stellen/../stellen/k%c3%b6ln?id=5&page=2#top",
           "  https://jobs.example.com/x/../de/stellen/k%C3%B6ln?utm_source=mail&id=5&page=2 ",
           "https://jobs.example.com/%64e/stellen/k%C3%B6ln?id=5&page=2&fbclid=abc",
       }) {
    EXPECT_EQ(Canon(spelling), expected) << spelling;
  }
}

TEST(CanonicalizeUrl, IsIdempotent) {
  for (const char* url : {"https://münchen.de/a b?z=1&a=%7e", "http://[::1]/x?y[]=1",
                          "https://example.com:8443/%E2%82%AC"}) {
    const std::string once = Canon(url);
    EXPECT_EQ(Canon(once), once) << url;
  }
}

TEST(CanonicalizeUrl, RejectsRelativeAndNonHttp) {
  EXPECT_FALSE(CanonicalizeUrl("/jobs"));
  EXPECT_FALSE(CanonicalizeUrl("example.com/jobs"));
  EXPECT_FALSE(CanonicalizeUrl("ftp://example.com/"));
  EXPECT_FALSE(CanonicalizeUrl("http:jobs"));
  EXPECT_FALSE(CanonicalizeUrl("http:///jobs"));
  EXPECT_FALSE(CanonicalizeUrl(""));
  EXPECT_FALSE(CanonicalizeUrl("http://exa mple.com/"));
}

TEST(CanonicalizeUrl, RejectsOverlongUrls) {
  EXPECT_FALSE(CanonicalizeUrl("https://example.com/" + std::string(10000, 'a')));
}

TEST(CanonicalizeUrl, KeepsUserinfo) {
  EXPECT_EQ(Canon("http://User:Pw@Example.com/"), "http://User:Pw@example.com/");
}

TEST(HostKey, AlwaysHasPort) {
  EXPECT_EQ(HostKey("https://Example.com/jobs?x=1").value_or(""), "https://example.com:443");
  EXPECT_EQ(HostKey("http://example.com/").value_or(""), "http://example.com:80");
  EXPECT_EQ(HostKey("http://example.com:8080/a").value_or(""), "http://example.com:8080");
  EXPECT_EQ(HostKey("http://user@127.0.0.1:80/").value_or(""), "http://127.0.0.1:80");
  EXPECT_EQ(HostKey("http://[::1]:81/").value_or(""), "http://[::1]:81");
}

TEST(HostKey, RejectsWhatIsNotAnAbsoluteHttpUrl) {
  EXPECT_FALSE(HostKey("/jobs"));
  EXPECT_FALSE(HostKey("mailto:x@example.com"));
  EXPECT_FALSE(HostKey("http://example.com:70000/"));
}

TEST(IsTrackingParameter, KnowsTheList) {
  for (const char* key : {"utm_source", "utm_medium", "UTM_CAMPAIGN", "utm_whatever", "gclid", "fbclid",
                          "msclkid", "dclid", "gbraid", "wbraid", "yclid", "mc_cid", "mc_eid", "_ga",
                          "_gl", "igshid", "ref_src"}) {
    EXPECT_TRUE(IsTrackingParameter(key)) << key;
  }
  for (const char* key : {"id", "page", "utm", "utm_", "ref", "q", "", "gclid2"}) {
    EXPECT_FALSE(IsTrackingParameter(key)) << key;
  }
}

TEST(ResolveUrl, NeverThrowsOnJunk) {
  const std::string junk[] = {"%", "%%", "[", "http://[", "http://[::1", "//", "///", "?#",
                              std::string("\0x", 2), "\xff\xfe", "http://a:b:c/", "::::"};
  for (const auto& j : junk) {
    EXPECT_NO_THROW((void)ResolveUrl("https://example.com/", j));
    EXPECT_NO_THROW((void)CanonicalizeUrl(j));
    EXPECT_NO_THROW((void)HostKey(j));
  }
}

// --- The URL as found (what is fetched) beside the canonical identity ---

std::string Fetch(std::string_view base, std::string_view href) {
  std::optional<FoundUrl> found = ResolveLink(base, href);
  return found ? found->fetch : "<nullopt>";
}

TEST(ResolveLink, FetchFormKeepsTheQueryOrderAsFound) {
  std::optional<FoundUrl> found =
      ResolveLink("https://board.example/suche?was=it", "?was=it&wo=hagen&seite=2");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->fetch, "https://board.example/suche?was=it&wo=hagen&seite=2");
  EXPECT_EQ(found->canonical, "https://board.example/suche?seite=2&was=it&wo=hagen");
}

TEST(ResolveLink, FetchFormKeepsEncodingPortAndPathCase) {
  EXPECT_EQ(Fetch("http://Board.Example:8080/a/", "Stellen%2fListe?q=IT%2DLeiter&x=%7e"),
            "http://board.example:8080/a/Stellen%2fListe?q=IT%2DLeiter&x=%7e");
  EXPECT_EQ(Canon("http://Board.Example:8080/a/Stellen%2fListe?q=IT%2DLeiter&x=%7e"),
            "http://board.example:8080/a/Stellen%2FListe?q=IT-Leiter&x=~");
}

TEST(ResolveUrl, RfcAnEncodedSlashInARelativePathStaysEncoded) {
  EXPECT_EQ(Resolve("http://a/b/", "c%2fd"), "http://a/b/c%2Fd");
  EXPECT_EQ(Resolve("http://a/b/", "/x/c%2Fd/../e"), "http://a/x/e");
  EXPECT_EQ(Resolve("http://a/b/", "c%2e%2e/d"), "http://a/b/c../d");
}

TEST(ResolveLink, FetchFormDropsFragmentTrackingEmptyPairsAndDotSegments) {
  EXPECT_EQ(Fetch("https://b.example/x/y", "../jobs/./7?utm_source=nl&id=7&&gclid=1#apply"),
            "https://b.example/jobs/7?id=7");
  EXPECT_EQ(Fetch("https://b.example/", "/jobs?utm_medium=mail"), "https://b.example/jobs");
  EXPECT_EQ(Fetch("https://b.example/", "https://c.example"), "https://c.example/");
}

TEST(ResolveLink, BrowserForbiddenCharactersArePercentEncodedInTheFetchFormToo) {
  EXPECT_EQ(Fetch("https://b.example/", "/jobs/münchen?q=a b"),
            "https://b.example/jobs/m%C3%BCnchen?q=a%20b");
}

TEST(ResolveLink, RejectsWhatResolveUrlRejectsAndSaysWhy) {
  UrlRejection why = UrlRejection::kNone;
  EXPECT_FALSE(ResolveLink("https://b.example/", "mailto:jobs@b.example", &why));
  EXPECT_EQ(why, UrlRejection::kInvalid);
  EXPECT_TRUE(ResolveLink("https://b.example/", "/ok", &why));
  EXPECT_EQ(why, UrlRejection::kNone);
}

TEST(FoundAt, GivesBothFormsOfAnAbsoluteUrlAndNothingForARelativeOne) {
  std::optional<FoundUrl> found = FoundAt("https://www.hagen.de/jobs?b=2&a=1#top");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->fetch, "https://www.hagen.de/jobs?b=2&a=1");
  EXPECT_EQ(found->canonical, "https://www.hagen.de/jobs?a=1&b=2");
  EXPECT_FALSE(FoundAt("/jobs"));
}

// --- Length cap (after canonicalisation and percent-encoding) ---

TEST(UrlLength, AHrefWithinTheLimitThatPercentEncodingTriplesIsRejected) {
  // 3,000 bytes as written, 9,000 after "|" becomes "%7C".
  const std::string href = "/jobs?q=" + std::string(3000, '|');
  UrlRejection why = UrlRejection::kNone;
  EXPECT_FALSE(ResolveLink("https://b.example/", href, &why));
  EXPECT_EQ(why, UrlRejection::kTooLong);
  EXPECT_FALSE(ResolveUrl("https://b.example/", href));
  EXPECT_FALSE(CanonicalizeUrl("https://b.example" + href));
}

TEST(UrlLength, A33000ByteUrlIsRejectedNotCrashedOn) {
  const std::string url = "https://h/" + std::string(33000, 'a');
  UrlRejection why = UrlRejection::kNone;
  EXPECT_FALSE(ResolveLink("https://h/", url, &why));
  EXPECT_EQ(why, UrlRejection::kTooLong);
  EXPECT_FALSE(CanonicalizeUrl(url));
  EXPECT_FALSE(HostKey(url));
}

TEST(UrlLength, AUrlAtTheLimitIsKept) {
  const std::string prefix = "https://b.example/";
  const std::string url = prefix + std::string(kMaxUrlBytes - prefix.size(), 'a');
  std::optional<FoundUrl> found = ResolveLink(prefix, url);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->canonical.size(), kMaxUrlBytes);
  EXPECT_FALSE(ResolveLink(prefix, url + "a"));
}

}  // namespace
}  // namespace jobcrawler::crawler
