// The raw-text cut against gumbo itself: for every page in tests/data and
// for thousands of generated tag soups built from the constructs that make
// tokenizing hard, gumbo's tree of the cut page equals its tree of the page
// but for the text of the cut (non-JSON) scripts and styles.
#include "parsers/html/raw_text_cut.h"

#include <gumbo.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace jobcrawler::parsers::internal {
namespace {

std::string Lowered(std::string_view text) {
  std::string out;
  for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return Lowered(std::string_view(piece.data, piece.length));
}

// Whether the element's text is what the cut may remove.
bool Cuttable(const GumboElement& element) {
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
  if (element.tag == GUMBO_TAG_STYLE) return true;
  if (element.tag != GUMBO_TAG_SCRIPT) return false;
  const GumboAttribute* type = gumbo_get_attribute(&element.attributes, "type");
  return type == nullptr || Lowered(type->value).find("json") == std::string::npos;
}

void Serialize(const GumboNode* node, std::string& out) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      out += "#document\n";
      for (unsigned i = 0; i < node->v.document.children.length; ++i) {
        Serialize(static_cast<const GumboNode*>(node->v.document.children.data[i]), out);
      }
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboElement& element = node->v.element;
      out += "<" + std::to_string(element.tag_namespace) + ":" + TagName(element);
      for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        out += std::string(" ") + attribute->name + "=\"" + attribute->value + "\"";
      }
      out += ">\n";
      const bool skip_text = Cuttable(element);
      for (unsigned i = 0; i < element.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
        if (skip_text && child->type == GUMBO_NODE_TEXT) continue;
        Serialize(child, out);
      }
      out += "</" + TagName(element) + ">\n";
      return;
    }
    default:
      out += "#" + std::to_string(node->type) + "[" + node->v.text.text + "]\n";
      return;
  }
}

std::string Tree(const std::string& html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string out;
  Serialize(output->document, out);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return out;
}

// Expects the same tree; true when something was cut. Cuts every content,
// small ones too, so that every script and style is put to the test.
bool ExpectSameTree(const std::string& html, const std::string& what) {
  std::optional<std::string> cut = CutRawText(html, 1);
  if (!cut) return false;
  EXPECT_LT(cut->size(), html.size()) << what;
  EXPECT_EQ(Tree(*cut), Tree(html)) << what << "\n" << html;
  return true;
}

std::string Filler(std::mt19937& random) {
  static const char* const kBits[] = {"var a = 1; ", "x < y && ", "\"</p>\" + ", "// <b>\n",
                                      "color: red; ", "a-->b ", "<\\/script> ", "\r\n"};
  std::string out;
  while (out.size() < kMinCutBytes + 64) out += kBits[random() % std::size(kBits)];
  return out;
}

std::string Soup(std::mt19937& random) {
  static const char* const kCommon[] = {
      "<script>", "<script type=\"application/ld+json\">", "<script type='module'>", "</script>",
      "</SCRIPT >", "</script/>", "<script/>", "<SCRIPT src=a.js defer>", "<scripts>", "</scripts>",
      "<!--", "-->", "--!>", "<!-->", "<!--->", "<!-", "<!--<script>", "</script-->", "<style>",
      "<style type=x>", "</style>", "</style x='>'>", "<svg>", "<svg/>", "</svg>", "</svg >",
      "<g>", "</g>", "<path d='a>b'/>", "<circle r=1>", "</circle>", "<clipPath>", "</clipPath>",
      "<text>", "</text>", "<title>", "</title>", "<textarea>", "</textarea>", "<p>", "</p>",
      "<div>", "</div>", "<b>", "</b>", "<noscript>", "</noscript>", "<iframe>", "</iframe>",
      "<xmp>", "</xmp>", "<noembed>", "</noembed>", "<noframes>", "</noframes>",
      "<!DOCTYPE html>", "<!doctype x \"a>b\">", "<a href=\"x\">", "</a>", "<table>", "<td>",
      "<head>", "</head>", "<body>", "<?php ?>", "</>", "</ x>", "</1>", "<img src=a>", "<br/>",
      "</br>", "<", ">", "-", "=", "/", "text ", "<a b=\"c\"d>", "<x y=>", "<x =y>", "<x/ y>",
      "]]>"};
  // Constructs after which the cut stops; rarer, so that soups go on.
  static const char* const kRare[] = {"<select>", "<option>", "<math>", "<mi>", "<desc>",
                                      "<foreignObject>", "<font color=red>", "<frameset>",
                                      "<template>", "</template>", "<plaintext>", "'", "\"",
                                      "<a b='c", "<![CDATA["};
  std::string out;
  const int parts = 3 + static_cast<int>(random() % 30);
  for (int i = 0; i < parts; ++i) {
    const auto pick = random() % 40;
    if (pick < 10) {
      out += Filler(random);
    } else if (pick == 10 || pick == 11) {
      out += kRare[random() % std::size(kRare)];
    } else {
      out += kCommon[random() % std::size(kCommon)];
    }
  }
  return out;
}

TEST(RawTextCut, GeneratedTagSoupKeepsGumbosTree) {
  std::mt19937 random(20261206);
  int cut = 0;
  constexpr int kSoups = 10000;
  for (int i = 0; i < kSoups; ++i) {
    cut += ExpectSameTree(Soup(random), "soup " + std::to_string(i));
    if (::testing::Test::HasFailure()) return;  // one reproducer is enough
  }
  EXPECT_GT(cut, kSoups / 20) << "the soups must exercise the cut";
}

TEST(RawTextCut, EveryTestPageKeepsGumbosTree) {
  int pages = 0;
  int cut = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(JOBCRAWLER_TEST_DATA_DIR)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".html" && extension != ".htm")) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream content;
    content << file.rdbuf();
    cut += ExpectSameTree(content.str(), entry.path().string());
    ++pages;
  }
  EXPECT_GT(pages, 60);
  EXPECT_GT(cut, 0);
}

TEST(RawTextCut, CutsLargeScriptsAndStylesButNotJsonLd) {
  const std::string bulk(kMinCutBytes, 'x');
  const std::string json = "{\"@type\":\"JobPosting\",\"title\":\"" + bulk + "\"}";
  const std::string page = "<html><head><style>" + bulk + "</style><script>" + bulk +
                           "</script><script type=\"application/ld+json\">" + json +
                           "</script></head><body><script>var a;</script></body></html>";
  EXPECT_EQ(CutRawText(page).value(),
            "<html><head><style></style><script></script><script type=\"application/ld+json\">" +
                json + "</script></head><body><script>var a;</script></body></html>");
}

TEST(RawTextCut, FollowsScriptEscapesToTheRealEndTag) {
  const std::string bulk(kMinCutBytes, 'x');
  const std::string page = "<script>" + bulk + "<!--<script></script>y</script><p>z</p>";
  EXPECT_EQ(CutRawText(page).value(), "<script></script><p>z</p>");
}

TEST(RawTextCut, StopsWhereItCannotBeSure) {
  const std::string bulk(kMinCutBytes, 'x');
  const std::string script = "<script>" + bulk + "</script>";
  for (std::string stop : {"<select>", "<math>", "<svg><foreignObject>", "<svg><p>",
                                  "<svg><![CDATA[ ]]>", "<template>", "<plaintext>",
                                  "<svg><g></svg>", "<!-- no end", "<a href='no end"}) {
    EXPECT_EQ(CutRawText(stop + script), std::nullopt) << stop;
  }
  EXPECT_NE(CutRawText("<svg><g><path/></g></svg>" + script), std::nullopt);
}

}  // namespace
}  // namespace jobcrawler::parsers::internal
