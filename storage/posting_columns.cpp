#include "storage/posting_columns.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace jobcrawler::storage {
namespace {

// Format names as stored. Kept here rather than calling
// parsers::PostingFormatName so that stored values never change with display
// names; unknown text reads back as kMeta, the weakest format.
constexpr std::array<std::pair<parsers::PostingFormat, std::string_view>, 4> kFormats = {{
    {parsers::PostingFormat::kJsonLd, "json-ld"},
    {parsers::PostingFormat::kMicrodata, "microdata"},
    {parsers::PostingFormat::kHtmlProfile, "html-profile"},
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

}  // namespace

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
  stmt.Bind(i, FormatText(p.format));
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
  p.format = ParseFormat(stmt.ColumnText(i));
  return p;
}

}  // namespace jobcrawler::storage
