#include "crawler/feed_source.h"

#include <algorithm>
#include <charconv>
#include <exception>
#include <optional>
#include <utility>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "crawler/url.h"
#include "parsers/feeds/feed_paging.h"

namespace jobcrawler::crawler {
namespace {

namespace urls = boost::urls;
using parsers::FeedType;

// The decoded value of query parameter `name` of an absolute URL.
std::optional<std::string> Parameter(std::string_view url, std::string_view name) {
  try {
    auto parsed = urls::parse_uri(url);
    if (!parsed) return std::nullopt;
    const auto params = parsed->params();
    const auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    return std::string((*it).value);
  } catch (const std::exception&) {  // Boost.URL's size limits
    return std::nullopt;
  }
}

std::optional<long long> NonNegative(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  long long value = 0;
  const char* end = text->data() + text->size();
  auto [stop, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc() || stop != end || value < 0) return std::nullopt;
  return value;
}

parsers::PostingPlace ToPostingPlace(const parsers::Place& place) {
  return {place.locality, place.postal_code, place.region, place.country};
}

}  // namespace

std::vector<std::string> SourceRequestHeaders(const Source& source) {
  switch (source.type) {
    case FeedType::kArbeitsagentur:
      return {"Accept: application/json",
              "X-API-Key: " + (source.api_key.empty() ? std::string(kJobsucheApiKey)
                                                      : source.api_key)};
    case FeedType::kGreenhouse:
    case FeedType::kLever:
      return {"Accept: application/json"};
    case FeedType::kPersonio:
      return {"Accept: application/xml, text/xml;q=0.9, */*;q=0.1"};
    case FeedType::kHtml:
      break;
  }
  return {};
}

std::string CredentialsNote(const Source& source) {
  if (source.type == FeedType::kHtml) return "";
  if (source.type != FeedType::kArbeitsagentur) return "sent no credentials (the feed is public)";
  // A key of the user's own is a secret: it does not go into messages.
  if (!source.api_key.empty() && source.api_key != kJobsucheApiKey) {
    return "sent X-API-Key from api_key";
  }
  return "sent X-API-Key: " + std::string(kJobsucheApiKey) + " (the default key)";
}

int FeedPageNumber(FeedType type, std::string_view url) {
  constexpr long long kMaxPage = 1'000'000;  // far beyond any paging limit
  if (type == FeedType::kArbeitsagentur) {
    const std::optional<long long> page = NonNegative(Parameter(url, "page"));
    return page && *page >= 1 ? static_cast<int>(std::min(*page, kMaxPage)) : 1;
  }
  if (type == FeedType::kLever) {
    const std::optional<long long> skip = NonNegative(Parameter(url, "skip"));
    if (!skip) return 1;
    return static_cast<int>(std::min(*skip / parsers::kLeverPageSize + 1, kMaxPage));
  }
  return 1;
}

std::string FeedWalkKey(FeedType type, std::string_view url) {
  const parsers::PageUrl first = parsers::FirstFeedPageUrl(type, url);
  if (!first.ok()) return "";
  return CanonicalizeUrl(first.url).value_or("");
}

std::vector<std::string> FeedWalkKeys(const Source& source) {
  std::vector<std::string> keys;
  if (!IsFeedType(source.type)) return keys;
  for (const std::string& start : source.start_urls) {
    std::string key = FeedWalkKey(source.type, start);
    if (!key.empty()) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::string FirstRequestUrl(const Source& source, std::string_view start_url) {
  if (!IsFeedType(source.type)) return std::string(start_url);
  parsers::PageUrl first = parsers::FirstFeedPageUrl(source.type, start_url);
  return first.ok() ? std::move(first.url) : std::string();
}

std::string ParseRequestUrl(FeedType type, std::string_view url) {
  const std::string_view page_parameter = type == FeedType::kArbeitsagentur ? "page"
                                          : type == FeedType::kLever        ? "skip"
                                                                            : "";
  if (page_parameter.empty() || Parameter(url, page_parameter)) return std::string(url);
  parsers::PageUrl first = parsers::FirstFeedPageUrl(type, url);
  return first.ok() ? std::move(first.url) : std::string();
}

bool RetryableForFeed(FeedType type, const FetchResult& result) {
  return IsFeedType(type) && result.error == FetchError::kNone && result.status == 403;
}

parsers::Posting PostingOfFeedEntry(parsers::FeedPosting entry) {
  parsers::Posting posting = std::move(entry.posting);
  const parsers::PostingPlace own{posting.locality, posting.postal_code, posting.region,
                                  posting.country};
  for (const parsers::Place& place : entry.other_places) {
    if (posting.other_places.size() + 1 >= parsers::kMaxPostingPlaces) break;
    parsers::PostingPlace other = ToPostingPlace(place);
    if (other == parsers::PostingPlace{} || other == own) continue;
    const auto& known = posting.other_places;
    if (std::find(known.begin(), known.end(), other) != known.end()) continue;
    posting.other_places.push_back(std::move(other));
  }
  return posting;
}

}  // namespace jobcrawler::crawler
