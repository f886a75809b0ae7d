// Tests for NormalizeDate (parsers/dates.cpp).
#include <gtest/gtest.h>

#include <string>

#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kToday = "2026-11-20";

std::string Date(std::string_view text) { return NormalizeDate(text, kToday); }

TEST(NormalizeDate, ReadsIsoDatesAndDateTimes) {
  EXPECT_EQ(Date("2026-11-20"), "2026-11-20");
  EXPECT_EQ(Date("2026-11-20T10:15:00+01:00"), "2026-11-20");
  EXPECT_EQ(Date("2026-11-20T23:30:00-05:00"), "2026-11-20");
  EXPECT_EQ(Date("2026-11-20T08:00:00Z"), "2026-11-20");
  EXPECT_EQ(Date("2026-11-20 08:00"), "2026-11-20");
}

TEST(NormalizeDate, ReadsGermanNumericDates) {
  EXPECT_EQ(Date("20.11.2026"), "2026-11-20");
  EXPECT_EQ(Date("20.11.2026, 10:00 Uhr"), "2026-11-20");
  EXPECT_EQ(Date("1.2.2026"), "2026-02-01");
  EXPECT_EQ(Date("Veröffentlicht am 03.04.2026"), "2026-04-03");
}

TEST(NormalizeDate, OurChoiceReadsTwoDigitYearsAs20yy) {
  EXPECT_EQ(Date("20.11.26"), "2026-11-20");
}

TEST(NormalizeDate, ReadsGermanMonthNames) {
  EXPECT_EQ(Date("20. November 2026"), "2026-11-20");
  EXPECT_EQ(Date("20. Nov. 2026"), "2026-11-20");
  EXPECT_EQ(Date("1. März 2026"), "2026-03-01");
  EXPECT_EQ(Date("1. Maerz 2026"), "2026-03-01");
  EXPECT_EQ(Date("1. MÄRZ 2026"), "2026-03-01");
  EXPECT_EQ(Date("3. Okt. 2026"), "2026-10-03");
  EXPECT_EQ(Date("24. Dezember 2026"), "2026-12-24");
  EXPECT_EQ(Date("Mo., 5. Januar 2026"), "2026-01-05");
}

TEST(NormalizeDate, ReadsEnglishMonthNames) {
  EXPECT_EQ(Date("November 20, 2026"), "2026-11-20");
  EXPECT_EQ(Date("Nov 20, 2026"), "2026-11-20");
  EXPECT_EQ(Date("20 November 2026"), "2026-11-20");
  EXPECT_EQ(Date("Posted on March 3rd, 2026"), "2026-03-03");
  EXPECT_EQ(Date("21st Sept 2026"), "2026-09-21");
  EXPECT_EQ(Date("20-Nov-2026"), "2026-11-20");
  EXPECT_EQ(Date("Friday, November 20, 2026"), "2026-11-20");
  EXPECT_EQ(Date("Nov. 20, 2026"), "2026-11-20");
}

TEST(NormalizeDate, ReadsGermanRelativeDates) {
  EXPECT_EQ(Date("heute"), "2026-11-20");
  EXPECT_EQ(Date("Gestern"), "2026-11-19");
  EXPECT_EQ(Date("vorgestern"), "2026-11-18");
  EXPECT_EQ(Date("vor 3 Tagen"), "2026-11-17");
  EXPECT_EQ(Date("vor einem Tag"), "2026-11-19");
  EXPECT_EQ(Date("vor einer Woche"), "2026-11-13");
  EXPECT_EQ(Date("vor 2 Wochen"), "2026-11-06");
  EXPECT_EQ(Date("vor 1 Monat"), "2026-10-20");
  EXPECT_EQ(Date("Veröffentlicht vor 5 Stunden"), "2026-11-20");
}

TEST(NormalizeDate, ReadsEnglishRelativeDates) {
  EXPECT_EQ(Date("today"), "2026-11-20");
  EXPECT_EQ(Date("Yesterday"), "2026-11-19");
  EXPECT_EQ(Date("3 days ago"), "2026-11-17");
  EXPECT_EQ(Date("a day ago"), "2026-11-19");
  EXPECT_EQ(Date("2 weeks ago"), "2026-11-06");
  EXPECT_EQ(Date("Posted 2 months ago"), "2026-09-20");
  EXPECT_EQ(Date("just posted"), "2026-11-20");
}

TEST(NormalizeDate, CountsBackAcrossMonthAndYearEnds) {
  EXPECT_EQ(NormalizeDate("vor 3 Tagen", "2026-03-01"), "2026-02-26");
  EXPECT_EQ(NormalizeDate("vor 3 Tagen", "2024-03-01"), "2024-02-27");
  EXPECT_EQ(NormalizeDate("gestern", "2026-01-01"), "2025-12-31");
  EXPECT_EQ(NormalizeDate("vor 1 Monat", "2026-03-31"), "2026-02-28");
}

TEST(NormalizeDate, RelativeFormsNeedValidToday) {
  EXPECT_EQ(NormalizeDate("heute", ""), "");
  EXPECT_EQ(NormalizeDate("vor 3 Tagen", "gestern"), "");
  EXPECT_EQ(NormalizeDate("vor 3 Tagen", "2026-02-31"), "");
  EXPECT_EQ(NormalizeDate("20.11.2026", ""), "2026-11-20");
}

TEST(NormalizeDate, PrefersAbsoluteDateOverRelativeWords) {
  EXPECT_EQ(Date("Bewirb dich noch heute! Online seit 01.10.2026"),
            "2026-10-01");
}

TEST(NormalizeDate, RejectsImpossibleDates) {
  EXPECT_EQ(Date("31.02.2026"), "");
  EXPECT_EQ(Date("2026-13-01"), "");
  EXPECT_EQ(Date("2026-02-30"), "");
  EXPECT_EQ(Date("29.02.2026"), "");
  EXPECT_EQ(Date("29.02.2024"), "2024-02-29");
  EXPECT_EQ(Date("32. Januar 2026"), "");
  EXPECT_EQ(Date("0.1.2026"), "");
}

TEST(NormalizeDate, ReturnsEmptyForUnreadableText) {
  EXPECT_EQ(Date(""), "");
  EXPECT_EQ(Date("demnächst"), "");
  EXPECT_EQ(Date("vor über 30 Tagen"), "");
  EXPECT_EQ(Date("30+ days ago"), "");
  EXPECT_EQ(Date("11/12/2026"), "");
  EXPECT_EQ(Date("12026-11-20"), "");
  EXPECT_EQ(Date("vor 99999 Tagen"), "");
}

TEST(NormalizeDate, SurvivesHostileInput) {
  EXPECT_EQ(Date(std::string(1 << 20, '1')), "");
  std::string garbage;
  for (int i = 0; i < 4000; ++i) garbage.push_back(static_cast<char>(i * 31));
  (void)Date(garbage);
  std::string dots;
  for (int i = 0; i < 1000; ++i) dots += "1.";
  EXPECT_EQ(Date(dots), "");
}

}  // namespace
}  // namespace jobcrawler::parsers
