// A realistic job-ad description for near-duplicate tests (invented text).
#ifndef JOBCRAWLER_TESTS_STORAGE_DESCRIPTION_FIXTURE_H_
#define JOBCRAWLER_TESTS_STORAGE_DESCRIPTION_FIXTURE_H_

#include <string>

namespace jobcrawler::storage::testing {

// About 110 words.
inline std::string LongDescription() {
  return "Die Muster GmbH ist ein mittelständisches Familienunternehmen aus Hagen mit rund "
         "vierhundert Mitarbeitenden an drei Standorten in Nordrhein-Westfalen. Zur Verstärkung "
         "unserer Verwaltung suchen wir eine erfahrene Führungskraft, die unsere IT strategisch "
         "weiterentwickelt. Ihre Aufgaben: Sie führen ein Team von zwölf Kolleginnen und Kollegen "
         "in den Bereichen Infrastruktur, Anwendungsbetreuung und Support. Sie verantworten das "
         "IT-Budget, steuern externe Dienstleister und treiben die Migration unserer "
         "ERP-Landschaft in die Cloud voran. Informationssicherheit nach ISO 27001 liegt in Ihrer "
         "Hand. Ihr Profil: abgeschlossenes Studium der Informatik oder eine vergleichbare "
         "Qualifikation, mehrjährige Führungserfahrung, sehr gute Deutschkenntnisse und "
         "Freude an der Zusammenarbeit mit den Fachbereichen. Wir bieten: unbefristete "
         "Anstellung, flexible Arbeitszeiten, zwei Tage mobiles Arbeiten pro Woche, "
         "betriebliche Altersvorsorge und ein Jobrad. Bewerbungen bitte an Frau Beispiel.";
}

// Another ad of the same company: same frame, different tasks.
inline std::string OtherDescription() {
  return "Die Muster GmbH ist ein mittelständisches Familienunternehmen aus Hagen. Für unser "
         "Lager in Schwelm suchen wir eine Schichtleitung, die Wareneingang, Kommissionierung "
         "und Versand organisiert, Staplerfahrerinnen und Staplerfahrer einteilt und die "
         "Einhaltung der Arbeitssicherheit überwacht. Sie planen Schichten, schulen neue "
         "Mitarbeitende und arbeiten eng mit Einkauf und Disposition zusammen. Erfahrung in "
         "der Logistik, ein Staplerschein und Organisationstalent setzen wir voraus. Wir "
         "bieten eine unbefristete Anstellung, Schichtzulagen, betriebliche Altersvorsorge "
         "und ein Jobrad. Bewerbungen bitte an Frau Beispiel.";
}

}  // namespace jobcrawler::storage::testing

#endif  // JOBCRAWLER_TESTS_STORAGE_DESCRIPTION_FIXTURE_H_
