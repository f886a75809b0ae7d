// A strict RFC 4180 reader for checking exported CSV in tests.
#ifndef JOBCRAWLER_TESTS_SUPPORT_CSV_H_
#define JOBCRAWLER_TESTS_SUPPORT_CSV_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::testing {

using CsvRow = std::vector<std::string>;

// Records end with CRLF; fields may be quoted, with "" for a quote inside.
// Throws std::runtime_error on anything RFC 4180 does not allow.
inline std::vector<CsvRow> ParseCsv(std::string_view text, char separator = ',') {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) throw std::runtime_error("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != separator && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') throw std::runtime_error("quote inside an unquoted field");
        field += text[i++];
      }
    }
    row.push_back(std::move(field));
    field.clear();
    if (i < text.size() && text[i] == separator) {
      ++i;
      continue;
    }
    if (text.substr(i, 2) != "\r\n") throw std::runtime_error("record not ended by CRLF");
    i += 2;
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_CSV_H_
