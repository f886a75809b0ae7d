// The normalisers: parsers/normalize/normalize.h (salaries, amounts,
// periods, dates, places, countries, employment types, remote, whitespace).
//
// Input: "TODAY\nTEXT": the date relative dates count back from (normally
// ISO, here anything) and the text every normaliser reads. Invariants: a
// salary is finite, positive, at most 10,000,000, min <= max, with an
// ISO 4217-shaped currency and a known period; dates are real calendar
// dates; countries are two upper-case letters; postal codes are 4 or 5
// digits; employment types are known values in the documented order without
// duplicates; whitespace collapsing is idempotent. For valid UTF-8 input,
// every output is valid UTF-8.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/posting_checks.h"

namespace jobcrawler::parsers {
namespace {

using jobcrawler::fuzz::IsValidUtf8;

constexpr double kMaxSalary = 10'000'000;
constexpr std::string_view kEmploymentOrder[] = {"FULL_TIME", "PART_TIME", "CONTRACTOR",
                                                 "TEMPORARY", "INTERN",    "VOLUNTEER",
                                                 "PER_DIEM",  "OTHER"};

bool IsUpperAscii(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (const char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsCalendarDateOrEmpty(const std::string& date) {
  if (date.empty()) return true;
  if (!jobcrawler::fuzz::IsIsoDateOrEmpty(date)) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{std::stoi(date.substr(0, 4))},
                                        std::chrono::month{unsigned(std::stoi(date.substr(5, 2)))},
                                        std::chrono::day{unsigned(std::stoi(date.substr(8, 2)))}};
  return ymd.ok();
}

void CheckSalary(std::string_view text) {
  const std::optional<SalaryRange> salary = ParseSalary(text);
  if (!salary) return;
  FUZZ_CHECK(salary->min || salary->max, text);
  for (const auto* amount : {&salary->min, &salary->max}) {
    if (*amount) {
      FUZZ_CHECK(std::isfinite(**amount) && **amount > 0 && **amount <= kMaxSalary, text);
    }
  }
  if (salary->min && salary->max) FUZZ_CHECK(*salary->min <= *salary->max, text);
  FUZZ_CHECK(salary->currency.empty() || IsUpperAscii(salary->currency, 3), salary->currency);
  FUZZ_CHECK(jobcrawler::fuzz::IsKnownPeriodOrEmpty(salary->period), salary->period);
}

void CheckEmployment(std::string_view text) {
  const std::string types = NormalizeEmploymentType(text);
  std::size_t next = 0;  // index in kEmploymentOrder the next value may start at
  std::string_view rest = types;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view value = rest.substr(0, comma);
    rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
    std::size_t index = next;
    while (index < std::size(kEmploymentOrder) && kEmploymentOrder[index] != value) ++index;
    FUZZ_CHECK(index < std::size(kEmploymentOrder), types);  // known, in order, once
    next = index + 1;
  }
}

void CheckPlace(std::string_view text, bool utf8_in) {
  const Place place = ParsePlace(text);
  for (const std::string* field : {&place.locality, &place.postal_code, &place.region}) {
    if (utf8_in) FUZZ_CHECK(IsValidUtf8(*field), *field);
  }
  FUZZ_CHECK(place.country.empty() || IsUpperAscii(place.country, 2), place.country);
  const bool digits = place.postal_code.find_first_not_of("0123456789") == std::string::npos;
  FUZZ_CHECK(place.postal_code.empty() ||
                 (digits && place.postal_code.size() >= 4 && place.postal_code.size() <= 5),
             place.postal_code);
}

}  // namespace
}  // namespace jobcrawler::parsers

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  jobcrawler::fuzz::FuzzInput input(data, size);
  const std::string_view today = input.Line();
  const std::string_view text = input.Rest();
  const bool utf8_in = IsValidUtf8(text);

  CheckSalary(text);
  FUZZ_CHECK(jobcrawler::fuzz::IsKnownPeriodOrEmpty(NormalizeSalaryPeriod(text)), text);
  if (const std::optional<double> amount = ParseAmount(text)) {
    FUZZ_CHECK(std::isfinite(*amount) && *amount >= 0, text);
  }
  const std::string date = NormalizeDate(text, today);
  FUZZ_CHECK(IsCalendarDateOrEmpty(date), date);
  CheckPlace(text, utf8_in);
  const std::string country = NormalizeCountry(text);
  FUZZ_CHECK(country.empty() || IsUpperAscii(country, 2), country);
  CheckEmployment(text);
  const std::string remote = DetectRemote(text);
  FUZZ_CHECK(remote.empty() || remote == "remote" || remote == "hybrid", remote);
  const std::string collapsed = CollapseWhitespace(text);
  FUZZ_CHECK(CollapseWhitespace(collapsed) == collapsed, collapsed);
  if (utf8_in) FUZZ_CHECK(IsValidUtf8(collapsed), collapsed);
  return 0;
}
