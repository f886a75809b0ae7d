// Normalisers: turn the many ways pages write salaries, dates, places and
// employment terms into the canonical fields of a Posting.
//
// Pure functions of their input, thread-safe. Input that cannot be read
// yields an empty result, never a guess (no currency is ever assumed).
#ifndef JOBCRAWLER_PARSERS_NORMALIZE_NORMALIZE_H_
#define JOBCRAWLER_PARSERS_NORMALIZE_NORMALIZE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {

struct SalaryRange {
  std::optional<double> min;
  std::optional<double> max;
  std::string currency;  // ISO 4217, empty when the text names none
  std::string period;    // HOUR, DAY, WEEK, MONTH, YEAR; empty when unknown
};

// "4.500 – 5.200 € brutto/Monat", "80.000 EUR p.a.", "ab 70k €",
// "EUR 95,000 per year", "65000". Returns nullopt when no amount is readable,
// and for nonsense: a negative amount, one <= 0 or > 10,000,000, min > max.
std::optional<SalaryRange> ParseSalary(std::string_view text);

// Why `range` is a placeholder rather than a salary, or "" when it is
// plausible: an amount of 1 or less; a maximum at least kMaxSalarySpread
// times the minimum; an obvious filler number (12345, 123456); or, in EUR,
// USD, GBP, CHF, CAD, AUD, NZD, SGD or an unnamed currency, an amount out of
// all proportion to its period (1,000,000 or more a year or with no period,
// 100,000 a month, 25,000 a week, 10,000 a day, 1,000 an hour; less than
// 1,000 a year, 100 a month, 25 a week, 5 a day). Boards write such values
// when a form demands a salary the employer does not want to state.
inline constexpr double kMaxSalarySpread = 100.0;
std::string PlaceholderSalaryReason(const SalaryRange& range);

// Maps a unit text ("MONTH", "monatlich", "p.a.", "pro Stunde", "per hour")
// to HOUR/DAY/WEEK/MONTH/YEAR, or "" when unknown.
std::string NormalizeSalaryPeriod(std::string_view text);

// Reads a number written in German or English notation ("4.500", "4,500.50",
// "95,000", "70k", "1,5 Mio"). nullopt when unreadable; signs are not read.
// The thousands/decimal heuristic is documented in parsers/salary.cpp.
std::optional<double> ParseAmount(std::string_view text);

// ISO 8601 date ("2026-11-20") from ISO dates/date-times, "20.11.2026",
// "20. November 2026", "Nov 20, 2026", and relative forms ("heute",
// "gestern", "vor 3 Tagen", "today", "3 days ago") counted back from `today`
// (an ISO date). Returns "" when unreadable.
std::string NormalizeDate(std::string_view text, std::string_view today);

struct Place {
  std::string locality;     // "Hagen"
  std::string postal_code;  // "58095"
  std::string region;       // "Nordrhein-Westfalen"
  std::string country;      // "DE"
};

// "58095 Hagen", "Hagen (Westf.)", "Hagen, Nordrhein-Westfalen",
// "Hagen-Haspe", "D-58095 Hagen, Deutschland", and the outer-to-inner
// lists of applicant-tracking systems, "AMER - Canada - Quebec - Montreal -
// 10 Rue Duke" (locality Montreal, region Quebec, country CA: parts joined
// by a spaced dash, one of them a country; a street after the locality is
// dropped). Fields it cannot find stay empty. The first place of ParsePlaces.
Place ParsePlace(std::string_view text);

// Every place a location text names, the one ParsePlace returns first:
// "Hagen / Dortmund", "Hagen oder Dortmund", "Hagen, Dortmund und Bochum".
// A region or country named once applies to each place that names none.
// Empty when the text names no place; at most kMaxParsedPlaces places.
inline constexpr std::size_t kMaxParsedPlaces = 20;
std::vector<Place> ParsePlaces(std::string_view text);

// Country names and codes ("Deutschland", "Germany", "DEU", "de",
// "Canada", "Österreich", "Schweiz") to ISO 3166-1 alpha-2 ("DE", "CA",
// "AT", "CH"; about 90 countries in German, English and their own
// language, see country_table.cpp); unknown input is returned trimmed and
// upper-cased when it is two letters, else "".
std::string NormalizeCountry(std::string_view text);

// Employment terms ("Vollzeit", "Teilzeit", "befristet", "Festanstellung",
// "Werkstudent", "FULL_TIME", "full-time") to schema.org employmentType
// values joined by ',' in a fixed order without duplicates:
// FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER.
std::string NormalizeEmploymentType(std::string_view text);

// "remote" for fully remote ("TELECOMMUTE", "100% remote", "vollständig
// remote"), "hybrid" for partly ("hybrid", "Homeoffice möglich",
// "mobiles Arbeiten"), "" otherwise.
std::string DetectRemote(std::string_view text);

// Collapses whitespace runs to one space and trims; decodes nothing.
std::string CollapseWhitespace(std::string_view text);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_NORMALIZE_NORMALIZE_H_
