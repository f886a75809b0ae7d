#include "storage/title_place.h"

#include <algorithm>
#include <array>
#include <optional>

#include "parsers/match/gazetteer.h"
#include "parsers/match/matcher.h"
#include "parsers/match/region.h"
#include "storage/dedup.h"

namespace jobcrawler::storage {
namespace {

constexpr std::string_view kAsciiSeparators = "|,/:;()[]@";
// · • – — in UTF-8 (FoldText would keep them as letters).
constexpr std::array<std::string_view, 4> kWideSeparators = {"\xC2\xB7", "\xE2\x80\xA2",
                                                             "\xE2\x80\x93", "\xE2\x80\x94"};
// Words that may stand between a separator and the place.
constexpr std::array<std::string_view, 2> kFillers = {"in", "standort"};
// A place with its separator, fillers and gender tag fits in this many
// bytes at the end of a title; nothing before them is looked at, so that a
// long title costs no more than a short one.
constexpr std::size_t kMaxTailBytes = 160;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// ASCII letters and digits, and every byte of a non-ASCII character.
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsPostalCode(std::string_view word) {
  return word.size() == 5 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether the words of `prefix` begin the words of `text`.
bool IsWordPrefix(std::string_view prefix, std::string_view text) {
  return text.starts_with(prefix) && (text.size() == prefix.size() || text[prefix.size()] == ' ');
}

std::vector<std::string_view> Words(std::string_view folded) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < folded.size();) {
    std::size_t end = std::min(folded.find(' ', start), folded.size());
    words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// `text` with the wide separators turned into spaces.
std::string SpacedSeparators(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto wide = std::find_if(kWideSeparators.begin(), kWideSeparators.end(),
                             [&](std::string_view s) { return text.substr(i, s.size()) == s; });
    if (wide != kWideSeparators.end()) {
      out += ' ';
      i += wide->size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

// The place a title's tail names: its folded words without gender tags,
// leading fillers and a leading postal code.
std::string TailPlace(std::string_view tail) {
  std::string folded = FoldTitle(SpacedSeparators(tail));
  std::vector<std::string_view> words = Words(folded);
  std::size_t first = 0;
  while (first < words.size() &&
         std::find(kFillers.begin(), kFillers.end(), words[first]) != kFillers.end()) {
    ++first;
  }
  if (first < words.size() && IsPostalCode(words[first])) ++first;
  std::string place;
  for (std::size_t i = first; i < words.size(); ++i) {
    if (!place.empty()) place += ' ';
    place += words[i];
  }
  return place;
}

// A place where the title may be cut: the separator spans [start, after).
struct Cut {
  std::size_t start;
  std::size_t after;
};

// The separator that starts at title[i], if any.
std::optional<Cut> SeparatorAt(std::string_view title, std::size_t i) {
  const char c = title[i];
  if (kAsciiSeparators.find(c) != std::string_view::npos) return Cut{i, i + 1};
  if (c == '-') {
    const bool spaced =
        (i > 0 && IsSpace(title[i - 1])) || (i + 1 < title.size() && IsSpace(title[i + 1]));
    if (spaced) return Cut{i, i + 1};
    return std::nullopt;
  }
  for (std::string_view wide : kWideSeparators) {
    if (title.substr(i, wide.size()) == wide) return Cut{i, i + wide.size()};
  }
  const bool word_in = (c == 'i' || c == 'I') && i + 1 < title.size() &&
                       (title[i + 1] == 'n' || title[i + 1] == 'N') &&
                       (i == 0 || !IsWordByte(title[i - 1])) &&
                       (i + 2 == title.size() || !IsWordByte(title[i + 2]));
  if (word_in) return Cut{i, i + 2};
  return std::nullopt;
}

// The length of `prefix` without trailing spaces and wide separators, which
// FoldText would keep ("IT-Leiter – in Hagen" leaves "IT-Leiter").
std::size_t WithoutTrailingSeparators(std::string_view prefix) {
  for (;;) {
    if (!prefix.empty() && IsSpace(prefix.back())) {
      prefix.remove_suffix(1);
      continue;
    }
    auto wide = std::find_if(kWideSeparators.begin(), kWideSeparators.end(),
                             [&](std::string_view s) { return prefix.ends_with(s); });
    if (wide == kWideSeparators.end()) return prefix.size();
    prefix.remove_suffix(wide->size());
  }
}

std::vector<Cut> CutsNearTheEnd(std::string_view title) {
  std::vector<Cut> cuts;
  for (std::size_t i = title.size() > kMaxTailBytes ? title.size() - kMaxTailBytes : 0;
       i < title.size(); ++i) {
    if (auto cut = SeparatorAt(title, i)) cuts.push_back(*cut);
  }
  return cuts;
}

std::string WithoutPostalCode(std::string folded) {
  if (folded.size() > 6 && IsPostalCode(std::string_view(folded).substr(0, 5)) &&
      folded[5] == ' ') {
    folded.erase(0, 6);
  }
  return folded;
}

class PlaceNames {
 public:
  // Adds the folded name and, for "Hagen (Westf.)" or "Hagen, NRW", its
  // part before the bracket or comma, and the parts of a hyphenated name.
  void AddName(std::string_view name) {
    Add(name);
    std::string_view head = name.substr(0, name.find_first_of("(,"));
    Add(head);
    if (head.find('-') == std::string_view::npos) return;
    for (std::size_t start = 0; start <= head.size();) {
      std::size_t end = std::min(head.find('-', start), head.size());
      Add(head.substr(start, end - start));
      start = end + 1;
    }
  }
  void AddTown(const parsers::GazetteerTown* town) {
    if (town != nullptr) AddName(town->name);
  }
  std::vector<std::string> Take() { return std::move(names_); }

 private:
  void Add(std::string_view raw) {
    std::string folded = WithoutPostalCode(FoldText(raw));
    if (folded.empty() || IsPostalCode(folded)) return;
    if (std::find(names_.begin(), names_.end(), folded) == names_.end()) {
      names_.push_back(std::move(folded));
    }
  }

  std::vector<std::string> names_;
};

}  // namespace

std::vector<std::string> OwnPlaceNames(const parsers::Posting& posting) {
  PlaceNames names;
  names.AddName(posting.locality);
  if (std::optional<int> code = parsers::PostalCodeOf(posting)) {
    names.AddTown(parsers::FindTownByPostalCode(*code));
  }
  // A locality that names several towns ("Hagen, Dortmund") lends none of
  // them: either could be another job's place.
  std::vector<const parsers::GazetteerTown*> towns =
      parsers::FindTownsInLocality(parsers::FoldForMatching(posting.locality));
  std::sort(towns.begin(), towns.end());
  towns.erase(std::unique(towns.begin(), towns.end()), towns.end());
  if (towns.size() == 1) names.AddTown(towns.front());
  return names.Take();
}

std::size_t TitleLengthWithoutPlace(std::string_view title,
                                    const std::vector<std::string>& places) {
  if (places.empty()) return title.size();
  const std::string whole = FoldTitle(SpacedSeparators(title));
  std::vector<Cut> cuts = CutsNearTheEnd(title);
  // The shortest tail first: "IT-Leiter – Wetter (Ruhr)" tries "Ruhr", then
  // "Wetter (Ruhr)".
  for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) {
    std::string place = TailPlace(title.substr(cut->after));
    if (place.empty() || std::find(places.begin(), places.end(), place) == places.end()) {
      continue;
    }
    std::size_t length = WithoutTrailingSeparators(title.substr(0, cut->start));
    // What is kept must be the title's words up to the place: a cut inside a
    // gender tag ("IT-Leiter m/w/d Hagen" at the second '/') keeps a stray
    // letter and is no such cut.
    std::string kept = FoldTitle(SpacedSeparators(title.substr(0, length)));
    if (kept.empty() || !IsWordPrefix(kept, whole)) continue;
    return length;
  }
  return title.size();
}

}  // namespace jobcrawler::storage
