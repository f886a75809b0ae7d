#include "app/report/report_model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "app/monitor/monitor.h"
#include "app/monitor/monitor_report.h"
#include "app/monitor/monitor_stats.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::app::report {
namespace {

constexpr storage::UnixMillis kDayMillis = 24LL * 3600 * 1000;
constexpr storage::UnixMillis kWeekMillis = 7 * kDayMillis;
// The salary chart's bands are never narrower than this (EUR per month).
constexpr double kMinBandWidth = 100;

std::optional<double> PeriodsPerMonth(std::string_view period) {
  if (period == "MONTH") return 1;
  if (period == "YEAR") return 1.0 / 12;
  if (period == "WEEK") return 4.33;
  if (period == "DAY") return 21.7;
  if (period == "HOUR") return 173;
  return std::nullopt;
}

bool Plausible(double monthly) {
  return std::isfinite(monthly) && monthly >= 0 && monthly <= kMaxMonthlySalary;
}

// Monday 00:00 UTC of the week holding `time`.
storage::UnixMillis WeekStart(storage::UnixMillis time) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_time<milliseconds>{milliseconds{time}});
  const sys_days monday = day - days{weekday{day}.iso_encoding() - 1};
  return duration_cast<milliseconds>(monday.time_since_epoch()).count();
}

int IsoWeekNumber(storage::UnixMillis monday) {
  using namespace std::chrono;
  const sys_days thursday = floor<days>(sys_time<milliseconds>{milliseconds{monday}}) + days{3};
  const year iso_year = year_month_day{thursday}.year();
  return static_cast<int>((thursday - sys_days{iso_year / January / 1}).count() / 7 + 1);
}

// The smallest of 1, 2, 2.5 and 5 times a power of ten that is >= `at_least`.
double RoundStep(double at_least) {
  double power = kMinBandWidth;
  for (;;) {
    for (double factor : {1.0, 2.0, 2.5, 5.0}) {
      if (power * factor >= at_least) return power * factor;
    }
    power *= 10;
  }
}

TablePosting ToTablePosting(const storage::PostingRow& row, std::vector<std::string> sources) {
  TablePosting out;
  out.id = row.id;
  out.title = row.posting.title;
  out.url = row.url;
  out.company = row.posting.company;
  out.place = FormatPlace(row.posting);
  out.salary = MonthlySalaryOf(row.posting);
  out.first_seen = row.first_seen;
  out.sources = std::move(sources);
  if (out.sources.empty() && !row.source.empty()) out.sources.push_back(row.source);
  return out;
}

std::vector<std::string> SourcesOf(const std::vector<storage::PostingSources>& all,
                                   std::int64_t id) {
  const auto it = std::lower_bound(all.begin(), all.end(), id,
                                   [](const storage::PostingSources& entry, std::int64_t key) {
                                     return entry.posting_id < key;
                                   });
  return it != all.end() && it->posting_id == id ? it->sources : std::vector<std::string>{};
}

SalarySummary Salaries(const std::vector<const storage::PostingRow*>& open) {
  SalarySummary summary;
  summary.postings = static_cast<int>(open.size());
  std::vector<double> monthly;
  for (const storage::PostingRow* row : open) {
    const auto salary = MonthlyEurSalary(row->posting);
    if (salary && Plausible(*salary)) monthly.push_back(*salary);
  }
  summary.with_salary = static_cast<int>(monthly.size());
  if (monthly.empty()) return summary;
  std::sort(monthly.begin(), monthly.end());
  const std::size_t mid = monthly.size() / 2;
  summary.min = monthly.front();
  summary.max = monthly.back();
  summary.median = monthly.size() % 2 == 1 ? monthly[mid] : (monthly[mid - 1] + monthly[mid]) / 2;
  summary.bands = SalaryBands(std::move(monthly));
  return summary;
}

std::vector<EmployerCount> TopEmployers(const std::vector<const storage::PostingRow*>& open) {
  std::map<std::string, int> counts;
  for (const storage::PostingRow* row : open) {
    if (!row->posting.company.empty()) ++counts[row->posting.company];
  }
  std::vector<EmployerCount> sorted;
  for (const auto& [company, count] : counts) sorted.push_back({company, count});
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.postings > b.postings; });
  if (sorted.size() > kTopEmployers) sorted.resize(kTopEmployers);
  return sorted;
}

// "WARNING: source x yielded ..." without "WARNING: ".
std::string WarningText(const std::string& message) {
  constexpr std::string_view kPrefix = "WARNING: ";
  return message.starts_with(kPrefix) ? message.substr(kPrefix.size()) : message;
}

std::vector<SourceHealth> Sources(const ReportInput& input, bool have_completed_run) {
  std::map<std::string, SourceHealth> by_name;
  for (const std::string& name : input.configured_sources) by_name[name].source = name;
  for (const storage::SourceRunStats& stats : input.latest_stats) {
    SourceHealth& health = by_name[stats.source];
    health.source = stats.source;
    health.pages = stats.pages_fetched;
    health.pages_failed = stats.pages_failed;
    health.postings = stats.sightings;
  }
  for (const storage::SourceLastSuccess& success : input.last_successes) {
    SourceHealth& health = by_name[success.source];
    health.source = success.source;
    health.last_success = success;
  }
  if (have_completed_run) {
    for (const SourceWarning& warning :
         SourceHealthWarnings(input.configured_sources, input.latest_stats, input.previous_stats,
                              input.feeds)) {
      SourceHealth& health = by_name[warning.source];
      health.source = warning.source;
      health.warning = WarningText(warning.message);
    }
  }
  std::vector<SourceHealth> sources;
  for (auto& [name, health] : by_name) sources.push_back(std::move(health));
  return sources;
}

}  // namespace

double MonthlySalary::Midpoint() const {
  if (min && max) return (*min + *max) / 2;
  return min ? *min : max.value_or(0);
}

std::optional<MonthlySalary> MonthlySalaryOf(const parsers::Posting& posting) {
  const auto factor = PeriodsPerMonth(posting.salary_period);
  if (!factor || (!posting.salary_min && !posting.salary_max)) return std::nullopt;
  // Stored before placeholders were dropped at extraction: left out, as in stats.
  const parsers::SalaryRange range{posting.salary_min, posting.salary_max,
                                   posting.salary_currency, posting.salary_period};
  if (!parsers::PlaceholderSalaryReason(range).empty()) return std::nullopt;
  MonthlySalary salary;
  salary.currency = posting.salary_currency;
  if (posting.salary_min) salary.min = *posting.salary_min * *factor;
  if (posting.salary_max) salary.max = *posting.salary_max * *factor;
  for (const auto& end : {salary.min, salary.max}) {
    if (end && !Plausible(*end)) return std::nullopt;
  }
  return salary;
}

std::vector<SalaryBand> SalaryBands(std::vector<double> salaries) {
  if (salaries.empty()) return {};
  std::sort(salaries.begin(), salaries.end());
  const double last = static_cast<double>(salaries.size() - 1);
  const double low = salaries[static_cast<std::size_t>(std::floor(0.05 * last))];
  const double high = salaries[static_cast<std::size_t>(std::ceil(0.95 * last))];
  // Interior bands cover [low, high]; two more may be needed for rounding.
  const double step = RoundStep((high - low) / (kMaxSalaryBands - 2));
  const double from = std::floor(low / step) * step;
  const int count = static_cast<int>(std::floor(high / step) - std::floor(low / step)) + 1;
  std::vector<SalaryBand> bands(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    bands[i].from = from + i * step;
    bands[i].to = bands[i].from + step;
  }
  for (double salary : salaries) {
    const double index = std::floor((salary - from) / step);
    const int at = static_cast<int>(std::clamp(index, 0.0, static_cast<double>(count - 1)));
    ++bands[at].count;
    if (salary < bands.front().from) bands.front().open_below = true;
    if (salary >= bands.back().to) bands.back().open_above = true;
  }
  return bands;
}

std::vector<WeekCount> CountWeeks(const std::vector<const storage::PostingRow*>& rows,
                                  storage::UnixMillis now) {
  const storage::UnixMillis first = WeekStart(now) - (kReportWeeks - 1) * kWeekMillis;
  std::vector<WeekCount> weeks(kReportWeeks);
  for (int i = 0; i < kReportWeeks; ++i) {
    weeks[i].start = first + i * kWeekMillis;
    weeks[i].iso_week = IsoWeekNumber(weeks[i].start);
  }
  const auto index = [&](storage::UnixMillis time) -> std::optional<std::size_t> {
    if (time < first) return std::nullopt;
    const auto at = static_cast<std::size_t>((time - first) / kWeekMillis);
    return at < weeks.size() ? std::optional(at) : std::nullopt;
  };
  for (const storage::PostingRow* row : rows) {
    if (auto at = index(row->first_seen)) ++weeks[*at].new_postings;
    if (row->status == "closed" && row->closed_at > 0) {
      if (auto at = index(row->closed_at)) ++weeks[*at].closed_postings;
    }
  }
  return weeks;
}

ReportModel BuildReportModel(const ReportInput& input, bool all, storage::UnixMillis now) {
  ReportModel model;
  model.generated_at = now;
  model.all = all;
  if (!input.runs.empty()) model.latest_run = input.runs.front();
  for (const storage::RunInfo& run : input.runs) {
    if (run.status != storage::RunStatus::kCompleted) continue;
    model.latest_completed_run = run;
    break;
  }
  std::vector<const storage::PostingRow*> selected, open;
  for (const storage::PostingRow& row : input.rows) {
    if (!all && !row.matched) continue;
    selected.push_back(&row);
    if (row.status == "active") open.push_back(&row);
  }
  for (const storage::PostingRow* row : open) {
    model.postings.push_back(ToTablePosting(*row, SourcesOf(input.posting_sources, row->id)));
  }
  model.weeks = CountWeeks(selected, now);
  model.salaries = Salaries(open);
  model.employers = TopEmployers(open);
  model.sources = Sources(input, model.latest_completed_run.has_value());
  return model;
}

}  // namespace jobcrawler::app::report
