// The tables below were compiled by the jobcrawler project: approximate
// town-centre coordinates and postal-code ranges, public facts written down
// from general knowledge (no third-party database copied). Licence: same as
// the project. See gazetteer.h.
#include "parsers/match/gazetteer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "parsers/match/region.h"
#include "parsers/match/title_pattern.h"

namespace jobcrawler::parsers {
namespace {

constexpr double kEarthRadiusKm = 6371.0;

// Within roughly 50 km of Hagen, sorted by name.
constexpr auto kTowns = std::to_array<GazetteerTown>({
    {"Altena", "altena", 51.300, 7.670, 58762, 58762},
    {"Arnsberg", "arnsberg", 51.397, 8.064, 59755, 59823},
    {"Attendorn", "attendorn", 51.126, 7.902, 57439, 57439},
    {"Balve", "balve", 51.331, 7.865, 58802, 58802},
    {"Bergkamen", "bergkamen", 51.616, 7.644, 59192, 59192},
    {"Bochum", "bochum", 51.482, 7.216, 44787, 44894},
    {"Bönen", "boenen", 51.600, 7.758, 59199, 59199},
    {"Bottrop", "bottrop", 51.524, 6.929, 46236, 46244},
    {"Breckerfeld", "breckerfeld", 51.259, 7.468, 58339, 58339},
    {"Castrop-Rauxel", "castrop rauxel|castrop", 51.555, 7.311, 44575, 44581},
    {"Datteln", "datteln", 51.654, 7.343, 45711, 45711},
    {"Dorsten", "dorsten", 51.661, 6.965, 46282, 46286},
    {"Dortmund", "dortmund", 51.514, 7.466, 44135, 44388},
    {"Düsseldorf", "duesseldorf", 51.227, 6.774, 40210, 40629},
    {"Ennepetal", "ennepetal", 51.300, 7.363, 58256, 58256},
    {"Ense", "ense", 51.483, 7.983, 59469, 59469},
    {"Erkrath", "erkrath", 51.224, 6.908, 40699, 40699},
    {"Essen", "essen", 51.456, 7.012, 45127, 45359},
    {"Fröndenberg/Ruhr", "froendenberg", 51.471, 7.766, 58730, 58730},
    {"Gelsenkirchen", "gelsenkirchen", 51.517, 7.086, 45879, 45899},
    {"Gevelsberg", "gevelsberg", 51.320, 7.339, 58285, 58285},
    {"Gladbeck", "gladbeck", 51.571, 6.985, 45964, 45968},
    {"Gummersbach", "gummersbach", 51.027, 7.565, 51643, 51647},
    {"Haan", "haan", 51.193, 7.011, 42781, 42781},
    {"Hagen", "hagen", 51.360, 7.475, 58089, 58135},
    {"Haltern am See", "haltern am see|haltern", 51.743, 7.183, 45721, 45721},
    {"Halver", "halver", 51.187, 7.500, 58553, 58553},
    {"Hamm", "hamm", 51.681, 7.816, 59063, 59077},
    {"Hattingen", "hattingen", 51.399, 7.186, 45525, 45529},
    {"Heiligenhaus", "heiligenhaus", 51.326, 6.971, 42579, 42579},
    {"Hemer", "hemer", 51.386, 7.771, 58675, 58675},
    {"Herdecke", "herdecke", 51.400, 7.433, 58313, 58313},
    {"Herne", "herne", 51.538, 7.220, 44623, 44653},
    {"Herscheid", "herscheid", 51.179, 7.745, 58849, 58849},
    {"Herten", "herten", 51.595, 7.141, 45699, 45701},
    {"Holzwickede", "holzwickede", 51.500, 7.620, 59439, 59439},
    {"Hückeswagen", "hueckeswagen", 51.146, 7.345, 42499, 42499},
    {"Iserlohn", "iserlohn", 51.376, 7.696, 58636, 58644},
    {"Kamen", "kamen", 51.592, 7.665, 59174, 59174},
    {"Kierspe", "kierspe", 51.135, 7.590, 58566, 58566},
    {"Lüdenscheid", "luedenscheid", 51.219, 7.628, 58507, 58515},
    {"Lünen", "luenen", 51.616, 7.525, 44532, 44536},
    {"Marienheide", "marienheide", 51.083, 7.530, 51709, 51709},
    {"Marl", "marl", 51.656, 7.090, 45768, 45772},
    {"Meinerzhagen", "meinerzhagen", 51.107, 7.640, 58540, 58540},
    {"Menden (Sauerland)", "menden", 51.443, 7.778, 58706, 58710},
    {"Mettmann", "mettmann", 51.251, 6.977, 40822, 40822},
    {"Mülheim an der Ruhr", "muelheim an der ruhr|muelheim a d ruhr|muelheim ruhr",
     51.427, 6.883, 45468, 45481},
    {"Nachrodt-Wiblingwerde", "nachrodt wiblingwerde|nachrodt", 51.318, 7.617,
     58769, 58769},
    {"Neuenrade", "neuenrade", 51.283, 7.780, 58809, 58809},
    {"Oberhausen", "oberhausen", 51.470, 6.852, 46045, 46149},
    {"Oer-Erkenschwick", "oer erkenschwick", 51.642, 7.256, 45739, 45739},
    {"Plettenberg", "plettenberg", 51.210, 7.872, 58840, 58840},
    {"Radevormwald", "radevormwald", 51.203, 7.363, 42477, 42477},
    {"Ratingen", "ratingen", 51.297, 6.849, 40878, 40885},
    {"Recklinghausen", "recklinghausen", 51.614, 7.197, 45657, 45665},
    {"Remscheid", "remscheid", 51.179, 7.189, 42853, 42899},
    {"Schalksmühle", "schalksmuehle", 51.241, 7.523, 58579, 58579},
    {"Schwelm", "schwelm", 51.286, 7.294, 58332, 58332},
    {"Schwerte", "schwerte", 51.444, 7.565, 58239, 58239},
    {"Selm", "selm", 51.693, 7.475, 59379, 59379},
    {"Soest", "soest", 51.571, 8.106, 59494, 59494},
    {"Solingen", "solingen", 51.171, 7.083, 42651, 42719},
    {"Sprockhövel", "sprockhoevel", 51.366, 7.248, 45549, 45549},
    {"Sundern (Sauerland)", "sundern", 51.326, 8.004, 59846, 59846},
    {"Unna", "unna", 51.535, 7.689, 59423, 59427},
    {"Velbert", "velbert", 51.340, 7.043, 42549, 42555},
    {"Waltrop", "waltrop", 51.624, 7.395, 45731, 45731},
    {"Werdohl", "werdohl", 51.262, 7.761, 58791, 58791},
    {"Werl", "werl", 51.551, 7.914, 59457, 59457},
    {"Wermelskirchen", "wermelskirchen", 51.139, 7.216, 42929, 42929},
    {"Werne", "werne", 51.664, 7.633, 59368, 59368},
    {"Wetter (Ruhr)", "wetter", 51.388, 7.395, 58300, 58300},
    {"Wickede (Ruhr)", "wickede", 51.496, 7.866, 58739, 58739},
    {"Wipperfürth", "wipperfuerth", 51.116, 7.399, 51688, 51688},
    {"Witten", "witten", 51.443, 7.353, 58452, 58456},
    {"Wülfrath", "wuelfrath", 51.282, 7.039, 42489, 42489},
    {"Wuppertal", "wuppertal", 51.256, 7.151, 42103, 42399},
    // Smaller places near Hagen with their own postal code.
    {"Bergneustadt", "bergneustadt", 51.025, 7.651, 51702, 51702},
    {"Finnentrop", "finnentrop", 51.168, 7.968, 57413, 57413},
    {"Lennestadt", "lennestadt", 51.121, 8.068, 57368, 57368},
    {"Möhnesee", "moehnesee", 51.496, 8.131, 59519, 59519},
    {"Welver", "welver", 51.616, 7.960, 59514, 59514},
    {"Olfen", "olfen", 51.708, 7.381, 59399, 59399},
    {"Nordkirchen", "nordkirchen", 51.738, 7.525, 59394, 59394},
    {"Hilden", "hilden", 51.171, 6.938, 40721, 40724},
});

// Parts of towns that job boards give as the locality on their own.
constexpr auto kDistricts = std::to_array<GazetteerDistrict>({
    // Hagen
    {"altenhagen", "Hagen"}, {"ambrock", "Hagen"}, {"bathey", "Hagen"},
    {"berchum", "Hagen"}, {"boele", "Hagen"}, {"dahl", "Hagen"},
    {"delstern", "Hagen"}, {"eckesey", "Hagen"}, {"eilpe", "Hagen"},
    {"elsey", "Hagen"}, {"emst", "Hagen"}, {"eppenhausen", "Hagen"},
    {"fley", "Hagen"}, {"garenfeld", "Hagen"}, {"halden", "Hagen"},
    {"haspe", "Hagen"}, {"helfe", "Hagen"}, {"hengstey", "Hagen"},
    {"henkhausen", "Hagen"}, {"herbeck", "Hagen"}, {"hohenlimburg", "Hagen"},
    {"holthausen", "Hagen"}, {"kabel", "Hagen"}, {"kuhlerkamp", "Hagen"},
    {"priorei", "Hagen"}, {"quambusch", "Hagen"}, {"reh", "Hagen"},
    {"rummenohl", "Hagen"}, {"selbecke", "Hagen"}, {"spielbrink", "Hagen"},
    {"vorhalle", "Hagen"}, {"wehringhausen", "Hagen"},
    {"westerbauer", "Hagen"},
    // Neighbours
    {"letmathe", "Iserlohn"}, {"volmarstein", "Wetter (Ruhr)"},
    {"wengern", "Wetter (Ruhr)"}, {"milspe", "Ennepetal"},
    {"voerde", "Ennepetal"}, {"hasslinghausen", "Sprockhövel"},
    {"annen", "Witten"}, {"herbede", "Witten"}, {"ergste", "Schwerte"},
    {"villigst", "Schwerte"}, {"westhofen", "Schwerte"},
    {"blankenstein", "Hattingen"}, {"welper", "Hattingen"},
    {"wattenscheid", "Bochum"}, {"langendreer", "Bochum"},
    {"querenburg", "Bochum"}, {"hoerde", "Dortmund"},
    {"aplerbeck", "Dortmund"}, {"brackel", "Dortmund"},
    {"hombruch", "Dortmund"}, {"huckarde", "Dortmund"},
    {"mengede", "Dortmund"}, {"eving", "Dortmund"},
    {"scharnhorst", "Dortmund"}, {"luetgendortmund", "Dortmund"},
    {"barmen", "Wuppertal"}, {"elberfeld", "Wuppertal"},
    {"vohwinkel", "Wuppertal"}, {"ronsdorf", "Wuppertal"},
    {"cronenberg", "Wuppertal"}, {"langerfeld", "Wuppertal"},
    {"neheim", "Arnsberg"}, {"huesten", "Arnsberg"},
    {"lendringsen", "Menden (Sauerland)"}, {"deilinghofen", "Hemer"},
    {"brambauer", "Lünen"}, {"wanne eickel", "Herne"},
    {"massen", "Unna"}, {"rhynern", "Hamm"}, {"heessen", "Hamm"},
    {"kettwig", "Essen"}, {"werden", "Essen"}, {"steele", "Essen"},
    {"buer", "Gelsenkirchen"},
});

double Radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

bool HasKey(const GazetteerTown& town, std::string_view key) {
  size_t start = 0;
  while (start <= town.keys.size()) {
    const size_t end = town.keys.find('|', start);
    if (town.keys.substr(start, end - start) == key) return true;
    if (end == std::string_view::npos) return false;
    start = end + 1;
  }
  return false;
}

const GazetteerTown* FindTownByDisplayName(std::string_view name) {
  for (const GazetteerTown& town : kTowns) {
    if (town.name == name) return &town;
  }
  return nullptr;
}

bool NamesAnyKey(std::string_view folded_locality, const GazetteerTown& town) {
  size_t start = 0;
  while (true) {
    const size_t end = town.keys.find('|', start);
    if (LocalityNames(folded_locality, town.keys.substr(start, end - start))) {
      return true;
    }
    if (end == std::string_view::npos) return false;
    start = end + 1;
  }
}

}  // namespace

std::span<const GazetteerTown> GazetteerTowns() { return kTowns; }
std::span<const GazetteerDistrict> GazetteerDistricts() { return kDistricts; }

const GazetteerTown* FindTownByPostalCode(int postal_code) {
  for (const GazetteerTown& town : kTowns) {
    if (postal_code >= town.postal_first && postal_code <= town.postal_last) {
      return &town;
    }
  }
  return nullptr;
}

const GazetteerTown* FindTownByName(std::string_view folded_name) {
  for (const GazetteerTown& town : kTowns) {
    if (HasKey(town, folded_name)) return &town;
  }
  return nullptr;
}

std::vector<const GazetteerTown*> FindTownsInLocality(
    std::string_view folded_locality) {
  std::vector<const GazetteerTown*> towns;
  for (const GazetteerTown& town : kTowns) {
    if (NamesAnyKey(folded_locality, town)) towns.push_back(&town);
  }
  for (const GazetteerDistrict& district : kDistricts) {
    if (!LocalityStartsWith(folded_locality, district.key)) continue;
    const GazetteerTown* town = FindTownByDisplayName(district.town);
    if (town != nullptr) towns.push_back(town);
  }
  return towns;
}

double DistanceKm(const GazetteerTown& a, const GazetteerTown& b) {
  const double dlat = Radians(b.lat - a.lat);
  const double dlon = Radians(b.lon - a.lon);
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(Radians(a.lat)) * std::cos(Radians(b.lat)) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace jobcrawler::parsers
