#include "parsers/normalize/place_tables.h"

#include <array>

#include "parsers/normalize/text_fold.h"

namespace jobcrawler::parsers::internal {
namespace {

struct Entry {
  std::string_view key;
  std::string_view value;
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
