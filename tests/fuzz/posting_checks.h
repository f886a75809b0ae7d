// Invariants every extracted posting keeps, whichever extractor made it.
#ifndef JOBCRAWLER_TESTS_FUZZ_POSTING_CHECKS_H_
#define JOBCRAWLER_TESTS_FUZZ_POSTING_CHECKS_H_

#include <cmath>
#include <string>
#include <string_view>

#include "parsers/core/posting.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::fuzz {

// "", or "YYYY-MM-DD" with a month 01-12 and a day 01-31.
inline bool IsIsoDateOrEmpty(std::string_view date) {
  if (date.empty()) return true;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

inline bool IsKnownPeriodOrEmpty(std::string_view period) {
  return period.empty() || period == "HOUR" || period == "DAY" || period == "WEEK" ||
         period == "MONTH" || period == "YEAR";
}

// Valid UTF-8 in every text field; places within their cap; sane salaries,
// dates and remote flag.
inline void CheckPosting(const parsers::Posting& p) {
  for (const std::string* text :
       {&p.title, &p.company, &p.description, &p.street, &p.locality, &p.postal_code, &p.region,
        &p.country, &p.salary_currency, &p.salary_period, &p.employment_type, &p.remote,
        &p.date_posted, &p.valid_through, &p.url, &p.identifier}) {
    FUZZ_CHECK(IsValidUtf8(*text), *text);
  }
  FUZZ_CHECK(p.other_places.size() < parsers::kMaxPostingPlaces, p.title);
  for (const parsers::PostingPlace& place : p.other_places) {
    for (const std::string* text :
         {&place.locality, &place.postal_code, &place.region, &place.country}) {
      FUZZ_CHECK(IsValidUtf8(*text), *text);
    }
  }
  for (const auto* amount : {&p.salary_min, &p.salary_max}) {
    if (amount->has_value()) {
      FUZZ_CHECK(std::isfinite(**amount) && **amount > 0, p.title);
    }
  }
  if (p.salary_min && p.salary_max) FUZZ_CHECK(*p.salary_min <= *p.salary_max, p.title);
  FUZZ_CHECK(IsKnownPeriodOrEmpty(p.salary_period), p.salary_period);
  FUZZ_CHECK(IsIsoDateOrEmpty(p.date_posted), p.date_posted);
  FUZZ_CHECK(IsIsoDateOrEmpty(p.valid_through), p.valid_through);
  FUZZ_CHECK(p.remote.empty() || p.remote == "remote" || p.remote == "hybrid", p.remote);
}

}  // namespace jobcrawler::fuzz

#endif  // JOBCRAWLER_TESTS_FUZZ_POSTING_CHECKS_H_
