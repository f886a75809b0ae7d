// Internal: the token scanner behind ParseSalary/ParseAmount and the period
// finder behind NormalizeSalaryPeriod. Only parsers/*.cpp include this.
#ifndef JOBCRAWLER_PARSERS_NORMALIZE_SALARY_LEXER_H_
#define JOBCRAWLER_PARSERS_NORMALIZE_SALARY_LEXER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers::internal {

struct AmountLexeme {
  double value = 0.0;       // multiplier already applied
  double multiplier = 1.0;  // 1000 for "70k", 1e6 for "1,5 Mio"
  std::string currency;     // "EUR" for "85 TEUR", else ""
  bool negative = false;    // a minus sign was glued to it ("-5000")
};

// Reads the amount starting at folded[pos] (a digit). On success `end` is
// the offset just past the number and any multiplier suffix. On failure
// (impossible grouping such as "1.23.4") returns nullopt and `end` is past
// the digits and separators that were looked at, so callers make progress.
std::optional<AmountLexeme> LexAmount(std::string_view folded, std::size_t pos,
                                      std::size_t& end);

enum class SalaryTokenKind {
  kAmount,
  kCurrency,        // "€", "eur", "$", "usd", "chf", "£", "gbp"
  kRangeSeparator,  // "-", "bis", "to"
  kAnd,             // "und", "and" (a range only after "zwischen"/"between")
  kBetween,         // "zwischen", "between"
  kLowerBound,      // "ab", "from", "mindestens", "von"
  kUpperBound,      // "bis zu", "up to", "max.", "maximal", "hoechstens"
  kFiller,          // "ca.", "brutto", "gross": ignored between parts
  kOther,
};

struct SalaryToken {
  SalaryTokenKind kind = SalaryTokenKind::kOther;
  AmountLexeme amount;   // kAmount only
  std::string currency;  // kCurrency only: ISO 4217 code
  std::size_t end_offset = 0;
};

// Scans folded text (FoldForMatching) into salary tokens. Linear time.
std::vector<SalaryToken> LexSalary(std::string_view folded);

// First pay period (HOUR, DAY, WEEK, MONTH, YEAR) named at or after byte
// `from` of folded text, else the first one before it, else "".
std::string FindSalaryPeriod(std::string_view folded, std::size_t from);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_NORMALIZE_SALARY_LEXER_H_
