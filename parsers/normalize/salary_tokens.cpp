// LexSalary: words and symbols around salary amounts (see salary_lexer.h).
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "parsers/normalize/salary_lexer.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers::internal {
namespace {

struct WordKind {
  std::string_view word;
  SalaryTokenKind kind;
  std::string_view currency;
};

// "$" and "usd" mean USD; a bare "dollar" might be Canadian or Australian,
// so it names no currency (we never guess one).
constexpr std::array kWords = {
    WordKind{"eur", SalaryTokenKind::kCurrency, "EUR"},
    WordKind{"euro", SalaryTokenKind::kCurrency, "EUR"},
    WordKind{"euros", SalaryTokenKind::kCurrency, "EUR"},
    WordKind{"usd", SalaryTokenKind::kCurrency, "USD"},
    WordKind{"chf", SalaryTokenKind::kCurrency, "CHF"},
    WordKind{"sfr", SalaryTokenKind::kCurrency, "CHF"},
    WordKind{"franken", SalaryTokenKind::kCurrency, "CHF"},
    WordKind{"gbp", SalaryTokenKind::kCurrency, "GBP"},
    WordKind{"to", SalaryTokenKind::kRangeSeparator, ""},
    WordKind{"und", SalaryTokenKind::kAnd, ""},
    WordKind{"and", SalaryTokenKind::kAnd, ""},
    WordKind{"zwischen", SalaryTokenKind::kBetween, ""},
    WordKind{"between", SalaryTokenKind::kBetween, ""},
    WordKind{"ab", SalaryTokenKind::kLowerBound, ""},
    WordKind{"from", SalaryTokenKind::kLowerBound, ""},
    WordKind{"von", SalaryTokenKind::kLowerBound, ""},
    WordKind{"mindestens", SalaryTokenKind::kLowerBound, ""},
    WordKind{"mind", SalaryTokenKind::kLowerBound, ""},
    WordKind{"min", SalaryTokenKind::kLowerBound, ""},
    WordKind{"minimum", SalaryTokenKind::kLowerBound, ""},
    WordKind{"starting", SalaryTokenKind::kLowerBound, ""},
    WordKind{"max", SalaryTokenKind::kUpperBound, ""},
    WordKind{"maximal", SalaryTokenKind::kUpperBound, ""},
    WordKind{"maximum", SalaryTokenKind::kUpperBound, ""},
    WordKind{"hoechstens", SalaryTokenKind::kUpperBound, ""},
    WordKind{"ca", SalaryTokenKind::kFiller, ""},
    WordKind{"circa", SalaryTokenKind::kFiller, ""},
    WordKind{"etwa", SalaryTokenKind::kFiller, ""},
    WordKind{"rund", SalaryTokenKind::kFiller, ""},
    WordKind{"ungefaehr", SalaryTokenKind::kFiller, ""},
    WordKind{"approx", SalaryTokenKind::kFiller, ""},
    WordKind{"approximately", SalaryTokenKind::kFiller, ""},
    WordKind{"at", SalaryTokenKind::kFiller, ""},
    WordKind{"us", SalaryTokenKind::kFiller, ""},
    WordKind{"brutto", SalaryTokenKind::kFiller, ""},
    WordKind{"gross", SalaryTokenKind::kFiller, ""},
};

struct SymbolKind {
  std::string_view symbol;
  SalaryTokenKind kind;
  std::string_view currency;
};

constexpr std::array kSymbols = {
    SymbolKind{"€", SalaryTokenKind::kCurrency, "EUR"},
    SymbolKind{"$", SalaryTokenKind::kCurrency, "USD"},
    SymbolKind{"£", SalaryTokenKind::kCurrency, "GBP"},
    SymbolKind{"-", SalaryTokenKind::kRangeSeparator, ""},
    SymbolKind{"~", SalaryTokenKind::kFiller, ""},
    SymbolKind{".", SalaryTokenKind::kFiller, ""},
};

SalaryToken Classify(std::string_view text, bool is_word, std::size_t end) {
  SalaryToken token;
  token.end_offset = end;
  if (is_word) {
    for (const WordKind& w : kWords) {
      if (w.word != text) continue;
      token.kind = w.kind;
      token.currency = std::string(w.currency);
    }
    return token;
  }
  for (const SymbolKind& s : kSymbols) {
    if (s.symbol != text) continue;
    token.kind = s.kind;
    token.currency = std::string(s.currency);
  }
  return token;
}

SalaryTokenKind LastSignificantKind(const std::vector<SalaryToken>& tokens) {
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
    if (it->kind != SalaryTokenKind::kCurrency &&
        it->kind != SalaryTokenKind::kFiller)
      return it->kind;
  }
  return SalaryTokenKind::kOther;
}

// "-5000" with no amount before the dash: a minus sign, not a range.
bool TakeGluedMinus(std::vector<SalaryToken>& tokens, std::size_t pos) {
  if (tokens.empty() || tokens.back().end_offset != pos ||
      tokens.back().kind != SalaryTokenKind::kRangeSeparator || pos == 0)
    return false;
  const SalaryToken dash = tokens.back();
  tokens.pop_back();
  if (LastSignificantKind(tokens) == SalaryTokenKind::kAmount) {
    tokens.push_back(dash);
    return false;
  }
  return true;
}

void AddAmount(std::string_view s, std::size_t& i,
               std::vector<SalaryToken>& tokens) {
  const bool negative = TakeGluedMinus(tokens, i);
  std::size_t end = i;
  std::optional<AmountLexeme> lexeme = LexAmount(s, i, end);
  SalaryToken token;
  token.end_offset = end;
  if (lexeme) {
    token.kind = SalaryTokenKind::kAmount;
    token.amount = std::move(*lexeme);
    token.amount.negative = negative;
  }
  tokens.push_back(std::move(token));
  i = end;
}

std::size_t WordEnd(std::string_view s, std::size_t i) {
  while (i < s.size() && IsAsciiLower(s[i])) ++i;
  return i;
}

std::string_view NextWord(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i, WordEnd(s, i) - i);
}

void AddWord(std::string_view s, std::size_t& i,
             std::vector<SalaryToken>& tokens) {
  const std::size_t end = WordEnd(s, i);
  const std::string_view word = s.substr(i, end - i);
  i = end;
  const std::string_view next = NextWord(s, end);
  if ((word == "bis" && (next == "zu" || next == "zum")) ||
      (word == "up" && next == "to")) {
    i = s.find(next, end) + next.size();
    tokens.push_back({SalaryTokenKind::kUpperBound, {}, "", i});
    return;
  }
  if (word == "bis") {
    tokens.push_back({SalaryTokenKind::kRangeSeparator, {}, "", i});
    return;
  }
  tokens.push_back(Classify(word, true, i));
}

std::size_t Utf8Length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

}  // namespace

std::vector<SalaryToken> LexSalary(std::string_view folded) {
  std::vector<SalaryToken> tokens;
  std::size_t i = 0;
  while (i < folded.size()) {
    const char c = folded[i];
    if (c == ' ') {
      ++i;
    } else if (IsAsciiDigit(c)) {
      AddAmount(folded, i, tokens);
    } else if (IsAsciiLower(c)) {
      AddWord(folded, i, tokens);
    } else {
      const std::size_t length = std::min(
          Utf8Length(static_cast<unsigned char>(c)), folded.size() - i);
      tokens.push_back(Classify(folded.substr(i, length), false, i + length));
      i += length;
    }
  }
  return tokens;
}

}  // namespace jobcrawler::parsers::internal
