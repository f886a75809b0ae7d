#include "parsers/html/html_text.h"

#include <gtest/gtest.h>

namespace jobcrawler::parsers {
namespace {

TEST(HtmlToText, StripsTagsOfRawHtml) {
  EXPECT_EQ(HtmlToText("<p>Wir suchen <b>Sie</b>.</p><ul><li>Führung</li><li>IT</li></ul>"),
            "Wir suchen Sie. Führung IT");
}

TEST(HtmlToText, DecodesEscapedHtmlBeforeStrippingTags) {
  EXPECT_EQ(HtmlToText("&lt;p&gt;Leitung der IT&lt;/p&gt;&lt;p&gt;in Hagen&lt;/p&gt;"),
            "Leitung der IT in Hagen");
}

TEST(HtmlToText, DecodesDoublyEscapedHtml) {
  EXPECT_EQ(HtmlToText("&amp;lt;p&amp;gt;M&amp;amp;A-Projekte&amp;lt;/p&amp;gt;"), "M&A-Projekte");
}

TEST(HtmlToText, DecodesNamedAndNumericReferences) {
  EXPECT_EQ(HtmlToText("Gr&ouml;&szlig;e &#8211; &#x20AC; 5&nbsp;000"), "Größe – € 5 000");
}

TEST(HtmlToText, KeepsPlainTextWithAmpersandsAndComparisons) {
  EXPECT_EQ(HtmlToText("Müller & Söhne: Gehalt < 90k"), "Müller & Söhne: Gehalt < 90k");
}

TEST(HtmlToText, DropsScriptContents) {
  EXPECT_EQ(HtmlToText("a<script>alert(1)</script>b"), "a b");
}

TEST(HtmlToText, CollapsesWhitespace) { EXPECT_EQ(HtmlToText("  a \n\n b\t "), "a b"); }

TEST(HtmlToText, ReturnsEmptyForEmptyInput) { EXPECT_EQ(HtmlToText(""), ""); }

}  // namespace
}  // namespace jobcrawler::parsers
