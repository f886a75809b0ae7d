// ExtractPage: one gumbo parse, then links, page metadata and postings.
//
// Our choices, where HTML leaves room: link values are trimmed of
// surrounding whitespace (browsers strip it when resolving) and entity-decoded
// (what the browser's DOM holds); the first <base href>, first canonical link
// and first <title> in the HTML namespace win, as in browsers.
#include "parsers/page_extractor.h"

#include <exception>
#include <string>
#include <unordered_set>

#include "parsers/html_document.h"
#include "parsers/json_ld.h"
#include "parsers/microdata.h"

namespace jobcrawler::parsers {
namespace {

// The crawler caps bodies itself; this is the backstop that bounds gumbo's
// time and memory (its tree costs ~10x the source) on anything larger.
constexpr std::size_t kMaxHtmlBytes = 16 * 1024 * 1024;

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = ToLowerAscii(c);
  return lowered;
}

std::string_view TrimHtmlSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r\f";
  const std::size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(kSpace) - begin + 1);
}

// True when the space-separated, case-insensitive `rel` list holds `token`.
bool RelHas(HtmlNode node, std::string_view token) {
  std::string rel = " " + Lowered(node.Attribute("rel").value_or("")) + " ";
  for (char& c : rel) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') c = ' ';
  }
  return rel.find(" " + std::string(token) + " ") != std::string::npos;
}

// Fragments and non-navigating schemes lead nowhere a crawler can go.
bool IsFollowable(std::string_view href) {
  if (href.empty() || href.front() == '#') return false;
  const std::string lowered = Lowered(href.substr(0, 11));
  return !lowered.starts_with("javascript:") && !lowered.starts_with("mailto:") &&
         !lowered.starts_with("tel:");
}

// "application/ld+json", "Application/LD+JSON; charset=utf-8".
bool IsJsonLdType(std::string_view type) {
  const std::size_t parameters = type.find(';');
  return Lowered(TrimHtmlSpace(type.substr(0, parameters))) == "application/ld+json";
}

class PageReader {
 public:
  explicit PageReader(PageExtraction* page) : page_(page) {}

  void Visit(HtmlNode node) {
    if (!node.InHtmlNamespace()) return;
    const std::string tag = node.TagName();
    if (tag == "a" || tag == "area") AddLink(node.Attribute("href"));
    if (tag == "link") VisitLink(node);
    if (tag == "base" && !seen_base_ && node.HasAttribute("href")) {
      page_->base_href = TrimHtmlSpace(*node.Attribute("href"));
      seen_base_ = true;
    }
    if (tag == "title" && !seen_title_) {
      page_->title = node.Text();
      seen_title_ = true;
    }
    if (tag == "script" && IsJsonLdType(node.Attribute("type").value_or(""))) {
      ReadJsonLd(node.RawText());
    }
  }

 private:
  void VisitLink(HtmlNode node) {
    if (RelHas(node, "next")) AddLink(node.Attribute("href"));
    if (RelHas(node, "canonical") && page_->canonical.empty() && node.HasAttribute("href")) {
      page_->canonical = TrimHtmlSpace(*node.Attribute("href"));
    }
  }

  void AddLink(std::optional<std::string_view> href) {
    if (!href) return;
    const std::string_view trimmed = TrimHtmlSpace(*href);
    if (!IsFollowable(trimmed)) return;
    if (seen_links_.emplace(trimmed).second) page_->links.emplace_back(trimmed);
  }

  void ReadJsonLd(const std::string& text) {
    const int block = ++page_->json_ld_blocks;
    JsonLdExtraction extraction = ExtractJsonLd(text);
    const std::string name = "JSON-LD block " + std::to_string(block) + ": ";
    if (!extraction.ok()) {
      ++page_->json_ld_errors;
      page_->diagnostics.push_back(name + "skipped, " + extraction.error);
      return;
    }
    if (!extraction.repairs.empty()) {
      page_->diagnostics.push_back(name + "repaired (" + extraction.repairs + ")");
    }
    for (Posting& posting : extraction.postings) page_->postings.push_back(std::move(posting));
  }

  PageExtraction* page_;
  std::unordered_set<std::string> seen_links_;
  bool seen_base_ = false;
  bool seen_title_ = false;
};

void ExtractInto(std::string_view html, PageExtraction* page) {
  if (html.size() > kMaxHtmlBytes) {
    page->diagnostics.push_back("page of " + std::to_string(html.size()) +
                                " bytes truncated to the limit");
    html = html.substr(0, kMaxHtmlBytes);
  }
  const HtmlDocument document(html);
  if (document.parsed_length() < html.size()) {
    page->diagnostics.push_back("page nests elements too deeply; read its first " +
                                std::to_string(document.parsed_length()) + " bytes only");
  }
  PageReader reader(page);
  document.ForEachElement([&reader](HtmlNode node) { reader.Visit(node); });
  if (page->postings.empty()) page->postings = ExtractMicrodata(document);
}

}  // namespace

PageExtraction ExtractPage(std::string_view html) {
  PageExtraction page;
  try {
    ExtractInto(html, &page);
  } catch (const std::exception& e) {
    // Only resource exhaustion gets here; keep whatever was read.
    page.diagnostics.push_back(std::string("extraction stopped: ") + e.what());
  }
  return page;
}

}  // namespace jobcrawler::parsers
