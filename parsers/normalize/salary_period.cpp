// FindSalaryPeriod: the pay period named in a salary text (see
// salary_lexer.h). German compounds are matched by prefix ("Jahresgehalt",
// "Monatsbrutto", "Stundenlohn"), after dropping a "brutto"/"netto" prefix
// ("Bruttojahresgehalt").
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/salary_lexer.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers::internal {
namespace {

struct PeriodWord {
  std::string_view word;
  std::string_view period;
  bool prefix;  // also matches words that start with it
};

// Plurals ("Stunden", "Tage", "years") are left out: they count things
// ("40 Stunden", "30 Tage Urlaub", "3 years experience") rather than name a
// pay period. Prefix entries match only longer words ("Stundenlohn").
constexpr std::array kPeriodWords = {
    PeriodWord{"hour", "HOUR", false},
    PeriodWord{"hourly", "HOUR", false},
    PeriodWord{"hr", "HOUR", false},
    PeriodWord{"stunde", "HOUR", false},
    PeriodWord{"stunden", "HOUR", true},
    PeriodWord{"stuendlich", "HOUR", false},
    PeriodWord{"std", "HOUR", false},
    PeriodWord{"day", "DAY", false},
    PeriodWord{"daily", "DAY", false},
    PeriodWord{"tag", "DAY", false},
    PeriodWord{"tages", "DAY", true},
    PeriodWord{"taeglich", "DAY", false},
    PeriodWord{"week", "WEEK", false},
    PeriodWord{"weekly", "WEEK", false},
    PeriodWord{"woche", "WEEK", false},
    PeriodWord{"woechentlich", "WEEK", false},
    PeriodWord{"month", "MONTH", false},
    PeriodWord{"monthly", "MONTH", false},
    PeriodWord{"monat", "MONTH", false},
    PeriodWord{"monats", "MONTH", true},
    PeriodWord{"monatlich", "MONTH", false},
    PeriodWord{"monatl", "MONTH", false},
    PeriodWord{"mtl", "MONTH", false},
    PeriodWord{"year", "YEAR", false},
    PeriodWord{"yearly", "YEAR", false},
    PeriodWord{"annual", "YEAR", false},
    PeriodWord{"annually", "YEAR", false},
    PeriodWord{"annum", "YEAR", false},
    PeriodWord{"pa", "YEAR", false},
    PeriodWord{"yr", "YEAR", false},
    PeriodWord{"jahr", "YEAR", false},
    PeriodWord{"jahres", "YEAR", true},
    PeriodWord{"jaehrlich", "YEAR", false},
};

std::string_view StripPayPrefix(std::string_view word) {
  for (std::string_view prefix : {"brutto", "netto"}) {
    if (word.size() > prefix.size() && word.starts_with(prefix))
      return word.substr(prefix.size());
  }
  return word;
}

std::string_view PeriodOfWord(std::string_view word) {
  word = StripPayPrefix(word);
  for (const PeriodWord& entry : kPeriodWords) {
    if (word == entry.word ||
        (entry.prefix && word.size() > entry.word.size() &&
         word.starts_with(entry.word)))
      return entry.period;
  }
  return "";
}

// "p.a." / "p.m." / "p.h."; "/h" and "/mo" after a slash.
std::string_view PeriodOfAbbreviation(const std::vector<Token>& tokens,
                                      std::size_t i) {
  const Token& t = tokens[i];
  if (t.text == "p" && i + 2 < tokens.size() && Is(tokens[i + 1], ".") &&
      !tokens[i + 2].space_before) {
    const std::string_view unit = tokens[i + 2].text;
    if (unit == "a") return "YEAR";
    if (unit == "m") return "MONTH";
    if (unit == "h") return "HOUR";
  }
  if (i > 0 && Is(tokens[i - 1], "/") && !t.space_before) {
    if (t.text == "h") return "HOUR";
    if (t.text == "mo" || t.text == "mon") return "MONTH";
    if (t.text == "a" || t.text == "j") return "YEAR";
    if (t.text == "d" || t.text == "t") return "DAY";
  }
  return "";
}

std::string_view PeriodAt(const std::vector<Token>& tokens, std::size_t i) {
  if (tokens[i].kind != TokenKind::kWord) return "";
  // "40 Std." counts hours of work; it does not say the pay is hourly.
  if (tokens[i].text == "std" && i > 0 &&
      tokens[i - 1].kind == TokenKind::kNumber)
    return "";
  const std::string_view period = PeriodOfWord(tokens[i].text);
  return period.empty() ? PeriodOfAbbreviation(tokens, i) : period;
}

}  // namespace

std::string FindSalaryPeriod(std::string_view folded, std::size_t from) {
  const std::vector<Token> tokens = Tokenize(folded);
  std::string_view before;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view period = PeriodAt(tokens, i);
    if (period.empty()) continue;
    if (tokens[i].offset >= from) return std::string(period);
    if (before.empty()) before = period;
  }
  return std::string(before);
}

}  // namespace jobcrawler::parsers::internal
