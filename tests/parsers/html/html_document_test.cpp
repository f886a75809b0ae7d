#include "parsers/html/html_document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/html/html_nesting.h"

namespace jobcrawler::parsers {
namespace {

std::vector<std::string> TagNames(const std::vector<HtmlNode>& nodes) {
  std::vector<std::string> names;
  for (const HtmlNode& node : nodes) names.push_back(node.TagName());
  return names;
}

std::string FirstText(const HtmlDocument& document, std::string_view tag) {
  const std::vector<HtmlNode> found = document.FindAll(tag);
  return found.empty() ? "<none>" : found.front().Text();
}

TEST(HtmlDocument, VisitsEveryElementInDocumentOrder) {
  const HtmlDocument document("<p>a<b>b</b></p><div><i>c</i></div>");
  std::vector<std::string> tags;
  document.ForEachElement([&tags](HtmlNode node) { tags.push_back(node.TagName()); });
  EXPECT_EQ(tags, (std::vector<std::string>{"html", "head", "body", "p", "b", "div", "i"}));
}

TEST(HtmlDocument, FindsElementsByTagName) {
  const HtmlDocument document("<a href=1>x</a><p><a href=2>y</a></p>");
  const std::vector<HtmlNode> links = document.FindAll("a");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[1].Attribute("href"), "2");
}

TEST(HtmlDocument, ReadsAttributesDecodedAndCaseInsensitively) {
  const HtmlDocument document(R"(<A HREF="/jobs?a=1&amp;b=2" Data-X="">x</A>)");
  const HtmlNode link = document.FindAll("a").at(0);
  EXPECT_EQ(link.Attribute("href"), "/jobs?a=1&b=2");
  EXPECT_EQ(link.Attribute("data-x"), "");
  EXPECT_TRUE(link.HasAttribute("data-x"));
  EXPECT_EQ(link.Attribute("title"), std::nullopt);
}

TEST(HtmlDocument, CollapsesWhitespaceInText) {
  const HtmlDocument document("<p>  IT-Leiter \n\t (m/w/d)&nbsp;&nbsp;in  Hagen </p>");
  EXPECT_EQ(FirstText(document, "p"), "IT-Leiter (m/w/d) in Hagen");
}

TEST(HtmlDocument, SeparatesBlocksButJoinsInlineElements) {
  const HtmlDocument document("<div><p>Wir</p><p>suchen</p>Sie<br>jetzt <b>so</b>fort</div>");
  EXPECT_EQ(FirstText(document, "div"), "Wir suchen Sie jetzt sofort");
}

TEST(HtmlDocument, LeavesScriptAndStyleOutOfText) {
  const HtmlDocument document("<div>a<script>var x;</script><style>p{}</style>b</div>");
  EXPECT_EQ(FirstText(document, "div"), "a b");
}

TEST(HtmlDocument, KeepsScriptBodyRaw) {
  const HtmlDocument document("<script>  {\"a\": \"&lt;p&gt;\"}\n</script>");
  EXPECT_EQ(document.FindAll("script").at(0).RawText(), "  {\"a\": \"&lt;p&gt;\"}\n");
}

TEST(HtmlDocument, NamesUnknownTagsAsWritten) {
  const HtmlDocument document("<Job-Card>x</Job-Card>");
  EXPECT_EQ(TagNames(document.FindAll("job-card")), (std::vector<std::string>{"job-card"}));
}

TEST(HtmlDocument, TellsSvgElementsFromHtml) {
  const HtmlDocument document("<title>Page</title><svg><title>Icon</title></svg>");
  const std::vector<HtmlNode> titles = document.FindAll("title");
  ASSERT_EQ(titles.size(), 2u);
  EXPECT_TRUE(titles[0].InHtmlNamespace());
  EXPECT_FALSE(titles[1].InHtmlNamespace());
}

TEST(HtmlDocument, ListsElementChildrenOnly) {
  const HtmlDocument document("<ul>text<li>1</li><!-- c --><li>2</li></ul>");
  EXPECT_EQ(TagNames(document.FindAll("ul").at(0).Children()),
            (std::vector<std::string>{"li", "li"}));
}

TEST(HtmlDocument, WalkCanSkipChildrenAndStop) {
  const HtmlDocument document("<div><section><p>x</p></section><aside></aside><nav></nav></div>");
  std::vector<std::string> seen;
  document.FindAll("div").at(0).Walk([&seen](HtmlNode node) {
    seen.push_back(node.TagName());
    if (node.TagName() == "section") return WalkStep::kSkipChildren;
    if (node.TagName() == "aside") return WalkStep::kStop;
    return WalkStep::kDescend;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"section", "aside"}));
}

TEST(HtmlDocument, StaysUsableAfterMove) {
  HtmlDocument original("<title>Short</title>");
  const HtmlDocument moved(std::move(original));
  EXPECT_EQ(FirstText(moved, "title"), "Short");
}

TEST(HtmlDocument, ParsesEmptyInputToSkeleton) {
  const HtmlDocument document("");
  EXPECT_EQ(document.Root().TagName(), "html");
  EXPECT_EQ(document.Root().Text(), "");
}

TEST(HtmlDocument, CutsPagesNestedDeeperThanTheLimit) {
  std::string html = "<title>Tief</title>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  const HtmlDocument document(html);
  EXPECT_EQ(document.FindAll("div").size(), static_cast<std::size_t>(NestingLimits{}.max_depth));
  EXPECT_EQ(document.parsed_length(), 19u + 5u * NestingLimits{}.max_depth);
  EXPECT_EQ(FirstText(document, "title"), "Tief");
}

TEST(HtmlDocument, ParsesWholePageWithinTheLimit) {
  const std::string html = "<div><p>a<p>b</div>";
  EXPECT_EQ(HtmlDocument(html).parsed_length(), html.size());
}

TEST(HtmlDocument, SurvivesBinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
  const HtmlDocument document(garbage);
  EXPECT_EQ(document.Root().TagName(), "html");
}

// Records what WalkText reports, as "<tag", "text" and ">tag".
class Recorder : public HtmlTextVisitor {
 public:
  WalkStep Enter(HtmlNode element) override {
    events.push_back("<" + element.TagName());
    return element.TagName() == "script" ? WalkStep::kSkipChildren : WalkStep::kDescend;
  }
  void Text(std::string_view text) override { events.emplace_back(text); }
  void Leave(HtmlNode element) override { events.push_back(">" + element.TagName()); }
  std::vector<std::string> events;
};

TEST(HtmlNode, WalkTextReportsElementsAndTextInOrder) {
  const HtmlDocument document("<p>a<b>b</b><br>c</p><script>x</script><p></p>");
  Recorder recorder;
  document.FindAll("body").front().WalkText(recorder);
  EXPECT_EQ(recorder.events,
            (std::vector<std::string>{"<p", "a", "<b", "b", ">b", "<br", ">br", "c", ">p",
                                      "<script", "<p", ">p"}));
}

TEST(HtmlNode, WalkTextStopsWhenAsked) {
  class Stopper : public Recorder {
   public:
    WalkStep Enter(HtmlNode element) override {
      Recorder::Enter(element);
      return element.TagName() == "i" ? WalkStep::kStop : WalkStep::kDescend;
    }
  };
  const HtmlDocument document("<div><i>x</i><p>y</p></div>");
  Stopper stopper;
  document.FindAll("body").front().WalkText(stopper);
  EXPECT_EQ(stopper.events, (std::vector<std::string>{"<div", "<i"}));
}

}  // namespace
}  // namespace jobcrawler::parsers
