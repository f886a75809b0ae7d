// ParseAmount, ParseSalary and NormalizeSalaryPeriod (see normalize.h).
//
// Amount heuristic (our choice; pages rarely say which notation they use):
//  - "'" and a single space are only ever thousands separators ("130'000",
//    "4 500"); a space only when exactly three digits follow.
//  - When both '.' and ',' occur, the last one is the decimal separator and
//    the other groups thousands ("1.234.567,89", "1,234,567.89").
//  - A '.' or ',' occurring more than once groups thousands ("1.234.567").
//  - A single '.' or ',' followed by exactly three digits, after a first group
//    of one to three digits other than "0", groups thousands ("4.500",
//    "4,500"); otherwise it is the decimal separator ("4.5", "4,5", "28,50",
//    "0.500", "4500.000").
//  - A trailing ",-" / ".-" means "no cents" ("65.000,-").
//  - Suffixes multiply: k, tsd, tausend (x1000), mio, million(en), m (x1e6,
//    "m" only attached as in "1.5m"); "TEUR"/"kEUR" (x1000) also name EUR.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/salary_lexer.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

using internal::AmountLexeme;
using internal::FoldForMatching;
using internal::SalaryToken;
using internal::SalaryTokenKind;

// Salary fields are short; longer text is prose, not a salary (and bounding it
// keeps hostile input cheap).
constexpr std::size_t kMaxSalaryTextBytes = 4096;
// Above this an "amount" is a misread phone number, date or id.
constexpr double kMaxPlausibleSalary = 10'000'000.0;

struct Candidate {
  std::optional<double> min;
  std::optional<double> max;
  std::string currency;  // named next to the amount(s)
  std::size_t end_offset = 0;
};

bool IsSkippable(const SalaryToken& token) {
  return token.kind == SalaryTokenKind::kFiller ||
         token.kind == SalaryTokenKind::kCurrency;
}

// Index of the next token after `i` that is not a currency or filler word,
// collecting any currency seen on the way into `currency`.
std::size_t NextSignificant(const std::vector<SalaryToken>& tokens,
                            std::size_t i, std::string& currency) {
  ++i;
  while (i < tokens.size() && IsSkippable(tokens[i])) {
    if (tokens[i].kind == SalaryTokenKind::kCurrency && currency.empty())
      currency = tokens[i].currency;
    ++i;
  }
  return i;
}

// Kind of the significant token before `i` (kOther at the start), collecting
// a currency written before the amount ("EUR 95,000", "$120,000").
SalaryTokenKind PreviousSignificant(const std::vector<SalaryToken>& tokens,
                                    std::size_t i, std::string& currency) {
  while (i > 0) {
    --i;
    if (tokens[i].kind == SalaryTokenKind::kCurrency) {
      if (currency.empty()) currency = tokens[i].currency;
      continue;
    }
    if (tokens[i].kind != SalaryTokenKind::kFiller) return tokens[i].kind;
  }
  return SalaryTokenKind::kOther;
}

bool IsRangeJoin(SalaryTokenKind kind, bool after_between) {
  return kind == SalaryTokenKind::kRangeSeparator ||
         (after_between && kind == SalaryTokenKind::kAnd);
}

// Reads the amount or range starting at tokens[i] (an amount). Returns the
// index just past what it consumed.
std::size_t ReadCandidate(const std::vector<SalaryToken>& tokens, std::size_t i,
                          Candidate& out) {
  const AmountLexeme& first = tokens[i].amount;
  std::string currency = first.currency;
  const SalaryTokenKind before = PreviousSignificant(tokens, i, currency);
  std::size_t next = NextSignificant(tokens, i, currency);
  out.end_offset = tokens[i].end_offset;
  const bool between = before == SalaryTokenKind::kBetween;
  if (next < tokens.size() && IsRangeJoin(tokens[next].kind, between)) {
    std::string second_currency;
    const std::size_t j = NextSignificant(tokens, next, second_currency);
    if (j < tokens.size() && tokens[j].kind == SalaryTokenKind::kAmount &&
        !tokens[j].amount.negative) {
      const AmountLexeme& second = tokens[j].amount;
      double low = first.value;
      // "70-80k": the multiplier written once applies to both ends.
      if (first.multiplier == 1.0 && second.multiplier != 1.0)
        low *= second.multiplier;
      out.min = low;
      out.max = second.value;
      if (currency.empty()) currency = second.currency;
      if (currency.empty()) currency = second_currency;
      std::string trailing;
      const std::size_t after = NextSignificant(tokens, j, trailing);
      if (currency.empty()) currency = trailing;
      out.currency = currency;
      out.end_offset = tokens[j].end_offset;
      return after;
    }
  }
  if (before == SalaryTokenKind::kUpperBound ||
      before == SalaryTokenKind::kRangeSeparator) {
    out.max = first.value;  // "bis zu 120.000 €", "up to $90k"
  } else if (before == SalaryTokenKind::kLowerBound) {
    out.min = first.value;  // "ab 70k €", "from 60,000"
  } else {
    out.min = first.value;
    out.max = first.value;
  }
  out.currency = currency;
  return next;
}

// The one currency the whole text names, or "" when none or several.
std::string SoleCurrency(const std::vector<SalaryToken>& tokens) {
  std::string found;
  for (const SalaryToken& token : tokens) {
    std::string_view code;
    if (token.kind == SalaryTokenKind::kCurrency) code = token.currency;
    if (token.kind == SalaryTokenKind::kAmount) code = token.amount.currency;
    if (code.empty()) continue;
    if (!found.empty() && found != code) return "";
    found = code;
  }
  return found;
}

// Below this, an amount with neither currency nor period is not read as a
// salary: no hourly or monthly wage is that low without saying so.
constexpr double kMinBareSalary = 1000.0;

bool IsPlausible(const Candidate& c) {
  for (const std::optional<double>& v : {c.min, c.max}) {
    if (v && (!(*v > 0.0) || *v > kMaxPlausibleSalary)) return false;
  }
  return !(c.min && c.max && *c.min > *c.max);
}

// First amount (or range) that names its currency, else the first amount.
std::optional<Candidate> ChooseCandidate(
    const std::vector<SalaryToken>& tokens) {
  std::optional<Candidate> first;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i].kind != SalaryTokenKind::kAmount) {
      ++i;
      continue;
    }
    // A minus sign glued to the first amount makes it negative: nonsense.
    if (tokens[i].amount.negative) return std::nullopt;
    Candidate candidate;
    i = ReadCandidate(tokens, i, candidate);
    if (!candidate.currency.empty()) return candidate;
    if (!first) first = candidate;
  }
  return first;
}

}  // namespace

std::optional<double> ParseAmount(std::string_view text) {
  if (text.size() > kMaxSalaryTextBytes) return std::nullopt;
  const std::string folded = FoldForMatching(text);
  const std::string_view trimmed = internal::TrimSpaces(folded);
  if (trimmed.empty() || !internal::IsAsciiDigit(trimmed.front()))
    return std::nullopt;
  std::size_t end = 0;
  const std::optional<AmountLexeme> lexeme =
      internal::LexAmount(trimmed, 0, end);
  if (!lexeme || !internal::TrimSpaces(trimmed.substr(end)).empty())
    return std::nullopt;
  return lexeme->value;
}

std::optional<SalaryRange> ParseSalary(std::string_view text) {
  if (text.size() > kMaxSalaryTextBytes) return std::nullopt;
  const std::string folded = FoldForMatching(text);
  const std::vector<SalaryToken> tokens = internal::LexSalary(folded);
  const std::optional<Candidate> chosen = ChooseCandidate(tokens);
  if (!chosen || !IsPlausible(*chosen)) return std::nullopt;
  SalaryRange range;
  range.min = chosen->min;
  range.max = chosen->max;
  range.currency =
      chosen->currency.empty() ? SoleCurrency(tokens) : chosen->currency;
  range.period = internal::FindSalaryPeriod(folded, chosen->end_offset);
  // A small number with neither currency nor period is a pay grade ("TVöD
  // E13"), a count or a date, not a salary.
  double largest = range.max.value_or(range.min.value_or(0.0));
  if (range.currency.empty() && range.period.empty() && largest < kMinBareSalary) {
    return std::nullopt;
  }
  return range;
}

std::string NormalizeSalaryPeriod(std::string_view text) {
  if (text.size() > kMaxSalaryTextBytes) return "";
  return internal::FindSalaryPeriod(FoldForMatching(text), 0);
}

}  // namespace jobcrawler::parsers
