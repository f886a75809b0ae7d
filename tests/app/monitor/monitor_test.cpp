// The pure pieces of monitoring: source health, --since, the report text,
// salaries for stats, ISO weeks and the webhook body.
#include "app/monitor/monitor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "app/monitor/monitor_report.h"
#include "app/monitor/monitor_stats.h"
#include "app/monitor/webhook.h"

namespace jobcrawler::app {
namespace {

using storage::SourceRunStats;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

SourceRunStats Stats(std::string source, std::int64_t fetched, std::int64_t failed,
                     std::int64_t structured, std::int64_t sightings) {
  return {std::move(source), fetched, failed, structured, sightings};
}

std::vector<std::string> Messages(const std::vector<SourceWarning>& warnings) {
  std::vector<std::string> messages;
  for (const auto& w : warnings) messages.push_back(w.message);
  return messages;
}

TEST(MonitorHealth, ASourceWithOneGoodPageIsHealthy) {
  EXPECT_TRUE(IsHealthy(Stats("a", 3, 2, 1, 1)));
  EXPECT_FALSE(IsHealthy(Stats("a", 3, 3, 0, 0))) << "every page failed";
  EXPECT_FALSE(IsHealthy(Stats("a", 0, 0, 0, 0))) << "nothing fetched";
}

TEST(MonitorHealth, WarnsWhenASourceStopsYieldingPostings) {
  auto warnings = SourceHealthWarnings({"stadt-hagen"}, {Stats("stadt-hagen", 5, 0, 0, 0)},
                                       {Stats("stadt-hagen", 5, 0, 3, 12)});
  EXPECT_THAT(Messages(warnings),
              ElementsAre("WARNING: source stadt-hagen yielded 0 postings (previous run: 12) — "
                          "the site may have changed"));
}

TEST(MonitorHealth, WarnsWhenEveryPageFailedEvenWithoutAPreviousRun) {
  EXPECT_THAT(Messages(SourceHealthWarnings({"a"}, {Stats("a", 2, 2, 0, 0)}, {})),
              ElementsAre(HasSubstr("WARNING: source a: all 2 pages failed")));
  EXPECT_THAT(Messages(SourceHealthWarnings({"a"}, {}, {})),
              ElementsAre(HasSubstr("WARNING: source a fetched no page")));
}

TEST(MonitorHealth, WarnsWhenStructuredPagesDropToZero) {
  // Sightings from URL-less pages may remain, but no page carries postings.
  auto warnings = SourceHealthWarnings({"a"}, {Stats("a", 4, 0, 0, 2)}, {Stats("a", 4, 0, 2, 2)});
  EXPECT_THAT(Messages(warnings), ElementsAre(HasSubstr("none of its 4 fetched pages")));
}

TEST(MonitorHealth, AQuietSourceThatNeverYieldedIsFine) {
  EXPECT_TRUE(SourceHealthWarnings({"a", "b"}, {Stats("a", 4, 1, 0, 0), Stats("b", 2, 0, 1, 1)},
                                   {Stats("a", 4, 0, 0, 0), Stats("b", 2, 0, 1, 3)})
                  .empty());
}

TEST(MonitorHealth, WarnedSourcesCloseNothing) {
  std::vector<SourceRunStats> now = {Stats("a", 5, 0, 0, 0), Stats("b", 2, 0, 1, 1),
                                     Stats("c", 1, 1, 0, 0)};
  auto warnings = SourceHealthWarnings({"a", "b", "c"}, now, {Stats("a", 5, 0, 3, 12)});
  EXPECT_THAT(HealthySources(now, warnings), ElementsAre("b"));
}

TEST(MonitorHealth, PreviousCompletedRunSkipsOthers) {
  using storage::RunStatus;
  auto run = [](std::int64_t id, RunStatus status) {
    storage::RunInfo info;
    info.id = id;
    info.status = status;
    return info;
  };
  std::vector<storage::RunInfo> runs = {run(9, RunStatus::kCompleted),
                                        run(8, RunStatus::kInterrupted),
                                        run(7, RunStatus::kCompleted)};
  EXPECT_EQ(PreviousCompletedRun(runs, 9)->id, 7);
  EXPECT_FALSE(PreviousCompletedRun(runs, 7).has_value());
}

TEST(MonitorSince, AcceptsDatesAndRunIds) {
  EXPECT_EQ(ParseSince("2026-11-20")->time, 1'795'132'800'000);
  EXPECT_EQ(ParseSince("run:12")->run, 12);
  EXPECT_EQ(ParseSince("12")->run, 12);
  EXPECT_FALSE(ParseSince("12")->time.has_value());
}

TEST(MonitorSince, RejectsEverythingElse) {
  for (const char* bad : {"", "run:", "run:0", "0", "-3", "12x", "2026-02-30", "2026-1-2",
                          "run:2026-11-20", "yesterday", "2026-11-20T10:00"}) {
    EXPECT_FALSE(ParseSince(bad).has_value()) << bad;
  }
}

TEST(MonitorSince, UtcDateOfATime) {
  EXPECT_EQ(UtcDate(1'795'132'800'000), "2026-11-20");
  EXPECT_EQ(UtcDate(1'795'132'800'000 - 1), "2026-11-19");
}

parsers::Posting Salaried(std::optional<double> min, std::optional<double> max, std::string period,
                          std::string currency = "EUR") {
  parsers::Posting p;
  p.salary_min = min;
  p.salary_max = max;
  p.salary_period = std::move(period);
  p.salary_currency = std::move(currency);
  return p;
}

TEST(MonitorReport, FormatsSalariesTheGermanWay) {
  EXPECT_EQ(FormatSalary(Salaried(85000, 105000, "YEAR")), "85.000–105.000 EUR/Jahr");
  EXPECT_EQ(FormatSalary(Salaried(4500, std::nullopt, "MONTH")), "ab 4.500 EUR/Monat");
  EXPECT_EQ(FormatSalary(Salaried(std::nullopt, 60, "HOUR")), "bis 60 EUR/Stunde");
  EXPECT_EQ(FormatSalary(Salaried(17.5, 17.5, "HOUR")), "17,50 EUR/Stunde");
  EXPECT_EQ(FormatSalary(Salaried(1234567, 1234567, "")), "1.234.567 EUR");
  EXPECT_EQ(FormatSalary(Salaried(std::nullopt, std::nullopt, "YEAR")), "");
}

TEST(MonitorReport, PrintsNothingWhenNothingHappened) {
  std::ostringstream out;
  WriteNewReport(out, 3, {}, {});
  EXPECT_EQ(out.str(), "");
}

TEST(MonitorReport, ListsNewAndClosedPostings) {
  storage::PostingRow fresh;
  fresh.posting = Salaried(85000, 105000, "YEAR");
  fresh.posting.title = "IT-Leiter (m/w/d)";
  fresh.posting.company = "Firma A GmbH";
  fresh.posting.postal_code = "58095";
  fresh.posting.locality = "Hagen";
  fresh.url = "https://jobs.example.org/a";
  storage::PostingRow closed;
  closed.posting.title = "Head of IT";
  closed.posting.locality = "Hagen";
  closed.url = "https://jobs.example.org/b";
  closed.closed_reason = "unseen";
  std::ostringstream out;
  WriteNewReport(out, 3, {fresh}, {closed});
  EXPECT_EQ(out.str(),
            "jobcrawler run 3: 1 new, 1 closed\n"
            "\n"
            "IT-Leiter (m/w/d)\n"
            "  Firma A GmbH · 58095 Hagen · 85.000–105.000 EUR/Jahr\n"
            "  https://jobs.example.org/a\n"
            "\n"
            "Closed: Head of IT — Hagen (no longer listed)\n"
            "  https://jobs.example.org/b\n");
}

TEST(MonitorStats, NormalisesSalariesToMonthlyEur) {
  EXPECT_DOUBLE_EQ(*MonthlyEurSalary(Salaried(84000, 108000, "YEAR")), 8000);
  EXPECT_DOUBLE_EQ(*MonthlyEurSalary(Salaried(50, std::nullopt, "HOUR")), 50 * 173.0);
  EXPECT_DOUBLE_EQ(*MonthlyEurSalary(Salaried(300, 400, "DAY")), 350 * 21.7);
  EXPECT_DOUBLE_EQ(*MonthlyEurSalary(Salaried(std::nullopt, 2000, "WEEK")), 2000 * 4.33);
  EXPECT_DOUBLE_EQ(*MonthlyEurSalary(Salaried(6000, 7000, "MONTH")), 6500);
  EXPECT_FALSE(MonthlyEurSalary(Salaried(90000, 100000, "YEAR", "CHF")).has_value());
  EXPECT_FALSE(MonthlyEurSalary(Salaried(90000, 100000, "")).has_value());
  EXPECT_FALSE(MonthlyEurSalary(Salaried(std::nullopt, std::nullopt, "YEAR")).has_value());
}

TEST(MonitorStats, KeepsPlaceholderSalariesOutOfTheFigures) {
  EXPECT_FALSE(MonthlyEurSalary(Salaried(1, 1000000, "YEAR")).has_value());
  EXPECT_FALSE(MonthlyEurSalary(Salaried(1000, 250000, "YEAR")).has_value()) << "max 250x min";
  EXPECT_FALSE(MonthlyEurSalary(Salaried(123456, 123456, "YEAR")).has_value());
  const storage::UnixMillis nov20 = 1'795'132'800'000;
  std::vector<storage::PostingRow> rows(2);
  rows[0].posting = Salaried(84000, 108000, "YEAR");
  rows[1].posting = Salaried(1, 1000000, "YEAR");
  for (storage::PostingRow& row : rows) {
    row.matched = true;
    row.status = "active";
    row.first_seen = nov20;
  }
  std::ostringstream out;
  WriteStats(out, rows, nov20);
  EXPECT_THAT(out.str(), HasSubstr("1 of 2 state one"));
  EXPECT_THAT(out.str(), HasSubstr("min 8.000  median 8.000  max 8.000"));
}

TEST(MonitorStats, IsoWeeksFollowThursdays) {
  constexpr storage::UnixMillis kDay = 86'400'000;
  const storage::UnixMillis nov20 = 1'795'132'800'000;  // a Friday
  EXPECT_EQ(IsoWeek(nov20), "2026-W47");
  EXPECT_EQ(IsoWeek(nov20 + 2 * kDay), "2026-W47") << "Sunday";
  EXPECT_EQ(IsoWeek(nov20 + 3 * kDay), "2026-W48") << "Monday";
  // 2027-01-01 is a Friday: it belongs to 2026's last week (2026 has 53).
  const storage::UnixMillis jan1 = 1'798'761'600'000;
  EXPECT_EQ(IsoWeek(jan1), "2026-W53");
  EXPECT_EQ(IsoWeek(jan1 + 3 * kDay), "2027-W01");
}

TEST(MonitorStats, WritesTotalsWeeksSalariesAndEmployers) {
  const storage::UnixMillis nov20 = 1'795'132'800'000;
  auto row = [&](std::string company, std::string status, bool matched, parsers::Posting salary) {
    storage::PostingRow r;
    r.posting = std::move(salary);
    r.posting.company = std::move(company);
    r.source = "board";
    r.status = std::move(status);
    r.matched = matched;
    r.first_seen = nov20;
    return r;
  };
  std::vector<storage::PostingRow> rows = {
      row("Stadt Hagen", "active", true, Salaried(84000, 108000, "YEAR")),  // 8000
      row("Stadt Hagen", "closed", true, Salaried(5000, 6000, "MONTH")),    // 5500
      row("Enervie", "active", true, Salaried(60, 60, "HOUR")),             // 10380
      row("Enervie", "active", true, Salaried(7000, 7000, "MONTH")),        // 7000
      row("Firma", "active", false, Salaried(1, 1, "MONTH")),               // not matched
  };
  std::ostringstream out;
  WriteStats(out, rows, nov20);
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("Postings: 5 (4 active, 1 closed)"));
  EXPECT_THAT(text, HasSubstr("Matched:  4 (3 active, 1 closed)"));
  EXPECT_THAT(text, HasSubstr("  2026-W40      0 /     0\n"));
  EXPECT_THAT(text, HasSubstr("  2026-W47      5 /     4\n"));
  EXPECT_THAT(text, HasSubstr("4 of 4 state one"));
  EXPECT_THAT(text, HasSubstr("min 5.500  median 7.500  max 10.380"));
  EXPECT_THAT(text, HasSubstr("      2  Enervie\n      2  Stadt Hagen\n      1  Firma\n"));
}

TEST(MonitorWebhook, BodyCarriesTheRunAndBothLists) {
  storage::PostingRow fresh;
  fresh.id = 4;
  fresh.posting = Salaried(85000, std::nullopt, "YEAR");
  fresh.posting.title = "IT-Leiter";
  fresh.posting.postal_code = "58095";
  fresh.url = "https://a.example/4";
  fresh.first_seen = 1'795'132'800'000;
  storage::PostingRow closed = fresh;
  closed.id = 2;
  closed.closed_reason = "gone";
  closed.closed_at = fresh.first_seen;
  auto body = nlohmann::json::parse(WebhookJson(9, {fresh}, {closed}));
  EXPECT_EQ(body["run"], 9);
  ASSERT_EQ(body["new"].size(), 1u);
  EXPECT_EQ(body["new"][0]["title"], "IT-Leiter");
  EXPECT_EQ(body["new"][0]["postal_code"], "58095");
  EXPECT_EQ(body["new"][0]["salary_min"], 85000);
  EXPECT_TRUE(body["new"][0]["salary_max"].is_null());
  EXPECT_EQ(body["new"][0]["first_seen"], "2026-11-20T00:00:00Z");
  ASSERT_EQ(body["closed"].size(), 1u);
  EXPECT_EQ(body["closed"][0]["id"], 2);
  EXPECT_EQ(body["closed"][0]["closed_reason"], "gone");
}

TEST(MonitorWebhook, InvalidUtf8DoesNotThrow) {
  storage::PostingRow row;
  row.posting.title = "Leiter \xFF IT";
  EXPECT_THAT(WebhookJson(1, {row}, {}), HasSubstr("Leiter \xEF\xBF\xBD IT"));
}

}  // namespace
}  // namespace jobcrawler::app
