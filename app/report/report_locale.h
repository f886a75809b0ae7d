// How `jobcrawler report` writes numbers, dates, money and its labels, in
// English or German ([report] locale). Pure functions; times are UTC.
#ifndef JOBCRAWLER_APP_REPORT_REPORT_LOCALE_H_
#define JOBCRAWLER_APP_REPORT_REPORT_LOCALE_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "storage/store.h"

namespace jobcrawler::app::report {

enum class Locale { kEnglish, kGerman };

// "de" is German; anything else (the config allows only "en") English.
Locale LocaleFromName(std::string_view name);

// The report's fixed texts. Placeholders in braces ("{shown}") are filled
// in by Fill() here or by the report's script.
struct Texts {
  std::string_view lang;  // the <html lang> value
  std::string_view title;
  std::string_view generated;
  std::string_view latest_run;
  std::string_view no_run;
  std::string_view run_status[4];  // by storage::RunStatus
  std::string_view postings_matched;
  std::string_view postings_all;
  std::string_view filter_label;
  std::string_view filter_placeholder;
  std::string_view count_template;  // {shown}, {total}
  std::string_view column_title;
  std::string_view column_company;
  std::string_view column_place;
  std::string_view column_salary;
  std::string_view column_first_seen;
  std::string_view column_sources;
  std::string_view no_postings;
  std::string_view show_all;     // {count}
  std::string_view paged_no_js;  // {page}
  std::string_view weeks_heading;
  std::string_view weeks_new;
  std::string_view weeks_closed;
  std::string_view weeks_summary;  // {new}, {closed}, {weeks}
  std::string_view week_tooltip;   // {week}, {date}, {new}, {closed}
  std::string_view salary_heading;
  std::string_view salary_note;     // {with}, {total}
  std::string_view salary_summary;  // {min}, {median}, {max}
  std::string_view no_salaries;
  std::string_view band_below;      // {amount}
  std::string_view band_above;      // {amount}
  std::string_view postings_count;  // {count}: "12 postings"
  std::string_view employers_heading;
  std::string_view no_employers;
  std::string_view sources_heading;
  std::string_view column_source;
  std::string_view column_last_success;
  std::string_view column_pages;
  std::string_view column_postings;
  std::string_view column_warnings;
  std::string_view pages_failed;  // {failed}: "3 failed"
  std::string_view never;
  std::string_view no_sources;
  std::string_view sources_note;  // {run}
};
const Texts& TextsFor(Locale locale);

// `pattern` with every "{name}" replaced by its value, in order given.
std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values);

// "85,000" / "85.000"; rounds to the nearest integer.
std::string FormatInteger(double value, Locale locale);

// "6 Dec 2026" / "06.12.2026".
std::string FormatDate(storage::UnixMillis time, Locale locale);

// "6 Dec 2026, 05:31 UTC" / "06.12.2026, 05:31 UTC".
std::string FormatDateTime(storage::UnixMillis time, Locale locale);

// "W49" / "KW 49".
std::string FormatWeek(int iso_week, Locale locale);

// "€7,083" / "7.083 €"; other currencies "7,083 CHF" / "7.083 CHF".
std::string FormatMoney(double amount, std::string_view currency, Locale locale);

// A salary range: "€7,083–8,750" / "7.083–8.750 €", one amount when both
// ends are equal, "from €4,500" / "ab 4.500 €" or "up to …" / "bis …" when
// one end is missing, "" when both are.
std::string FormatMoneyRange(std::optional<double> min, std::optional<double> max,
                             std::string_view currency, Locale locale);

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_REPORT_LOCALE_H_
