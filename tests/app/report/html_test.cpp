// Escaping scraped text for the report: nothing a page says may become markup.
#include "app/report/html.h"

#include <gtest/gtest.h>

namespace jobcrawler::app::report {
namespace {

TEST(Escape, TurnsEveryMarkupCharacterIntoAReference) {
  EXPECT_EQ(Escape("<a href=\"x\" title='y'>&</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(Escape, KeepsTextAndUtf8AsTheyAre) {
  EXPECT_EQ(Escape("IT-Leiter (m/w/d) – Hagen, 85.000 €"), "IT-Leiter (m/w/d) – Hagen, 85.000 €");
}

TEST(Escape, ScriptEndTagsAndCommentsCannotSurvive) {
  const std::string escaped = Escape("</script><!-- --><script>alert(1)</script>");
  EXPECT_EQ(escaped.find('<'), std::string::npos);
  EXPECT_EQ(escaped.find('>'), std::string::npos);
}

TEST(Escape, ControlCharactersBecomeSpacesButTabsAndNewlinesStay) {
  EXPECT_EQ(Escape(std::string("a\0b\x01"
                               "c\x7f"
                               "d\te\nf",
                               11)),
            "a b c d\te\nf");
}

TEST(Truncate, CutsAtACharacterBoundaryWithAnEllipsis) {
  EXPECT_EQ(Truncate("short", 10), "short");
  EXPECT_EQ(Truncate("abcdefghij", 6), "abc…");
  // "ä" is two bytes: the cut never splits it.
  const std::string cut = Truncate("aaäää", 6);
  EXPECT_EQ(cut, "aa…");
  EXPECT_LE(cut.size(), 6u);
}

TEST(SafeHref, LinksOnlyAbsoluteHttpAndHttpsUrls) {
  EXPECT_EQ(SafeHref("https://example.org/jobs/1?a=b&c=d"), "https://example.org/jobs/1?a=b&c=d");
  EXPECT_EQ(SafeHref("HTTP://Example.org/"), "HTTP://Example.org/");
  for (const char* bad : {"javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)",
                          "data:text/html,<script>alert(1)</script>", "/relative", "//host/x",
                          "vbscript:x", "https://exa mple.org/", "https://example.org/\n"}) {
    EXPECT_EQ(SafeHref(bad), "") << bad;
  }
}

TEST(SafeHref, OverlongUrlsAreNotLinked) {
  EXPECT_EQ(SafeHref("https://example.org/" + std::string(kMaxHrefBytes, 'a')), "");
}

TEST(HexToBase64, EncodesDigestsForContentSecurityPolicy) {
  EXPECT_EQ(HexToBase64(""), "");
  EXPECT_EQ(HexToBase64("66"), "Zg==");      // "f"
  EXPECT_EQ(HexToBase64("666f"), "Zm8=");    // "fo"
  EXPECT_EQ(HexToBase64("666f6f"), "Zm9v");  // "foo"
  EXPECT_EQ(HexToBase64("666f6f62"), "Zm9vYg==");
  EXPECT_EQ(HexToBase64("fffe"), "//4=");
  EXPECT_EQ(HexToBase64("abc"), "");
  EXPECT_EQ(HexToBase64("zz"), "");
}

}  // namespace
}  // namespace jobcrawler::app::report
