// A small compiled-in gazetteer of towns around Hagen (Westphalia), used for
// the [match] radius_km option.
//
// Source and licence: the coordinates are approximate town-centre
// coordinates (two to three decimals, about +-1 km) and the postal-code
// ranges are the towns' publicly known codes, compiled by the jobcrawler
// project from general knowledge of these public facts; no third-party
// database was copied. Licence: the same as the project. Good enough to decide
// "within 25 km", not for navigation.
//
// Every function is pure and thread-safe; the tables are immutable.
#ifndef JOBCRAWLER_PARSERS_MATCH_GAZETTEER_H_
#define JOBCRAWLER_PARSERS_MATCH_GAZETTEER_H_

#include <span>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {

struct GazetteerTown {
  std::string_view name;  // display name: "Wetter (Ruhr)"
  // Folded names (see FoldForMatching) separated by '|': "wetter".
  std::string_view keys;
  double lat = 0;  // degrees north
  double lon = 0;  // degrees east
  int postal_first = 0;  // inclusive; a town's codes form one range
  int postal_last = 0;   // inclusive
};

// A part of a town that appears as a locality on its own ("Hohenlimburg").
struct GazetteerDistrict {
  std::string_view key;   // folded: "hohenlimburg"
  std::string_view town;  // GazetteerTown::name: "Hagen"
};

std::span<const GazetteerTown> GazetteerTowns();
std::span<const GazetteerDistrict> GazetteerDistricts();

// The town whose postal-code range holds `postal_code`, or nullptr.
const GazetteerTown* FindTownByPostalCode(int postal_code);

// The town one of whose keys equals the folded `name`, or nullptr.
const GazetteerTown* FindTownByName(std::string_view folded_name);

// Towns a folded locality names (see LocalityNames in region.h), districts
// resolved to their towns: "hagen haspe" -> Hagen, "hohenlimburg" -> Hagen.
std::vector<const GazetteerTown*> FindTownsInLocality(
    std::string_view folded_locality);

// Great-circle (haversine) distance in km on a sphere of radius 6371 km.
double DistanceKm(const GazetteerTown& a, const GazetteerTown& b);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_MATCH_GAZETTEER_H_
