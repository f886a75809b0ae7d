// The shipped [match] title lists. The pattern language is described in
// parsers/matcher.h; every choice below is pinned by tests/parsers and by the
// evaluation set tests/data/matcher_eval.tsv.
#include <string>
#include <vector>

#include "parsers/match/matcher.h"

namespace jobcrawler::parsers {

std::vector<std::string> MatchRules::DefaultTitles() {
  return {
      // "Leiter IT", "Leiter der IT", "Abteilungsleiterin IT-Infrastruktur",
      // "Leitung EDV", "Bereichsleitung Informationstechnik",
      // "Head of Corporate IT", "Director of IT", "VP IT", "Teamlead IT",
      // "Leiter Rechenzentrum".
      "*leiter*|*leitung|head|director|direktor*|vp|svp|teamlead*|leader "
      "... it|edv|iuk|ikt|ict|itk|rz|informatik|informationstechnik|"
      "informationstechnologie*|informationsverarbeitung|datenverarbeitung|"
      "rechenzentrum*|rechenzentren",
      // "Leitung des Fachbereichs für Organisation und IT": the unit named
      // first, its subjects after "für".
      "*leiter*|*leitung ... amt|amtes|abteilung|fachbereich|fachbereichs|"
      "bereich|bereichs|fachdienst|fachdienstes|referat|referats|dezernat|"
      "dezernats fuer ... it|edv|iuk|itk|informationstechnik|"
      "informationstechnologie*",
      "*leiter*|*leitung|head|director|direktor* ... "
      "informations und *kommunikationstechnik",
      "team lead* ... it|edv",
      // "IT-Leiter", "EDV-Leiterin", "IT-Abteilungsleiter", "IT-Leitung",
      // "IT Director", "IT-Direktor", "IT-Chef", "IT Lead", "IT-Manager".
      "it|edv|iuk|ikt|ict|itk|rz *leiter*|*leitung|director|direktor*|chef*|lead|"
      "leader|teamlead*|manager*|verantwortliche*",
      "it|edv und|and *leiter*|*leitung",
      "it ... director|direktor*",
      "it team lead*",
      "it site|standort|country manager*",
      "informatikleiter*|edvleiter*|itleiter*",
      // "Rechenzentrumsleiter", "Rechenzentrumsleitung".
      "rechenzentrumsleit*",
      // "Head of Information Technology", "Information Technology Manager".
      "*leiter*|*leitung|head|director|direktor*|vp|president|manager* ... "
      "information technology|technologies",
      "information technology manager*|director|head|lead|leader",
      "vice president ... it",
      "manager it",
      // The C-level title in its variants.
      "cio",
      "chief ... information officer",
      "chief information and|digital ... officer",
  };
}

std::vector<std::string> MatchRules::DefaultExcludeTitles() {
  return {
      // Students, trainees, apprentices, interns.
      "werkstudent*", "working student*", "praktik*", "praxissemester",
      "intern", "internship", "trainee*", "azubi*", "auszubildende*",
      "ausbildung*", "duales studium", "dual* student*", "studentische*",
      "abschlussarbeit", "bachelorarbeit", "masterarbeit", "thesis",
      "volontaer*",
      // Assistants and staff of a leader, not the leader.
      "*assistenz*", "*assistent*", "assistant*", "sekret*", "referent*",
      // Project leads and IT specialists called "manager".
      "*projektleit*", "*projektmanag*", "project manag*", "project lead*",
      // Leads of functions that sell, buy, teach, support or control IT, and
      // of branches of IT companies: not the lead of an IT organisation.
      "*vertrieb*", "sales", "*verkauf*", "account*", "business development",
      "*marketing*", "*kunden*", "customer*",
      "recruit*", "*einkauf*", "procurement", "purchasing", "category*",
      "*schulung*", "*audit*", "*revision*", "*controlling*", "*compliance*",
      "niederlassungsleit*", "filialleit*",
      // Leads of neighbouring functions with IT in the title: presales,
      // the office of an IT department, teachers of the subject Informatik.
      "presale*", "pre sale*", "office manag*", "buero*",
      "lehrer*", "lehrkraft*", "lehrkraefte", "*studienrat*", "studienraetin*",
      "lehramt*", "fachleit*", "fachschaft*", "studienseminar*", "berufskolleg*",
      "gymnasium", "gesamtschule", "realschule", "grundschule", "hauptschule",
      "sekundarschule",
      // A leadership word or acronym inside another noun or a name: the
      // CIO's office or events and media named after CIOs, art directors,
      // the advertising lead of an IT magazine.
      "cio office|buero|magazin*|summit*|forum*|netzwerk*|network*|community|"
      "circle*|award*|konferenz*|kongress*|congress*|conference*|event*|club|"
      "roundtable|insider|report*|newsletter*|podcast*",
      "redakteur*", "redaktion*", "journalist*", "*magazin*", "*zeitschrift*",
      "art|creative director*", "anzeigen*",
      // Security leadership outside the IT line.
      "ciso", "chief information security officer",
      // Words that contain "leiter"/"leitung" without meaning a lead.
      "halbleiter*", "leiterplatte*", "*begleit*", "bauleit*",
  };
}

}  // namespace jobcrawler::parsers
