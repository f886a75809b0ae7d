// Phrase, GenderMarkerEnd and JobTitleEvidence (see ad_vocabulary.h). The
// section, action and label words are in ad_sections.cpp.
#include "parsers/extract/ad_vocabulary.h"

#include <string>
#include <string_view>
#include <vector>

#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers::internal {
namespace {

// A gender tag is short; longer parentheses are prose.
constexpr std::size_t kMaxMarkerLength = 24;

// Words (or word endings, for German compounds) that name a job. Endings
// are matched at the end of a word: "abteilungsleiter", "softwareentwickler".
constexpr std::string_view kJobNounEndings[] = {
    "leiter",        "leiterin",        "leitung",          "manager",         "managerin",
    "ingenieur",     "ingenieurin",     "entwickler",       "entwicklerin",    "berater",
    "beraterin",     "referent",        "referentin",       "bearbeiter",      "bearbeiterin",
    "administrator", "administratorin", "kaufmann",         "kauffrau",        "techniker",
    "technikerin",   "mitarbeiter",     "mitarbeiterin",    "spezialist",      "spezialistin",
    "architekt",     "architektin",     "koordinator",      "koordinatorin",   "assistenz",
    "assistent",     "assistentin",     "fachkraft",        "elektriker",      "elektroniker",
    "mechaniker",    "mechatroniker",   "monteur",          "fahrer",          "pfleger",
    "pflegerin",     "erzieher",        "erzieherin",       "informatiker",    "informatikerin",
    "direktor",      "direktorin",      "fuehrer",          "fuehrerin",       "buchhalter",
    "controller",    "einkaeufer",      "verkaeufer",       "meister",         "meisterin",
    "planer",        "planerin",        "analyst",          "experte",         "expertin",
    "beauftragter",  "beauftragte",     "verantwortlicher", "verantwortliche", "betreuer",
    "betreuerin",    "disponent",       "disponentin",      "pruefer",         "chef",
    "chefin",        "praktikant",      "praktikantin",     "werkstudent"};

// English job nouns and German ones that are whole words.
constexpr std::string_view kJobNouns[] = {"officer",
                                          "engineer",
                                          "developer",
                                          "consultant",
                                          "specialist",
                                          "architect",
                                          "coordinator",
                                          "assistant",
                                          "technician",
                                          "designer",
                                          "scientist",
                                          "owner",
                                          "director",
                                          "lead",
                                          "leader",
                                          "head",
                                          "administrator",
                                          "analyst",
                                          "cio",
                                          "cto",
                                          "ciso",
                                          "cfo",
                                          "ceo",
                                          "coo",
                                          "trainee",
                                          "azubi",
                                          "ausbildung",
                                          "auszubildende",
                                          "auszubildender",
                                          "praktikum",
                                          "volontariat",
                                          "lehrer",
                                          "lehrkraft",
                                          "sachbearbeitung",
                                          "vorstand",
                                          "geschaeftsfuehrung"};

// Words of listing, search and portal titles.
constexpr std::string_view kListingWords[] = {
    "jobs",           "stellenangebote", "stellen",      "stellenmarkt",  "karriere",
    "karriereportal", "jobboerse",       "jobportal",    "stellenboerse", "suchergebnisse",
    "suchergebnis",   "treffer",         "ergebnisse",   "results",       "careers",
    "career",         "vacancies",       "openings",     "positions",     "stellenausschreibungen",
    "jobangebote",    "jobsuche",        "stellensuche", "search",        "suche",
    "uebersicht",     "overview",        "offers",       "angebote",      "jobfinder"};

// Verbs that make a heading a sentence (a news headline), not a job title.
constexpr std::string_view kSentenceVerbs[] = {
    "sucht",   "suchen",   "stellt",    "stellen", "wechselt", "verlaesst", "uebernimmt",
    "wird",    "werden",   "ist",       "sind",    "hat",      "haben",     "hires",
    "hiring",  "appoints", "appointed", "names",   "joins",    "announces", "verstaerkt",
    "ernennt", "beruft",   "startet",   "kommt",   "geht",     "bekommt"};

bool IsOneOf(std::string_view word, const auto& list) {
  for (std::string_view known : list) {
    if (word == known) return true;
  }
  return false;
}

bool IsJobNoun(std::string_view word) {
  if (IsOneOf(word, kJobNouns)) return true;
  for (std::string_view ending : kJobNounEndings) {
    if (word.ends_with(ending)) return true;
  }
  return false;
}

std::string LowerAscii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return lowered;
}

bool IsGenderPart(std::string_view part) {
  for (std::string_view known : {"m", "w", "f", "d", "x", "i", "div", "divers", "a", "*"}) {
    if (part == known) return true;
  }
  return false;
}

// "m/w/d", "w | m | d", "gn", "all genders" (lower-cased, inside the parentheses).
bool IsGenderMarker(std::string_view inside) {
  std::string compact;
  for (char c : inside) {
    if (c != ' ') compact += c;
  }
  if (compact == "gn" || compact == "gn*" || compact == "allgenders" || compact == "mwd" ||
      compact == "allegeschlechter") {
    return true;
  }
  int parts = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= compact.size(); ++i) {
    if (i < compact.size() && compact[i] != '/' && compact[i] != '|' && compact[i] != ',') continue;
    if (!IsGenderPart(std::string_view(compact).substr(start, i - start))) return false;
    ++parts;
    start = i + 1;
  }
  return parts >= 2;
}

std::vector<std::string_view> Words(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < phrase.size()) {
    std::size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    if (end > start) words.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::string Phrase(std::string_view text) {
  const std::string folded = FoldForMatching(text.substr(0, kMaxPhraseBytes));
  std::string phrase;
  for (const Token& token : Tokenize(folded)) {
    if (token.kind == TokenKind::kSymbol) continue;
    if (!phrase.empty()) phrase += ' ';
    phrase += token.text;
  }
  return phrase;
}

bool ContainsWords(std::string_view phrase, std::string_view words) {
  if (words.empty()) return false;
  for (std::size_t at = phrase.find(words); at != std::string_view::npos;
       at = phrase.find(words, at + 1)) {
    const bool starts = at == 0 || phrase[at - 1] == ' ';
    const std::size_t end = at + words.size();
    if (starts && (end == phrase.size() || phrase[end] == ' ')) return true;
  }
  return false;
}

std::size_t GenderMarkerEnd(std::string_view title) {
  const std::string lowered = LowerAscii(title.substr(0, kMaxPhraseBytes));
  for (std::size_t open = lowered.find('('); open != std::string::npos;
       open = lowered.find('(', open + 1)) {
    const std::size_t close = lowered.find(')', open);
    if (close == std::string::npos) break;
    if (close - open <= kMaxMarkerLength &&
        IsGenderMarker(std::string_view(lowered).substr(open + 1, close - open - 1))) {
      return close + 1;
    }
  }
  for (std::string_view suffix : {"*in", ":in"}) {
    const std::size_t at = lowered.find(suffix);
    if (at == std::string::npos || at == 0 || !IsAsciiAlpha(lowered[at - 1])) continue;
    const std::size_t end = at + suffix.size();
    if (end == lowered.size() || !IsAsciiAlpha(lowered[end])) return end;
  }
  return std::string::npos;
}

TitleEvidence JobTitleEvidence(std::string_view text) {
  if (text.empty() || text.size() > kMaxPhraseBytes || text.find('?') != std::string_view::npos) {
    return TitleEvidence::kNone;
  }
  const bool gender = GenderMarkerEnd(text) != std::string_view::npos;
  const std::string phrase = Phrase(text);
  const std::vector<std::string_view> words = Words(phrase);
  if (words.empty() || words.size() > kMaxTitleWords) return TitleEvidence::kNone;
  bool noun = false;
  bool named = false;
  for (std::string_view word : words) {
    if (IsOneOf(word, kListingWords)) return TitleEvidence::kNone;
    if (!gender && IsOneOf(word, kSentenceVerbs)) return TitleEvidence::kNone;
    noun = noun || IsJobNoun(word);
    named = named || word == "stellenangebot" || word == "stellenanzeige" ||
            word == "stellenausschreibung";
  }
  if (gender || named) return TitleEvidence::kStrong;
  return noun ? TitleEvidence::kJobNoun : TitleEvidence::kNone;
}

}  // namespace jobcrawler::parsers::internal
