// SectionOf, IsRelatedJobsHeading, IsApplyAction, AsksForApplications,
// SaysAdIsGone, NamesAnAd and LabelOf (see ad_vocabulary.h).
#include <string>
#include <string_view>

#include "parsers/extract/ad_vocabulary.h"

namespace jobcrawler::parsers::internal {
namespace {

// A heading is a few words; "Label:" prefixes are looked for this far in.
constexpr std::size_t kMaxHeadingBytes = 80;
constexpr std::size_t kMaxLabelBytes = 48;

constexpr std::string_view kTaskHeadings[] = {"ihre aufgaben",
                                              "deine aufgaben",
                                              "aufgaben",
                                              "ihr aufgabengebiet",
                                              "dein aufgabengebiet",
                                              "aufgabengebiet",
                                              "ihre aufgabenschwerpunkte",
                                              "aufgabenschwerpunkte",
                                              "ihre taetigkeiten",
                                              "deine taetigkeiten",
                                              "taetigkeiten",
                                              "ihre taetigkeit",
                                              "das erwartet sie",
                                              "das erwartet dich",
                                              "was sie erwartet",
                                              "was dich erwartet",
                                              "ihr job",
                                              "dein job",
                                              "die aufgaben",
                                              "ihre verantwortung",
                                              "deine verantwortung",
                                              "ihre rolle",
                                              "deine rolle",
                                              "das sind ihre aufgaben",
                                              "das sind deine aufgaben",
                                              "ihre herausforderungen",
                                              "deine herausforderungen",
                                              "ihre aufgaben im detail",
                                              "was sie bewegen",
                                              "was du bewegst",
                                              "ihre mission",
                                              "deine mission",
                                              "stellenbeschreibung",
                                              "aufgabenbeschreibung",
                                              "responsibilities",
                                              "your responsibilities",
                                              "key responsibilities",
                                              "main responsibilities",
                                              "your tasks",
                                              "tasks",
                                              "what you will do",
                                              "what you ll do",
                                              "what youll do",
                                              "your role",
                                              "the role",
                                              "about the role",
                                              "your mission",
                                              "what to expect",
                                              "job description",
                                              "role description",
                                              "duties",
                                              "your duties",
                                              "what you ll be doing",
                                              "what you will be doing",
                                              "was sind ihre aufgaben",
                                              "was sind deine aufgaben",
                                              "welche aufgaben erwarten sie",
                                              "was erwartet sie",
                                              "was erwartet dich",
                                              "die position",
                                              "die aufgabe",
                                              "ihre position",
                                              "die stelle",
                                              "zur stelle"};

constexpr std::string_view kProfileHeadings[] = {"ihr profil",
                                                 "dein profil",
                                                 "profil",
                                                 "ihre qualifikation",
                                                 "ihre qualifikationen",
                                                 "qualifikation",
                                                 "qualifikationen",
                                                 "anforderungen",
                                                 "ihre kompetenzen",
                                                 "deine kompetenzen",
                                                 "das bringen sie mit",
                                                 "das bringst du mit",
                                                 "was sie mitbringen",
                                                 "was du mitbringst",
                                                 "was sie auszeichnet",
                                                 "was dich auszeichnet",
                                                 "wir erwarten",
                                                 "das erwarten wir",
                                                 "was wir erwarten",
                                                 "was wir uns wuenschen",
                                                 "das wuenschen wir uns",
                                                 "ihre voraussetzungen",
                                                 "voraussetzungen",
                                                 "anforderungsprofil",
                                                 "ihr anforderungsprofil",
                                                 "damit ueberzeugen sie uns",
                                                 "damit ueberzeugst du uns",
                                                 "sie bringen mit",
                                                 "du bringst mit",
                                                 "ihre erfahrung",
                                                 "deine erfahrung",
                                                 "ihre staerken",
                                                 "deine staerken",
                                                 "das zeichnet sie aus",
                                                 "das zeichnet dich aus",
                                                 "requirements",
                                                 "your profile",
                                                 "profile",
                                                 "qualifications",
                                                 "your qualifications",
                                                 "what you bring",
                                                 "what we are looking for",
                                                 "what we re looking for",
                                                 "who you are",
                                                 "your skills",
                                                 "skills",
                                                 "about you",
                                                 "your experience",
                                                 "required skills",
                                                 "minimum qualifications",
                                                 "preferred qualifications",
                                                 "what you need",
                                                 "must haves",
                                                 "was erwarten wir",
                                                 "was wir von ihnen erwarten",
                                                 "was sollten sie mitbringen",
                                                 "was solltest du mitbringen",
                                                 "die anforderungen",
                                                 "ihr hintergrund",
                                                 "dein hintergrund"};

constexpr std::string_view kOfferHeadings[] = {"wir bieten",
                                               "was wir bieten",
                                               "das bieten wir",
                                               "unser angebot",
                                               "wir bieten ihnen",
                                               "wir bieten dir",
                                               "das bieten wir ihnen",
                                               "das bieten wir dir",
                                               "ihre vorteile",
                                               "deine vorteile",
                                               "ihre benefits",
                                               "deine benefits",
                                               "benefits",
                                               "unsere leistungen",
                                               "was wir ihnen bieten",
                                               "was wir dir bieten",
                                               "darauf koennen sie sich freuen",
                                               "darauf kannst du dich freuen",
                                               "warum wir",
                                               "gute gruende",
                                               "unsere benefits",
                                               "what we offer",
                                               "we offer",
                                               "our offer",
                                               "perks",
                                               "perks and benefits",
                                               "benefits and perks",
                                               "why join us",
                                               "why us",
                                               "what s in it for you",
                                               "our benefits",
                                               "was bieten wir",
                                               "was bieten wir ihnen",
                                               "was bieten wir dir",
                                               "das angebot",
                                               "was wir ihnen bieten koennen",
                                               "warum wir",
                                               "warum zu uns"};

constexpr std::string_view kApplyHeadings[] = {"kontakt",
                                               "ihr kontakt",
                                               "dein kontakt",
                                               "ihre ansprechpartnerin",
                                               "ihr ansprechpartner",
                                               "deine ansprechpartnerin",
                                               "dein ansprechpartner",
                                               "ansprechpartner",
                                               "ansprechpartnerin",
                                               "interesse",
                                               "interesse geweckt",
                                               "haben wir ihr interesse geweckt",
                                               "haben wir dein interesse geweckt",
                                               "bewerbung",
                                               "ihre bewerbung",
                                               "deine bewerbung",
                                               "so bewerben sie sich",
                                               "so bewirbst du dich",
                                               "how to apply",
                                               "contact",
                                               "apply"};

constexpr std::string_view kRelatedWords[] = {"aehnliche",
                                              "aehnliche stellen",
                                              "aehnliche jobs",
                                              "weitere stellen",
                                              "weitere jobs",
                                              "weitere stellenangebote",
                                              "weitere offene stellen",
                                              "andere stellen",
                                              "passende jobs",
                                              "das koennte sie auch interessieren",
                                              "das koennte dich auch interessieren",
                                              "zuletzt angesehen",
                                              "mehr jobs",
                                              "similar jobs",
                                              "related jobs",
                                              "more jobs",
                                              "other jobs",
                                              "recommended jobs",
                                              "you may also like",
                                              "aktuelle stellenangebote",
                                              "offene stellen",
                                              "stelle teilen",
                                              "job teilen",
                                              "share this job",
                                              "teilen"};

constexpr std::string_view kApplyWords[] = {"bewerben",     "bewerbung",          "apply",
                                            "application",  "bewerbungsformular", "onlinebewerbung",
                                            "jetztbewerben"};

constexpr std::string_view kAskPhrases[] = {"bewerben sie sich",
                                            "bewirb dich",
                                            "ihre bewerbung",
                                            "deine bewerbung",
                                            "ihre aussagekraeftige bewerbung",
                                            "ihre vollstaendigen bewerbungsunterlagen",
                                            "ihre bewerbungsunterlagen",
                                            "deine bewerbungsunterlagen",
                                            "send your application",
                                            "your application",
                                            "apply via",
                                            "apply online",
                                            "to apply"};

constexpr std::string_view kGonePhrases[] = {"nicht mehr verfuegbar", "nicht mehr aktiv",
                                             "bereits besetzt",       "ist besetzt",
                                             "wurde besetzt",         "ist abgelaufen",
                                             "nicht mehr online",     "nicht mehr ausgeschrieben",
                                             "nicht mehr gueltig",    "existiert nicht mehr",
                                             "seite nicht gefunden",  "no longer available",
                                             "has been filled",       "no longer accepting",
                                             "position is closed",    "job is closed",
                                             "job has expired",       "posting has expired",
                                             "page not found"};

struct LabelWords {
  Label label;
  std::string_view phrase;
};

constexpr LabelWords kLabels[] = {{Label::kLocation, "standort"},
                                  {Label::kLocation, "standorte"},
                                  {Label::kLocation, "einsatzort"},
                                  {Label::kLocation, "einsatzorte"},
                                  {Label::kLocation, "arbeitsort"},
                                  {Label::kLocation, "dienstort"},
                                  {Label::kLocation, "ort"},
                                  {Label::kLocation, "location"},
                                  {Label::kLocation, "locations"},
                                  {Label::kLocation, "job location"},
                                  {Label::kLocation, "work location"},
                                  {Label::kLocation, "place of work"},
                                  {Label::kLocation, "workplace"},
                                  {Label::kEmployment, "anstellungsart"},
                                  {Label::kEmployment, "beschaeftigungsart"},
                                  {Label::kEmployment, "arbeitszeit"},
                                  {Label::kEmployment, "art der anstellung"},
                                  {Label::kEmployment, "vertragsart"},
                                  {Label::kEmployment, "anstellung"},
                                  {Label::kEmployment, "employment type"},
                                  {Label::kEmployment, "job type"},
                                  {Label::kEmployment, "contract type"},
                                  {Label::kEmployment, "working hours"},
                                  {Label::kEmployment, "beschaeftigungsumfang"},
                                  {Label::kEmployment, "stellenumfang"},
                                  {Label::kEmployment, "umfang"},
                                  {Label::kEmployment, "arbeitszeitmodell"},
                                  {Label::kEmployment, "employment"},
                                  {Label::kEmployment, "befristung"},
                                  {Label::kCompany, "arbeitgeber"},
                                  {Label::kCompany, "unternehmen"},
                                  {Label::kCompany, "firma"},
                                  {Label::kCompany, "company"},
                                  {Label::kCompany, "employer"},
                                  {Label::kCompany, "dienststelle"},
                                  {Label::kCompany, "hiring organization"},
                                  {Label::kSalary, "gehalt"},
                                  {Label::kSalary, "verguetung"},
                                  {Label::kSalary, "entgelt"},
                                  {Label::kSalary, "bezahlung"},
                                  {Label::kSalary, "jahresgehalt"},
                                  {Label::kSalary, "salary"},
                                  {Label::kSalary, "compensation"},
                                  {Label::kSalary, "gehaltsrahmen"},
                                  {Label::kSalary, "gehaltsspanne"},
                                  {Label::kSalary, "salary range"},
                                  {Label::kSalary, "besoldung"},
                                  {Label::kSalary, "pay"},
                                  {Label::kDatePosted, "veroeffentlicht"},
                                  {Label::kDatePosted, "veroeffentlicht am"},
                                  {Label::kDatePosted, "datum"},
                                  {Label::kDatePosted, "online seit"},
                                  {Label::kDatePosted, "eingestellt am"},
                                  {Label::kDatePosted, "erstellt am"},
                                  {Label::kDatePosted, "posted"},
                                  {Label::kDatePosted, "posted on"},
                                  {Label::kDatePosted, "date posted"},
                                  {Label::kDatePosted, "published"},
                                  {Label::kDatePosted, "ausschreibungsdatum"},
                                  {Label::kValidThrough, "bewerbungsfrist"},
                                  {Label::kValidThrough, "bewerbungsschluss"},
                                  {Label::kValidThrough, "bewerbungsende"},
                                  {Label::kValidThrough, "bewerben bis"},
                                  {Label::kValidThrough, "bewerbung bis"},
                                  {Label::kValidThrough, "closing date"},
                                  {Label::kValidThrough, "deadline"},
                                  {Label::kValidThrough, "apply by"},
                                  {Label::kValidThrough, "application deadline"},
                                  {Label::kValidThrough, "bewerbungen bis"},
                                  {Label::kId, "kennziffer"},
                                  {Label::kId, "referenznummer"},
                                  {Label::kId, "referenz"},
                                  {Label::kId, "ref nr"},
                                  {Label::kId, "stellen id"},
                                  {Label::kId, "job id"},
                                  {Label::kId, "jobid"},
                                  {Label::kId, "stellennummer"},
                                  {Label::kId, "ausschreibungsnummer"},
                                  {Label::kId, "requisition id"},
                                  {Label::kId, "req id"},
                                  {Label::kId, "reference"},
                                  {Label::kId, "reference number"},
                                  {Label::kId, "stellen nr"},
                                  {Label::kId, "job nr"}};

bool IsOneOf(std::string_view phrase, const auto& list) {
  for (std::string_view known : list) {
    if (phrase == known) return true;
  }
  return false;
}

bool ContainsAny(std::string_view phrase, const auto& list) {
  for (std::string_view known : list) {
    if (ContainsWords(phrase, known)) return true;
  }
  return false;
}

// "1 ihre aufgaben" (numbered headings), "ihre aufgaben bei uns".
std::string_view Bare(std::string_view phrase) {
  while (!phrase.empty() && phrase.front() >= '0' && phrase.front() <= '9') {
    const std::size_t space = phrase.find(' ');
    phrase = space == std::string_view::npos ? std::string_view() : phrase.substr(space + 1);
  }
  for (std::string_view tail : {" bei uns", " im detail", " at a glance"}) {
    if (phrase.ends_with(tail)) phrase.remove_suffix(tail.size());
  }
  return phrase;
}

Section SectionOfHeading(std::string_view heading) {
  const std::string phrase = Phrase(heading);
  const std::string_view bare = Bare(phrase);
  if (IsOneOf(bare, kTaskHeadings)) return Section::kTasks;
  if (IsOneOf(bare, kProfileHeadings)) return Section::kProfile;
  if (IsOneOf(bare, kOfferHeadings)) return Section::kOffer;
  if (IsOneOf(bare, kApplyHeadings)) return Section::kApply;
  return Section::kNone;
}

// "mailto:bewerbung@x.example?subject=Bewerbung IT-Leiter" and the like.
bool IsApplyMail(std::string_view href) {
  const std::string lowered = Phrase(href.substr(7));  // after "mailto:"
  for (std::string_view box :
       {"bewerbung", "bewerbungen", "jobs", "job", "karriere", "career", "careers", "recruiting",
        "personal", "hr", "application", "applications", "personalabteilung"}) {
    if (lowered.starts_with(std::string(box) + " ")) return true;
  }
  return ContainsWords(lowered, "subject bewerbung") || ContainsWords(lowered, "betreff bewerbung");
}

}  // namespace

Section SectionOf(std::string_view text) {
  if (text.size() <= kMaxHeadingBytes) {
    const Section section = SectionOfHeading(text);
    if (section != Section::kNone) return section;
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon > kMaxLabelBytes) return Section::kNone;
  return SectionOfHeading(text.substr(0, colon));
}

bool IsRelatedJobsHeading(std::string_view text) {
  if (text.size() > kMaxHeadingBytes) return false;
  const std::string phrase = Phrase(text);
  return IsOneOf(phrase, kRelatedWords) || ContainsAny(phrase, kRelatedWords);
}

bool IsApplyAction(std::string_view text, std::string_view href) {
  const std::string phrase = Phrase(text.substr(0, kMaxHeadingBytes));
  const bool excluded = ContainsWords(phrase, "initiativbewerbung") ||
                        ContainsWords(phrase, "bewerbungstipps") ||
                        ContainsWords(phrase, "initiativ");
  if (excluded) return false;
  if (ContainsAny(phrase, kApplyWords)) return true;
  const std::string lowered_href = Phrase(href.substr(0, kMaxPhraseBytes));
  if (href.size() >= 7 && Phrase(href.substr(0, 7)) == "mailto") return IsApplyMail(href);
  if (ContainsWords(lowered_href, "initiativbewerbung")) return false;
  for (std::string_view word :
       {"apply", "bewerben", "bewerbung", "application", "bewerbungsformular"}) {
    if (ContainsWords(lowered_href, word)) return true;
  }
  return false;
}

bool AsksForApplications(std::string_view text) { return ContainsAny(Phrase(text), kAskPhrases); }

bool SaysAdIsGone(std::string_view text) { return ContainsAny(Phrase(text), kGonePhrases); }

bool NamesAnAd(std::string_view text) {
  const std::string phrase = Phrase(text.substr(0, kMaxHeadingBytes));
  for (std::string_view words :
       {"stellenangebot", "stellenanzeige", "stellenausschreibung", "job id", "jobid", "kennziffer",
        "referenznummer", "stellen id", "requisition id"}) {
    if (ContainsWords(phrase, words)) return true;
  }
  return false;
}

Label LabelOf(std::string_view text) {
  if (text.size() > kMaxLabelBytes) return Label::kNone;
  const std::string phrase = Phrase(text);
  for (const LabelWords& words : kLabels) {
    if (phrase == words.phrase) return words.label;
  }
  return Label::kNone;
}

}  // namespace jobcrawler::parsers::internal
