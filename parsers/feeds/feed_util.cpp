#include "parsers/feeds/feed_util.h"

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <utility>

#include "parsers/extract/json_repair.h"
#include "parsers/html/html_text.h"

namespace jobcrawler::parsers::feed_detail {
namespace {

namespace urls = boost::urls;
using nlohmann::json;

const json& NullJson() {
  static const json kNull;
  return kNull;
}

// `text` cut to at most `max` bytes at a character boundary.
void Cap(std::string* text, std::size_t max) {
  if (text->size() <= max) return;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;
  text->resize(cut);
}

void CapPlace(Place* place) {
  for (std::string* field :
       {&place->locality, &place->postal_code, &place->region, &place->country}) {
    Cap(field, kMaxFeedTextBytes);
  }
}

void CapPosting(Posting* p) {
  for (std::string* field :
       {&p->title, &p->company, &p->street, &p->locality, &p->postal_code, &p->region, &p->country,
        &p->salary_currency, &p->salary_period, &p->employment_type, &p->remote, &p->date_posted,
        &p->valid_through, &p->identifier}) {
    Cap(field, kMaxFeedTextBytes);
  }
  Cap(&p->description, kMaxFeedDescriptionBytes);
  if (p->url.size() > kMaxFeedUrlBytes) p->url.clear();
}

bool IsHttpWithHost(const urls::url_view_base& url) {
  const auto scheme = url.scheme_id();
  return (scheme == urls::scheme::http || scheme == urls::scheme::https) && url.has_authority() &&
         !url.encoded_host().empty();
}

// Trimmed, with the bytes a URL may not hold raw (spaces, controls, quotes,
// non-ASCII) percent-encoded, as browsers do before parsing.
std::string SanitizeUrl(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F ||
        std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> ResolveHttp(std::string_view reference, std::string_view base) {
  std::string clean = SanitizeUrl(reference);
  if (clean.empty() || clean.size() > kMaxFeedUrlBytes) return std::nullopt;
  if (clean.starts_with("www.")) clean = "http://" + clean;
  auto ref = urls::parse_uri_reference(clean);
  if (!ref) return std::nullopt;
  if (ref->has_scheme()) {
    if (!IsHttpWithHost(*ref)) return std::nullopt;
    return std::string(ref->buffer());
  }
  if (base.empty()) return std::nullopt;
  const std::string clean_base = SanitizeUrl(base);  // parse_uri returns a view of it
  auto parsed_base = urls::parse_uri(clean_base);
  if (!parsed_base || !IsHttpWithHost(*parsed_base)) return std::nullopt;
  urls::url resolved(*parsed_base);
  if (!resolved.resolve(*ref)) return std::nullopt;
  return std::string(resolved.buffer());
}

}  // namespace

void FeedBuilder::Note(std::string message) {
  auto& diagnostics = page_.diagnostics;
  if (diagnostics.size() < kMaxFeedDiagnostics) {
    Cap(&message, kMaxFeedTextBytes);
    diagnostics.push_back(std::move(message));
  } else if (diagnostics.size() == kMaxFeedDiagnostics) {
    diagnostics.emplace_back("further diagnostics omitted");
  }
}

void FeedBuilder::Skip(std::size_t index, std::string_view why) {
  Note("entry " + std::to_string(index + 1) + " skipped: " + std::string(why));
}

bool FeedBuilder::Full() {
  if (page_.postings.size() < kMaxFeedItems) return false;
  if (!page_.truncated) {
    page_.truncated = true;
    Note("more than " + std::to_string(kMaxFeedItems) + " jobs; the rest are ignored");
  }
  return true;
}

void FeedBuilder::Add(FeedPosting posting) {
  if (Full()) return;
  Posting& p = posting.posting;
  if (p.company.empty()) p.company = CollapseWhitespace(options_.company);
  p.format = PostingFormat::kJsonLd;
  CapPosting(&p);
  auto& urls = posting.also_seen_at;
  std::erase_if(
      urls, [&](const std::string& url) { return url == p.url || url.size() > kMaxFeedUrlBytes; });
  if (urls.size() > kMaxFeedPlaces) urls.resize(kMaxFeedPlaces);
  if (posting.other_places.size() > kMaxFeedPlaces) posting.other_places.resize(kMaxFeedPlaces);
  for (Place& place : posting.other_places) CapPlace(&place);
  page_.postings.push_back(std::move(posting));
}

FeedPage FeedBuilder::Finish() {
  const std::size_t listed = page_.paging.listed;
  if (empty_ || (list_seen_ && listed == 0)) {
    page_.shape = FeedShape::kEmpty;
  } else if (!list_seen_) {
    page_.shape = FeedShape::kUnknown;
  } else if (page_.postings.empty()) {
    page_.shape = FeedShape::kUnknown;
    Note("none of the " + std::to_string(listed) + " entries could be read");
  } else {
    page_.shape = FeedShape::kOk;
  }
  return std::move(page_);
}

std::optional<json> ParseFeedJson(std::string_view body, FeedBuilder* builder) {
  if (body.size() > kMaxFeedBytes) {
    builder->Note("larger than " + std::to_string(kMaxFeedBytes) + " bytes; not read");
    return std::nullopt;
  }
  if (body.size() <= kMaxJsonBytes) {
    LenientJson parsed = ParseLenientJson(body);
    if (!parsed.ok()) {
      builder->Note("not JSON: " + parsed.error);
      return std::nullopt;
    }
    if (parsed.repairs.Any()) builder->Note("JSON repaired: " + parsed.repairs.Describe());
    return std::move(parsed.value);
  }
  // Too large for the repairing reader: strict JSON only.
  if (JsonNestingDepth(body, kMaxFeedDepth) > kMaxFeedDepth) {
    builder->Note("JSON nested deeper than " + std::to_string(kMaxFeedDepth) + " levels; not read");
    return std::nullopt;
  }
  JsonRepairs repairs;
  const std::string text = ReplaceInvalidUtf8(body, &repairs);
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    builder->Note("not JSON (strict reading of a large body)");
    return std::nullopt;
  }
  if (repairs.Any()) builder->Note("JSON repaired: " + repairs.Describe());
  return value;
}

const json& Member(const json& object, std::string_view key) {
  if (!object.is_object()) return NullJson();
  const auto it = object.find(key);
  return it == object.end() ? NullJson() : *it;
}

const json& AnyMember(const json& object, std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    const json& value = Member(object, key);
    if (!value.is_null()) return value;
  }
  return NullJson();
}

std::string Text(const json& value) {
  if (value.is_string()) return CollapseWhitespace(value.get_ref<const std::string&>());
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  return "";
}

std::string CleanText(const json& value) {
  std::string text = Text(value);
  if (text.find_first_of("&<") == std::string::npos) return text;
  return HtmlToText(text);
}

std::optional<std::int64_t> Integer(const json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(number);
    return std::nullopt;
  }
  const std::string text = Text(value);
  constexpr std::size_t kMaxDigits = 18;  // fits in int64_t
  if (text.empty() || text.size() > kMaxDigits ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoll(text);
}

std::optional<double> Amount(const json& value) {
  std::optional<double> amount;
  if (value.is_number()) amount = value.get<double>();
  if (value.is_string()) amount = ParseAmount(value.get_ref<const std::string&>());
  if (amount && !(*amount > 0)) amount.reset();  // also NaN
  return amount;
}

bool IsTrue(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number_integer()) return value.get<std::int64_t>() == 1;
  std::string text = Text(value);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return text == "true";
}

std::string AbsoluteHttpUrl(std::string_view reference, std::string_view base) {
  try {
    std::optional<std::string> url = ResolveHttp(reference, base);
    if (!url || url->size() > kMaxFeedUrlBytes) return "";
    return std::move(*url);
  } catch (const std::exception&) {  // Boost.URL's size limits, allocation
    return "";
  }
}

std::string Origin(std::string_view url) {
  try {
    const std::string clean = SanitizeUrl(url);  // parse_uri returns a view of it
    auto parsed = urls::parse_uri(clean);
    if (!parsed || !IsHttpWithHost(*parsed)) return "";
    return std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_authority());
  } catch (const std::exception&) {
    return "";
  }
}

std::string PathSegment(std::string_view text) {
  return urls::encode(text, urls::unreserved_chars);
}

std::optional<std::string> QueryParameter(std::string_view url, std::string_view name) {
  try {
    const std::string clean = SanitizeUrl(url);  // parse_uri_reference returns a view of it
    auto parsed = urls::parse_uri_reference(clean);
    if (!parsed) return std::nullopt;
    const auto params = parsed->params();
    const auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    return std::string((*it).value);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string IsoDateFromEpochMillis(std::int64_t millis) {
  using namespace std::chrono;
  constexpr std::int64_t kMillisPerDay = 86'400'000;
  constexpr std::int64_t kEarliest = 631'152'000'000;  // 1990-01-01
  constexpr std::int64_t kLatest = 7'258'118'400'000;  // 2200-01-01
  if (millis < kEarliest || millis >= kLatest) return "";
  const year_month_day date{sys_days{} + std::chrono::days{millis / kMillisPerDay}};
  const int year = static_cast<int>(date.year());
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

void SetPlace(const Place& place, Posting* posting) {
  if (!place.locality.empty()) posting->locality = place.locality;
  if (!place.postal_code.empty()) posting->postal_code = place.postal_code;
  if (!place.region.empty()) posting->region = place.region;
  if (!place.country.empty()) posting->country = place.country;
}

Place PlaceFromText(std::string_view text) { return ParsePlace(CollapseWhitespace(text)); }

}  // namespace jobcrawler::parsers::feed_detail
