// What the report computes from the store's records: table rows, weeks,
// salary bands, employers and source health.
#include "app/report/report_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/monitor/monitor_stats.h"

namespace jobcrawler::app::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr storage::UnixMillis kDay = 24LL * 3600 * 1000;
// Thursday 2026-12-10 12:00 UTC; its ISO week 50 began on Monday 2026-12-07.
constexpr storage::UnixMillis kNow = 1796904000000;
constexpr storage::UnixMillis kMonday = 1796601600000;

storage::PostingRow Row(std::int64_t id, std::string title, bool matched,
                        storage::UnixMillis first_seen) {
  storage::PostingRow row;
  row.id = id;
  row.posting.title = std::move(title);
  row.posting.company = "Muster GmbH";
  row.posting.locality = "Hagen";
  row.posting.postal_code = "58095";
  row.url = "https://example.org/jobs/" + std::to_string(id);
  row.source = "board";
  row.first_seen = first_seen;
  row.status = "active";
  row.matched = matched;
  return row;
}

storage::PostingRow Closed(storage::PostingRow row, storage::UnixMillis closed_at) {
  row.status = "closed";
  row.closed_at = closed_at;
  return row;
}

storage::PostingRow WithSalary(storage::PostingRow row, double min, double max, std::string period,
                               std::string currency = "EUR") {
  row.posting.salary_min = min;
  row.posting.salary_max = max;
  row.posting.salary_period = std::move(period);
  row.posting.salary_currency = std::move(currency);
  return row;
}

TEST(MonthlySalary, ConvertsEachEndToAMonthLikeStats) {
  parsers::Posting posting;
  posting.salary_min = 84000;
  posting.salary_max = 108000;
  posting.salary_currency = "EUR";
  posting.salary_period = "YEAR";
  const auto salary = MonthlySalaryOf(posting);
  ASSERT_TRUE(salary);
  EXPECT_DOUBLE_EQ(*salary->min, 7000);
  EXPECT_DOUBLE_EQ(*salary->max, 9000);
  EXPECT_DOUBLE_EQ(salary->Midpoint(), *MonthlyEurSalary(posting));
  // Amounts that are salaries in each period (not placeholders).
  const std::pair<const char*, std::pair<double, double>> kPerPeriod[] = {
      {"HOUR", {50, 70}}, {"DAY", {400, 560}}, {"WEEK", {2000, 2600}}, {"MONTH", {7000, 9000}}};
  for (const auto& [period, range] : kPerPeriod) {
    posting.salary_period = period;
    posting.salary_min = range.first;
    posting.salary_max = range.second;
    const auto monthly = MonthlySalaryOf(posting);
    const auto stats = MonthlyEurSalary(posting);
    ASSERT_TRUE(monthly && stats) << period;
    EXPECT_DOUBLE_EQ(monthly->Midpoint(), *stats) << period;
  }
}

TEST(MonthlySalary, LeavesOutPlaceholdersLikeStats) {
  parsers::Posting posting;
  posting.salary_min = 1;
  posting.salary_max = 1'000'000;
  posting.salary_currency = "EUR";
  posting.salary_period = "YEAR";
  EXPECT_FALSE(MonthlyEurSalary(posting));
  EXPECT_FALSE(MonthlySalaryOf(posting));
}

TEST(MonthlySalary, KeepsAMissingEndMissingAndRejectsNonsense) {
  parsers::Posting posting;
  posting.salary_min = 4500;
  posting.salary_currency = "EUR";
  posting.salary_period = "MONTH";
  EXPECT_FALSE(MonthlySalaryOf(posting)->max);
  posting.salary_period = "";
  EXPECT_FALSE(MonthlySalaryOf(posting));  // unknown period
  posting.salary_period = "YEAR";
  posting.salary_min = -5;
  EXPECT_FALSE(MonthlySalaryOf(posting));
  posting.salary_min = 1e30;
  EXPECT_FALSE(MonthlySalaryOf(posting));
  posting.salary_min.reset();
  EXPECT_FALSE(MonthlySalaryOf(posting));
}

TEST(CountWeeks, CountsNewAndClosedPerIsoWeekOverTwentySixWeeks) {
  const std::vector<storage::PostingRow> rows = {
      Row(1, "a", true, kNow),                                    // this week
      Row(2, "b", true, kMonday),                                 // this week's first moment
      Row(3, "c", true, kMonday - 1),                             // last week
      Closed(Row(4, "d", true, kNow - 200 * kDay), kNow - kDay),  // new too long ago
      Row(5, "e", true, kMonday - 25 * 7 * kDay),                 // the oldest week shown
      Row(6, "f", true, kMonday - 25 * 7 * kDay - 1),             // just before it
  };
  std::vector<const storage::PostingRow*> pointers;
  for (const auto& row : rows) pointers.push_back(&row);
  const std::vector<WeekCount> weeks = CountWeeks(pointers, kNow);
  ASSERT_EQ(weeks.size(), static_cast<std::size_t>(kReportWeeks));
  EXPECT_EQ(weeks.back().start, kMonday);
  EXPECT_EQ(weeks.back().iso_week, 50);
  EXPECT_EQ(weeks.back().new_postings, 2);
  EXPECT_EQ(weeks.back().closed_postings, 1);
  EXPECT_EQ(weeks[kReportWeeks - 2].new_postings, 1);
  EXPECT_EQ(weeks.front().new_postings, 1);
  int total = 0;
  for (const WeekCount& week : weeks) total += week.new_postings;
  EXPECT_EQ(total, 4);
}

TEST(CountWeeks, NumbersWeeksAcrossTheYearEnd) {
  // Thursday 2027-01-07: week 1 of 2027; the week before is 2026's week 53.
  const std::vector<WeekCount> weeks = CountWeeks({}, kNow + 28 * kDay);
  EXPECT_EQ(weeks.back().iso_week, 1);
  EXPECT_EQ(weeks[kReportWeeks - 2].iso_week, 53);
}

TEST(SalaryBands, OneValueMakesOneBand) {
  const auto bands = SalaryBands({7000});
  ASSERT_EQ(bands.size(), 1u);
  EXPECT_EQ(bands[0].count, 1);
  EXPECT_LE(bands[0].from, 7000);
  EXPECT_GT(bands[0].to, 7000);
  EXPECT_FALSE(bands[0].open_below || bands[0].open_above);
}

TEST(SalaryBands, RoundBandsCountEveryValueOnce) {
  const auto bands = SalaryBands({4100, 4900, 5200, 6100, 6900, 7000, 9900});
  ASSERT_FALSE(bands.empty());
  int total = 0;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    total += bands[i].count;
    if (i > 0) {
      EXPECT_EQ(bands[i].from, bands[i - 1].to);
    }
  }
  EXPECT_EQ(total, 7);
  EXPECT_LE(bands.size(), static_cast<std::size_t>(kMaxSalaryBands));
  EXPECT_EQ(bands.front().from, 4000);
  EXPECT_EQ(bands.front().to - bands.front().from, 1000);
}

TEST(SalaryBands, OutliersGoToOpenEndedOuterBands) {
  std::vector<double> salaries(100, 7000);
  for (int i = 0; i < 100; ++i) salaries[i] = 5000 + 30 * i;  // 5000..7970
  salaries[0] = 10;                                           // a misparsed amount
  salaries[99] = 9e8;                                         // another
  const auto bands = SalaryBands(salaries);
  ASSERT_LE(bands.size(), static_cast<std::size_t>(kMaxSalaryBands));
  EXPECT_TRUE(bands.front().open_below);
  EXPECT_TRUE(bands.back().open_above);
  EXPECT_LT(bands.back().from, 9000);  // the outlier did not stretch the scale
  int total = 0;
  for (const SalaryBand& band : bands) total += band.count;
  EXPECT_EQ(total, 100);
}

ReportInput Input() {
  ReportInput input;
  input.rows = {
      WithSalary(Row(1, "IT-Leiter", true, kNow - 2 * kDay), 84000, 108000, "YEAR"),
      Row(2, "Koch", false, kNow - 3 * kDay),
      Closed(Row(3, "CIO", true, kNow - 9 * kDay), kNow - kDay),
      WithSalary(Row(4, "Head of IT", true, kNow - 4 * kDay), 6000, 6000, "MONTH", "CHF"),
  };
  input.rows[3].posting.company = "Andere AG";
  input.posting_sources = {{1, {"alpha", "beta"}}, {2, {"alpha"}}};
  return input;
}

TEST(BuildReportModel, TableHoldsOpenMatchedPostingsWithTheirSources) {
  const ReportModel model = BuildReportModel(Input(), false, kNow);
  ASSERT_EQ(model.postings.size(), 2u);
  EXPECT_EQ(model.postings[0].title, "IT-Leiter");
  EXPECT_EQ(model.postings[0].place, "58095 Hagen");
  EXPECT_THAT(model.postings[0].sources, ElementsAre("alpha", "beta"));
  EXPECT_DOUBLE_EQ(*model.postings[0].salary->min, 7000);
  EXPECT_EQ(model.postings[1].title, "Head of IT");
  EXPECT_THAT(model.postings[1].sources, ElementsAre("board"));  // no sightings: its source
  EXPECT_EQ(model.postings[1].salary->currency, "CHF");
}

TEST(BuildReportModel, AllIncludesUnmatchedPostings) {
  const ReportModel model = BuildReportModel(Input(), true, kNow);
  EXPECT_EQ(model.postings.size(), 3u);
  EXPECT_TRUE(model.all);
}

TEST(BuildReportModel, ChartsCountTheSelection) {
  const ReportModel model = BuildReportModel(Input(), false, kNow);
  int new_postings = 0, closed = 0;
  for (const WeekCount& week : model.weeks) {
    new_postings += week.new_postings;
    closed += week.closed_postings;
  }
  EXPECT_EQ(new_postings, 3);  // not the unmatched Koch
  EXPECT_EQ(closed, 1);
  // Only EUR salaries of open postings are charted.
  EXPECT_EQ(model.salaries.postings, 2);
  EXPECT_EQ(model.salaries.with_salary, 1);
  EXPECT_DOUBLE_EQ(model.salaries.median, 8000);
  ASSERT_EQ(model.employers.size(), 2u);
  EXPECT_EQ(model.employers[0].postings, 1);
}

TEST(BuildReportModel, TopEmployersAreSortedAndCapped) {
  ReportInput input;
  for (int i = 0; i < 30; ++i) {
    storage::PostingRow row = Row(i + 1, "IT-Leiter", true, kNow);
    row.posting.company = "Firma " + std::to_string(i % 12);
    if (i < 5) row.posting.company = "Groß AG";
    input.rows.push_back(row);
  }
  const ReportModel model = BuildReportModel(input, false, kNow);
  ASSERT_EQ(model.employers.size(), kTopEmployers);
  EXPECT_EQ(model.employers[0].company, "Groß AG");
  EXPECT_EQ(model.employers[0].postings, 5);
  for (std::size_t i = 1; i < model.employers.size(); ++i) {
    EXPECT_GE(model.employers[i - 1].postings, model.employers[i].postings);
  }
}

TEST(BuildReportModel, SourceHealthJoinsConfigStatsSuccessesAndWarnings) {
  ReportInput input;
  input.configured_sources = {"alpha", "beta", "gamma"};
  input.runs = {{7, kNow - kDay, kNow - kDay + 1000, storage::RunStatus::kCompleted, {}},
                {6, kNow - 2 * kDay, kNow - 2 * kDay + 1000, storage::RunStatus::kCompleted, {}}};
  input.latest_stats = {{"alpha", 10, 0, 4, 12}, {"beta", 3, 3, 0, 0}};
  input.previous_stats = {{"alpha", 10, 0, 4, 11}, {"beta", 3, 0, 2, 5}};
  input.last_successes = {{"alpha", 7, kNow - kDay + 1000}, {"beta", 6, kNow - 2 * kDay + 1000}};
  const ReportModel model = BuildReportModel(input, false, kNow);
  ASSERT_EQ(model.sources.size(), 3u);
  EXPECT_EQ(model.sources[0].source, "alpha");
  EXPECT_EQ(model.sources[0].pages, 10);
  EXPECT_EQ(model.sources[0].postings, 12);
  EXPECT_EQ(model.sources[0].last_success->run_id, 7);
  EXPECT_EQ(model.sources[0].warning, "");
  EXPECT_EQ(model.sources[1].pages_failed, 3);
  EXPECT_THAT(model.sources[1].warning, HasSubstr("source beta"));
  EXPECT_FALSE(model.sources[1].warning.starts_with("WARNING"));
  EXPECT_EQ(model.sources[2].source, "gamma");  // configured, never reached
  EXPECT_FALSE(model.sources[2].last_success);
  EXPECT_THAT(model.sources[2].warning, HasSubstr("source gamma"));
  EXPECT_EQ(model.latest_completed_run->id, 7);
}

TEST(BuildReportModel, AnEmptyStoreGivesAnEmptyReport) {
  const ReportModel model = BuildReportModel(ReportInput{}, false, kNow);
  EXPECT_TRUE(model.postings.empty());
  EXPECT_EQ(model.weeks.size(), static_cast<std::size_t>(kReportWeeks));
  EXPECT_EQ(model.salaries.with_salary, 0);
  EXPECT_TRUE(model.employers.empty());
  EXPECT_TRUE(model.sources.empty());
  EXPECT_FALSE(model.latest_run);
}

}  // namespace
}  // namespace jobcrawler::app::report
