#include "storage/posting_columns.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace jobcrawler::storage {
namespace {

// Format names as stored. Kept here rather than calling
// parsers::PostingFormatName so that stored values never change with display
// names; unknown text reads back as kMeta, the weakest format.
constexpr std::array<std::pair<parsers::PostingFormat, std::string_view>, 5> kFormats = {{
    {parsers::PostingFormat::kJsonLd, "json-ld"},
    {parsers::PostingFormat::kMicrodata, "microdata"},
    {parsers::PostingFormat::kHtmlProfile, "html-profile"},
    {parsers::PostingFormat::kHtmlGeneric, "html-generic"},
    {parsers::PostingFormat::kMeta, "meta"},
}};

std::string_view FormatText(parsers::PostingFormat format) {
  for (const auto& [value, text] : kFormats) {
    if (value == format) return text;
  }
  return "meta";
}

parsers::PostingFormat ParseFormat(std::string_view text) {
  for (const auto& [value, name] : kFormats) {
    if (name == text) return value;
  }
  return parsers::PostingFormat::kMeta;
}

// Only the first few characters of a stored value are trusted to be a list.
constexpr std::size_t kMaxPlacesBytes = 64 * 1024;

std::string Field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string EncodePlaces(const std::vector<parsers::PostingPlace>& places) {
  if (places.empty()) return "";
  nlohmann::json list = nlohmann::json::array();
  for (const parsers::PostingPlace& place : places) {
    list.push_back({{"locality", place.locality},
                    {"postal_code", place.postal_code},
                    {"region", place.region},
                    {"country", place.country}});
  }
  // replace: scraped text may hold invalid UTF-8; never throw over it.
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<parsers::PostingPlace> DecodePlaces(std::string_view text) {
  std::vector<parsers::PostingPlace> places;
  if (text.empty() || text.size() > kMaxPlacesBytes) return places;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return places;
  for (const nlohmann::json& item : list) {
    if (!item.is_object() || places.size() >= parsers::kMaxPostingPlaces) continue;
    places.push_back({Field(item, "locality"), Field(item, "postal_code"), Field(item, "region"),
                      Field(item, "country")});
  }
  return places;
}

void BindPosting(sqlite::Statement& stmt, int first, const parsers::Posting& p) {
  int i = first;
  for (const std::string* field : {&p.title, &p.company, &p.description, &p.street, &p.locality,
                                   &p.postal_code, &p.region, &p.country}) {
    stmt.Bind(i++, *field);
  }
  stmt.Bind(i++, p.salary_min);
  stmt.Bind(i++, p.salary_max);
  for (const std::string* field : {&p.salary_currency, &p.salary_period, &p.employment_type,
                                   &p.remote, &p.date_posted, &p.valid_through, &p.url,
                                   &p.identifier}) {
    stmt.Bind(i++, *field);
  }
  stmt.Bind(i++, FormatText(p.format));
  stmt.Bind(i, EncodePlaces(p.other_places));
}

parsers::Posting ReadPosting(const sqlite::Statement& stmt, int first) {
  parsers::Posting p;
  int i = first;
  for (std::string* field : {&p.title, &p.company, &p.description, &p.street, &p.locality,
                             &p.postal_code, &p.region, &p.country}) {
    *field = stmt.ColumnText(i++);
  }
  p.salary_min = stmt.ColumnOptionalDouble(i++);
  p.salary_max = stmt.ColumnOptionalDouble(i++);
  for (std::string* field : {&p.salary_currency, &p.salary_period, &p.employment_type, &p.remote,
                             &p.date_posted, &p.valid_through, &p.url, &p.identifier}) {
    *field = stmt.ColumnText(i++);
  }
  p.format = ParseFormat(stmt.ColumnText(i++));
  p.other_places = DecodePlaces(stmt.ColumnText(i));
  return p;
}

}  // namespace jobcrawler::storage
