// What `jobcrawler report` shows, computed from the store's records: the
// open postings for the table, new and closed postings per week, monthly
// salaries, top employers and the health of each source. Pure functions;
// report_load.h reads the store, report_html.h writes the page.
#ifndef JOBCRAWLER_APP_REPORT_REPORT_MODEL_H_
#define JOBCRAWLER_APP_REPORT_REPORT_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/monitor/monitor.h"
#include "parsers/core/posting.h"
#include "storage/store.h"

namespace jobcrawler::app::report {

// Weeks in the new/closed chart, the current one included.
inline constexpr int kReportWeeks = 26;
// Employers in the top-employers chart.
inline constexpr std::size_t kTopEmployers = 10;
// Most bars in the salary chart (the outer two are open-ended).
inline constexpr int kMaxSalaryBands = 12;

// A stated salary per month, in its own currency (full time: YEAR / 12,
// WEEK * 4.33, DAY * 21.7, HOUR * 173, the factors of MonthlyEurSalary in
// app/monitor/monitor_stats.h). An end the posting does not state is unset.
struct MonthlySalary {
  std::optional<double> min;
  std::optional<double> max;
  std::string currency;
  double Midpoint() const;  // of the ends given
};

// nullopt without an amount, with an unknown period, or with an amount that
// is not a plausible salary (negative, not finite, over kMaxMonthlySalary).
std::optional<MonthlySalary> MonthlySalaryOf(const parsers::Posting& posting);
inline constexpr double kMaxMonthlySalary = 1e9;

// One row of the postings table.
struct TablePosting {
  std::int64_t id = 0;
  std::string title;
  std::string url;  // the best URL; linked only when it is http(s)
  std::string company;
  std::string place;  // "58095 Hagen"
  std::optional<MonthlySalary> salary;
  storage::UnixMillis first_seen = 0;
  std::vector<std::string> sources;
};

// One ISO week (Monday to Sunday, UTC) of the new/closed chart.
struct WeekCount {
  storage::UnixMillis start = 0;  // Monday 00:00 UTC
  int iso_week = 0;
  int new_postings = 0;     // first seen in the week
  int closed_postings = 0;  // closed in the week
};

// A bar of the salary chart: the postings whose monthly EUR midpoint lies in
// [from, to); the first band also counts those below (open_below when there
// are any), the last those above (open_above).
struct SalaryBand {
  double from = 0;
  double to = 0;
  int count = 0;
  bool open_below = false;
  bool open_above = false;
};

struct SalarySummary {
  int postings = 0;     // open postings in the report
  int with_salary = 0;  // of those, with a monthly EUR salary
  double min = 0;       // midpoints, when with_salary > 0
  double median = 0;
  double max = 0;
  std::vector<SalaryBand> bands;
};

struct EmployerCount {
  std::string company;
  int postings = 0;
};

// One row of the source health table.
struct SourceHealth {
  std::string source;
  std::optional<storage::SourceLastSuccess> last_success;
  std::int64_t pages = 0;  // fetched in the latest completed run
  std::int64_t pages_failed = 0;
  std::int64_t postings = 0;  // sightings in the latest completed run
  std::string warning;        // the health warning of that run, "" when fine
};

struct ReportModel {
  storage::UnixMillis generated_at = 0;
  bool all = false;  // every posting, not only matched ones
  std::optional<storage::RunInfo> latest_run;
  std::optional<storage::RunInfo> latest_completed_run;
  std::vector<TablePosting> postings;  // open ones, newest first
  std::vector<WeekCount> weeks;        // kReportWeeks, oldest first
  SalarySummary salaries;
  std::vector<EmployerCount> employers;  // most postings first
  std::vector<SourceHealth> sources;     // by name
};

// What the store holds, as the report needs it.
struct ReportInput {
  // Every posting, open and closed, with `matched` judged by the current rules.
  std::vector<storage::PostingRow> rows;
  std::vector<storage::PostingSources> posting_sources;
  std::vector<storage::RunInfo> runs;  // newest first
  // What each source yielded in the latest completed run, and in the one
  // before it (empty when there is none), for the health warnings.
  std::vector<storage::SourceRunStats> latest_stats;
  std::vector<storage::SourceRunStats> previous_stats;
  std::vector<storage::SourceLastSuccess> last_successes;
  std::vector<std::string> configured_sources;
  std::vector<FeedExpectation> feeds;  // the feed sources among them
};

// The report of `input` at `now`: matched postings only unless `all`.
ReportModel BuildReportModel(const ReportInput& input, bool all, storage::UnixMillis now);

// The salary chart's figures for `salaries` (monthly EUR midpoints): at most
// kMaxSalaryBands bands of a round width covering the middle 90% of values,
// the outer ones catching the rest.
std::vector<SalaryBand> SalaryBands(std::vector<double> salaries);

// The kReportWeeks ISO weeks up to the one holding `now`, counting first_seen
// and closed_at of `rows`.
std::vector<WeekCount> CountWeeks(const std::vector<const storage::PostingRow*>& rows,
                                  storage::UnixMillis now);

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_REPORT_MODEL_H_
