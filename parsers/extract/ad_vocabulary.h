// The words job ads are recognised by, in German and English: gender tags,
// job nouns, the headings of an ad's sections, apply actions, field labels.
// Internal to parsers/extract (the generic and the meta extractor).
//
// Text is compared as a phrase: folded (lower case, umlauts as ae/oe/ue,
// ß as ss, marks stripped), then only its words and numbers, joined by
// single spaces ("Das bringst du mit:" is "das bringst du mit"). Pure
// functions of bounded input (a text longer than kMaxPhraseBytes is read
// only that far); thread-safe.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_AD_VOCABULARY_H_
#define JOBCRAWLER_PARSERS_EXTRACT_AD_VOCABULARY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace jobcrawler::parsers::internal {

inline constexpr std::size_t kMaxPhraseBytes = 4'096;

// The phrase form described above.
std::string Phrase(std::string_view text);

// True when `phrase` holds the words of `words` (a phrase) next to each
// other: ContainsWords("wir freuen uns auf ihre bewerbung", "ihre bewerbung").
bool ContainsWords(std::string_view phrase, std::string_view words);

// The end (one past ')') of the first gender tag in `title` ("(m/w/d)",
// "(w/m/d)", "(m/f/d)", "(d/m/w)", "(m/w/x)", "(gn)", "(all genders)"), or
// of a word with a gender suffix ("Leiter*in", "Leiter:in"); npos when none.
std::size_t GenderMarkerEnd(std::string_view title);

enum class TitleEvidence { kNone, kJobNoun, kStrong };

// How much `text` reads like the title of one job ad: kStrong with a gender
// tag or the word "Stellenangebot"/"Stellenanzeige"/"Stellenausschreibung";
// kJobNoun with a job noun ("Leiter", "Manager", "Entwickler", "Head",
// "Engineer", ... also at the end of a compound: "Abteilungsleiter"); kNone
// for anything else, for a title of a listing or search ("Jobs",
// "Stellenangebote", "Karriere", "Ergebnisse", "Careers"), a question, a
// sentence ("Stadtwerke suchen IT-Leiter", unless it has a gender tag) or
// more than kMaxTitleWords words.
inline constexpr std::size_t kMaxTitleWords = 16;
TitleEvidence JobTitleEvidence(std::string_view text);

// The sections of a job ad, by their headings.
enum class Section { kNone, kTasks, kProfile, kOffer, kApply };

// The section a heading opens: the whole text is a known heading ("Ihre
// Aufgaben", "Das bringst du mit", "Wir bieten", "Responsibilities", "What
// we offer", ...), possibly ending in ":" or "bei uns", or a paragraph
// starts with one followed by ":" ("Ihr Profil: Sie haben ...").
Section SectionOf(std::string_view text);

// True for the heading of a box of other jobs ("Ähnliche Stellen", "Weitere
// Jobs", "Similar jobs", "Das könnte Sie auch interessieren").
bool IsRelatedJobsHeading(std::string_view text);

// True for a link or button that applies for the job: text "Jetzt
// bewerben", "Bewerbung starten", "Apply now" (not "Initiativbewerbung" or
// "Bewerbungstipps"); an href to an apply path or form; a mailto: to an
// application address or with a "Bewerbung" subject.
bool IsApplyAction(std::string_view text, std::string_view href);

// True for running text that asks for applications ("Wir freuen uns auf
// Ihre Bewerbung", "Bitte senden Sie Ihre Unterlagen", "Send your
// application to").
bool AsksForApplications(std::string_view text);

// True for text that says the ad is gone ("Diese Stelle ist leider nicht
// mehr verfügbar", "bereits besetzt", "no longer available").
bool SaysAdIsGone(std::string_view text);

// True for words that name the page an ad: "Stellenangebot", "Job ID",
// "Kennziffer", "Referenznummer".
bool NamesAnAd(std::string_view text);

// The fields an ad's facts are labelled with ("Standort:", "Arbeitszeit",
// "Gehalt", "Veröffentlicht am", "Bewerbungsfrist", "Kennziffer").
enum class Label {
  kNone,
  kLocation,
  kEmployment,
  kCompany,
  kSalary,
  kDatePosted,
  kValidThrough,
  kId
};
Label LabelOf(std::string_view text);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_EXTRACT_AD_VOCABULARY_H_
