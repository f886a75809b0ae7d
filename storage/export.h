// Postings out of the store, for spreadsheets and scripts.
//
// CSV follows RFC 4180: CRLF line ends; a field is quoted when it contains
// the separator, a double quote, CR or LF, and quotes inside are doubled.
// Text is written as stored (UTF-8). The columns, in order:
//   id,title,company,location,postal_code,country,salary_min,salary_max,
//   salary_currency,salary_period,employment_type,remote,date_posted,
//   valid_through,url,source,also_seen_at,first_seen,last_seen,status,matched,
//   other_locations
// location is the locality; salaries print without trailing zeros ("85000",
// "4500.5") and empty when absent; also_seen_at is space-separated;
// first_seen/last_seen are ISO 8601 UTC ("2026-11-29T11:30:00Z"); matched is
// "true" or "false"; other_locations lists a posting's further places as
// parsers::FormatPlaces writes them ("44135 Dortmund (DE); Bochum").
//
// Departure from RFC 4180, on request only: ExcelCsvOptions() writes what
// spreadsheet programs in German locales open directly (UTF-8 BOM, ';'
// separator) and neutralises formulas: a text cell that begins with '=',
// '+', '-', '@', tab or CR (a spreadsheet would evaluate
// =HYPERLINK("http://evil.example", "IT-Leiter") from a scraped title) gets
// a single quote in front, as OWASP's "CSV Injection" page recommends.
// Numbers (id, salaries) are ours, never scraped, and stay numbers. Plain
// CSV writes text as stored: it is for programs, which would otherwise read
// a changed value. Numbers keep '.' as the decimal point in every mode.
//
// JSONL: one JSON object per line (LF), same names and order, numbers as
// numbers, null for an absent salary, also_seen_at an array, matched a bool.
// Invalid UTF-8 in a field is replaced by U+FFFD rather than failing.
#ifndef JOBCRAWLER_STORAGE_EXPORT_H_
#define JOBCRAWLER_STORAGE_EXPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "storage/store.h"

namespace jobcrawler::storage {

struct CsvOptions {
  char separator = ',';
  bool bom = false;  // start with the UTF-8 byte order mark
  // Prefix "'" to text cells a spreadsheet would read as a formula.
  bool neutralize_formulas = false;
};

// ';', BOM and neutralised formulas: for `export --excel`.
CsvOptions ExcelCsvOptions();

// Writes the header row and one row per posting. Stream errors are left in
// the stream's state for the caller to check.
void WriteCsv(std::ostream& out, const std::vector<PostingRow>& rows,
              const CsvOptions& options = {});

// Writes one JSON object per posting, each ended by '\n'.
void WriteJsonl(std::ostream& out, const std::vector<PostingRow>& rows);

// "2026-11-29T11:30:00Z": UTC, whole seconds (milliseconds are dropped).
std::string FormatIsoUtc(UnixMillis millis);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_EXPORT_H_
