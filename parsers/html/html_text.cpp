#include "parsers/html/html_text.h"

#include "parsers/html/html_document.h"

namespace jobcrawler::parsers {
namespace {

// Escaped once is common, twice happens (a CMS escaping its own output);
// three rounds cover both with one to spare and bound the work.
constexpr int kMaxHtmlTextRounds = 3;

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when `text` still holds something an HTML parser would change: a tag
// ("<p", "</p", "<!--") or a character reference ("&amp;", "&#39;").
bool LooksLikeHtml(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char next = text[i + 1];
    if (text[i] == '<' && (IsAsciiAlpha(next) || next == '/' || next == '!')) return true;
    if (text[i] == '&' && (IsAsciiAlpha(next) || next == '#')) return true;
  }
  return false;
}

std::string OneRound(std::string_view html) { return HtmlDocument(html).Root().Text(); }

}  // namespace

std::string HtmlToText(std::string_view html) {
  std::string text = OneRound(html);
  for (int round = 1; round < kMaxHtmlTextRounds && LooksLikeHtml(text); ++round) {
    text = OneRound(text);
  }
  return text;
}

}  // namespace jobcrawler::parsers
