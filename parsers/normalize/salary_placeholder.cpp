// PlaceholderSalaryReason (see normalize.h).
//
// Our choices: the bounds per period are generous (a real salary never
// comes near them) and apply only to currencies whose unit is worth about a
// euro or more, where a million a year is no salary; for others (JPY, SEK,
// HUF, ...) only the currency-free rules apply.
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {
namespace {

// What forms write when they demand a number.
constexpr std::array<double, 3> kFillerNumbers = {12345.0, 123456.0, 1234567.0};

constexpr std::array<std::string_view, 9> kStrongCurrencies = {"",    "EUR", "USD", "GBP", "CHF",
                                                               "CAD", "AUD", "NZD", "SGD"};

struct Bounds {
  std::string_view period;
  double low;   // an amount below this is no salary for the period
  double high;  // nor one at or above this
};

// "" stands for a salary stated without a period.
constexpr std::array<Bounds, 6> kBounds = {{
    {"YEAR", 1'000.0, 1'000'000.0},
    {"MONTH", 100.0, 100'000.0},
    {"WEEK", 25.0, 25'000.0},
    {"DAY", 5.0, 10'000.0},
    {"HOUR", 1.0, 1'000.0},
    {"", 0.0, 1'000'000.0},
}};

bool IsStrongCurrency(std::string_view currency) {
  for (std::string_view strong : kStrongCurrencies) {
    if (currency == strong) return true;
  }
  return false;
}

const Bounds* BoundsFor(std::string_view period) {
  for (const Bounds& bounds : kBounds) {
    if (bounds.period == period) return &bounds;
  }
  return nullptr;
}

// "1000000", "0.5", "12.34": whole numbers without decimals.
std::string Amount(double value) {
  char text[64];
  const bool whole = std::floor(value) == value && std::fabs(value) < 1e15;
  std::snprintf(text, sizeof text, whole ? "%.0f" : "%.2f", value);
  return text;
}

std::string PeriodWord(std::string_view period) {
  return period.empty() ? "with no period" : "per " + std::string(period);
}

std::string AmountReason(double value, const SalaryRange& range) {
  if (value <= 1.0) return "an amount of " + Amount(value);
  for (double filler : kFillerNumbers) {
    if (value == filler) return "the filler number " + Amount(value);
  }
  if (!IsStrongCurrency(range.currency)) return "";
  const Bounds* bounds = BoundsFor(range.period);
  if (bounds == nullptr) return "";
  if (value >= bounds->high || value < bounds->low) {
    return Amount(value) + " " + PeriodWord(range.period) + " is out of all proportion";
  }
  return "";
}

}  // namespace

std::string PlaceholderSalaryReason(const SalaryRange& range) {
  for (const std::optional<double>& value : {range.min, range.max}) {
    if (!value || !std::isfinite(*value)) continue;
    if (std::string reason = AmountReason(*value, range); !reason.empty()) return reason;
  }
  if (range.min && range.max && *range.min > 0 && *range.max >= kMaxSalarySpread * *range.min) {
    return "a maximum " + Amount(*range.max / *range.min) + " times the minimum";
  }
  return "";
}

}  // namespace jobcrawler::parsers
