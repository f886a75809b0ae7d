#include "storage/export.h"

#include <charconv>
#include <chrono>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace jobcrawler::storage {
namespace {

using Json = nlohmann::ordered_json;  // keeps the column order

// The byte order mark that tells spreadsheet programs the file is UTF-8.
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Json OptionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// One posting as an ordered object: the single definition of the columns,
// their names and order, shared by CSV and JSONL.
Json RowObject(const PostingRow& row) {
  const parsers::Posting& p = row.posting;
  Json object = Json::object();
  object["id"] = row.id;
  object["title"] = p.title;
  object["company"] = p.company;
  object["location"] = p.locality;
  object["postal_code"] = p.postal_code;
  object["country"] = p.country;
  object["salary_min"] = OptionalNumber(p.salary_min);
  object["salary_max"] = OptionalNumber(p.salary_max);
  object["salary_currency"] = p.salary_currency;
  object["salary_period"] = p.salary_period;
  object["employment_type"] = p.employment_type;
  object["remote"] = p.remote;
  object["date_posted"] = p.date_posted;
  object["valid_through"] = p.valid_through;
  object["url"] = row.url;
  object["source"] = row.source;
  object["also_seen_at"] = row.also_seen_at;
  object["first_seen"] = FormatIsoUtc(row.first_seen);
  object["last_seen"] = FormatIsoUtc(row.last_seen);
  object["status"] = row.status;
  object["matched"] = row.matched;
  object["other_locations"] = parsers::FormatPlaces(p.other_places);
  return object;
}

// Shortest decimal that reads back as `value`, never in exponent form:
// 85000 → "85000", 4500.5 → "4500.5".
std::string FormatNumber(double value) {
  char buffer[400];  // fixed notation of the largest double fits in ~310
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (ec != std::errc()) return fmt::format("{}", value);
  return std::string(buffer, end);
}

// A JSON value as CSV text (before quoting).
std::string CellText(const Json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return FormatNumber(value.get<double>());
  std::string joined;  // arrays: also_seen_at
  for (const Json& item : value) {
    if (!joined.empty()) joined += ' ';
    joined += CellText(item);
  }
  return joined;
}

// The first characters that make a spreadsheet read a cell as a formula
// (OWASP, "CSV Injection"): = + - @, tab and CR.
constexpr std::string_view kFormulaStarts = "=+-@\t\r";

// `text` with a single quote in front when it begins like a formula; the
// quote tells the spreadsheet that the cell is text and is not shown.
std::string NeutralizeFormula(std::string text) {
  if (!text.empty() && kFormulaStarts.find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  return text;
}

void WriteCsvField(std::ostream& out, std::string_view text, char separator) {
  bool quote =
      text.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string_view::npos;
  if (!quote) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields, char separator) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << separator;
    WriteCsvField(out, fields[i], separator);
  }
  out << "\r\n";
}

}  // namespace

void WriteCsv(std::ostream& out, const std::vector<PostingRow>& rows, const CsvOptions& options) {
  if (options.bom) out << kUtf8Bom;
  std::vector<std::string> header;
  const Json columns = RowObject(PostingRow{});  // named: items() does not own it
  for (const auto& item : columns.items()) header.push_back(item.key());
  WriteCsvRecord(out, header, options.separator);
  for (const PostingRow& row : rows) {
    std::vector<std::string> fields;
    const Json object = RowObject(row);
    for (const auto& item : object.items()) {
      std::string text = CellText(item.value());
      // Numbers are ours (ids, salaries) and must stay numbers.
      const bool neutralize = options.neutralize_formulas && !item.value().is_number();
      fields.push_back(neutralize ? NeutralizeFormula(std::move(text)) : std::move(text));
    }
    WriteCsvRecord(out, fields, options.separator);
  }
}

CsvOptions ExcelCsvOptions() {
  return {.separator = ';', .bom = true, .neutralize_formulas = true};
}

void WriteJsonl(std::ostream& out, const std::vector<PostingRow>& rows) {
  for (const PostingRow& row : rows) {
    // replace: scraped text may hold invalid UTF-8; never throw over it.
    out << RowObject(row).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  }
}

std::string FormatIsoUtc(UnixMillis millis) {
  using namespace std::chrono;
  sys_time<milliseconds> time{milliseconds{millis}};
  sys_days day = floor<days>(time);
  year_month_day date{day};
  hh_mm_ss<seconds> clock{floor<seconds>(time - day)};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

}  // namespace jobcrawler::storage
