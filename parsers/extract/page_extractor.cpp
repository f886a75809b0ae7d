// ExtractPage: one gumbo parse, then links, page metadata and postings.
//
// Our choices, where HTML leaves room: link values are trimmed of
// surrounding whitespace (browsers strip it when resolving) and entity-decoded
// (what the browser's DOM holds); the first <base href>, first canonical link
// and first <title> in the HTML namespace win, as in browsers. A next-page
// anchor is recognised by rel=next, by its text alone being one of
// kNextWords (arrows ignored) or one arrow, or by an aria-label holding one
// of kNextLabelWords; only its first kMaxPagerTextElements elements are read,
// so nested junk inside an anchor costs nothing.
#include "parsers/extract/page_extractor.h"

#include <algorithm>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <unordered_set>

#include "parsers/html/html_document.h"
#include "parsers/extract/generic_extractor.h"
#include "parsers/extract/json_ld.h"
#include "parsers/extract/meta_extractor.h"
#include "parsers/extract/microdata.h"
#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

// The crawler caps bodies itself; this is the backstop that bounds gumbo's
// time and memory (its tree costs ~10x the source) on anything larger.
constexpr std::size_t kMaxHtmlBytes = 16 * 1024 * 1024;

// Pager anchors hold a word and perhaps an icon; more is not a pager.
constexpr int kMaxPagerTextElements = 8;

// Folded (text_fold.h) anchor texts that mean "next page".
constexpr std::string_view kNextWords[] = {"naechste seite", "naechste", "weiter", "next",
                                           "next page"};
// Folded words that, anywhere in an aria-label, mean "next page".
constexpr std::string_view kNextLabelWords[] = {"naechste", "weiter", "next"};
constexpr std::string_view kArrows[] = {"»", "›", ">", "→"};

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
  std::string rel = Lowered(node.Attribute("rel").value_or(""));
  for (char& c : rel) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') c = ' ';
  }
  // Token by token (building " " + rel + " " trips GCC 12's -Wrestrict at -O3).
  std::string_view rest = rel;
  while (!rest.empty()) {
    std::size_t end = rest.find(' ');
    if (rest.substr(0, end) == token) return true;
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return false;
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

// The anchor's text, read no deeper than kMaxPagerTextElements elements.
std::string PagerText(HtmlNode anchor) {
  std::string text = anchor.RawText();
  int elements = 0;
  anchor.Walk([&](HtmlNode node) {
    if (++elements > kMaxPagerTextElements) return WalkStep::kStop;
    text += ' ';
    text += node.RawText();
    return WalkStep::kDescend;
  });
  return text;
}

bool IsArrow(std::string_view token) {
  for (std::string_view arrow : kArrows) {
    if (token == arrow) return true;
  }
  return false;
}

// "Weiter", "Nächste Seite ›", "»", ">"; not "»»", "Weiterlesen" or "5".
bool TextSaysNext(std::string_view text) {
  const std::string folded = internal::FoldForMatching(text);
  std::string words;
  int arrows = 0;
  for (const internal::Token& token : internal::Tokenize(folded)) {
    if (IsArrow(token.text)) {
      ++arrows;
      continue;
    }
    if (!words.empty()) words += ' ';
    words += token.text;
  }
  if (words.empty()) return arrows == 1;  // "»»" and ">>" lead to the last page
  for (std::string_view next : kNextWords) {
    if (words == next) return true;
  }
  return false;
}

bool LabelSaysNext(std::string_view label) {
  const std::string folded = internal::FoldForMatching(label);
  for (const internal::Token& token : internal::Tokenize(folded)) {
    for (std::string_view word : kNextLabelWords) {
      if (token.text == word) return true;
    }
  }
  return false;
}

bool IsNextAnchor(HtmlNode anchor) {
  if (RelHas(anchor, "next")) return true;
  const std::optional<std::string_view> label = anchor.Attribute("aria-label");
  if (label && LabelSaysNext(*label)) return true;
  return TextSaysNext(PagerText(anchor));
}

class PageReader {
 public:
  explicit PageReader(PageExtraction* page) : page_(page) {}

  void Visit(HtmlNode node) {
    if (!node.InHtmlNamespace()) return;
    const std::string tag = node.TagName();
    if (tag == "a" || tag == "area") AddLink(node.Attribute("href"));
    if (tag == "a" && IsFollowableHref(node) && IsNextAnchor(node)) {
      AddNextPage(*node.Attribute("href"));
    }
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

 // Links a profile selected, after the page's own.
  void AddLinks(const std::vector<std::string>& hrefs) {
    for (const std::string& href : hrefs) AddLink(href);
  }

  // The profile's next pages replace those the page's markup suggests.
  void SetNextPages(const std::vector<std::string>& hrefs) {
    page_->next_pages.clear();
    seen_next_.clear();
    for (const std::string& href : hrefs) AddNextPage(href);
  }

 private:
  static bool IsFollowableHref(HtmlNode node) {
    const std::optional<std::string_view> href = node.Attribute("href");
    return href && IsFollowable(TrimHtmlSpace(*href));
  }

  void AddNextPage(std::string_view href) {
    const std::string_view trimmed = TrimHtmlSpace(href);
    if (!IsFollowable(trimmed)) return;
    AddLink(trimmed);
    if (seen_next_.emplace(trimmed).second) page_->next_pages.emplace_back(trimmed);
  }

  void VisitLink(HtmlNode node) {
    if (RelHas(node, "next") && node.HasAttribute("href")) AddNextPage(*node.Attribute("href"));
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
  std::unordered_set<std::string> seen_next_;
  bool seen_base_ = false;
  bool seen_title_ = false;
};

// FNV-1a, 64 bits: stable across runs and platforms, unlike std::hash.
class Fnv1a {
 public:
  void Add(std::string_view text) {
    for (const char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 1099511628211ULL;
    }
  }
  std::string Hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int i = 0; i < 16; ++i) hex[15 - i] = kDigits[(hash_ >> (4 * i)) & 0xF];
    return hex;
  }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

// Separators that cannot occur in titles or URLs keep ("ab","c") and
// ("a","bc") apart.
// The next-page links are left out, so that a page repeating an earlier one
// except for where "Weiter" points is recognised; a page with nothing else
// has no signature.
std::string PageSignature(const PageExtraction& page) {
  auto is_next = [&page](const std::string& link) {
    return std::find(page.next_pages.begin(), page.next_pages.end(), link) != page.next_pages.end();
  };
  bool content = !page.postings.empty() ||
                 std::any_of(page.links.begin(), page.links.end(),
                             [&](const std::string& link) { return !is_next(link); });
  if (!content) return {};
  Fnv1a hash;
  for (const Posting& posting : page.postings) {
    hash.Add(posting.title);
    hash.Add("\x1f");
    hash.Add(posting.url);
    hash.Add("\x1e");
  }
  hash.Add("\x1d");
  for (const std::string& link : page.links) {
    if (is_next(link)) continue;
    hash.Add(link);
    hash.Add("\x1e");
  }
  return hash.Hex();
}

// Profile postings, links and next pages; `reader` has seen the page.
void ApplyProfile(const HtmlDocument& document, const ExtractPageOptions& options,
                  PageReader* reader, PageExtraction* page) {
  const ExtractionProfile& profile = *options.profile;
  for (const std::string& error : ProfileErrors(profile)) {
    page->diagnostics.push_back("profile " + error);
  }
  if (page->postings.empty()) page->postings = ExtractWithProfile(document, profile, options.today);
  reader->AddLinks(ProfileLinks(document, profile.links));
  if (!profile.next_page.empty()) reader->SetNextPages(ProfileLinks(document, profile.next_page));
}

// "1–1000000 EUR/YEAR": the salary as stated, for diagnostics.
std::string SalaryText(const Posting& posting) {
  const auto amount = [](const std::optional<double>& value) {
    if (!value) return std::string("?");
    std::string text = std::to_string(*value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.ends_with('.')) text.pop_back();
    return text;
  };
  std::string text = amount(posting.salary_min) + "\xE2\x80\x93" + amount(posting.salary_max);
  if (!posting.salary_currency.empty()) text += " " + posting.salary_currency;
  if (!posting.salary_period.empty()) text += "/" + posting.salary_period;
  return text;
}

// A placeholder is not a salary (see PlaceholderSalaryReason): it is dropped
// and the page's diagnostics say so.
void DropPlaceholderSalaries(PageExtraction* page) {
  for (Posting& posting : page->postings) {
    if (!posting.salary_min && !posting.salary_max) continue;
    const SalaryRange range{posting.salary_min, posting.salary_max, posting.salary_currency,
                            posting.salary_period};
    const std::string reason = PlaceholderSalaryReason(range);
    if (reason.empty()) continue;
    page->diagnostics.push_back("posting \"" + posting.title + "\": salary " + SalaryText(posting) +
                                " dropped as a placeholder (" + reason + ")");
    posting.salary_min.reset();
    posting.salary_max.reset();
    posting.salary_currency.clear();
    posting.salary_period.clear();
  }
}

void ExtractInto(std::string_view html, const ExtractPageOptions& options, PageExtraction* page) {
  if (html.size() > kMaxHtmlBytes) {
    page->diagnostics.push_back("page of " + std::to_string(html.size()) +
                                " bytes truncated to the limit");
    html = html.substr(0, kMaxHtmlBytes);
  }
  const HtmlDocument document(html);
  if (document.parsed_length() < html.size()) {
    page->nesting_cut = "page nests elements too deeply; read its first " +
                        std::to_string(document.parsed_length()) + " of " +
                        std::to_string(html.size()) + " bytes only";
    page->diagnostics.push_back(page->nesting_cut);
  }
  PageReader reader(page);
  document.ForEachElement([&reader](HtmlNode node) { reader.Visit(node); });
  if (page->postings.empty()) page->postings = ExtractMicrodata(document);
  if (options.profile != nullptr && !options.profile->empty()) {
    ApplyProfile(document, options, &reader, page);
  }
  // Listings paginate, single ads do not: see generic_extractor.h and
  // meta_extractor.h.
  if (page->postings.empty() && page->next_pages.empty()) {
    GenericExtraction generic = ExtractGenericPosting(document, options.today);
    page->ad_verdict = std::move(generic.why);
    if (generic.posting) {
      page->postings.push_back(std::move(*generic.posting));
    } else if (std::optional<Posting> posting = ExtractMetaPosting(document, options.today)) {
      page->postings.push_back(std::move(*posting));
    }
  }
  DropPlaceholderSalaries(page);
}

}  // namespace

PageExtraction ExtractPage(std::string_view html) { return ExtractPage(html, {}); }

PageExtraction ExtractPage(std::string_view html, const ExtractPageOptions& options) {
  PageExtraction page;
  try {
    ExtractInto(html, options, &page);
  } catch (const std::exception& e) {
    // Only resource exhaustion gets here; keep whatever was read.
    page.diagnostics.push_back(std::string("extraction stopped: ") + e.what());
  }
  page.page_signature = PageSignature(page);
  return page;
}

}  // namespace jobcrawler::parsers
