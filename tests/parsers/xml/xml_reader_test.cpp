#include "parsers/xml/xml_reader.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

#include "parsers/html/charset.h"
#include "parsers/xml/xml_input.h"

namespace jobcrawler::parsers {
namespace {

using Events = std::vector<std::string>;

// Records every event as a line: "<a>", "</a>", "</a cut>", "text", "! error".
class Recorder : public XmlHandler {
 public:
  Events events;
  std::size_t stop_after_starts = SIZE_MAX;

  bool OnStartElement(std::string_view name) override {
    events.push_back("<" + std::string(name) + ">");
    return --stop_after_starts > 0;
  }
  bool OnEndElement(std::string_view name, bool complete) override {
    events.push_back("</" + std::string(name) + (complete ? "" : " cut") + ">");
    return true;
  }
  bool OnText(std::string_view text) override {
    if (!events.empty() && events.back().starts_with("'")) {
      events.back().insert(events.back().size() - 1, text);
    } else {
      events.push_back("'" + std::string(text) + "'");
    }
    return true;
  }
  bool OnError(std::string message) override {
    events.push_back("! " + message);
    return true;
  }
};

Events Read(std::string_view xml, XmlLimits limits = {}) {
  Recorder recorder;
  ReadXml(xml, &recorder, limits);
  return recorder.events;
}

TEST(XmlReader, ReportsElementsTextAndCdata) {
  EXPECT_EQ(
      Read("<?xml version=\"1.0\"?><a><b x=\"1\">t&amp;u</b><c><![CDATA[<p>&amp;</p>]]></c></a>"),
      (Events{"<a>", "<b>", "'t&u'", "</b>", "<c>", "'<p>&amp;</p>'", "</c>", "</a>"}));
}

TEST(XmlReader, GivesLocalNamesWithCaseKept) {
  EXPECT_EQ(Read("<s:Urlset xmlns:s=\"urn:x\"><s:URL/></s:Urlset>"),
            (Events{"<Urlset>", "<URL>", "</URL>", "</Urlset>"}));
}

TEST(XmlReader, KeepsUnknownEntitiesAndStrayAmpersandsAsWritten) {
  EXPECT_EQ(Read("<a>x &nbsp; &b=2 &#xZZ; &#0; &#x41; &</a>"),
            (Events{"<a>", "'x &nbsp; &b=2 &#xZZ; \uFFFD A &'", "</a>"}));
}

TEST(XmlReader, KeepsPredefinedEntitiesAfterAnError) {
  const Events events = Read("<a><b></c>x&amp;y&lt;&gt;&quot;&apos;</a>");
  EXPECT_NE(std::find(events.begin(), events.end(), "'x&y<>\"''"), events.end());
}

TEST(XmlReader, DoesNotExpandDeclaredEntities) {
  const Events events = Read(
      "<!DOCTYPE a [<!ENTITY x \"expanded\"><!ENTITY y SYSTEM \"file:///etc/hostname\">]>"
      "<a>&x;&y;</a>");
  EXPECT_EQ(events, (Events{"<a>", "'&x;&y;'", "</a>"}));
}

TEST(XmlReader, NeverConnectsToTheNetwork) {
  // A listening socket on 127.0.0.1: a connection attempt would be queued in
  // its backlog even though nobody accepts it.
  const int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 8), 0);
  ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const std::string base = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  const Events events = Read(
      "<!DOCTYPE a SYSTEM \"" + base + "/a.dtd\" [<!ENTITY e SYSTEM \"" + base +
      "/e.xml\"><!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]>"
      "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\">&e;<xi:include href=\"" + base +
      "/x.xml\"/></a>");
  EXPECT_EQ(events.front(), "<a>");
  EXPECT_LT(accept(listener, nullptr, nullptr), 0);
  EXPECT_TRUE(errno == EAGAIN || errno == EWOULDBLOCK);
  close(listener);
}

TEST(XmlReader, ClosesCutOffElementsAsIncomplete) {
  const Events events = Read("<a><b>text");
  ASSERT_GE(events.size(), 4u);
  EXPECT_EQ(events[events.size() - 2], "</b cut>");
  EXPECT_EQ(events.back(), "</a cut>");
  EXPECT_NE(std::find(events.begin(), events.end(), "! line 1: input ended inside <b>"),
            events.end());
}

TEST(XmlReader, ReadsOnAfterTheRootClosedEarly) {
  EXPECT_EQ(
      Read("<a><b/></b>\n<c/></a>"),
      (Events{
          "<a>", "<b>", "</b>", "! line 1: Opening and ending tag mismatch: a line 1 and b", "</a>",
          "! line 2: Extra content at the end of the document; read on as a new document", "<c>",
          "</c>", "! line 2: Extra content at the end of the document; read on as a new document",
          "! line 2: stray </a>"}));
}

TEST(XmlReader, StopsWhenTheHandlerSaysSo) {
  Recorder recorder;
  recorder.stop_after_starts = 2;
  ReadXml("<a><b><c/></b><d/></a>", &recorder, {});
  EXPECT_EQ(recorder.events, (Events{"<a>", "<b>", "</b cut>", "</a cut>"}));
}

TEST(XmlReader, StopsAtTheDepthLimit) {
  XmlLimits limits;
  limits.max_depth = 3;
  EXPECT_EQ(Read("<a><b><c><d><e/></d></c></b></a>", limits),
            (Events{"<a>", "<b>", "<c>", "! elements nested deeper than 3; stopped", "</c cut>",
                    "</b cut>", "</a cut>"}));
}

TEST(XmlReader, BoundsRestarts) {
  std::string xml;
  for (int i = 0; i < 50; ++i) xml += "<a/>";
  XmlLimits limits;
  limits.max_restarts = 5;
  const Events events = Read(xml, limits);
  EXPECT_EQ(std::count(events.begin(), events.end(), "<a>"), 6);
  EXPECT_EQ(events.back(), "! more than 5 documents read on after stray end tags; stopped");
}

TEST(XmlReader, SkipsManyStrayEndTagsInOnePass) {
  // Regression: line numbers were counted from the document start for every
  // stray tag, which made this input quadratic.
  class Counter : public Recorder {
   public:
    std::size_t errors = 0;
    bool OnError(std::string) override { return ++errors > 0; }
  } counter;
  std::string xml = "<a/>";
  for (int i = 0; i < 200'000; ++i) xml += "</a>\n";
  ReadXml(xml, &counter, {});
  EXPECT_EQ(counter.errors, 200'000u + 1);  // the first one is libxml2's "Extra content"
}

TEST(XmlReader, CutsLongErrors) {
  const std::string name(10'000, 'n');
  for (const std::string& event : Read("<a></" + name + ">")) {
    EXPECT_LE(event.size(), kMaxXmlErrorBytes + 8) << event.substr(0, 50);
  }
}

// Found by fuzzing (tests/fuzz/regressions/feed_personio/): libxml2 quotes
// the first 50 bytes of an unterminated comment, cutting the 17th "€" (3
// bytes each) in two.
TEST(XmlReader, ErrorsQuotingTheInputAreValidUtf8) {
  std::string comment;
  for (int i = 0; i < 40; ++i) comment += "\u20ac";
  bool quoted = false;
  for (const std::string& event : Read("<a><!--" + comment + "</a>")) {
    if (!event.starts_with("! ")) continue;
    quoted = quoted || event.find("\u20ac\u20ac") != std::string::npos;
    EXPECT_FALSE(DecodeHtml(event, "text/plain; charset=utf-8").replaced) << event;
  }
  EXPECT_TRUE(quoted);
}

TEST(XmlReader, SurvivesGarbage) {
  for (std::string_view xml : {"", "<", "<<<<", "</>", "<a", "&", "<![CDATA[", "<!--", "<?x",
                               "<!DOCTYPE", "<a b='>", "\xFF\xFE\x00", "<a>\x01\x02</a>"}) {
    Recorder recorder;
    ReadXml(xml, &recorder, {});
    int depth = 0;
    for (const std::string& event : recorder.events) {
      if (event.starts_with("</"))
        --depth;
      else if (event.starts_with("<"))
        ++depth;
    }
    EXPECT_EQ(depth, 0) << xml;  // every start has its end
  }
}

TEST(XmlInput, RewritesReferencesAndControlCharacters) {
  EXPECT_EQ(PrepareXmlInput("<a x='&amp;'>&lt;&#38;&nbsp;\x01</a>", 1000).text,
            "<a x='&#38;'>&#60;&#38;&#38;nbsp;\uFFFD</a>");
}

TEST(XmlInput, LeavesCommentsCdataAndInstructionsAlone) {
  EXPECT_EQ(PrepareXmlInput("<!-- &x; --><![CDATA[&y;<]]><?pi &z;?>", 1000).text,
            "<!-- &x; --><![CDATA[&y;<]]><?pi &z;?>");
}

TEST(XmlInput, EscapesLessThanInQuotedAttributeValuesOnly) {
  EXPECT_EQ(PrepareXmlInput("<a b=\"<c>\" d='>'>x</a>", 1000).text, "<a b=\"&#60;c>\" d='>'>x</a>");
  // An unbalanced quote does not swallow the document.
  EXPECT_EQ(PrepareXmlInput("<a b='></a><c/>", 1000).text, "<a b='></a><c/>");
}

TEST(XmlInput, DecodesDeclaredEncodings) {
  const PreparedXml latin1 =
      PrepareXmlInput("<?xml version='1.0' encoding='iso-8859-1'?><a>\xE4</a>", 1000);
  EXPECT_EQ(latin1.charset, "windows-1252");
  EXPECT_EQ(latin1.text, "<?xml version='1.0' encoding='iso-8859-1'?><a>\u00E4</a>");
  const PreparedXml utf16 = PrepareXmlInput(std::string("\xFF\xFE<\0a\0/\0>\0", 10), 1000);
  EXPECT_EQ(utf16.text, "<a/>");
  EXPECT_EQ(DeclaredXmlEncoding("<?xml version=\"1.0\" encoding = \"UTF-8\" ?>"), "UTF-8");
  EXPECT_EQ(DeclaredXmlEncoding(" <?xml encoding='x'?>"), "");
}

TEST(XmlInput, CapsTheOutputAtACharacterBoundary) {
  const PreparedXml prepared = PrepareXmlInput("<a>\u00E4\u00E4\u00E4</a>", 6);
  EXPECT_EQ(prepared.text, "<a>\u00E4");
  ASSERT_EQ(prepared.notes.size(), 1u);
  EXPECT_TRUE(prepared.notes[0].starts_with("larger than 6 bytes")) << prepared.notes[0];
}

}  // namespace
}  // namespace jobcrawler::parsers
