// NormalizeDate (see normalize.h).
//
// Scans the text for the first absolute date; only when there is none does it
// look for a relative one ("vor 3 Tagen", "2 weeks ago"), so a page saying
// "Jetzt bewerben – heute noch! Veröffentlicht: 20.11.2026" yields the date.
// Our choices: two-digit years are 20yy; "vor 5 Stunden" / "3 hours ago"
// count as today; "N months ago" keeps the day of month and clamps it to the
// month's end (31 March - 1 month = 28/29 February); imprecise forms such as
// "vor über 30 Tagen" or "30+ days ago" are unreadable. Slashed dates
// ("11/12/2026") are ambiguous between D/M and M/D and are not read.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

using internal::Is;
using internal::Token;
using internal::TokenKind;
namespace chr = std::chrono;

// Date fields are short; anything longer is prose or hostile.
constexpr std::size_t kMaxDateTextBytes = 4096;
// Plausible years for a job posting; outside this a "date" is misread.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;
// "vor 99999 Tagen" is nonsense; also keeps the arithmetic small.
constexpr int kMaxRelativeCount = 3660;

struct MonthName {
  std::string_view name;
  unsigned month;
};

constexpr std::array kMonthNames = {
    MonthName{"januar", 1},    MonthName{"jaenner", 1},
    MonthName{"january", 1},   MonthName{"jan", 1},
    MonthName{"februar", 2},   MonthName{"feber", 2},
    MonthName{"february", 2},  MonthName{"feb", 2},
    MonthName{"maerz", 3},     MonthName{"marz", 3},
    MonthName{"march", 3},     MonthName{"mar", 3},
    MonthName{"maer", 3},      MonthName{"mrz", 3},
    MonthName{"april", 4},     MonthName{"apr", 4},
    MonthName{"mai", 5},       MonthName{"may", 5},
    MonthName{"juni", 6},      MonthName{"june", 6},
    MonthName{"jun", 6},       MonthName{"juli", 7},
    MonthName{"july", 7},      MonthName{"jul", 7},
    MonthName{"august", 8},    MonthName{"aug", 8},
    MonthName{"september", 9}, MonthName{"sept", 9},
    MonthName{"sep", 9},       MonthName{"oktober", 10},
    MonthName{"october", 10},  MonthName{"okt", 10},
    MonthName{"oct", 10},      MonthName{"november", 11},
    MonthName{"nov", 11},      MonthName{"dezember", 12},
    MonthName{"december", 12}, MonthName{"dez", 12},
    MonthName{"dec", 12},
};

// Reads tokens left to right; every accessor fails softly past the end.
class Cursor {
 public:
  Cursor(const std::vector<Token>& tokens, std::size_t i)
      : tokens_(tokens), i_(i) {}

  const Token* Peek() const {
    return i_ < tokens_.size() ? &tokens_[i_] : nullptr;
  }
  // Consumes a number of min..max digits; returns its value.
  std::optional<int> Number(std::size_t min_digits, std::size_t max_digits) {
    const Token* t = Peek();
    if (t == nullptr || t->kind != TokenKind::kNumber ||
        t->text.size() < min_digits || t->text.size() > max_digits)
      return std::nullopt;
    ++i_;
    int value = 0;
    for (char c : t->text) value = value * 10 + (c - '0');
    return value;
  }
  bool Take(std::string_view text, bool attached = false) {
    const Token* t = Peek();
    if (t == nullptr || t->text != text || (attached && t->space_before))
      return false;
    ++i_;
    return true;
  }
  std::optional<unsigned> Month() {
    const Token* t = Peek();
    if (t == nullptr || t->kind != TokenKind::kWord) return std::nullopt;
    for (const MonthName& m : kMonthNames) {
      if (m.name != t->text) continue;
      ++i_;
      Take(".");
      return m.month;
    }
    return std::nullopt;
  }
  // Skips an English ordinal suffix glued to a day ("20th").
  void SkipOrdinal() {
    const Token* t = Peek();
    if (t != nullptr && !t->space_before &&
        (Is(*t, "st") || Is(*t, "nd") || Is(*t, "rd") || Is(*t, "th")))
      ++i_;
  }
  // True when a digit run continues right here ("2026-11-201" is no date).
  bool GluedNumberFollows() const {
    const Token* t = Peek();
    return t != nullptr && !t->space_before && t->kind == TokenKind::kNumber;
  }

 private:
  const std::vector<Token>& tokens_;
  std::size_t i_;
};

std::optional<chr::year_month_day> MakeDate(std::optional<int> y,
                                            std::optional<unsigned> m,
                                            std::optional<int> d) {
  if (!y || !m || !d || *y < kMinYear || *y > kMaxYear) return std::nullopt;
  const chr::year_month_day date{chr::year{*y}, chr::month{*m},
                                 chr::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<unsigned> AsMonth(std::optional<int> m) {
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  return static_cast<unsigned>(*m);
}

// "2026-11-20", "2026-11-20T10:00:00+01:00" (date part as written).
std::optional<chr::year_month_day> ReadIso(Cursor c) {
  const std::optional<int> y = c.Number(4, 4);
  if (!y || !c.Take("-", true)) return std::nullopt;
  const std::optional<unsigned> m = AsMonth(c.Number(2, 2));
  if (!m || !c.Take("-", true)) return std::nullopt;
  const std::optional<int> d = c.Number(2, 2);
  if (c.GluedNumberFollows()) return std::nullopt;
  return MakeDate(y, m, d);
}

// "20.11.2026", "20.11.26", "1. 2. 2026".
std::optional<chr::year_month_day> ReadGermanNumeric(Cursor c) {
  const std::optional<int> d = c.Number(1, 2);
  if (!d || !c.Take(".")) return std::nullopt;
  const std::optional<unsigned> m = AsMonth(c.Number(1, 2));
  if (!m || !c.Take(".")) return std::nullopt;
  std::optional<int> y = c.Number(4, 4);
  if (!y) {
    y = c.Number(2, 2);
    if (y) *y += 2000;
  }
  if (c.GluedNumberFollows()) return std::nullopt;
  return MakeDate(y, m, d);
}

// "20. November 2026", "20. Nov. 2026", "20 November 2026", "20th Nov 2026",
// "20-Nov-2026".
std::optional<chr::year_month_day> ReadDayMonthName(Cursor c) {
  const std::optional<int> d = c.Number(1, 2);
  if (!d) return std::nullopt;
  c.SkipOrdinal();
  if (!c.Take(".")) c.Take("-");
  const std::optional<unsigned> m = c.Month();
  if (!m) return std::nullopt;
  if (!c.Take(",")) c.Take("-");
  return MakeDate(c.Number(4, 4), m, d);
}

// "November 20, 2026", "Nov 20, 2026", "Nov. 20th 2026".
std::optional<chr::year_month_day> ReadMonthNameDay(Cursor c) {
  const std::optional<unsigned> m = c.Month();
  if (!m) return std::nullopt;
  const std::optional<int> d = c.Number(1, 2);
  if (!d) return std::nullopt;
  c.SkipOrdinal();
  c.Take(",");
  return MakeDate(c.Number(4, 4), m, d);
}

std::optional<chr::year_month_day> ReadAbsolute(
    const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // A date starts a token run; "12026-11-20" must not be read from "2026".
    if (i > 0 && !tokens[i].space_before &&
        tokens[i - 1].kind == TokenKind::kNumber)
      continue;
    for (auto read :
         {ReadIso, ReadGermanNumeric, ReadDayMonthName, ReadMonthNameDay}) {
      if (auto date = read(Cursor(tokens, i))) return date;
    }
  }
  return std::nullopt;
}

std::string FormatDate(const chr::year_month_day& date) {
  char buffer[16];
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

struct Offset {
  int days = 0;
  int months = 0;
};

std::optional<int> ReadCount(Cursor& c) {
  if (std::optional<int> n = c.Number(1, 4)) {
    // "30+ Tage" is a lower bound, not a date.
    if (c.Take("+", true) || *n > kMaxRelativeCount) return std::nullopt;
    return n;
  }
  for (std::string_view one :
       {"ein", "eine", "einem", "einer", "einen", "a", "an", "one"}) {
    if (c.Take(one)) return 1;
  }
  return std::nullopt;
}

struct Unit {
  std::string_view word;
  int days;    // per count
  int months;  // per count
};

constexpr std::array kUnits = {
    Unit{"tag", 1, 0},    Unit{"tage", 1, 0},     Unit{"tagen", 1, 0},
    Unit{"day", 1, 0},    Unit{"days", 1, 0},     Unit{"woche", 7, 0},
    Unit{"wochen", 7, 0}, Unit{"week", 7, 0},     Unit{"weeks", 7, 0},
    Unit{"monat", 0, 1},  Unit{"monate", 0, 1},   Unit{"monaten", 0, 1},
    Unit{"month", 0, 1},  Unit{"months", 0, 1},   Unit{"jahr", 0, 12},
    Unit{"jahre", 0, 12}, Unit{"jahren", 0, 12},  Unit{"year", 0, 12},
    Unit{"years", 0, 12}, Unit{"stunde", 0, 0},   Unit{"stunden", 0, 0},
    Unit{"std", 0, 0},    Unit{"hour", 0, 0},     Unit{"hours", 0, 0},
    Unit{"minute", 0, 0}, Unit{"minuten", 0, 0},  Unit{"minutes", 0, 0},
    Unit{"min", 0, 0},    Unit{"sekunden", 0, 0}, Unit{"seconds", 0, 0},
};

std::optional<Offset> ReadCountAndUnit(Cursor& c) {
  const std::optional<int> count = ReadCount(c);
  if (!count) return std::nullopt;
  for (const Unit& unit : kUnits) {
    if (c.Take(unit.word))
      return Offset{*count * unit.days, *count * unit.months};
  }
  return std::nullopt;
}

// "heute", "gestern", "vorgestern", "vor 3 Tagen", "today", "yesterday",
// "2 weeks ago", "just posted", "gerade eben".
std::optional<Offset> ReadRelativeAt(const std::vector<Token>& tokens,
                                     std::size_t i) {
  Cursor c(tokens, i);
  if (c.Take("heute") || c.Take("today") || c.Take("soeben")) return Offset{};
  if ((c.Take("just") && (c.Take("now") || c.Take("posted"))) ||
      (c.Take("gerade") && c.Take("eben")))
    return Offset{};
  if (c.Take("gestern") || c.Take("yesterday")) return Offset{1, 0};
  if (c.Take("vorgestern")) return Offset{2, 0};
  if (c.Take("vor")) return ReadCountAndUnit(c);
  const std::optional<Offset> offset = ReadCountAndUnit(c);
  if (offset && c.Take("ago")) return offset;
  return std::nullopt;
}

chr::year_month_day GoBack(const chr::year_month_day& today, Offset offset) {
  chr::year_month_day date = today - chr::months{offset.months};
  if (!date.ok()) {
    date = chr::year_month_day_last{date.year(),
                                    chr::month_day_last{date.month()}};
  }
  return chr::sys_days{date} - chr::days{offset.days};
}

std::optional<chr::year_month_day> ReadRelative(
    const std::vector<Token>& tokens, std::string_view today) {
  const std::string folded = internal::FoldForMatching(today);
  const std::vector<Token> today_tokens = internal::Tokenize(folded);
  if (today_tokens.empty()) return std::nullopt;
  const std::optional<chr::year_month_day> reference =
      ReadIso(Cursor(today_tokens, 0));
  if (!reference) return std::nullopt;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (const std::optional<Offset> offset = ReadRelativeAt(tokens, i)) {
      const chr::year_month_day date = GoBack(*reference, *offset);
      if (static_cast<int>(date.year()) < kMinYear) return std::nullopt;
      return date;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string NormalizeDate(std::string_view text, std::string_view today) {
  if (text.size() > kMaxDateTextBytes) return "";
  const std::string folded = internal::FoldForMatching(text);
  const std::vector<Token> tokens = internal::Tokenize(folded);
  if (auto date = ReadAbsolute(tokens)) return FormatDate(*date);
  if (today.size() > kMaxDateTextBytes) return "";
  if (auto date = ReadRelative(tokens, today)) return FormatDate(*date);
  return "";
}

}  // namespace jobcrawler::parsers
