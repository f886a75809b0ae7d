// NormalizeEmploymentType and DetectRemote (see normalize.h).
//
// Employment choices (ours; schema.org leaves them open):
//  - "Festanstellung", "unbefristet", "permanent" say the contract is
//    permanent, not how many hours: they map to nothing.
//  - "Zeitarbeit", "Leiharbeit", "Arbeitnehmerüberlassung", "Aushilfe" and
//    "befristet"/"fixed-term" map to TEMPORARY: the placement is temporary.
//  - "Werkstudent", "Praktikum", "Abschlussarbeit"/"thesis" map to INTERN.
//  - "Minijob"/"geringfügig" map to PART_TIME.
//  - A truncated compound ("Voll- oder Teilzeit") counts its first half.
// German stems match inside compounds ("Pflichtpraktikum"); English words
// must match whole ("intern" but not "international").
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/normalize.h"
#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers {
namespace {

using internal::Token;
using internal::TokenKind;

// Employment fields are short, but DetectRemote may get a whole description;
// beyond this much text we only look at the beginning.
constexpr std::size_t kMaxScanBytes = 1 << 20;

constexpr std::array<std::string_view, 8> kTypeNames = {
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY",
    "INTERN",    "VOLUNTEER", "PER_DIEM",   "OTHER"};
enum TypeBit : unsigned {
  kFullTime = 1u << 0,
  kPartTime = 1u << 1,
  kContractor = 1u << 2,
  kTemporary = 1u << 3,
  kIntern = 1u << 4,
  kVolunteer = 1u << 5,
  kPerDiem = 1u << 6,
  kOther = 1u << 7,
};

struct Word {
  std::string_view text;
  bool truncated;  // "Voll-" followed by a space: half of a compound
};

std::vector<Word> Words(const std::vector<Token>& tokens) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    const bool truncated =
        i + 1 < tokens.size() && tokens[i + 1].text == "-" &&
        !tokens[i + 1].space_before &&
        (i + 2 == tokens.size() || tokens[i + 2].space_before);
    words.push_back({tokens[i].text, truncated});
  }
  return words;
}

bool Contains(std::string_view word, std::string_view stem) {
  return word.find(stem) != std::string_view::npos;
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

// "befristet" but not "unbefristet".
bool SaysFixedTerm(std::string_view w) {
  const std::size_t at = w.find("befrist");
  return at != std::string_view::npos &&
         !(at >= 2 && w.substr(at - 2, 2) == "un");
}

// "Zeitarbeit" but not "Teilzeitarbeit"/"Vollzeitarbeit".
bool SaysAgencyWork(std::string_view w) {
  return (Contains(w, "zeitarbeit") && !Contains(w, "teilzeitarbeit") &&
          !Contains(w, "vollzeitarbeit")) ||
         Contains(w, "leiharbeit") || Contains(w, "arbeitnehmerueberlassung");
}

unsigned TypesOfWord(std::string_view w, std::string_view prev,
                     std::string_view next, bool truncated) {
  unsigned bits = 0;
  if (Contains(w, "vollzeit") || w == "fulltime" ||
      (w == "full" && next == "time") || (w == "voll" && truncated))
    bits |= kFullTime;
  if (Contains(w, "teilzeit") || w == "parttime" ||
      (w == "part" && next == "time") || (w == "teil" && truncated) ||
      w.starts_with("minijob") || Contains(w, "geringfuegig"))
    bits |= kPartTime;
  if (Contains(w, "freiberuf") || Contains(w, "honorar") ||
      w.starts_with("selbststaendig") || w.starts_with("freelanc") ||
      OneOf(w, {"contractor", "contractors"}) ||
      (w == "contract" &&
       !OneOf(prev, {"permanent", "fixed", "term", "temporary", "limited",
                     "unlimited", "employment"})) ||
      (w.starts_with("frei") && next.starts_with("mitarbeit")))
    bits |= kContractor;
  if (SaysFixedTerm(w) || SaysAgencyWork(w) || Contains(w, "aushilf") ||
      w.starts_with("temporaer") || w.starts_with("saison") ||
      OneOf(w, {"temporary", "temp", "seasonal"}) ||
      (w == "fixed" && next == "term"))
    bits |= kTemporary;
  if (Contains(w, "praktik") || Contains(w, "werkstudent") ||
      Contains(w, "abschlussarbeit") || Contains(w, "bachelorarbeit") ||
      Contains(w, "masterarbeit") || w.starts_with("studentisch") ||
      OneOf(w, {"intern", "interns", "internship", "thesis"}) ||
      (w == "working" && next == "student"))
    bits |= kIntern;
  if (Contains(w, "ehrenamt") || w.starts_with("freiwillig") ||
      w.starts_with("volunteer"))
    bits |= kVolunteer;
  if (w == "perdiem" || (w == "per" && next == "diem")) bits |= kPerDiem;
  if (OneOf(w, {"other", "sonstige", "sonstiges"})) bits |= kOther;
  return bits;
}

}  // namespace

std::string NormalizeEmploymentType(std::string_view text) {
  const std::string folded =
      internal::FoldForMatching(text.substr(0, kMaxScanBytes));
  const std::vector<Word> words = Words(internal::Tokenize(folded));
  unsigned bits = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view prev = i > 0 ? words[i - 1].text : "";
    const std::string_view next = i + 1 < words.size() ? words[i + 1].text : "";
    bits |= TypesOfWord(words[i].text, prev, next, words[i].truncated);
  }
  std::string out;
  for (std::size_t k = 0; k < kTypeNames.size(); ++k) {
    if ((bits & (1u << k)) == 0) continue;
    if (!out.empty()) out.push_back(',');
    out.append(kTypeNames[k]);
  }
  return out;
}

}  // namespace jobcrawler::parsers
