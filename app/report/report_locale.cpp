#include "app/report/report_locale.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace jobcrawler::app::report {
namespace {

constexpr Texts kEnglish = {
    .lang = "en",
    .title = "IT leadership jobs",
    .generated = "Generated",
    .latest_run = "Latest crawl",
    .no_run = "No crawl has run yet.",
    .run_status = {"running", "completed", "interrupted", "failed"},
    .postings_matched = "Matched open postings",
    .postings_all = "All open postings",
    .filter_label = "Filter",
    .filter_placeholder = "title, company, place, source …",
    .count_template = "{shown} of {total} postings",
    .column_title = "Title",
    .column_company = "Company",
    .column_place = "Place",
    .column_salary = "Salary per month",
    .column_first_seen = "First seen",
    .column_sources = "Sources",
    .no_postings = "No open postings.",
    .show_all = "Show all {count}",
    .paged_no_js = "Without JavaScript only the first {page} postings are shown.",
    .weeks_heading = "New and closed postings per week",
    .weeks_new = "new",
    .weeks_closed = "closed",
    .weeks_summary = "{new} new and {closed} closed in the last {weeks} weeks (UTC).",
    .week_tooltip = "{week} (from {date}): {new} new, {closed} closed",
    .salary_heading = "Monthly salaries",
    .salary_note =
        "Midpoint of each stated range per month in EUR (year ÷ 12, week × 4.33, "
        "day × 21.7, hour × 173); {with} of {total} postings state one.",
    .salary_summary = "Lowest {min}, median {median}, highest {max}.",
    .no_salaries = "No posting states a salary in EUR.",
    .band_below = "under {amount}",
    .band_above = "{amount} or more",
    .postings_count = "{count} postings",
    .employers_heading = "Top employers",
    .no_employers = "No posting names its employer.",
    .sources_heading = "Sources",
    .column_source = "Source",
    .column_last_success = "Last successful run",
    .column_pages = "Pages",
    .column_postings = "Postings",
    .column_warnings = "Warnings",
    .pages_failed = "{failed} failed",
    .never = "never",
    .no_sources = "No sources.",
    .sources_note = "Pages and postings of the latest completed crawl (run {run}).",
};

constexpr Texts kGerman = {
    .lang = "de",
    .title = "IT-Leitungsstellen",
    .generated = "Erstellt",
    .latest_run = "Letzter Crawl",
    .no_run = "Noch kein Crawl gelaufen.",
    .run_status = {"läuft", "abgeschlossen", "unterbrochen", "fehlgeschlagen"},
    .postings_matched = "Passende offene Stellen",
    .postings_all = "Alle offenen Stellen",
    .filter_label = "Filtern",
    .filter_placeholder = "Titel, Firma, Ort, Quelle …",
    .count_template = "{shown} von {total} Stellen",
    .column_title = "Titel",
    .column_company = "Firma",
    .column_place = "Ort",
    .column_salary = "Gehalt pro Monat",
    .column_first_seen = "Zuerst gesehen",
    .column_sources = "Quellen",
    .no_postings = "Keine offenen Stellen.",
    .show_all = "Alle {count} zeigen",
    .paged_no_js = "Ohne JavaScript sind nur die ersten {page} Stellen zu sehen.",
    .weeks_heading = "Neue und geschlossene Stellen pro Woche",
    .weeks_new = "neu",
    .weeks_closed = "geschlossen",
    .weeks_summary = "{new} neu und {closed} geschlossen in den letzten {weeks} Wochen (UTC).",
    .week_tooltip = "{week} (ab {date}): {new} neu, {closed} geschlossen",
    .salary_heading = "Monatsgehälter",
    .salary_note =
        "Mitte der genannten Spanne pro Monat in EUR (Jahr ÷ 12, Woche × 4,33, "
        "Tag × 21,7, Stunde × 173); {with} von {total} Stellen nennen ein Gehalt.",
    .salary_summary = "Niedrigstes {min}, Median {median}, höchstes {max}.",
    .no_salaries = "Keine Stelle nennt ein Gehalt in EUR.",
    .band_below = "unter {amount}",
    .band_above = "{amount} und mehr",
    .postings_count = "{count} Stellen",
    .employers_heading = "Arbeitgeber mit den meisten Stellen",
    .no_employers = "Keine Stelle nennt ihren Arbeitgeber.",
    .sources_heading = "Quellen",
    .column_source = "Quelle",
    .column_last_success = "Letzter erfolgreicher Lauf",
    .column_pages = "Seiten",
    .column_postings = "Stellen",
    .column_warnings = "Warnungen",
    .pages_failed = "{failed} fehlerhaft",
    .never = "nie",
    .no_sources = "Keine Quellen.",
    .sources_note = "Seiten und Stellen des letzten abgeschlossenen Crawls (Lauf {run}).",
};

constexpr std::string_view kEnglishMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Larger amounts are not money anyone is paid; they print in full anyway
// but without grouping (fmt's {:.0f} of a huge double is still bounded).
constexpr double kLargestGrouped = 1e15;

std::chrono::year_month_day Ymd(storage::UnixMillis time) {
  using namespace std::chrono;
  return year_month_day{floor<days>(sys_time<milliseconds>{milliseconds{time}})};
}

}  // namespace

Locale LocaleFromName(std::string_view name) {
  return name == "de" ? Locale::kGerman : Locale::kEnglish;
}

const Texts& TextsFor(Locale locale) { return locale == Locale::kGerman ? kGerman : kEnglish; }

std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  // One pass over the pattern, so that a value is never expanded again.
  std::string out;
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find('{', at);
    const std::size_t close = pattern.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) break;
    out += pattern.substr(at, open - at);
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto value = std::find_if(values.begin(), values.end(),
                                    [&](const auto& entry) { return entry.first == name; });
    out += value != values.end() ? std::string_view(value->second)
                                 : pattern.substr(open, close - open + 1);
    at = close + 1;
  }
  if (at < pattern.size()) out += pattern.substr(at);
  return out;
}

std::string FormatInteger(double value, Locale locale) {
  if (!std::isfinite(value)) return "?";
  const double rounded = std::round(value);
  if (std::fabs(rounded) >= kLargestGrouped) return fmt::format("{:.0f}", rounded);
  const auto whole = static_cast<long long>(rounded);
  const std::string digits = std::to_string(whole < 0 ? -whole : whole);
  const char separator = locale == Locale::kGerman ? '.' : ',';
  std::string out = whole < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string FormatDate(storage::UnixMillis time, Locale locale) {
  const auto ymd = Ymd(time);
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  if (locale == Locale::kGerman) return fmt::format("{:02}.{:02}.{:04}", day, month, year);
  return fmt::format("{} {} {}", day, kEnglishMonths[(month + 11) % 12], year);
}

std::string FormatDateTime(storage::UnixMillis time, Locale locale) {
  constexpr storage::UnixMillis kMinute = 60'000;
  constexpr storage::UnixMillis kDay = 24 * 60 * kMinute;
  const storage::UnixMillis in_day = ((time % kDay) + kDay) % kDay;
  const auto minutes = in_day / kMinute;
  return fmt::format("{}, {:02}:{:02} UTC", FormatDate(time, locale), minutes / 60, minutes % 60);
}

std::string FormatWeek(int iso_week, Locale locale) {
  return locale == Locale::kGerman ? fmt::format("KW {}", iso_week) : fmt::format("W{}", iso_week);
}

std::string FormatMoney(double amount, std::string_view currency, Locale locale) {
  const std::string number = FormatInteger(amount, locale);
  if (currency == "EUR") {
    return locale == Locale::kGerman ? number + " €" : "€" + number;
  }
  return currency.empty() ? number : number + " " + std::string(currency);
}

std::string FormatMoneyRange(std::optional<double> min, std::optional<double> max,
                             std::string_view currency, Locale locale) {
  const bool german = locale == Locale::kGerman;
  if (min && max && FormatInteger(*min, locale) != FormatInteger(*max, locale)) {
    // The currency once: "€7,083–8,750", "7.083–8.750 €", "7,083–8,750 CHF".
    const std::string high = FormatMoney(*max, currency, locale);
    const std::string low = FormatInteger(*min, locale);
    if (currency == "EUR" && !german) return "€" + low + "–" + high.substr(std::string("€").size());
    return low + "–" + high;
  }
  if (min && max) return FormatMoney(*min, currency, locale);
  if (min) return (german ? "ab " : "from ") + FormatMoney(*min, currency, locale);
  if (max) return (german ? "bis " : "up to ") + FormatMoney(*max, currency, locale);
  return "";
}

}  // namespace jobcrawler::app::report
