#include "storage/dedup.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <initializer_list>
#include <utility>

#include "storage/title_place.h"

namespace jobcrawler::storage {
namespace {

using Tokens = std::vector<std::string_view>;

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The ASCII spelling of the UTF-8 sequence at `text[i]` when it is a German
// letter, with its length in bytes; {"", 0} otherwise.
struct Spelled {
  std::string_view ascii;
  std::size_t length;
};
Spelled SpellGerman(std::string_view text, std::size_t i) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kLetters = {{
      {"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"},
      {"\xC3\x84", "ae"}, {"\xC3\x96", "oe"}, {"\xC3\x9C", "ue"},
      {"\xC3\x9F", "ss"}, {"\xE1\xBA\x9E", "ss"},  // ß and capital ẞ
      {"\xC2\xA0", " "},                           // no-break space
  }};
  for (const auto& [utf8, ascii] : kLetters) {
    if (text.substr(i, utf8.size()) == utf8) return {ascii, utf8.size()};
  }
  return {"", 0};
}

// Length of the gender suffix of a word starting at `text[i]`, 0 if none:
// one of * : _ / (or "/-") then "in" or "innen" then a word end; or "(in)".
std::size_t GenderSuffixLength(std::string_view text, std::size_t i) {
  // After a letter only; bytes >= 0x80 are parts of non-ASCII letters.
  if (i == 0 || !(IsAsciiAlpha(text[i - 1]) || static_cast<unsigned char>(text[i - 1]) >= 0x80)) {
    return 0;
  }
  for (std::string_view marker : {"/-", "*", ":", "_", "/"}) {
    if (text.substr(i, marker.size()) != marker) continue;
    for (std::string_view ending : {"innen", "in"}) {
      std::size_t end = i + marker.size() + ending.size();
      if (text.substr(i + marker.size(), ending.size()) != ending) continue;
      if (end == text.size() || !IsAsciiAlpha(text[end])) return end - i;
    }
  }
  if (text.substr(i, 4) == "(in)") return 4;
  return 0;
}

// Lower-cased `text` without gender suffixes, before punctuation folding
// (which would leave a stray "in" that we could not tell from the word).
std::string DropGenderSuffixes(std::string_view text) {
  std::string lower;
  for (char c : text) lower += AsciiLower(c);
  std::string out;
  for (std::size_t i = 0; i < lower.size();) {
    std::size_t skip = GenderSuffixLength(lower, i);
    if (skip > 0) {
      i += skip;
    } else {
      out += lower[i++];
    }
  }
  return out;
}

Tokens Split(std::string_view folded) {
  Tokens tokens;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    tokens.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

std::string Join(const Tokens& tokens) {
  std::string out;
  for (std::string_view token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

// Length of the longest phrase of `phrases` that starts at tokens[i], 0 if none.
std::size_t PhraseAt(const Tokens& tokens, std::size_t i,
                     std::initializer_list<std::initializer_list<std::string_view>> phrases) {
  std::size_t best = 0;
  for (const auto& phrase : phrases) {
    if (phrase.size() <= best || i + phrase.size() > tokens.size()) continue;
    std::size_t k = 0;
    for (std::string_view word : phrase) {
      if (tokens[i + k] != word) break;
      ++k;
    }
    if (k == phrase.size()) best = k;
  }
  return best;
}

// Length of a gender tag at tokens[i]: two or more single letters of m w d f
// x i ("m w d" from "(m/w/d)"), or "all genders" / "alle geschlechter".
std::size_t GenderTagAt(const Tokens& tokens, std::size_t i) {
  std::size_t n = 0;
  while (i + n < tokens.size() && tokens[i + n].size() == 1 &&
         std::string_view("mwdfxi").find(tokens[i + n][0]) != std::string_view::npos) {
    ++n;
  }
  if (n >= 2) return n;
  return PhraseAt(tokens, i,
                  {{"all", "genders"}, {"all", "gender"}, {"alle", "geschlechter"}});
}

std::size_t LegalFormAt(const Tokens& tokens, std::size_t i) {
  return PhraseAt(tokens, i,
                  {{"gmbh", "co", "kgaa"}, {"gmbh", "co", "kg"}, {"se", "co", "kg"},
                   {"ag", "co", "kg"}, {"co", "kg"}, {"ug", "haftungsbeschraenkt"},
                   {"gmbh"}, {"ggmbh"}, {"mbh"}, {"ag"}, {"se"}, {"kg"}, {"kgaa"},
                   {"e", "v"}, {"ev"}, {"ug"}});
}

// `folded` without every token run that `match` recognises.
template <typename Matcher>
std::string DropPhrases(std::string_view folded, Matcher match) {
  Tokens tokens = Split(folded);
  Tokens kept;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t skip = match(tokens, i);
    if (skip > 0) {
      i += skip;
    } else {
      kept.push_back(tokens[i++]);
    }
  }
  return Join(kept);
}

std::string_view TrimAscii(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/).
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

// Word shingles of this length make the fingerprint sensitive to word
// order, not just to vocabulary.
constexpr std::size_t kShingleWords = 3;

// The hash of tokens[first, first + count) joined by single spaces.
std::uint64_t ShingleHash(const Tokens& tokens, std::size_t first, std::size_t count) {
  std::uint64_t hash = kFnvOffset;
  for (std::size_t i = first; i < first + count; ++i) {
    if (i > first) hash = Fnv1a(" ", hash);
    hash = Fnv1a(tokens[i], hash);
  }
  return hash;
}

// Rank words as (canonical rank, folded stem). A title token that starts
// with a stem carries that rank; prefixes err towards keeping jobs apart.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kRankStems = {{
    {"deputy", "stellv"}, {"deputy", "deputy"},
    {"deputy", "vice"}, {"junior", "junior"}, {"senior", "senior"},
    {"assistant", "assisten"}, {"assistant", "assistant"}, {"trainee", "trainee"},
    {"trainee", "praktikant"}, {"trainee", "werkstudent"}, {"interim", "interim"},
    {"interim", "kommissarisch"}, {"interim", "acting"},
}};
// Abbreviations that are rank words only as whole tokens.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kRankAbbreviations = {{
    {"deputy", "stv"}, {"junior", "jr"}, {"senior", "sr"}, {"interim", "komm"},
}};

// The ranks of a title folded by FoldTitle.
std::vector<std::string_view> Ranks(std::string_view folded) {
  std::vector<std::string_view> ranks;
  for (std::string_view token : Split(folded)) {
    for (const auto& [rank, stem] : kRankStems) {
      if (token.starts_with(stem)) ranks.push_back(rank);
    }
    for (const auto& [rank, word] : kRankAbbreviations) {
      if (token == word) ranks.push_back(rank);
    }
  }
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  return ranks;
}

}  // namespace

std::string FoldText(std::string_view text) {
  std::string out;
  bool pending_space = false;
  auto append = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    Spelled german = SpellGerman(text, i);
    if (german.length > 0 && german.ascii == " ") {
      pending_space = true;
      i += german.length;
    } else if (german.length > 0) {
      append(german.ascii);
      i += german.length;
    } else if (IsAsciiAlpha(c) || IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80) {
      char lower = AsciiLower(c);
      append(std::string_view(&lower, 1));
      ++i;
    } else {
      pending_space = true;  // whitespace, punctuation and control bytes
      ++i;
    }
  }
  return out;
}

std::string FoldTitle(std::string_view title) {
  return DropPhrases(FoldText(DropGenderSuffixes(title)), GenderTagAt);
}

std::string FoldCompany(std::string_view company) {
  return DropPhrases(FoldText(company), LegalFormAt);
}

std::string TitleKey(const parsers::Posting& posting) {
  std::string_view title = posting.title;
  return FoldTitle(title.substr(0, TitleLengthWithoutPlace(title, OwnPlaceNames(posting))));
}

std::string LegacyTitleKey(const parsers::Posting& posting) {
  std::string company = FoldCompany(posting.company);
  std::string whole = FoldTitle(posting.title);
  if (company.empty() || whole.empty() || whole == TitleKey(posting)) return {};
  return "tcl:" + whole + "|" + company + "|" + FoldText(posting.locality);
}

std::vector<std::string> IdentityKeys(const parsers::Posting& posting,
                                      std::string_view fallback_url) {
  std::vector<std::string> keys;
  std::string company = FoldCompany(posting.company);
  std::string_view identifier = TrimAscii(posting.identifier);
  if (!identifier.empty() && !company.empty()) {
    keys.push_back("id:" + company + ":" + std::string(identifier));
  }
  std::string_view url = posting.url.empty() ? fallback_url : std::string_view(posting.url);
  if (!url.empty()) keys.push_back("url:" + std::string(url));
  std::string title = TitleKey(posting);
  if (!title.empty() && !company.empty()) {
    keys.push_back("tcl:" + title + "|" + company + "|" + FoldText(posting.locality));
  }
  return keys;
}

TextFingerprint DescriptionFingerprint(std::string_view description) {
  std::string folded = FoldText(description);
  Tokens tokens = Split(folded);
  TextFingerprint fingerprint;
  fingerprint.words = static_cast<int>(tokens.size());
  if (tokens.empty()) return fingerprint;
  // Bit b of the fingerprint is set when more shingle hashes have it set
  // than not. The set bits are counted eight at a time: byte k of lanes[b]
  // counts bit 8k + b, emptied into `ones` before a byte can overflow.
  constexpr std::uint64_t kLowBitOfEachByte = 0x0101010101010101ULL;
  constexpr int kMaxBeforeEmpty = 255;
  std::array<std::uint64_t, 8> lanes{};
  std::array<std::int64_t, 64> ones{};
  auto empty_lanes = [&] {
    for (std::size_t b = 0; b < lanes.size(); ++b) {
      for (std::size_t k = 0; k < 8; ++k) ones[8 * k + b] += (lanes[b] >> (8 * k)) & 0xff;
      lanes[b] = 0;
    }
  };
  const std::size_t width = std::min(kShingleWords, tokens.size());
  std::int64_t shingles = 0;
  int in_lanes = 0;
  for (std::size_t first = 0; first + width <= tokens.size(); ++first) {
    const std::uint64_t hash = ShingleHash(tokens, first, width);
    for (std::size_t b = 0; b < lanes.size(); ++b) lanes[b] += (hash >> b) & kLowBitOfEachByte;
    ++shingles;
    if (++in_lanes == kMaxBeforeEmpty) {
      empty_lanes();
      in_lanes = 0;
    }
  }
  empty_lanes();
  for (std::size_t bit = 0; bit < ones.size(); ++bit) {
    if (2 * ones[bit] > shingles) fingerprint.simhash |= std::uint64_t{1} << bit;
  }
  return fingerprint;
}

int HammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

bool SameRank(std::string_view title_a, std::string_view title_b) {
  return Ranks(FoldTitle(title_a)) == Ranks(FoldTitle(title_b));
}

bool SameRank(const parsers::Posting& a, const parsers::Posting& b) {
  return Ranks(TitleKey(a)) == Ranks(TitleKey(b));
}

std::string NearKey(const parsers::Posting& posting) {
  std::string company = FoldCompany(posting.company);
  if (company.empty()) return {};
  return company + "|" + FoldText(posting.locality);
}

int Completeness(const parsers::Posting& p) {
  int count = 0;
  for (const std::string* field :
       {&p.title, &p.company, &p.description, &p.street, &p.locality, &p.postal_code, &p.region,
        &p.country, &p.salary_currency, &p.salary_period, &p.employment_type, &p.remote,
        &p.date_posted, &p.valid_through, &p.url, &p.identifier}) {
    if (!field->empty()) ++count;
  }
  if (p.salary_min) ++count;
  if (p.salary_max) ++count;
  return count;
}

parsers::Posting FillMissing(parsers::Posting base, const parsers::Posting& other) {
  auto fill = [](std::string& field, const std::string& from) {
    if (field.empty()) field = from;
  };
  fill(base.title, other.title);
  fill(base.company, other.company);
  fill(base.description, other.description);
  fill(base.street, other.street);
  fill(base.locality, other.locality);
  fill(base.postal_code, other.postal_code);
  fill(base.region, other.region);
  fill(base.country, other.country);
  if (base.other_places.empty()) base.other_places = other.other_places;
  if (!base.salary_min && !base.salary_max) {
    // Salary fields travel together: a range is only meaningful with its
    // currency and period from the same record.
    base.salary_min = other.salary_min;
    base.salary_max = other.salary_max;
    base.salary_currency = other.salary_currency;
    base.salary_period = other.salary_period;
  }
  fill(base.employment_type, other.employment_type);
  fill(base.remote, other.remote);
  fill(base.date_posted, other.date_posted);
  fill(base.valid_through, other.valid_through);
  fill(base.url, other.url);
  fill(base.identifier, other.identifier);
  return base;
}

}  // namespace jobcrawler::storage
