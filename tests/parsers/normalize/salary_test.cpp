// Tests for ParseAmount, ParseSalary and NormalizeSalaryPeriod
// (parsers/salary*.cpp).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {
namespace {

// One-line expectation helper: min/max (nullopt = absent), currency, period.
void ExpectSalary(std::string_view text, std::optional<double> min,
                  std::optional<double> max, std::string_view currency,
                  std::string_view period) {
  SCOPED_TRACE(std::string(text));
  const std::optional<SalaryRange> s = ParseSalary(text);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->min, min);
  EXPECT_EQ(s->max, max);
  EXPECT_EQ(s->currency, currency);
  EXPECT_EQ(s->period, period);
}

TEST(ParseAmount, ReadsGermanThousandsSeparator) {
  EXPECT_EQ(ParseAmount("4.500"), 4500.0);
  EXPECT_EQ(ParseAmount("1.234.567"), 1234567.0);
}

TEST(ParseAmount, ReadsEnglishThousandsSeparator) {
  EXPECT_EQ(ParseAmount("4,500"), 4500.0);
  EXPECT_EQ(ParseAmount("95,000"), 95000.0);
}

TEST(ParseAmount, ReadsDecimalsInBothNotations) {
  EXPECT_EQ(ParseAmount("4.5"), 4.5);
  EXPECT_EQ(ParseAmount("4,5"), 4.5);
  EXPECT_EQ(ParseAmount("28,50"), 28.5);
  EXPECT_EQ(ParseAmount("4500.00"), 4500.0);
}

TEST(ParseAmount, ReadsCompletePairWithLastSeparatorAsDecimal) {
  EXPECT_EQ(ParseAmount("1.234.567,89"), 1234567.89);
  EXPECT_EQ(ParseAmount("1,234,567.89"), 1234567.89);
  EXPECT_EQ(ParseAmount("4,500.50"), 4500.5);
}

TEST(ParseAmount, OurChoiceReadsLongFirstGroupOrZeroAsDecimal) {
  EXPECT_EQ(ParseAmount("4500.000"), 4500.0);
  EXPECT_EQ(ParseAmount("0.500"), 0.5);
}

TEST(ParseAmount, ReadsSwissApostropheAndSpaceGrouping) {
  EXPECT_EQ(ParseAmount("130'000"), 130000.0);
  EXPECT_EQ(ParseAmount("130\u2019000"), 130000.0);
  EXPECT_EQ(ParseAmount("4 500"), 4500.0);
  EXPECT_EQ(ParseAmount("4\u00A0500"), 4500.0);
}

TEST(ParseAmount, AppliesThousandAndMillionSuffixes) {
  EXPECT_EQ(ParseAmount("70k"), 70000.0);
  EXPECT_EQ(ParseAmount("70 K"), 70000.0);
  EXPECT_EQ(ParseAmount("1,5 Mio"), 1500000.0);
  EXPECT_EQ(ParseAmount("1,5 Mio."), 1500000.0);
  EXPECT_EQ(ParseAmount("1.5m"), 1500000.0);
  EXPECT_EQ(ParseAmount("85 TEUR"), 85000.0);
}

TEST(ParseAmount, AcceptsNoCentsDash) {
  EXPECT_EQ(ParseAmount("65.000,-"), 65000.0);
  EXPECT_EQ(ParseAmount(" 65000 "), 65000.0);
}

TEST(ParseAmount, RejectsUnreadableInput) {
  EXPECT_EQ(ParseAmount(""), std::nullopt);
  EXPECT_EQ(ParseAmount("abc"), std::nullopt);
  EXPECT_EQ(ParseAmount("-5"), std::nullopt);
  EXPECT_EQ(ParseAmount("12.34.56"), std::nullopt);
  EXPECT_EQ(ParseAmount("1,234.567.8"), std::nullopt);
  EXPECT_EQ(ParseAmount("4500 EUR"), std::nullopt);
  EXPECT_EQ(ParseAmount("1.5 m"), std::nullopt);
  EXPECT_EQ(ParseAmount(std::string(100, '9')), std::nullopt);
}

TEST(ParseSalary, ReadsGermanRangePerMonth) {
  ExpectSalary("4.500 – 5.200 € brutto/Monat", 4500, 5200, "EUR", "MONTH");
  ExpectSalary("4500-5200 EUR/Monat", 4500, 5200, "EUR", "MONTH");
  ExpectSalary("4.500 € bis 5.200 € monatlich", 4500, 5200, "EUR", "MONTH");
}

TEST(ParseSalary, ReadsSingleAnnualAmount) {
  ExpectSalary("80.000 EUR p.a.", 80000, 80000, "EUR", "YEAR");
  ExpectSalary("65.000,- €", 65000, 65000, "EUR", "");
  ExpectSalary("65000", 65000, 65000, "", "");
}

TEST(ParseSalary, ReadsEnglishNotation) {
  ExpectSalary("EUR 95,000 per year", 95000, 95000, "EUR", "YEAR");
  ExpectSalary("$120,000 - $140,000 a year", 120000, 140000, "USD", "YEAR");
  ExpectSalary("USD 90,000 to 100,000 annually", 90000, 100000, "USD", "YEAR");
  ExpectSalary("between 80,000 and 90,000 GBP", 80000, 90000, "GBP", "");
}

TEST(ParseSalary, ReadsGermanAnnualRange) {
  ExpectSalary("95.000 - 110.000 EUR jährlich", 95000, 110000, "EUR", "YEAR");
  ExpectSalary("zwischen 70.000 und 85.000 € Jahresgehalt", 70000, 85000, "EUR",
               "YEAR");
  ExpectSalary("Bruttojahresgehalt: 90.000 €", 90000, 90000, "EUR", "YEAR");
}

TEST(ParseSalary, ReadsLowerBoundOnly) {
  ExpectSalary("ab 70k €", 70000, std::nullopt, "EUR", "");
  ExpectSalary("from €60,000", 60000, std::nullopt, "EUR", "");
}

TEST(ParseSalary, ReadsUpperBoundOnly) {
  ExpectSalary("bis zu 120.000 €", std::nullopt, 120000, "EUR", "");
  ExpectSalary("up to $90k per year", std::nullopt, 90000, "USD", "YEAR");
}

TEST(ParseSalary, ReadsHourlyRate) {
  ExpectSalary("€ 28,50 pro Stunde", 28.5, 28.5, "EUR", "HOUR");
  ExpectSalary("28,50 €/h", 28.5, 28.5, "EUR", "HOUR");
}

TEST(ParseSalary, ReadsSwissFrancsAndThousandEuro) {
  ExpectSalary("CHF 130'000", 130000, 130000, "CHF", "");
  ExpectSalary("85 TEUR", 85000, 85000, "EUR", "");
  ExpectSalary("80-95 TEUR p.a.", 80000, 95000, "EUR", "YEAR");
  ExpectSalary("70-80k €", 70000, 80000, "EUR", "");
}

TEST(ParseSalary, AppliesSuffixesOnBothEnds) {
  ExpectSalary("60-70 T€", 60000, 70000, "EUR", "");
  ExpectSalary("€60k–€70k", 60000, 70000, "EUR", "");
}

TEST(ParseSalary, ReadsCentsAndGluedSymbols) {
  ExpectSalary("4.500,00 €", 4500, 4500, "EUR", "");
  ExpectSalary("Gehalt: 50.000€ - 60.000€ / Jahr", 50000, 60000, "EUR", "YEAR");
  ExpectSalary("EUR 4.500,- bis 5.000,-", 4500, 5000, "EUR", "");
  ExpectSalary("Stundenlohn: 15,50 €", 15.5, 15.5, "EUR", "HOUR");
}

TEST(ParseSalary, SkipsNumbersThatAreNotTheSalary) {
  ExpectSalary("Tarifgruppe E13 (4.500 €)", 4500, 4500, "EUR", "");
  ExpectSalary("ab 2027 4.500 €", 4500, 4500, "EUR", "");
}

TEST(ParseSalary, NeverGuessesCurrency) {
  ExpectSalary("4.500 - 5.200 brutto im Monat", 4500, 5200, "", "MONTH");
  ExpectSalary("90 000 dollars", 90000, 90000, "", "");
}

TEST(ParseSalary, PrefersAmountThatNamesCurrency) {
  ExpectSalary("40 Std./Woche, 4.500 € brutto/Monat", 4500, 4500, "EUR",
               "MONTH");
}

TEST(ParseSalary, ReturnsNulloptWithoutAmount) {
  EXPECT_EQ(ParseSalary("Gehalt nach Vereinbarung"), std::nullopt);
  EXPECT_EQ(ParseSalary("attraktive Vergütung"), std::nullopt);
  EXPECT_EQ(ParseSalary(""), std::nullopt);
}

TEST(ParseSalary, RejectsNonsense) {
  EXPECT_EQ(ParseSalary("-5.000 €"), std::nullopt);
  EXPECT_EQ(ParseSalary("50.000.000 €"), std::nullopt);
  EXPECT_EQ(ParseSalary("0 €"), std::nullopt);
  EXPECT_EQ(ParseSalary("5.200 - 4.500 €"), std::nullopt);
}

TEST(ParseSalary, SurvivesHostileInput) {
  EXPECT_EQ(ParseSalary(std::string(1 << 20, '9')), std::nullopt);
  std::string garbage;
  for (int i = 0; i < 4000; ++i) garbage.push_back(static_cast<char>(i * 37));
  (void)ParseSalary(garbage);
  (void)ParseSalary(std::string(4000, '-'));
  (void)ParseSalary(std::string(4000, '.'));
  const std::optional<SalaryRange> s = ParseSalary("\xff\xfe 4.500 \xc3 €");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->min, 4500.0);
  EXPECT_EQ(s->currency, "EUR");
}

TEST(NormalizeSalaryPeriod, ReadsSchemaOrgUnitText) {
  EXPECT_EQ(NormalizeSalaryPeriod("HOUR"), "HOUR");
  EXPECT_EQ(NormalizeSalaryPeriod("DAY"), "DAY");
  EXPECT_EQ(NormalizeSalaryPeriod("WEEK"), "WEEK");
  EXPECT_EQ(NormalizeSalaryPeriod("MONTH"), "MONTH");
  EXPECT_EQ(NormalizeSalaryPeriod("YEAR"), "YEAR");
}

TEST(NormalizeSalaryPeriod, ReadsGermanWords) {
  EXPECT_EQ(NormalizeSalaryPeriod("pro Stunde"), "HOUR");
  EXPECT_EQ(NormalizeSalaryPeriod("stündlich"), "HOUR");
  EXPECT_EQ(NormalizeSalaryPeriod("pro Std."), "HOUR");
  EXPECT_EQ(NormalizeSalaryPeriod("täglich"), "DAY");
  EXPECT_EQ(NormalizeSalaryPeriod("Tagessatz"), "DAY");
  EXPECT_EQ(NormalizeSalaryPeriod("pro Woche"), "WEEK");
  EXPECT_EQ(NormalizeSalaryPeriod("monatlich"), "MONTH");
  EXPECT_EQ(NormalizeSalaryPeriod("mtl."), "MONTH");
  EXPECT_EQ(NormalizeSalaryPeriod("/Monat"), "MONTH");
  EXPECT_EQ(NormalizeSalaryPeriod("jährlich"), "YEAR");
  EXPECT_EQ(NormalizeSalaryPeriod("JAEHRLICH"), "YEAR");
  EXPECT_EQ(NormalizeSalaryPeriod("p.a."), "YEAR");
  EXPECT_EQ(NormalizeSalaryPeriod("pro Jahr"), "YEAR");
}

TEST(NormalizeSalaryPeriod, ReadsEnglishWords) {
  EXPECT_EQ(NormalizeSalaryPeriod("per hour"), "HOUR");
  EXPECT_EQ(NormalizeSalaryPeriod("hourly"), "HOUR");
  EXPECT_EQ(NormalizeSalaryPeriod("daily"), "DAY");
  EXPECT_EQ(NormalizeSalaryPeriod("weekly"), "WEEK");
  EXPECT_EQ(NormalizeSalaryPeriod("monthly"), "MONTH");
  EXPECT_EQ(NormalizeSalaryPeriod("per annum"), "YEAR");
  EXPECT_EQ(NormalizeSalaryPeriod("annual"), "YEAR");
  EXPECT_EQ(NormalizeSalaryPeriod("yearly"), "YEAR");
}

TEST(NormalizeSalaryPeriod, OurChoiceIgnoresCountsOfUnits) {
  EXPECT_EQ(NormalizeSalaryPeriod("30 Tage Urlaub"), "");
  EXPECT_EQ(NormalizeSalaryPeriod("40 Std."), "");
  EXPECT_EQ(NormalizeSalaryPeriod("3 years"), "");
}

TEST(NormalizeSalaryPeriod, ReturnsEmptyWhenUnknown) {
  EXPECT_EQ(NormalizeSalaryPeriod(""), "");
  EXPECT_EQ(NormalizeSalaryPeriod("brutto"), "");
  EXPECT_EQ(NormalizeSalaryPeriod("Tagung"), "");
}

}  // namespace
}  // namespace jobcrawler::parsers

namespace jobcrawler::parsers {
namespace {

// Regression: a bare pay grade was read as a salary of 13.
TEST(ParseSalary, DoesNotReadAPayGradeAsASalary) {
  EXPECT_FALSE(ParseSalary("TVöD E13"));
  EXPECT_FALSE(ParseSalary("Entgeltgruppe 11"));
  EXPECT_TRUE(ParseSalary("65000"));
  EXPECT_TRUE(ParseSalary("28,50 pro Stunde"));
}

SalaryRange Range(std::optional<double> min, std::optional<double> max, std::string currency,
                  std::string period) {
  return {min, max, std::move(currency), std::move(period)};
}

TEST(PlaceholderSalaryReason, AcceptsRealSalaries) {
  EXPECT_EQ(PlaceholderSalaryReason(Range(85000, 105000, "EUR", "YEAR")), "");
  EXPECT_EQ(PlaceholderSalaryReason(Range(4500, 5200, "EUR", "MONTH")), "");
  EXPECT_EQ(PlaceholderSalaryReason(Range(28.5, 32, "EUR", "HOUR")), "");
  EXPECT_EQ(PlaceholderSalaryReason(Range(std::nullopt, 120000, "EUR", "YEAR")), "");
  EXPECT_EQ(PlaceholderSalaryReason(Range(70000, std::nullopt, "", "")), "");
  // Other currencies: millions a year are real (yen, kronor).
  EXPECT_EQ(PlaceholderSalaryReason(Range(6000000, 9000000, "JPY", "YEAR")), "");
}

TEST(PlaceholderSalaryReason, RejectsThePlaceholdersFormsWrite) {
  EXPECT_EQ(PlaceholderSalaryReason(Range(1, 1, "EUR", "YEAR")), "an amount of 1");
  EXPECT_EQ(PlaceholderSalaryReason(Range(1, 1000000, "EUR", "YEAR")), "an amount of 1");
  EXPECT_EQ(PlaceholderSalaryReason(Range(0.01, 0.01, "EUR", "MONTH")), "an amount of 0.01");
  EXPECT_EQ(PlaceholderSalaryReason(Range(10000, 1000000, "EUR", "YEAR")),
            "1000000 per YEAR is out of all proportion");
}

TEST(PlaceholderSalaryReason, RejectsAMaximumAHundredTimesTheMinimum) {
  EXPECT_EQ(PlaceholderSalaryReason(Range(500, 60000, "USD", "MONTH")),
            "a maximum 120 times the minimum");
  EXPECT_EQ(PlaceholderSalaryReason(Range(500, 50000, "JPY", "YEAR")),
            "a maximum 100 times the minimum");
  EXPECT_EQ(PlaceholderSalaryReason(Range(50, 9000, "", "")), "a maximum 180 times the minimum");
}

TEST(PlaceholderSalaryReason, RejectsFillerNumbersAndAmountsOutOfProportion) {
  EXPECT_EQ(PlaceholderSalaryReason(Range(123456, 123456, "EUR", "YEAR")),
            "the filler number 123456");
  EXPECT_EQ(PlaceholderSalaryReason(Range(2000, 2000, "EUR", "HOUR")),
            "2000 per HOUR is out of all proportion");
  EXPECT_EQ(PlaceholderSalaryReason(Range(500, 500, "EUR", "YEAR")),
            "500 per YEAR is out of all proportion");
  EXPECT_EQ(PlaceholderSalaryReason(Range(2500000, 2500000, "", "")),
            "2500000 with no period is out of all proportion");
}

}  // namespace
}  // namespace jobcrawler::parsers
