// ExtractMetaPosting: the conservative rule documented in meta_extractor.h.
#include "parsers/extract/meta_extractor.h"

#include <array>
#include <map>
#include <string>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

// A gender marker is short; longer parentheses are prose.
constexpr std::size_t kMaxMarkerLength = 24;

std::string LowerAscii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return lowered;
}

// The page's meta values by lower-cased property/name (first wins), plus
// <title> and the canonical link.
struct MetaTags {
  std::map<std::string, std::string, std::less<>> values;
  std::string title;
  std::string canonical;

  std::string Get(std::string_view key) const {
    const auto it = values.find(key);
    return it == values.end() ? "" : it->second;
  }
};

MetaTags ReadMetaTags(const HtmlDocument& document) {
  MetaTags tags;
  bool seen_title = false;
  document.ForEachElement([&](HtmlNode node) {
    if (!node.InHtmlNamespace()) return;
    const std::string tag = node.TagName();
    if (tag == "meta") {
      const std::optional<std::string_view> key =
          node.HasAttribute("property") ? node.Attribute("property") : node.Attribute("name");
      const std::optional<std::string_view> content = node.Attribute("content");
      if (key && content) tags.values.emplace(LowerAscii(*key), CollapseWhitespace(*content));
    } else if (tag == "title" && !seen_title) {
      tags.title = node.Text();
      seen_title = true;
    } else if (tag == "link" && tags.canonical.empty() &&
               LowerAscii(node.Attribute("rel").value_or("")) == "canonical") {
      tags.canonical = CollapseWhitespace(node.Attribute("href").value_or(""));
    }
  });
  return tags;
}

bool IsGenderPart(std::string_view part) {
  static constexpr std::array<std::string_view, 10> kParts = {
      "m", "w", "f", "d", "x", "i", "div", "divers", "a", "*"};
  for (std::string_view known : kParts) {
    if (part == known) return true;
  }
  return false;
}

// "m/w/d", "w | m | d", "gn", "all genders" (lower-cased, inside the parentheses).
bool IsGenderMarker(std::string_view inside) {
  std::string compact;
  for (char c : inside) {
    if (c != ' ') compact += c;
  }
  if (compact == "gn" || compact == "gn*" || compact == "allgenders" || compact == "mwd") {
    return true;
  }
  int parts = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= compact.size(); ++i) {
    if (i < compact.size() && compact[i] != '/' && compact[i] != '|' && compact[i] != ',') continue;
    if (!IsGenderPart(compact.substr(start, i - start))) return false;
    ++parts;
    start = i + 1;
  }
  return parts >= 2;
}

// The end (one past ')') of the first gender marker in `title`, or npos.
// Also finds "Leiter*in"/"Leiter:in", whose end is the end of that word.
std::size_t GenderMarkerEnd(std::string_view title) {
  const std::string lowered = LowerAscii(title);
  for (std::size_t open = lowered.find('('); open != std::string::npos;
       open = lowered.find('(', open + 1)) {
    const std::size_t close = lowered.find(')', open);
    if (close == std::string::npos) break;
    if (close - open <= kMaxMarkerLength && IsGenderMarker(lowered.substr(open + 1, close - open - 1))) {
      return close + 1;
    }
  }
  for (std::string_view suffix : {"*in", ":in"}) {
    const std::size_t at = lowered.find(suffix);
    if (at == std::string::npos || at == 0 || !internal::IsAsciiAlpha(lowered[at - 1])) continue;
    const std::size_t end = at + suffix.size();
    if (end == lowered.size() || !internal::IsAsciiAlpha(lowered[end])) return end;
  }
  return std::string::npos;
}

bool HasWord(std::string_view text, std::string_view word) {
  const std::string folded = internal::FoldForMatching(text);
  for (const internal::Token& token : internal::Tokenize(folded)) {
    if (token.text == word) return true;
  }
  return false;
}

// Rule 3: "Leiter IT (m/w/d) Jobs in Hagen" is a search page.
bool ReadsLikeSearch(std::string_view after_marker) {
  const std::string folded = internal::FoldForMatching(after_marker);
  const std::vector<internal::Token> tokens = internal::Tokenize(folded);
  if (tokens.empty()) return false;
  const std::string_view first = tokens.front().text;
  return first == "jobs" || first == "stellenangebote" || first == "stellen";
}

bool HasJobPath(std::string_view url) {
  const std::string lowered = LowerAscii(url);
  const std::size_t scheme = lowered.find("://");
  const std::size_t path = lowered.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (path == std::string::npos) return false;
  const std::string_view rest = std::string_view(lowered).substr(path);
  return rest.find("job") != std::string_view::npos ||
         rest.find("stelle") != std::string_view::npos ||
         rest.find("karriere") != std::string_view::npos;
}

// The title as the posting's title, or "" when the page is not a job ad.
std::string JobAdTitle(const std::string& title, const std::string& url) {
  const std::size_t marker = GenderMarkerEnd(title);
  if (marker != std::string::npos) {
    if (ReadsLikeSearch(std::string_view(title).substr(marker))) return "";
    return CollapseWhitespace(std::string_view(title).substr(0, marker));
  }
  const bool named = HasWord(title, "stellenangebot") || HasWord(title, "stellenanzeige") ||
                     HasWord(title, "stellenausschreibung");
  if (!named || !HasJobPath(url)) return "";
  // Drop the " | Site name" tail.
  return CollapseWhitespace(std::string_view(title).substr(0, title.find(" | ")));
}

}  // namespace

std::optional<Posting> ExtractMetaPosting(const HtmlDocument& document, std::string_view today) {
  const MetaTags tags = ReadMetaTags(document);
  const std::string title = tags.Get("og:title").empty() ? tags.title : tags.Get("og:title");
  std::string description = tags.Get("og:description");
  if (description.empty()) description = tags.Get("description");
  const std::string url = tags.Get("og:url").empty() ? tags.canonical : tags.Get("og:url");
  if (title.empty() || description.empty()) return std::nullopt;
  Posting posting;
  posting.title = JobAdTitle(title, url);
  if (posting.title.empty()) return std::nullopt;
  posting.format = PostingFormat::kMeta;
  posting.description = std::move(description);
  posting.company = tags.Get("og:site_name");
  posting.url = url;
  posting.date_posted = NormalizeDate(tags.Get("article:published_time"), today);
  posting.remote = DetectRemote(title + " " + posting.description);
  return posting;
}

}  // namespace jobcrawler::parsers
