#include "parsers/feeds/feed.h"

#include <array>
#include <exception>
#include <utility>

#include "parsers/feeds/feed_readers.h"

namespace jobcrawler::parsers {
namespace {

constexpr std::array<std::pair<FeedType, std::string_view>, 5> kTypeNames = {{
    {FeedType::kHtml, "html"},
    {FeedType::kArbeitsagentur, "arbeitsagentur"},
    {FeedType::kPersonio, "personio"},
    {FeedType::kGreenhouse, "greenhouse"},
    {FeedType::kLever, "lever"},
}};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The media type of a Content-Type value, lower-cased, without parameters.
std::string MediaType(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  std::string media;
  for (const char c : content_type) {
    if (c != ' ' && c != '\t') media += Lower(c);
  }
  return media;
}

}  // namespace

std::string_view FeedTypeName(FeedType type) {
  for (const auto& [value, name] : kTypeNames) {
    if (value == type) return name;
  }
  return "unknown";
}

std::optional<FeedType> ParseFeedType(std::string_view name) {
  for (const auto& [value, type_name] : kTypeNames) {
    if (type_name == name) return value;
  }
  return std::nullopt;
}

std::string_view FeedShapeName(FeedShape shape) {
  switch (shape) {
    case FeedShape::kOk:
      return "ok";
    case FeedShape::kEmpty:
      return "empty";
    case FeedShape::kUnknown:
      return "unknown";
  }
  return "unknown";
}

FeedPage ParseFeed(FeedType type, std::string_view body, std::string_view request_url,
                   const FeedOptions& options) {
  feed_detail::FeedBuilder builder(request_url, options);
  try {
    switch (type) {
      case FeedType::kHtml:
        feed_detail::ReadJsonLdFeed(body, &builder);
        break;
      case FeedType::kArbeitsagentur:
        feed_detail::ReadJobsuche(body, &builder);
        break;
      case FeedType::kPersonio:
        feed_detail::ReadPersonio(body, &builder);
        break;
      case FeedType::kGreenhouse:
        feed_detail::ReadGreenhouse(body, &builder);
        break;
      case FeedType::kLever:
        feed_detail::ReadLever(body, &builder);
        break;
    }
  } catch (const std::exception& e) {
    // No reader throws on any input (allocation aside); should one, this
    // response is unreadable, never the crawl.
    FeedPage page;
    page.diagnostics.push_back(std::string("internal error: ") + e.what());
    return page;
  }
  return builder.Finish();
}

bool LooksLikeJsonBody(std::string_view content_type, std::string_view body) {
  const std::string media = MediaType(content_type);
  if (media == "application/json" || media == "application/ld+json" || media.ends_with("+json")) {
    return true;
  }
  if (!media.empty() && media != "text/plain") return false;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
}

}  // namespace jobcrawler::parsers
