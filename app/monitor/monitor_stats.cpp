#include "app/monitor/monitor_stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <ostream>

#include "app/monitor/monitor_report.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::app {
namespace {

// Employers listed by `stats`.
constexpr std::size_t kTopEmployers = 10;

// Periods per month for a full-time job (the factors German pay surveys use).
constexpr double kMonthsPerYear = 12;
constexpr double kWeeksPerMonth = 4.33;
constexpr double kDaysPerMonth = 21.7;
constexpr double kHoursPerMonth = 173;

std::chrono::sys_days Day(storage::UnixMillis time) {
  using namespace std::chrono;
  return floor<days>(sys_time<milliseconds>{milliseconds{time}});
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// "name  count" rows of a map, largest count first, then by name.
std::vector<std::pair<std::string, int>> ByCount(const std::map<std::string, int>& counts) {
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return sorted;
}

void WriteTotals(std::ostream& out, const std::vector<storage::PostingRow>& rows) {
  std::map<std::string, int> by_status, matched_by_status;
  for (const auto& row : rows) {
    ++by_status[row.status];
    if (row.matched) ++matched_by_status[row.status];
  }
  out << fmt::format("Postings: {} ({} active, {} closed)\n", rows.size(), by_status["active"],
                     by_status["closed"]);
  out << fmt::format("Matched:  {} ({} active, {} closed)\n",
                     matched_by_status["active"] + matched_by_status["closed"],
                     matched_by_status["active"], matched_by_status["closed"]);
}

void WriteSources(std::ostream& out, const std::vector<storage::PostingRow>& rows) {
  std::map<std::string, int> all, active, matched;
  for (const auto& row : rows) {
    ++all[row.source];
    active[row.source] += row.status == "active";
    matched[row.source] += row.matched;
  }
  out << "\nBy source:\n";
  for (const auto& [source, count] : ByCount(all)) {
    out << fmt::format("  {:<20} {:>5} postings, {:>5} active, {:>5} matched\n", source, count,
                       active[source], matched[source]);
  }
}

void WriteWeeks(std::ostream& out, const std::vector<storage::PostingRow>& rows,
                storage::UnixMillis now) {
  std::map<std::string, int> per_week, matched_per_week;
  for (const auto& row : rows) {
    const std::string week = IsoWeek(row.first_seen);
    ++per_week[week];
    matched_per_week[week] += row.matched;
  }
  out << "\nNew per week (first seen; all / matched):\n";
  constexpr storage::UnixMillis kWeekMillis = 7LL * 24 * 3600 * 1000;
  for (int back = kStatsWeeks - 1; back >= 0; --back) {
    const std::string week = IsoWeek(now - back * kWeekMillis);
    out << fmt::format("  {}  {:>5} / {:>5}\n", week, per_week[week], matched_per_week[week]);
  }
}

void WriteSalaries(std::ostream& out, const std::vector<storage::PostingRow>& rows) {
  std::vector<double> monthly;
  int matched = 0;
  for (const auto& row : rows) {
    if (!row.matched) continue;
    ++matched;
    if (auto salary = MonthlyEurSalary(row.posting)) monthly.push_back(*salary);
  }
  out << fmt::format("\nMonthly salary of matched postings (EUR, midpoint; {} of {} state one):\n",
                     monthly.size(), matched);
  if (monthly.empty()) return;
  out << fmt::format("  min {}  median {}  max {}\n",
                     FormatAmount(std::round(*std::min_element(monthly.begin(), monthly.end()))),
                     FormatAmount(std::round(Median(monthly))),
                     FormatAmount(std::round(*std::max_element(monthly.begin(), monthly.end()))));
}

void WriteEmployers(std::ostream& out, const std::vector<storage::PostingRow>& rows) {
  std::map<std::string, int> counts;
  for (const auto& row : rows) {
    if (!row.posting.company.empty()) ++counts[row.posting.company];
  }
  out << "\nTop employers (postings):\n";
  const auto sorted = ByCount(counts);
  for (std::size_t i = 0; i < sorted.size() && i < kTopEmployers; ++i) {
    out << fmt::format("  {:>5}  {}\n", sorted[i].second, sorted[i].first);
  }
}

}  // namespace

std::optional<double> MonthlyEurSalary(const parsers::Posting& p) {
  if (p.salary_currency != "EUR" || (!p.salary_min && !p.salary_max)) return std::nullopt;
  // Stored before placeholders were dropped at extraction, or merged from one.
  const parsers::SalaryRange range{p.salary_min, p.salary_max, p.salary_currency, p.salary_period};
  if (!parsers::PlaceholderSalaryReason(range).empty()) return std::nullopt;
  const double low = p.salary_min ? *p.salary_min : *p.salary_max;
  const double high = p.salary_max ? *p.salary_max : *p.salary_min;
  const double mid = (low + high) / 2;
  if (p.salary_period == "MONTH") return mid;
  if (p.salary_period == "YEAR") return mid / kMonthsPerYear;
  if (p.salary_period == "WEEK") return mid * kWeeksPerMonth;
  if (p.salary_period == "DAY") return mid * kDaysPerMonth;
  if (p.salary_period == "HOUR") return mid * kHoursPerMonth;
  return std::nullopt;
}

std::string IsoWeek(storage::UnixMillis time) {
  using namespace std::chrono;
  const sys_days day = Day(time);
  // The ISO year is the one of the week's Thursday.
  const sys_days thursday = day + days{4 - static_cast<int>(weekday{day}.iso_encoding())};
  const year iso_year = year_month_day{thursday}.year();
  const auto week = (thursday - sys_days{iso_year / January / 1}).count() / 7 + 1;
  return fmt::format("{:04}-W{:02}", static_cast<int>(iso_year), week);
}

void WriteStats(std::ostream& out, const std::vector<storage::PostingRow>& rows,
                storage::UnixMillis now) {
  WriteTotals(out, rows);
  WriteSources(out, rows);
  WriteWeeks(out, rows, now);
  WriteSalaries(out, rows);
  WriteEmployers(out, rows);
}

}  // namespace jobcrawler::app
