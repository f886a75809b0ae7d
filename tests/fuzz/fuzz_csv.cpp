// CSV and JSON Lines export round trip: storage/export.h.
//
// Input: fields separated by NUL bytes: title, company, location,
// postal_code, country, salary_min, salary_max, salary_currency,
// salary_period, employment_type, remote, date_posted, valid_through, url,
// source, status, first_seen, last_seen, then also_seen_at URLs. Numbers
// that do not read as numbers are left out; some inputs (by size) also get
// one further place. Invariants: the CSV (RFC 4180, and the Excel variant
// with BOM, ';' and formulas neutralised) reads back with a strict reader
// into exactly the header and the cells written (in the Excel variant, text
// cells that begin like a formula with a quote in front); a JSON line of
// valid UTF-8 text reads back into the same values.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/export.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/support/csv.h"

namespace jobcrawler::storage {
namespace {

constexpr std::string_view kColumns[] = {
    "id",          "title",          "company",         "location",      "postal_code",
    "country",     "salary_min",     "salary_max",      "salary_currency",
    "salary_period", "employment_type", "remote",       "date_posted",   "valid_through",
    "url",         "source",         "also_seen_at",    "first_seen",    "last_seen",
    "status",      "matched",        "other_locations"};

std::vector<std::string_view> SplitNul(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t end = text.find('\0');
    parts.push_back(text.substr(0, end));
    if (end == std::string_view::npos) return parts;
    text.remove_prefix(end + 1);
  }
}

template <typename Number>
std::optional<Number> ReadNumber(std::string_view text) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

PostingRow MakeRow(const std::vector<std::string_view>& f, std::size_t size) {
  const auto at = [&f](std::size_t i) { return std::string(i < f.size() ? f[i] : ""); };
  PostingRow row;
  row.id = static_cast<std::int64_t>(size);
  parsers::Posting& p = row.posting;
  p.title = at(0), p.company = at(1), p.locality = at(2), p.postal_code = at(3);
  p.country = at(4);
  // Extractors never produce NaN or infinities (posting_checks.h).
  const auto amount = [](std::optional<double> a) {
    return a && std::isfinite(*a) ? a : std::nullopt;
  };
  p.salary_min = amount(ReadNumber<double>(at(5)));
  p.salary_max = amount(ReadNumber<double>(at(6)));
  p.salary_currency = at(7), p.salary_period = at(8), p.employment_type = at(9);
  p.remote = at(10), p.date_posted = at(11), p.valid_through = at(12);
  row.url = at(13), row.source = at(14), row.status = at(15);
  // Times within ±100,000 years, where FormatIsoUtc's calendar holds.
  const auto time = [](std::optional<std::int64_t> t) {
    return t && *t > -3'000'000'000'000'000 && *t < 3'000'000'000'000'000 ? *t : 0;
  };
  row.first_seen = time(ReadNumber<std::int64_t>(at(16)));
  row.last_seen = time(ReadNumber<std::int64_t>(at(17)));
  for (std::size_t i = 18; i < f.size(); ++i) {
    // also_seen_at is space-separated: canonical URLs hold no spaces.
    if (!f[i].empty() && f[i].find(' ') == std::string_view::npos) {
      row.also_seen_at.emplace_back(f[i]);
    }
  }
  row.matched = size % 2 == 0;
  if (size % 3 == 0) {
    p.other_places.push_back({.locality = at(2), .postal_code = at(3), .region = "", .country = ""});
  }
  return row;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : " ") + item;
  return joined;
}

void CheckNumberCell(const std::string& cell, const std::optional<double>& value) {
  if (!value) {
    FUZZ_CHECK(cell.empty(), cell);
    return;
  }
  FUZZ_CHECK(ReadNumber<double>(cell) == value, cell);
}

// A text cell as the Excel variant writes it: a quote before = + - @ tab CR.
std::string Neutralized(std::string_view text) {
  const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text[0]) !=
                                            std::string_view::npos;
  return (formula ? "'" : "") + std::string(text);
}

// The cells of `row` as written, compared with what the reader got back.
void CheckCells(const testing::CsvRow& cells, const PostingRow& row, const CsvOptions& options) {
  const parsers::Posting& p = row.posting;
  const auto text_cell = [&options](std::string_view text) {
    return options.neutralize_formulas ? Neutralized(text) : std::string(text);
  };
  FUZZ_CHECK(cells.size() == std::size(kColumns), "cell count");
  FUZZ_CHECK(cells[0] == std::to_string(row.id), cells[0]);
  const std::pair<int, const std::string*> text_cells[] = {
      {1, &p.title},           {2, &p.company},         {3, &p.locality},
      {4, &p.postal_code},     {5, &p.country},         {8, &p.salary_currency},
      {9, &p.salary_period},   {10, &p.employment_type}, {11, &p.remote},
      {12, &p.date_posted},    {13, &p.valid_through},  {14, &row.url},
      {15, &row.source},       {19, &row.status}};
  for (const auto& [index, text] : text_cells) {
    FUZZ_CHECK(cells[index] == text_cell(*text), cells[index]);
  }
  CheckNumberCell(cells[6], p.salary_min);
  CheckNumberCell(cells[7], p.salary_max);
  FUZZ_CHECK(cells[16] == text_cell(Joined(row.also_seen_at)), cells[16]);
  FUZZ_CHECK(cells[17] == text_cell(FormatIsoUtc(row.first_seen)), cells[17]);
  FUZZ_CHECK(cells[18] == text_cell(FormatIsoUtc(row.last_seen)), cells[18]);
  FUZZ_CHECK(cells[20] == (row.matched ? "true" : "false"), cells[20]);
  FUZZ_CHECK(cells[21] == text_cell(parsers::FormatPlaces(p.other_places)), cells[21]);
}

void CheckCsv(const PostingRow& row, const CsvOptions& options) {
  std::ostringstream out;
  WriteCsv(out, {row}, options);
  const std::string written = out.str();
  std::string_view text = written;
  if (options.bom) {
    FUZZ_CHECK(text.starts_with("\xEF\xBB\xBF"), "BOM");
    text.remove_prefix(3);
  }
  std::vector<testing::CsvRow> rows;
  try {
    rows = testing::ParseCsv(text, options.separator);
  } catch (const std::runtime_error& error) {
    jobcrawler::fuzz::FailCheck(__FILE__, __LINE__, "CSV reads back", error.what());
  }
  FUZZ_CHECK(rows.size() == 2, "row count");
  FUZZ_CHECK(rows[0] == testing::CsvRow(std::begin(kColumns), std::end(kColumns)), "header");
  CheckCells(rows[1], row, options);
}

void CheckJsonl(const PostingRow& row) {
  std::ostringstream out;
  WriteJsonl(out, {row});
  const std::string line = out.str();
  FUZZ_CHECK(line.ends_with('\n') && line.find('\n') == line.size() - 1, line);
  const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
  FUZZ_CHECK(object.is_object(), line);
  if (jobcrawler::fuzz::IsValidUtf8(row.posting.title)) {
    FUZZ_CHECK(object["title"] == row.posting.title, line);
  }
  FUZZ_CHECK(object["id"] == row.id, line);
}

}  // namespace
}  // namespace jobcrawler::storage

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::storage;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const PostingRow row = MakeRow(SplitNul(text), size);
  CheckCsv(row, CsvOptions{});
  CheckCsv(row, CsvOptions{.separator = ';', .bom = true});
  CheckCsv(row, ExcelCsvOptions());
  CheckJsonl(row);
  return 0;
}
