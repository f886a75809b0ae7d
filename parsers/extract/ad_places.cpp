// PlacesInText, IsPlausibleLocality and SetPlaces (see ad_fields.h).
//
// Plain scanning, no regular expressions: a five-digit number bounded by
// non-digits (optionally "D-"/"DE-" before it) followed by a capitalised
// word is a postal code and its town; "Standort", "Einsatzort",
// "Arbeitsort", "Dienstort" (optionally "in", "ist", "unserer", ...) or
// "Zentrale/Hauptsitz/Niederlassung/Werk/Sitz in" followed by a capitalised
// word name a site. A town is at most kMaxTownWords words (capitalised, or
// "am", "an der", "im", "bei", "ob", or one parenthesis such as "(Westf.)")
// and ends at punctuation.
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/ad_fields.h"
#include "parsers/extract/ad_vocabulary.h"

namespace jobcrawler::parsers::internal {
namespace {

constexpr std::size_t kMaxTownWords = 4;
constexpr std::size_t kMaxTownBytes = 40;
// PlacesInText reads at most this much of a text.
constexpr std::size_t kMaxScanBytes = 64 * 1024;

// Words after a five-digit number that count things, or currencies: then
// the number is no postal code ("12000 Mitarbeitende", "45000 Euro").
constexpr std::string_view kCountedWords[] = {"euro",           "eur",
                                              "mitarbeiter",    "mitarbeitende",
                                              "mitarbeitenden", "mitarbeiterinnen",
                                              "beschaeftigte",  "beschaeftigten",
                                              "kunden",         "kundinnen",
                                              "nutzer",         "user",
                                              "users",          "menschen",
                                              "stunden",        "tage",
                                              "kilometer",      "km",
                                              "quadratmeter",   "einwohner",
                                              "einwohnerinnen", "studierende",
                                              "studierenden",   "mitglieder",
                                              "schueler",       "schuelerinnen",
                                              "betten",         "patienten",
                                              "fahrzeuge",      "server",
                                              "clients",        "endgeraete",
                                              "geraete",        "arbeitsplaetze",
                                              "standorte",      "employees",
                                              "customers",      "people",
                                              "staff",          "members",
                                              "tickets",        "anfragen",
                                              "artikel",        "produkte",
                                              "sendungen",      "haushalte",
                                              "zaehler"};

constexpr std::string_view kSiteWords[] = {"standort", "einsatzort", "arbeitsort", "dienstort"};
constexpr std::string_view kSeatWords[] = {
    "zentrale", "hauptsitz", "niederlassung",   "firmensitz",
    "werk",     "sitz",      "hauptverwaltung", "geschaeftsstelle"};
constexpr std::string_view kFillers[] = {"in",      "ist",     "im",      "am",  "unserer",
                                         "unseres", "unserem", "unseren", "der", "des",
                                         "den",     ":",       "-"};
constexpr std::string_view kConnectors[] = {"am", "an", "der",  "im", "bei", "ob",
                                            "a.", "i.", "a.d.", "d.", "vor", "auf"};
constexpr std::string_view kNotTowns[] = {"ab",
                                          "sofort",
                                          "festanstellung",
                                          "unbefristet",
                                          "startdatum",
                                          "eintritt",
                                          "nach",
                                          "vereinbarung",
                                          "kontakt",
                                          "bewerben",
                                          "jetzt",
                                          "mehr",
                                          "weitere",
                                          "alle",
                                          "unsere",
                                          "ihre",
                                          "wir",
                                          "sie",
                                          "die",
                                          "der",
                                          "das",
                                          "den",
                                          "dem",
                                          "ein",
                                          "eine",
                                          "mit",
                                          "und",
                                          "oder",
                                          "deutschlandweit",
                                          "bundesweit",
                                          "homeoffice",
                                          "remote",
                                          "hybrid",
                                          "home",
                                          "office",
                                          "anywhere",
                                          "flexibel",
                                          "verschiedene",
                                          "mehrere",
                                          "telefon",
                                          "tel",
                                          "fon",
                                          "fax",
                                          "e",
                                          "email",
                                          "mail",
                                          "www",
                                          "phone",
                                          "web",
                                          "internet",
                                          "ust",
                                          "amtsgericht",
                                          "hrb",
                                          "registergericht",
                                          "geschaeftsfuehrer",
                                          "vorstand",
                                          "sitz"};

bool IsOneOf(std::string_view phrase, const auto& list) {
  for (std::string_view known : list) {
    if (phrase == known) return true;
  }
  return false;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ASCII capitals and the UTF-8 capitals Ä, Ö, Ü.
bool StartsCapitalised(std::string_view word) {
  if (word.empty()) return false;
  if (word[0] >= 'A' && word[0] <= 'Z') return true;
  return word.size() >= 2 && word[0] == '\xC3' &&
         (word[1] == '\x84' || word[1] == '\x96' || word[1] == '\x9C');
}

// Words with their byte offsets; "Hagen," keeps its comma.
struct Word {
  std::string_view text;
  std::size_t offset;
};

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back({text.substr(start, end - start), start});
    start = end + 1;
  }
  return words;
}

bool EndsWithStop(std::string_view word) {
  return !word.empty() &&
         std::string_view(",;:|.)!?").find(word.back()) != std::string_view::npos &&
         !(word.back() == '.' && word.size() <= 3);  // "a." and "i." are abbreviations
}

// True for a capitalised word that cannot continue a town's name:
// "Vollzeit", "Remote", "Telefon", "Deutschland", "Wir".
bool EndsTown(std::string_view word) {
  const std::string phrase = Phrase(word);
  return IsOneOf(phrase, kNotTowns) || !NormalizeEmploymentType(word).empty() ||
         !DetectRemote(word).empty() || (phrase.size() > 2 && !NormalizeCountry(word).empty()) ||
         LabelOf(word) != Label::kNone || JobTitleEvidence(word) != TitleEvidence::kNone;
}

// The town starting at words[i], or "" when none starts there.
std::string TownAt(const std::vector<Word>& words, std::size_t i) {
  if (i >= words.size() || !StartsCapitalised(words[i].text)) return "";
  std::string town;
  for (std::size_t n = 0; i < words.size() && n < kMaxTownWords; ++i, ++n) {
    std::string_view word = words[i].text;
    const bool parenthesis = word.starts_with("(");
    if (n > 0 && !StartsCapitalised(word) && !parenthesis && !IsOneOf(word, kConnectors)) break;
    if (n > 0 && !parenthesis && EndsTown(word)) break;
    const bool stop = EndsWithStop(word) && !(parenthesis && word.ends_with(")"));
    if (stop && word.back() != ')') word.remove_suffix(1);
    if (!town.empty()) town += ' ';
    town += word;
    if (stop || (parenthesis && word.ends_with(")"))) break;
  }
  while (!town.empty() && IsOneOf(Phrase(town.substr(town.rfind(' ') + 1)), kConnectors)) {
    town.erase(town.rfind(' '));
  }
  return town.size() <= kMaxTownBytes ? town : "";
}

// "58095", "D-58095", "DE-58095": the five digits, or "".
std::string_view PostalCode(std::string_view word) {
  if (word.starts_with("D-")) word.remove_prefix(2);
  if (word.starts_with("DE-")) word.remove_prefix(3);
  if (word.size() < 5) return "";
  for (std::size_t i = 0; i < 5; ++i) {
    if (!IsDigit(word[i])) return "";
  }
  if (word.size() > 5 && std::string_view(",;:").find(word[5]) == std::string_view::npos) return "";
  return word.substr(0, 5);
}

void AddPlace(Place place, std::vector<Place>* places) {
  if (place.locality.empty() && place.postal_code.empty()) return;
  for (const Place& known : *places) {
    if (Phrase(known.locality) == Phrase(place.locality) && !place.locality.empty()) return;
  }
  if (places->size() < kMaxParsedPlaces) places->push_back(std::move(place));
}

void ReadPostalPlace(const std::vector<Word>& words, std::size_t i, std::vector<Place>* places) {
  const std::string_view code = PostalCode(words[i].text);
  if (code.empty() || i + 1 >= words.size()) return;
  if (IsOneOf(Phrase(words[i + 1].text), kCountedWords)) return;
  const std::string town = TownAt(words, i + 1);
  if (town.empty() || !IsPlausibleLocality(town.substr(0, town.find(" (")))) return;
  Place place = ParsePlace(std::string(code) + " " + town);
  if (!place.locality.empty()) AddPlace(std::move(place), places);
}

// The folded form of a word for comparing with kSiteWords/kSeatWords: plain
// ASCII is only lower-cased (folding every word of a long text costs), the
// rest is folded as Phrase does.
std::string WordKey(std::string_view word) {
  while (!word.empty() && std::string_view(",;:.!?)").find(word.back()) != std::string_view::npos) {
    word.remove_suffix(1);
  }
  std::string key;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return Phrase(word);
    key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

void ReadSitePlace(const std::vector<Word>& words, std::size_t i, std::vector<Place>* places) {
  const std::string word = WordKey(words[i].text);
  std::size_t next = i + 1;
  if (IsOneOf(word, kSeatWords)) {
    if (next >= words.size() || Phrase(words[next].text) != "in") return;
  } else if (!IsOneOf(word, kSiteWords)) {
    return;
  }
  if (EndsWithStop(words[i].text) && words[i].text.back() != ':') return;
  while (next < words.size() && IsOneOf(Phrase(words[next].text), kFillers)) ++next;
  if (next < words.size() && !PostalCode(words[next].text).empty()) {
    ReadPostalPlace(words, next, places);
    return;
  }
  const std::string town = TownAt(words, next);
  if (town.empty() || !IsPlausibleLocality(town.substr(0, town.find(" (")))) return;
  Place place = ParsePlace(town);
  if (!place.locality.empty()) AddPlace(std::move(place), places);
}

}  // namespace

std::vector<Place> PlacesInText(std::string_view text) {
  const std::vector<Word> words = SplitWords(text.substr(0, kMaxScanBytes));
  std::vector<Place> places;
  for (std::size_t i = 0; i < words.size() && places.size() < kMaxParsedPlaces; ++i) {
    ReadPostalPlace(words, i, &places);
    ReadSitePlace(words, i, &places);
  }
  return places;
}

bool IsPlausibleLocality(std::string_view name) {
  if (name.empty() || name.size() > kMaxTownBytes || !StartsCapitalised(name)) return false;
  if (name.find_first_of("0123456789") != std::string_view::npos) return false;
  const std::vector<Word> words = SplitWords(name);
  if (words.size() > kMaxTownWords || IsOneOf(Phrase(words.front().text), kNotTowns)) return false;
  return NormalizeEmploymentType(name).empty() && DetectRemote(name).empty() &&
         LabelOf(name) == Label::kNone && JobTitleEvidence(name) == TitleEvidence::kNone &&
         SectionOf(name) == Section::kNone;
}

void SetPlaces(const std::vector<Place>& places, Posting* posting) {
  std::vector<PostingPlace> unique;
  for (const Place& place : places) {
    PostingPlace one{place.locality, place.postal_code, place.region, place.country};
    if (one == PostingPlace{}) continue;
    bool known = false;
    for (const PostingPlace& seen : unique) {
      known = known || (Phrase(seen.locality) == Phrase(one.locality) &&
                        (seen.postal_code == one.postal_code || one.postal_code.empty()));
    }
    if (!known && unique.size() < kMaxPostingPlaces) unique.push_back(std::move(one));
  }
  if (unique.empty()) return;
  posting->locality = unique.front().locality;
  posting->postal_code = unique.front().postal_code;
  posting->region = unique.front().region;
  posting->country = unique.front().country;
  posting->other_places.assign(unique.begin() + 1, unique.end());
}

}  // namespace jobcrawler::parsers::internal
