// ExtractMetaPosting: the conservative rule documented in meta_extractor.h.
#include "parsers/extract/meta_extractor.h"

#include <array>
#include <map>
#include <string>

#include "parsers/extract/ad_fields.h"
#include "parsers/extract/ad_vocabulary.h"
#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

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
  const std::size_t marker = internal::GenderMarkerEnd(title);
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

// The places the page states: OpenGraph's place properties ("og:locality",
// "og:postal-code", "og:region", "og:country-name"), "geo.placename", or
// a postal code and town or a site in the title or description.
std::vector<Place> StatedPlaces(const MetaTags& tags, std::string_view title,
                                std::string_view description) {
  const std::string locality = tags.Get("og:locality").empty() ? tags.Get("geo.placename")
                                                               : tags.Get("og:locality");
  if (!locality.empty()) {
    Place place = ParsePlace(tags.Get("og:postal-code") + " " + locality);
    if (place.region.empty()) place.region = tags.Get("og:region");
    if (place.country.empty()) place.country = NormalizeCountry(tags.Get("og:country-name"));
    if (!place.locality.empty()) return {place};
  }
  std::vector<Place> places = internal::PlacesInText(title);
  if (places.empty()) places = internal::PlacesInText(description);
  return places;
}

// "IT-Leiter (m/w/d) | Muster GmbH" -> "Muster GmbH": the last segment of
// the page title when it is no job title.
std::string TitleSuffixCompany(const std::string& title) {
  const std::vector<std::string> segments = internal::TitleSegments(title);
  if (segments.size() < 2) return "";
  if (internal::JobTitleEvidence(segments.back()) != internal::TitleEvidence::kNone) return "";
  if (internal::GenderMarkerEnd(segments.back()) != std::string::npos) return "";
  return internal::CleanCompanyName(segments.back());
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
  std::vector<Place> places = StatedPlaces(tags, title, posting.description);
  posting.company = internal::CleanCompanyName(tags.Get("og:site_name"));
  if (posting.company.empty()) {
    posting.company = internal::CompanyFromTitle(tags.title, posting.title, "", places);
  }
  if (posting.company.empty()) posting.company = TitleSuffixCompany(tags.title);
  internal::SetPlaces(places, &posting);
  posting.employment_type = NormalizeEmploymentType(title + " " + posting.description);
  posting.url = url;
  posting.date_posted = NormalizeDate(tags.Get("article:published_time"), today);
  posting.remote = DetectRemote(title + " " + posting.description);
  return posting;
}

}  // namespace jobcrawler::parsers
