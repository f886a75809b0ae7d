// The demo board's content: 48 invented job ads around Hagen (Westf.).
//
// Every company, street address and ad text is invented. Descriptions are
// assembled from a few templates per kind of job plus two per-job sentences
// (what the employer does, what the job focuses on) to keep this file small.
// Nine ads are IT leadership in Hagen (expected matches); the rest are hard
// negatives (IT leadership in Dortmund, Kopenhagen, Hagenow, Hagen im
// Bremischen, Hagen a.T.W.; non-IT leadership or IT without leadership in
// Hagen) and ordinary jobs in the surrounding towns.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/demo/demo_board.h"

namespace jobcrawler::app {
namespace {

// Which description templates an ad uses.
enum class Kind { kItLead, kItStaff, kLead, kCare, kTrade, kOffice, kTraining };

struct Row {
  int id;
  std::string_view title;
  std::string_view company;
  std::string_view street;
  std::string_view postal_code;
  std::string_view locality;
  std::string_view region;
  std::string_view country;
  double salary_min;  // 0: no salary stated
  double salary_max;
  std::string_view salary_currency;
  std::string_view salary_period;
  std::string_view employment_type;
  std::string_view date_posted;
  std::string_view valid_through;
  Kind kind;
  std::string_view about;  // one sentence on the employer
  std::string_view focus;  // a phrase completing "Schwerpunkte sind ..."
  bool expected_match;
  DemoMarkup markup;
};

constexpr std::string_view kNrw = "Nordrhein-Westfalen";
constexpr std::string_view kFull = "FULL_TIME";
constexpr std::string_view kPart = "PART_TIME";
constexpr DemoMarkup kLd = DemoMarkup::kJsonLd;
constexpr DemoMarkup kGraph = DemoMarkup::kJsonLdGraph;
constexpr DemoMarkup kArray = DemoMarkup::kJsonLdArray;
constexpr DemoMarkup kMicro = DemoMarkup::kMicrodata;

// Newest first: this is the listing order. One ad per entry, so no wrapping.
// clang-format off
const Row kRows[] = {
    {2417, "IT-Leiter (m/w/d)", "Märkische Stahlbau GmbH", "Eckeseyer Straße 118", "58089", "Hagen", kNrw, "DE", 85000, 105000, "EUR", "YEAR", kFull, "2026-11-28", "2027-01-15", Kind::kItLead,
     "Als mittelständischer Stahlbauer mit rund 280 Beschäftigten fertigen wir Hallen, Brücken und Sonderkonstruktionen für Kunden in ganz Europa.",
     "die Ablösung unseres alten ERP-Systems und der Aufbau einer belastbaren Backup-Strategie", true, kLd},
    {2416, "Gesundheits- und Krankenpfleger (m/w/d)", "Evangelisches Klinikum Volmeaue gGmbH", "Buscheystraße 40", "58097", "Hagen", kNrw, "DE", 3600, 4300, "EUR", "MONTH", kFull, "2026-11-28", "2027-01-31", Kind::kCare,
     "Unser Klinikum versorgt mit 420 Betten und 14 Fachabteilungen jährlich über 20.000 stationäre Patientinnen und Patienten.",
     "die Versorgung auf unserer internistischen Station sowie die Mitarbeit bei Visiten", false, kLd},
    {2415, "Leiter IT & Digitalisierung (w/m/d)", "Volmetal Armaturen GmbH & Co. KG", "Wehringhauser Straße 34", "58089", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-27", "2027-01-10", Kind::kItLead,
     "Seit über 90 Jahren entwickeln und fertigen wir Industriearmaturen, die in Wasserwerken und Chemieparks weltweit im Einsatz sind.",
     "die Digitalisierung unserer Fertigungsprozesse und die Einführung eines Dokumentenmanagementsystems", true, kGraph},
    {2414, "IT-Leiter (m/w/d)", "Phoenix-See Datenlogistik GmbH", "Hörder Hafenstraße 7", "44137", "Dortmund", kNrw, "DE", 90000, 110000, "EUR", "YEAR", kFull, "2026-11-27", "2027-01-20", Kind::kItLead,
     "Wir betreiben Rechenzentrumsflächen und Logistiksoftware für Handelsunternehmen im Ruhrgebiet.",
     "der Betrieb von zwei Rechenzentren und die Zertifizierung nach ISO 27001", false, kMicro},
    {2413, "Leiter Vertrieb (m/w/d)", "Hagener Federnwerk Brinkmann GmbH", "Frankfurter Straße 81", "58095", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-26", "2027-01-15", Kind::kLead,
     "Wir stellen technische Federn und Stanzbiegeteile für die Automobil- und Hausgeräteindustrie her.",
     "der Ausbau unseres Geschäfts mit Kunden in Skandinavien und die Führung von acht Außendienstmitarbeitenden", false, kLd},
    {2412, "Head of IT (all genders)", "Lennebogen Logistik GmbH", "Im Langen Teil 9", "58119", "Hagen-Hohenlimburg", kNrw, "DE", 95000, 120000, "EUR", "YEAR", kFull, "2026-11-26", "2027-01-31", Kind::kItLead,
     "Von unserem Standort in Hohenlimburg aus steuern wir Kontraktlogistik für 60 Kunden mit sechs Lagern in Südwestfalen.",
     "die Modernisierung unseres Lagerverwaltungssystems und die Führung eines zwölfköpfigen Teams", true, kArray},
    {2411, "Systemadministrator (m/w/d)", "Volmetal Armaturen GmbH & Co. KG", "Wehringhauser Straße 34", "58089", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-25", "2027-01-10", Kind::kItStaff,
     "Seit über 90 Jahren entwickeln und fertigen wir Industriearmaturen, die in Wasserwerken und Chemieparks weltweit im Einsatz sind.",
     "die Betreuung unserer Windows-Server, des Active Directory und der VMware-Umgebung", false, kMicro},
    {2410, "Head of IT (m/w/d)", "Nordlys Shipping A/S", "Havnegade 41", "1058", "Kopenhagen", "Hovedstaden", "DK", 950000, 1150000, "DKK", "YEAR", kFull, "2026-11-25", "2027-01-05", Kind::kItLead,
     "Als Reederei mit 35 Schiffen verbinden wir Häfen in Nordeuropa; unsere Landorganisation sitzt in Kopenhagen.",
     "die IT-Ausstattung unserer Flotte und die Zusammenarbeit mit unseren Büros in Hamburg und Göteborg", false, kLd},
    {2409, "Leitung der IT-Abteilung (m/w/d)", "Evangelisches Klinikum Volmeaue gGmbH", "Buscheystraße 40", "58095", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-24", "2027-01-31", Kind::kItLead,
     "Unser Klinikum versorgt mit 420 Betten und 14 Fachabteilungen jährlich über 20.000 stationäre Patientinnen und Patienten.",
     "die Umsetzung der Vorgaben aus dem Krankenhauszukunftsgesetz und die Einführung der digitalen Patientenakte", true, kMicro},
    {2408, "Elektriker (m/w/d) Gebäudetechnik", "Ennepe Elektro Schulte GmbH", "Mittelstraße 12", "58285", "Gevelsberg", kNrw, "DE", 18.5, 22, "EUR", "HOUR", kFull, "2026-11-24", "2026-12-31", Kind::kTrade,
     "Unser Familienbetrieb mit 45 Monteuren plant und installiert Elektrotechnik für Gewerbebauten im Ennepe-Ruhr-Kreis.",
     "Installationen in Neubauten sowie Wartung und Prüfung nach DGUV V3", false, kLd},
    {2407, "Leiter IT (m/w/d)", "Griese Landtechnik GmbH", "Steegener Chaussee 3", "19230", "Hagenow", "Mecklenburg-Vorpommern", "DE", 0, 0, "", "", kFull, "2026-11-23", "2027-01-15", Kind::kItLead,
     "Wir verkaufen und warten Landmaschinen an acht Standorten zwischen Schwerin und Ludwigslust.",
     "die Vernetzung unserer Werkstätten und die Einführung einer neuen Händlersoftware", false, kGraph},
    {2406, "Buchhalter (m/w/d)", "Harkort Treuhand Steuerberatungsgesellschaft mbH", "Kaiserstraße 55", "58300", "Wetter (Ruhr)", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-23", "2027-01-15", Kind::kOffice,
     "Wir betreuen mit 30 Mitarbeitenden mittelständische Mandanten aus Handwerk, Handel und Industrie.",
     "die Finanzbuchhaltung für mehrere Mandanten und die Vorbereitung der Jahresabschlüsse", false, kLd},
    {2405, "Softwareentwickler C++ (m/w/d)", "Sensorik Emst GmbH", "Haßleyer Straße 19", "58093", "Hagen", kNrw, "DE", 62000, 78000, "EUR", "YEAR", kFull, "2026-11-22", "2027-01-20", Kind::kItStaff,
     "Wir entwickeln Messsysteme für die Prozessindustrie – von der Elektronik bis zur Auswertesoftware.",
     "die Weiterentwicklung unserer Auswertesoftware in C++20 unter Linux", false, kArray},
    {2404, "CIO / Leiter Informationstechnik (m/w/d)", "Hasper Kaltwalzwerk AG", "Berliner Straße 102", "58135", "Hagen", kNrw, "DE", 120000, 145000, "EUR", "YEAR", kFull, "2026-11-22", "2027-01-31", Kind::kItLead,
     "Mit 900 Beschäftigten walzen wir Präzisionsbandstahl für Automobilzulieferer und Werkzeughersteller.",
     "die IT-Strategie der gesamten Unternehmensgruppe und die Absicherung unserer Produktionsnetze", true, kLd},
    {2403, "Pflegefachkraft (m/w/d) Intensivstation", "Klinik am Ardey Herdecke gGmbH", "Gerhard-Kienle-Weg 8", "58313", "Herdecke", kNrw, "DE", 3900, 4700, "EUR", "MONTH", kFull, "2026-11-21", "2027-01-31", Kind::kCare,
     "Unsere Klinik verbindet Schulmedizin mit einem ganzheitlichen Pflegeverständnis.",
     "die Versorgung beatmeter Patientinnen und Patienten auf unserer interdisziplinären Intensivstation", false, kLd},
    {2402, "Werkstudent IT-Leitung (m/w/d)", "Märkische Stahlbau GmbH", "Eckeseyer Straße 118", "58089", "Hagen", kNrw, "DE", 15, 15, "EUR", "HOUR", kPart, "2026-11-21", "2027-01-15", Kind::kItStaff,
     "Als mittelständischer Stahlbauer mit rund 280 Beschäftigten fertigen wir Hallen, Brücken und Sonderkonstruktionen für Kunden in ganz Europa.",
     "die Unterstützung unseres IT-Leiters bei Projekten, Dokumentation und Lizenzverwaltung (15–20 Stunden pro Woche)", false, kGraph},
    {2401, "IT-Leitung (m/w/d)", "Geestland Fleischwaren GmbH", "Industriestraße 14", "27628", "Hagen im Bremischen", "Niedersachsen", "DE", 0, 0, "", "", kFull, "2026-11-20", "2027-01-10", Kind::kItLead,
     "Wir produzieren Wurst- und Schinkenspezialitäten für den norddeutschen Lebensmittelhandel.",
     "die Betreuung unserer Warenwirtschaft und die Anbindung der Produktionslinien", false, kLd},
    {2400, "Leiter Controlling (m/w/d)", "Volme Energie Service GmbH", "Körnerstraße 44", "58097", "Hagen", kNrw, "DE", 80000, 95000, "EUR", "YEAR", kFull, "2026-11-20", "2027-01-15", Kind::kLead,
     "Wir erbringen kaufmännische und technische Dienstleistungen für Stadtwerke in Südwestfalen.",
     "die Unternehmensplanung, das Berichtswesen an die Geschäftsführung und die Führung von fünf Controllern", false, kLd},
    {2399, "Industriemechaniker (m/w/d)", "Rahmede Präzisionsteile GmbH", "Altenaer Straße 210", "58507", "Lüdenscheid", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-19", "2026-12-31", Kind::kTrade,
     "Wir fertigen Dreh- und Frästeile in Serie für Kunden aus dem Maschinenbau.",
     "Wartung und Instandsetzung unserer CNC-Bearbeitungszentren im Dreischichtbetrieb", false, kArray},
    {2398, "Abteilungsleiter IT-Infrastruktur (m/w/d)", "Südwestfälische Versicherungsdienste GmbH", "Bergischer Ring 60", "58097", "Hagen", kNrw, "DE", 6400, 7300, "EUR", "MONTH", kFull, "2026-11-19", "2027-01-20", Kind::kItLead,
     "Als Dienstleister für regionale Versicherungsvereine betreiben wir Bestandsführung und Schadenbearbeitung für 400.000 Verträge.",
     "Netzwerk, Server, Storage und Arbeitsplätze sowie die Führung von neun Administratorinnen und Administratoren", true, kGraph},
    {2397, "Mitarbeiter IT-Support (m/w/d)", "Hasper Kaltwalzwerk AG", "Berliner Straße 102", "58135", "Hagen", kNrw, "DE", 3300, 3900, "EUR", "MONTH", kFull, "2026-11-18", "2027-01-15", Kind::kItStaff,
     "Mit 900 Beschäftigten walzen wir Präzisionsbandstahl für Automobilzulieferer und Werkzeughersteller.",
     "der First- und Second-Level-Support für 600 Arbeitsplätze und die Pflege unseres Ticketsystems", false, kLd},
    {2396, "Leiter Produktion (m/w/d)", "Lenne Galvanik GmbH", "Oeger Straße 27", "58119", "Hagen-Hohenlimburg", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-18", "2027-01-31", Kind::kLead,
     "Wir veredeln Metalloberflächen für die Automobil-, Möbel- und Sanitärindustrie.",
     "die Steuerung von drei Galvaniklinien mit 70 Mitarbeitenden und die kontinuierliche Verbesserung", false, kLd},
    {2395, "Teamleiter IT-Service (m/w/d)", "Ruhrtal Wohnen eG", "Ruhrstraße 30", "58452", "Witten", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-17", "2027-01-15", Kind::kItLead,
     "Unsere Genossenschaft bewirtschaftet rund 5.000 Wohnungen in Witten und Umgebung.",
     "der Service Desk für 150 Mitarbeitende und die Einführung einer Mieter-App", false, kLd},
    {2394, "Ausbildung Fachinformatiker für Systemintegration (m/w/d) 2027", "Rechenzentrum Volme eG", "Feithstraße 150", "58093", "Hagen", kNrw, "DE", 1100, 1250, "EUR", "MONTH", kFull, "2026-11-17", "2027-03-31", Kind::kTraining,
     "Wir betreiben IT-Dienste für Genossenschaften und Kommunen in Südwestfalen.",
     "Netzwerke, Server und Clients – Sie durchlaufen alle Teams unseres Rechenzentrums", false, kArray},
    {2393, "Personalleiter (m/w/d)", "Hagener Federnwerk Brinkmann GmbH", "Frankfurter Straße 81", "58095", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-16", "2027-01-15", Kind::kLead,
     "Wir stellen technische Federn und Stanzbiegeteile für die Automobil- und Hausgeräteindustrie her.",
     "Personalgewinnung, Tarifthemen und die Zusammenarbeit mit dem Betriebsrat", false, kLd},
    {2392, "Assistenz der IT-Leitung (m/w/d)", "Südwestfälische Versicherungsdienste GmbH", "Bergischer Ring 60", "58097", "Hagen", kNrw, "DE", 0, 0, "", "", kPart, "2026-11-16", "2027-01-10", Kind::kOffice,
     "Als Dienstleister für regionale Versicherungsvereine betreiben wir Bestandsführung und Schadenbearbeitung für 400.000 Verträge.",
     "die Organisation des Bereichs IT, Terminkoordination, Vertragsverwaltung und Protokolle", false, kLd},
    {2391, "Teamleiter IT-Betrieb (m/w/d)", "Rechenzentrum Volme eG", "Feithstraße 150", "58093", "Hagen", kNrw, "DE", 5200, 6100, "EUR", "MONTH", kFull, "2026-11-15", "2027-01-31", Kind::kItLead,
     "Wir betreiben IT-Dienste für Genossenschaften und Kommunen in Südwestfalen.",
     "der 24/7-Betrieb unserer Plattformen, Bereitschaftsplanung und die Führung von sieben Operatoren", true, kLd},
    {2390, "IT-Leiter (m/w/d)", "Schwerter Drahtwerk Kämper GmbH", "Hagener Straße 88", "58239", "Schwerte", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-15", "2027-01-15", Kind::kItLead,
     "Wir ziehen Stahldraht für Federn, Seile und Befestigungstechnik und beschäftigen 350 Menschen.",
     "die Erneuerung der Netzwerkinfrastruktur und die Umstellung auf SAP S/4HANA", false, kGraph},
    {2389, "Kaufmann für Büromanagement (m/w/d)", "Boeler Bauunternehmung Hesse GmbH", "Schwerter Straße 150", "58099", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-14", "2026-12-31", Kind::kOffice,
     "Wir bauen seit drei Generationen Wohn- und Gewerbeimmobilien in Hagen und im Ennepe-Ruhr-Kreis.",
     "die Auftragsabwicklung, Rechnungsprüfung und die Betreuung unserer Baustellenkoordination", false, kLd},
    {2388, "Leiter Informationstechnik (m/w/d)", "Iserlohner Kunststoffwerke Baumann GmbH", "Baarstraße 77", "58636", "Iserlohn", kNrw, "DE", 88000, 100000, "EUR", "YEAR", kFull, "2026-11-14", "2027-01-20", Kind::kItLead,
     "Wir spritzen technische Kunststoffteile für Elektro- und Medizintechnik.",
     "die Konsolidierung von drei Standorten auf eine gemeinsame IT-Plattform", false, kLd},
    {2387, "Pflegedienstleitung (m/w/d)", "Seniorenzentrum Am Quambusch gGmbH", "Quambusch 21", "58135", "Hagen", kNrw, "DE", 4800, 5600, "EUR", "MONTH", kFull, "2026-11-13", "2027-01-31", Kind::kLead,
     "Unser Haus bietet 110 Seniorinnen und Senioren ein Zuhause mit vollstationärer Pflege und Tagespflege.",
     "die Leitung des Pflegeteams mit 60 Mitarbeitenden und die Qualitätssicherung nach den MDK-Richtlinien", false, kArray},
    {2386, "IT-Leiterin / IT-Leiter", "Genossenschaftliche Wohnbau Hagen eG", "Elberfelder Straße 63", "58095", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-13", "2027-01-15", Kind::kItLead,
     "Unsere Genossenschaft bewirtschaftet 7.200 Wohnungen in allen Hagener Stadtteilen.",
     "die Einführung eines neuen ERP-Systems für die Wohnungswirtschaft und die Digitalisierung der Mieterkommunikation", true, kMicro},
    {2385, "Data Engineer (m/w/d)", "Phoenix-See Datenlogistik GmbH", "Hörder Hafenstraße 7", "44227", "Dortmund", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-12", "2027-01-15", Kind::kItStaff,
     "Wir betreiben Rechenzentrumsflächen und Logistiksoftware für Handelsunternehmen im Ruhrgebiet.",
     "der Aufbau von Datenstrecken für Lager- und Transportdaten mit Python und SQL", false, kLd},
    {2384, "Altenpfleger (m/w/d)", "Diakoniestation Wetter-Herdecke e.V.", "Bismarckstraße 18", "58300", "Wetter (Ruhr)", kNrw, "DE", 0, 0, "", "", kPart, "2026-11-12", "2027-01-31", Kind::kCare,
     "Unsere ambulanten Pflegeteams betreuen 400 Menschen in Wetter und Herdecke zu Hause.",
     "die ambulante Grund- und Behandlungspflege mit festen Touren und Dienstwagen", false, kLd},
    {2383, "IT-Projektleiter SAP (m/w/d)", "Lenne Galvanik GmbH", "Oeger Straße 27", "58119", "Hagen-Hohenlimburg", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-11", "2027-01-15", Kind::kItStaff,
     "Wir veredeln Metalloberflächen für die Automobil-, Möbel- und Sanitärindustrie.",
     "die Einführung von SAP-Modulen für Materialwirtschaft und Qualitätsmanagement", false, kGraph},
    {2382, "Sachbearbeiter Lohn und Gehalt (m/w/d)", "Iserlohner Kunststoffwerke Baumann GmbH", "Baarstraße 77", "58636", "Iserlohn", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-11", "2026-12-31", Kind::kOffice,
     "Wir spritzen technische Kunststoffteile für Elektro- und Medizintechnik.",
     "die Entgeltabrechnung für 450 Beschäftigte und die Meldungen an Sozialversicherungsträger", false, kLd},
    {2381, "IT-Leiter (m/w/d)", "Teutoburger Möbelbeschläge GmbH", "Natruper Straße 5", "49170", "Hagen a.T.W.", "Niedersachsen", "DE", 0, 0, "", "", kFull, "2026-11-10", "2027-01-10", Kind::kItLead,
     "Wir entwickeln Scharniere und Auszugssysteme für die Küchenmöbelindustrie.",
     "die Betreuung der Fertigungs-IT und der Ausbau unserer Cloud-Dienste", false, kLd},
    {2380, "Anlagenmechaniker SHK (m/w/d)", "Haustechnik Emst Wiebe GmbH", "Emster Straße 44", "58093", "Hagen", kNrw, "DE", 19, 23.5, "EUR", "HOUR", kFull, "2026-11-10", "2026-12-31", Kind::kTrade,
     "Wir sind ein Meisterbetrieb für Heizung, Sanitär und Lüftung mit 25 Mitarbeitenden.",
     "der Einbau von Wärmepumpen und die Modernisierung von Bädern bei Privatkunden", false, kLd},
    {2379, "Bereichsleiter IT (m/w/d)", "Boeler Bauunternehmung Hesse GmbH", "Schwerter Straße 150", "58099", "Hagen", kNrw, "DE", 92000, 112000, "EUR", "YEAR", kFull, "2026-11-09", "2027-01-31", Kind::kItLead,
     "Wir bauen seit drei Generationen Wohn- und Gewerbeimmobilien in Hagen und im Ennepe-Ruhr-Kreis.",
     "die Vernetzung unserer Baustellen, BIM-Software und die Führung der Bereiche IT-Betrieb und Anwendungen", true, kArray},
    {2378, "Medizinische Fachangestellte (m/w/d)", "Hausarztpraxis am Ennepebogen", "Hagener Straße 210", "58285", "Gevelsberg", kNrw, "DE", 0, 0, "", "", kPart, "2026-11-09", "2026-12-31", Kind::kCare,
     "Unsere hausärztliche Gemeinschaftspraxis betreut Patientinnen und Patienten aller Altersgruppen.",
     "Empfang, Blutentnahmen, EKG und die Organisation unserer Sprechstunden", false, kLd},
    {2377, "Netzwerkadministrator (m/w/d)", "Rahmede Präzisionsteile GmbH", "Altenaer Straße 210", "58507", "Lüdenscheid", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-08", "2027-01-15", Kind::kItStaff,
     "Wir fertigen Dreh- und Frästeile in Serie für Kunden aus dem Maschinenbau.",
     "Switches, Firewalls und WLAN an zwei Standorten sowie die Anbindung unserer Maschinen", false, kLd},
    {2376, "Leiter IT-Infrastruktur (m/w/d)", "Bochumer Klinikverbund Service GmbH", "Universitätsstraße 140", "44789", "Bochum", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-08", "2027-01-31", Kind::kItLead,
     "Wir sind der zentrale Dienstleister für vier Krankenhäuser im mittleren Ruhrgebiet.",
     "Rechenzentrum, Netze und Medizingeräte-Anbindung für 6.000 Arbeitsplätze", false, kGraph},
    {2375, "Berufskraftfahrer CE (m/w/d)", "Lennebogen Logistik GmbH", "Im Langen Teil 9", "58119", "Hagen-Hohenlimburg", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-07", "2026-12-31", Kind::kTrade,
     "Von unserem Standort in Hohenlimburg aus steuern wir Kontraktlogistik für 60 Kunden mit sechs Lagern in Südwestfalen.",
     "Nahverkehrstouren in NRW mit täglicher Heimkehr", false, kLd},
    {2374, "Erzieher (m/w/d)", "Kita Regenbogen Herdecke e.V.", "Wetterstraße 9", "58313", "Herdecke", kNrw, "DE", 0, 0, "", "", kPart, "2026-11-06", "2027-01-31", Kind::kCare,
     "Unsere Elterninitiative betreut 55 Kinder im Alter von einem bis sechs Jahren.",
     "die Begleitung einer Gruppe von 20 Kindern und die Zusammenarbeit mit den Eltern", false, kLd},
    {2373, "Leiter Einkauf (m/w/d)", "Märkische Stahlbau GmbH", "Eckeseyer Straße 118", "58089", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-05", "2027-01-15", Kind::kLead,
     "Als mittelständischer Stahlbauer mit rund 280 Beschäftigten fertigen wir Hallen, Brücken und Sonderkonstruktionen für Kunden in ganz Europa.",
     "der strategische Einkauf von Stahl und Zukaufteilen und die Führung von vier Einkäufern", false, kLd},
    {2372, "Steuerfachangestellter (m/w/d)", "Harkort Treuhand Steuerberatungsgesellschaft mbH", "Körnerstraße 12", "58095", "Hagen", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-04", "2026-12-31", Kind::kOffice,
     "Wir betreuen mit 30 Mitarbeitenden mittelständische Mandanten aus Handwerk, Handel und Industrie.",
     "Steuererklärungen, Lohnbuchhaltung und die Betreuung eines eigenen Mandantenstamms", false, kArray},
    {2371, "Verkäufer (m/w/d)", "Bäckerei Ruhrtaler Backstube GmbH", "Bahnhofstraße 50", "58452", "Witten", kNrw, "DE", 14, 15.5, "EUR", "HOUR", kPart, "2026-11-03", "2026-12-31", Kind::kOffice,
     "Unsere Handwerksbäckerei backt täglich frisch für 14 Filialen zwischen Witten und Hagen.",
     "Beratung und Verkauf an der Theke sowie die Zubereitung von Snacks", false, kLd},
    {2370, "Elektroniker für Betriebstechnik (m/w/d)", "Iserlohner Kunststoffwerke Baumann GmbH", "Baarstraße 77", "58636", "Iserlohn", kNrw, "DE", 0, 0, "", "", kFull, "2026-11-02", "2026-12-31", Kind::kTrade,
     "Wir spritzen technische Kunststoffteile für Elektro- und Medizintechnik.",
     "Fehlersuche an Spritzgießmaschinen, SPS-Programmierung und vorbeugende Instandhaltung", false, kLd},
};
// clang-format on

std::string_view IntroTemplate(int variant) {
  switch (variant % 3) {
    case 0:
      return "Die {company} sucht für den Standort {locality} zum nächstmöglichen Zeitpunkt "
             "Verstärkung als {title}. {about}";
    case 1:
      return "{about} Für unser Team in {locality} suchen wir ab sofort eine Persönlichkeit als "
             "{title}.";
    default:
      return "Sie möchten etwas bewegen? Die {company} in {locality} besetzt die Position {title} – "
             "gern auch kurzfristig. {about}";
  }
}

std::string_view TasksTemplate(Kind kind) {
  switch (kind) {
    case Kind::kItLead:
      return "Ihre Aufgaben: Sie verantworten die IT des Unternehmens fachlich und disziplinarisch "
             "und berichten direkt an die Geschäftsführung. Schwerpunkte sind {focus}. Sie steuern "
             "Budget, Dienstleister und Projekte und sorgen für Informationssicherheit und einen "
             "stabilen Betrieb.";
    case Kind::kItStaff:
      return "Ihre Aufgaben: Schwerpunkte sind {focus}. Sie arbeiten eng mit den Fachabteilungen "
             "zusammen, dokumentieren Ihre Lösungen sorgfältig und bringen eigene Ideen zur "
             "Verbesserung ein.";
    case Kind::kLead:
      return "Ihre Aufgaben: Sie führen Ihren Bereich eigenverantwortlich und berichten an die "
             "Geschäftsführung. Schwerpunkte sind {focus}. Sie setzen Ziele, entwickeln Ihr Team "
             "weiter und vertreten den Bereich gegenüber Kunden und Partnern.";
    case Kind::kCare:
      return "Ihre Aufgaben: Schwerpunkte sind {focus}. Sie arbeiten in einem festen, kollegialen "
             "Team, dokumentieren Ihre Arbeit digital und bringen sich in die Weiterentwicklung "
             "unserer Abläufe ein.";
    case Kind::kTrade:
      return "Ihre Aufgaben: Schwerpunkte sind {focus}. Sie arbeiten selbstständig nach Plänen und "
             "Vorgaben, halten die Arbeitssicherheit ein und unterstützen bei der Einarbeitung "
             "neuer Kolleginnen und Kollegen.";
    case Kind::kOffice:
      return "Ihre Aufgaben: Schwerpunkte sind {focus}. Sie sind Ansprechpartner für Kolleginnen, "
             "Kollegen und Externe und arbeiten strukturiert und zuverlässig.";
    case Kind::kTraining:
      return "Das erwartet Sie: Während Ihrer dreijährigen Ausbildung lernen Sie {focus}. Die "
             "Berufsschule besuchen Sie im Blockunterricht, und eine feste Ausbilderin begleitet "
             "Sie.";
  }
  return "";
}

std::string_view ProfileTemplate(Kind kind) {
  switch (kind) {
    case Kind::kItLead:
      return "Ihr Profil: ein abgeschlossenes Studium der Informatik, Wirtschaftsinformatik oder "
             "eine vergleichbare Qualifikation, mehrjährige Führungserfahrung in der IT, fundierte "
             "Kenntnisse in Infrastruktur, Anwendungen und IT-Sicherheit sowie "
             "verhandlungssicheres Deutsch.";
    case Kind::kItStaff:
      return "Ihr Profil: eine Ausbildung oder ein Studium im IT-Bereich, erste Berufserfahrung in "
             "einem vergleichbaren Umfeld, analytisches Denken und gute Deutsch- und "
             "Englischkenntnisse.";
    case Kind::kLead:
      return "Ihr Profil: ein einschlägiges Studium oder eine vergleichbare Ausbildung, "
             "mehrjährige Berufs- und Führungserfahrung, Durchsetzungsvermögen und ein "
             "kooperativer Führungsstil.";
    case Kind::kCare:
      return "Ihr Profil: eine abgeschlossene Ausbildung im Beruf, Einfühlungsvermögen, "
             "Zuverlässigkeit und Freude an der Arbeit mit Menschen.";
    case Kind::kTrade:
      return "Ihr Profil: eine abgeschlossene Berufsausbildung, handwerkliches Geschick, Teamgeist "
             "und einen Führerschein der Klasse B.";
    case Kind::kOffice:
      return "Ihr Profil: eine kaufmännische Ausbildung, sicherer Umgang mit MS Office und "
             "gängiger Branchensoftware sowie eine sorgfältige Arbeitsweise.";
    case Kind::kTraining:
      return "Ihr Profil: mindestens die Fachoberschulreife, Interesse an Technik und Computern, "
             "Lernbereitschaft und Freude an der Arbeit im Team.";
  }
  return "";
}

std::string_view OfferTemplate(int variant) {
  switch (variant % 4) {
    case 0:
      return "Wir bieten: ein unbefristetes Arbeitsverhältnis, 30 Tage Urlaub, flexible "
             "Arbeitszeiten, eine betriebliche Altersvorsorge und ein JobRad.";
    case 1:
      return "Wir bieten: eine sichere Stelle in einem wachsenden Unternehmen, Weiterbildung nach "
             "Ihren Wünschen, Zuschuss zum Deutschlandticket und kurze Entscheidungswege.";
    case 2:
      return "Wir bieten: eine leistungsgerechte Vergütung mit Urlaubs- und Weihnachtsgeld, "
             "Kantine, kostenlose Parkplätze und ein offenes, kollegiales Betriebsklima.";
    default:
      return "Wir bieten: mobiles Arbeiten nach Absprache, ein strukturiertes Onboarding, "
             "betriebliches Gesundheitsmanagement und regelmäßige Teamveranstaltungen.";
  }
}

// Replaces every "{name}" in `text` with `value`.
std::string Fill(std::string text, std::string_view name, std::string_view value) {
  const std::string key = "{" + std::string(name) + "}";
  for (std::size_t at = text.find(key); at != std::string::npos;
       at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

std::string Describe(const Row& row) {
  std::string intro(IntroTemplate(row.id));
  intro = Fill(Fill(Fill(Fill(std::move(intro), "company", row.company), "locality", row.locality),
                    "title", row.title),
               "about", row.about);
  std::string text =
      intro + "\n\n" + Fill(std::string(TasksTemplate(row.kind)), "focus", row.focus) + "\n\n" +
      std::string(ProfileTemplate(row.kind)) + "\n\n" + std::string(OfferTemplate(row.id));
  if (row.salary_min <= 0) {
    text +=
        " Bitte senden Sie uns Ihre Bewerbung mit Gehaltsvorstellung über unser Online-Formular.";
  } else {
    text += " Das Gehalt richtet sich nach Ihrer Erfahrung innerhalb der genannten Spanne.";
  }
  return text;
}

DemoJob ToJob(const Row& row) {
  DemoJob job;
  job.id = row.id;
  job.title = row.title;
  job.company = row.company;
  job.street = row.street;
  job.postal_code = row.postal_code;
  job.locality = row.locality;
  job.region = row.region;
  job.country = row.country;
  if (row.salary_min > 0) {
    job.salary_min = row.salary_min;
    job.salary_max = row.salary_max;
    job.salary_currency = row.salary_currency;
    job.salary_period = row.salary_period;
  }
  job.employment_type = row.employment_type;
  job.date_posted = row.date_posted;
  job.valid_through = row.valid_through;
  job.description = Describe(row);
  job.expected_match = row.expected_match;
  job.markup = row.markup;
  return job;
}

}  // namespace

const std::vector<DemoJob>& DemoJobs() {
  static const std::vector<DemoJob> jobs = [] {
    std::vector<DemoJob> built;
    for (const Row& row : kRows) built.push_back(ToJob(row));
    return built;
  }();
  return jobs;
}

}  // namespace jobcrawler::app
