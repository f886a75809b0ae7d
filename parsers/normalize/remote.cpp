// DetectRemote (see normalize.h).
//
// "remote" needs an explicit full-remote cue: schema.org TELECOMMUTE,
// "100% remote", "vollständig/komplett/rein remote", "fully remote",
// "remote only", "100% Homeoffice"; or a short location-like text that is
// just "Remote" ("Remote", "Remote (Deutschland)"). "hybrid" comes from
// "hybrid", "Homeoffice"/"Home-Office", "mobiles Arbeiten", "Telearbeit",
// "teilweise remote", "remote möglich", "remote possible". A bare "remote"
// inside longer prose decides nothing: IT postings say "Remote-Support" or
// "Remote Desktop". A cue right after "kein"/"no"/"ohne" or right before
// "nicht"/"not" is negated and ignored ("kein Homeoffice").
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

using internal::Token;
using internal::TokenKind;

// DetectRemote may get a whole description; only its beginning is read.
constexpr std::size_t kMaxScanBytes = 1 << 20;
// At most this many words, a text that says "remote" is a location field.
constexpr std::size_t kMaxLocationLikeWords = 4;

enum class Cue { kNone, kFull, kHybrid };

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

// Words, numbers and "%" of the folded text; other symbols dropped.
std::vector<std::string_view> Terms(const std::vector<Token>& tokens) {
  std::vector<std::string_view> terms;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kSymbol || t.text == "%") terms.push_back(t.text);
  }
  return terms;
}

std::string_view At(const std::vector<std::string_view>& terms, std::size_t i) {
  return i < terms.size() ? terms[i] : std::string_view();
}

// True when a "fully" qualifier precedes terms[i] ("100 % remote",
// "vollständig im Homeoffice").
bool FullyBefore(const std::vector<std::string_view>& terms, std::size_t i) {
  if (i > 0 && OneOf(terms[i - 1], {"im", "in", "aus", "zu"})) --i;
  if (i == 0) return false;
  const std::string_view q = terms[i - 1];
  if (q == "%") return i >= 2 && terms[i - 2] == "100";
  return OneOf(q, {"vollstaendig", "komplett", "full", "fully", "rein",
                   "ausschliesslich", "voll", "hundert", "only"});
}

// Length in terms of a work-from-home phrase at i ("homeoffice",
// "home office", "mobiles arbeiten", "remote"), or 0.
std::size_t WorkFromHomeAt(const std::vector<std::string_view>& terms,
                           std::size_t i) {
  const std::string_view w = terms[i];
  if (w.starts_with("homeoffice") || w == "remote" || w == "telecommute" ||
      w == "telecommuting" || w == "telearbeit")
    return 1;
  if (w == "home" && At(terms, i + 1).starts_with("office")) return 2;
  if (OneOf(w, {"mobil", "mobile", "mobiles", "mobilem"}) &&
      At(terms, i + 1).starts_with("arbeit"))
    return 2;
  return 0;
}

bool Negated(const std::vector<std::string_view>& terms, std::size_t begin,
             std::size_t end) {
  const std::string_view before = begin > 0 ? terms[begin - 1] : "";
  return OneOf(before, {"kein", "keine", "keinen", "keinerlei", "no", "not",
                        "nicht", "ohne", "without"}) ||
         OneOf(At(terms, end), {"nicht", "not"}) ||
         (OneOf(At(terms, end), {"ist", "is", "wird"}) &&
          OneOf(At(terms, end + 1), {"nicht", "not"}));
}

Cue CueAt(const std::vector<std::string_view>& terms, std::size_t i) {
  const std::string_view w = terms[i];
  if (OneOf(w, {"hybrid", "hybride", "hybrides", "hybrider", "hybriden"}))
    return Negated(terms, i, i + 1) ? Cue::kNone : Cue::kHybrid;
  const std::size_t length = WorkFromHomeAt(terms, i);
  if (length == 0 || Negated(terms, i, i + length)) return Cue::kNone;
  if (w.starts_with("telecommut") || FullyBefore(terms, i) ||
      At(terms, i + length) == "only")
    return Cue::kFull;
  if (w != "remote") return Cue::kHybrid;
  const std::string_view next = At(terms, i + length);
  const std::string_view prev = i > 0 ? terms[i - 1] : "";
  const std::string_view after_next = At(terms, i + length + 1);
  const bool work_word = OneOf(next, {"work", "working", "arbeit", "arbeiten"});
  if (OneOf(next, {"moeglich", "possible", "option", "optional", "anteil",
                   "tage", "days", "friendly"}) ||
      (work_word &&
       OneOf(after_next, {"moeglich", "possible", "option", "optional"})) ||
      OneOf(prev, {"teilweise", "partly", "partially", "partial", "tageweise",
                   "anteilig", "gelegentlich", "occasionally", "occasional"}))
    return Cue::kHybrid;
  return Cue::kNone;
}

}  // namespace

std::string DetectRemote(std::string_view text) {
  const std::string folded =
      internal::FoldForMatching(text.substr(0, kMaxScanBytes));
  const std::vector<std::string_view> terms = Terms(internal::Tokenize(folded));
  bool hybrid = false;
  bool bare_remote = false;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const Cue cue = CueAt(terms, i);
    if (cue == Cue::kFull) return "remote";
    hybrid = hybrid || cue == Cue::kHybrid;
    bare_remote =
        bare_remote || (terms[i] == "remote" && !Negated(terms, i, i + 1));
  }
  if (hybrid) return "hybrid";
  if (bare_remote && terms.size() <= kMaxLocationLikeWords) return "remote";
  return "";
}

}  // namespace jobcrawler::parsers
