#include "parsers/normalize/place_tables.h"

#include <array>

#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers::internal {
namespace {

struct Entry {
  std::string_view key;
  std::string_view value;
};

// Germany's neighbours and the countries postings around Hagen name most.
constexpr std::array kCountries = {
    Entry{"deutschland", "DE"},
    Entry{"germany", "DE"},
    Entry{"de", "DE"},
    Entry{"deu", "DE"},
    Entry{"ger", "DE"},
    Entry{"brd", "DE"},
    Entry{"bundesrepublikdeutschland", "DE"},
    Entry{"federalrepublicofgermany", "DE"},
    Entry{"oesterreich", "AT"},
    Entry{"austria", "AT"},
    Entry{"at", "AT"},
    Entry{"aut", "AT"},
    Entry{"schweiz", "CH"},
    Entry{"switzerland", "CH"},
    Entry{"suisse", "CH"},
    Entry{"svizzera", "CH"},
    Entry{"ch", "CH"},
    Entry{"che", "CH"},
    Entry{"niederlande", "NL"},
    Entry{"netherlands", "NL"},
    Entry{"thenetherlands", "NL"},
    Entry{"nederland", "NL"},
    Entry{"holland", "NL"},
    Entry{"nl", "NL"},
    Entry{"nld", "NL"},
    Entry{"belgien", "BE"},
    Entry{"belgium", "BE"},
    Entry{"belgique", "BE"},
    Entry{"belgie", "BE"},
    Entry{"bel", "BE"},
    Entry{"luxemburg", "LU"},
    Entry{"luxembourg", "LU"},
    Entry{"lux", "LU"},
    Entry{"frankreich", "FR"},
    Entry{"france", "FR"},
    Entry{"fra", "FR"},
    Entry{"daenemark", "DK"},
    Entry{"denmark", "DK"},
    Entry{"danmark", "DK"},
    Entry{"dnk", "DK"},
    Entry{"polen", "PL"},
    Entry{"poland", "PL"},
    Entry{"polska", "PL"},
    Entry{"pol", "PL"},
    Entry{"tschechien", "CZ"},
    Entry{"czechia", "CZ"},
    Entry{"czechrepublic", "CZ"},
    Entry{"tschechischerepublik", "CZ"},
    Entry{"cze", "CZ"},
    Entry{"italien", "IT"},
    Entry{"italy", "IT"},
    Entry{"italia", "IT"},
    Entry{"ita", "IT"},
    Entry{"spanien", "ES"},
    Entry{"spain", "ES"},
    Entry{"espana", "ES"},
    Entry{"esp", "ES"},
    Entry{"liechtenstein", "LI"},
    Entry{"lie", "LI"},
    Entry{"grossbritannien", "GB"},
    Entry{"vereinigteskoenigreich", "GB"},
    Entry{"unitedkingdom", "GB"},
    Entry{"greatbritain", "GB"},
    Entry{"england", "GB"},
    Entry{"uk", "GB"},
    Entry{"gbr", "GB"},
    Entry{"irland", "IE"},
    Entry{"ireland", "IE"},
    Entry{"irl", "IE"},
    Entry{"usa", "US"},
    Entry{"us", "US"},
    Entry{"unitedstates", "US"},
    Entry{"unitedstatesofamerica", "US"},
    Entry{"vereinigtestaaten", "US"},
    Entry{"schweden", "SE"},
    Entry{"sweden", "SE"},
    Entry{"swe", "SE"},
    Entry{"norwegen", "NO"},
    Entry{"norway", "NO"},
    Entry{"nor", "NO"},
    Entry{"finnland", "FI"},
    Entry{"finland", "FI"},
    Entry{"fin", "FI"},
    Entry{"portugal", "PT"},
    Entry{"prt", "PT"},
};

constexpr std::array kRegions = {
    Entry{"nordrheinwestfalen", "Nordrhein-Westfalen"},
    Entry{"northrhinewestphalia", "Nordrhein-Westfalen"},
    Entry{"nrw", "Nordrhein-Westfalen"},
    Entry{"nw", "Nordrhein-Westfalen"},
    Entry{"bayern", "Bayern"},
    Entry{"bavaria", "Bayern"},
    Entry{"by", "Bayern"},
    Entry{"badenwuerttemberg", "Baden-Württemberg"},
    Entry{"badenwurttemberg", "Baden-Württemberg"},
    Entry{"bw", "Baden-Württemberg"},
    Entry{"berlin", "Berlin"},
    Entry{"be", "Berlin"},
    Entry{"brandenburg", "Brandenburg"},
    Entry{"bb", "Brandenburg"},
    Entry{"bremen", "Bremen"},
    Entry{"hb", "Bremen"},
    Entry{"hamburg", "Hamburg"},
    Entry{"hh", "Hamburg"},
    Entry{"hessen", "Hessen"},
    Entry{"hesse", "Hessen"},
    Entry{"he", "Hessen"},
    Entry{"mecklenburgvorpommern", "Mecklenburg-Vorpommern"},
    Entry{"mv", "Mecklenburg-Vorpommern"},
    Entry{"niedersachsen", "Niedersachsen"},
    Entry{"lowersaxony", "Niedersachsen"},
    Entry{"ni", "Niedersachsen"},
    Entry{"rheinlandpfalz", "Rheinland-Pfalz"},
    Entry{"rhinelandpalatinate", "Rheinland-Pfalz"},
    Entry{"rp", "Rheinland-Pfalz"},
    Entry{"saarland", "Saarland"},
    Entry{"sl", "Saarland"},
    Entry{"sachsen", "Sachsen"},
    Entry{"saxony", "Sachsen"},
    Entry{"sn", "Sachsen"},
    Entry{"sachsenanhalt", "Sachsen-Anhalt"},
    Entry{"saxonyanhalt", "Sachsen-Anhalt"},
    Entry{"st", "Sachsen-Anhalt"},
    Entry{"schleswigholstein", "Schleswig-Holstein"},
    Entry{"sh", "Schleswig-Holstein"},
    Entry{"thueringen", "Thüringen"},
    Entry{"thuringen", "Thüringen"},
    Entry{"thuringia", "Thüringen"},
    Entry{"th", "Thüringen"},
};

std::string_view Find(const auto& table, std::string_view key) {
  for (const Entry& entry : table) {
    if (entry.key == key) return entry.value;
  }
  return "";
}

}  // namespace

std::string LookupKey(std::string_view text) {
  std::string key;
  for (char c : FoldForMatching(text)) {
    if (IsAsciiLower(c)) key.push_back(c);
  }
  return key;
}

std::string_view CountryFromKey(std::string_view key) {
  return Find(kCountries, key);
}

std::string_view RegionFromKey(std::string_view key) {
  return Find(kRegions, key);
}

bool IsAmbiguousRegionCode(std::string_view key) {
  for (std::string_view code :
       {"by", "bw", "be", "bb", "ni", "sl", "sn", "st", "sh", "th", "mv"}) {
    if (key == code) return true;
  }
  return false;
}

}  // namespace jobcrawler::parsers::internal
