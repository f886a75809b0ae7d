// Numbers, dates and money in the report, English and German.
#include "app/report/report_locale.h"

#include <gtest/gtest.h>

#include <limits>

namespace jobcrawler::app::report {
namespace {

// 2026-12-06 05:31:00 UTC.
constexpr storage::UnixMillis kSomeMorning = 1796535060000;

TEST(ReportLocale, OnlyDeIsGerman) {
  EXPECT_EQ(LocaleFromName("de"), Locale::kGerman);
  EXPECT_EQ(LocaleFromName("en"), Locale::kEnglish);
  EXPECT_EQ(TextsFor(Locale::kGerman).lang, "de");
  EXPECT_EQ(TextsFor(Locale::kEnglish).lang, "en");
}

TEST(ReportLocale, GroupsDigitsTheLocalWay) {
  EXPECT_EQ(FormatInteger(0, Locale::kEnglish), "0");
  EXPECT_EQ(FormatInteger(999, Locale::kGerman), "999");
  EXPECT_EQ(FormatInteger(85000, Locale::kEnglish), "85,000");
  EXPECT_EQ(FormatInteger(85000, Locale::kGerman), "85.000");
  EXPECT_EQ(FormatInteger(1234567.4, Locale::kGerman), "1.234.567");
  EXPECT_EQ(FormatInteger(7083.5, Locale::kEnglish), "7,084");
  EXPECT_EQ(FormatInteger(-1500, Locale::kEnglish), "-1,500");
}

TEST(ReportLocale, AbsurdNumbersStillPrintBounded) {
  EXPECT_EQ(FormatInteger(std::numeric_limits<double>::infinity(), Locale::kEnglish), "?");
  EXPECT_LE(FormatInteger(1e300, Locale::kEnglish).size(), 310u);
}

TEST(ReportLocale, WritesDatesAndTimesInUtc) {
  EXPECT_EQ(FormatDate(kSomeMorning, Locale::kEnglish), "6 Dec 2026");
  EXPECT_EQ(FormatDate(kSomeMorning, Locale::kGerman), "06.12.2026");
  EXPECT_EQ(FormatDateTime(kSomeMorning, Locale::kEnglish), "6 Dec 2026, 05:31 UTC");
  EXPECT_EQ(FormatDateTime(kSomeMorning, Locale::kGerman), "06.12.2026, 05:31 UTC");
  EXPECT_EQ(FormatDate(0, Locale::kGerman), "01.01.1970");
}

TEST(ReportLocale, NamesWeeks) {
  EXPECT_EQ(FormatWeek(49, Locale::kEnglish), "W49");
  EXPECT_EQ(FormatWeek(49, Locale::kGerman), "KW 49");
}

TEST(ReportLocale, WritesMoneyAndRanges) {
  EXPECT_EQ(FormatMoney(7083.3, "EUR", Locale::kEnglish), "€7,083");
  EXPECT_EQ(FormatMoney(7083.3, "EUR", Locale::kGerman), "7.083 €");
  EXPECT_EQ(FormatMoney(9000, "CHF", Locale::kGerman), "9.000 CHF");
  EXPECT_EQ(FormatMoneyRange(7083.3, 8750, "EUR", Locale::kEnglish), "€7,083–8,750");
  EXPECT_EQ(FormatMoneyRange(7083.3, 8750, "EUR", Locale::kGerman), "7.083–8.750 €");
  EXPECT_EQ(FormatMoneyRange(7000, 9000, "CHF", Locale::kEnglish), "7,000–9,000 CHF");
  EXPECT_EQ(FormatMoneyRange(7000, 7000.2, "EUR", Locale::kGerman), "7.000 €");
  EXPECT_EQ(FormatMoneyRange(4500, std::nullopt, "EUR", Locale::kGerman), "ab 4.500 €");
  EXPECT_EQ(FormatMoneyRange(std::nullopt, 8000, "EUR", Locale::kEnglish), "up to €8,000");
  EXPECT_EQ(FormatMoneyRange(std::nullopt, std::nullopt, "EUR", Locale::kEnglish), "");
}

TEST(ReportLocale, FillReplacesEveryPlaceholder) {
  EXPECT_EQ(Fill("{shown} of {total}, {shown}", {{"shown", "3"}, {"total", "10"}}), "3 of 10, 3");
  // A value that looks like a placeholder is not expanded again.
  EXPECT_EQ(Fill("{a}{b}", {{"a", "{b}"}, {"b", "x"}}), "{b}x");
}

}  // namespace
}  // namespace jobcrawler::app::report
