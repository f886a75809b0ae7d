// CountryFromKey (see place_tables.h): country names in German, English and
// the country's own language, and ISO 3166-1 alpha-3 codes, to alpha-2.
//
// Our choices: alpha-2 codes are not listed (NormalizeCountry passes any two
// letters through), except the few that boards write for the usual
// countries; alpha-3 codes that are also common words ("AUS", "CAN", "ARE",
// "PER", "IND", "EST", "MAR", "DOM", "TUN") are left out, because a place
// part that reads "aus" is far more likely prose than Australia; names of
// US states that are also countries ("Georgia") are left out in English.
#include <array>
#include <string_view>

#include "parsers/normalize/place_tables.h"

namespace jobcrawler::parsers::internal {
namespace {

struct Country {
  std::string_view code;
  // LookupKey forms ('|'-separated): letters only, folded, no spaces.
  std::string_view keys;
};

constexpr std::array kCountries = {
    // Germany, its neighbours and the rest of Europe.
    Country{"DE",
            "deutschland|germany|de|deu|ger|brd|bundesrepublikdeutschland|"
            "federalrepublicofgermany|allemagne|germania|alemania|duitsland|niemcy"},
    Country{"AT", "oesterreich|osterreich|austria|at|aut|autriche|republikoesterreich"},
    Country{"CH", "schweiz|switzerland|suisse|svizzera|svizra|ch|che"},
    Country{"LI", "liechtenstein|lie"},
    Country{"NL", "niederlande|netherlands|thenetherlands|nederland|holland|nl|nld|paysbas"},
    Country{"BE", "belgien|belgium|belgique|belgie|bel"},
    Country{"LU", "luxemburg|luxembourg|lux"},
    Country{"FR", "frankreich|france|fra"},
    Country{"IT", "italien|italy|italia|ita"},
    Country{"ES", "spanien|spain|espana|esp"},
    Country{"PT", "portugal|prt"},
    Country{"GB",
            "grossbritannien|vereinigteskoenigreich|unitedkingdom|greatbritain|england|"
            "schottland|scotland|wales|nordirland|northernireland|uk|gbr"},
    Country{"IE", "irland|ireland|eire|irl"},
    Country{"DK", "daenemark|denmark|danmark|dnk"},
    Country{"SE", "schweden|sweden|sverige|swe"},
    Country{"NO", "norwegen|norway|norge|nor"},
    Country{"FI", "finnland|finland|suomi|fin"},
    Country{"IS", "island|iceland|isl"},
    Country{"PL", "polen|poland|polska|pol"},
    Country{"CZ", "tschechien|czechia|czechrepublic|tschechischerepublik|ceskarepublika|cze"},
    Country{"SK", "slowakei|slovakia|slovensko|svk"},
    Country{"HU", "ungarn|hungary|magyarorszag|hun"},
    Country{"SI", "slowenien|slovenia|slovenija|svn"},
    Country{"HR", "kroatien|croatia|hrvatska|hrv"},
    Country{"RS", "serbien|serbia|srbija|srb"},
    Country{"BA", "bosnienundherzegowina|bosniaandherzegovina|bosnien|bosnia|bih"},
    Country{"ME", "montenegro|mne"},
    Country{"MK", "nordmazedonien|northmacedonia|mazedonien|macedonia|mkd"},
    Country{"AL", "albanien|albania|alb"},
    Country{"GR", "griechenland|greece|hellas|grc"},
    Country{"BG", "bulgarien|bulgaria|bgr"},
    Country{"RO", "rumaenien|romania|rou"},
    Country{"MD", "moldau|moldawien|moldova|mda"},
    Country{"UA", "ukraine|ukr"},
    Country{"BY", "belarus|weissrussland|blr"},
    Country{"RU", "russland|russia|russianfederation|russischefoederation|rus"},
    Country{"EE", "estland|estonia|eesti"},
    Country{"LV", "lettland|latvia|latvija|lva"},
    Country{"LT", "litauen|lithuania|lietuva|ltu"},
    Country{"MT", "malta|mlt"},
    Country{"CY", "zypern|cyprus|cyp"},
    Country{"TR", "tuerkei|turkey|turkiye|tur"},
    // The Americas.
    Country{"US",
            "usa|us|unitedstates|unitedstatesofamerica|vereinigtestaaten|"
            "vereinigtestaatenvonamerika"},
    Country{"CA", "kanada|canada"},
    Country{"MX", "mexiko|mexico|mex"},
    Country{"BR", "brasilien|brazil|brasil|bra"},
    Country{"AR", "argentinien|argentina|arg"},
    Country{"CL", "chile|chl"},
    Country{"CO", "kolumbien|colombia"},
    Country{"PE", "peru"},
    // Asia, Oceania, Africa and the Middle East.
    Country{"CN", "china|volksrepublikchina|peoplesrepublicofchina|chn"},
    Country{"HK", "hongkong|hkg"},
    Country{"TW", "taiwan|twn"},
    Country{"JP", "japan|jpn"},
    Country{"KR", "suedkorea|southkorea|korea|republicofkorea|kor"},
    Country{"IN", "indien|india"},
    Country{"PK", "pakistan|pak"},
    Country{"BD", "bangladesch|bangladesh|bgd"},
    Country{"SG", "singapur|singapore|sgp"},
    Country{"MY", "malaysia|mys"},
    Country{"TH", "thailand|tha"},
    Country{"VN", "vietnam|vnm"},
    Country{"ID", "indonesien|indonesia|idn"},
    Country{"PH", "philippinen|philippines|phl"},
    Country{"AU", "australien|australia"},
    Country{"NZ", "neuseeland|newzealand|nzl"},
    Country{"KZ", "kasachstan|kazakhstan|kaz"},
    Country{"GE", "georgien"},
    Country{"AM", "armenien|armenia"},
    Country{"AZ", "aserbaidschan|azerbaijan|aze"},
    Country{"IL", "israel|isr"},
    Country{"AE", "vereinigtearabischeemirate|unitedarabemirates|uae"},
    Country{"SA", "saudiarabien|saudiarabia"},
    Country{"QA", "katar|qatar|qat"},
    Country{"JO", "jordanien"},
    Country{"LB", "libanon|lebanon|lbn"},
    Country{"IR", "iran|irn"},
    Country{"IQ", "irak|iraq|irq"},
    Country{"EG", "aegypten|egypt|egy"},
    Country{"MA", "marokko|morocco"},
    Country{"TN", "tunesien|tunisia"},
    Country{"DZ", "algerien|algeria|dza"},
    Country{"ZA", "suedafrika|southafrica|zaf"},
    Country{"NG", "nigeria|nga"},
    Country{"KE", "kenia|kenya"},
};

bool KeysHold(std::string_view keys, std::string_view key) {
  while (!keys.empty()) {
    const std::size_t bar = keys.find('|');
    if (keys.substr(0, bar) == key) return true;
    if (bar == std::string_view::npos) break;
    keys.remove_prefix(bar + 1);
  }
  return false;
}

}  // namespace

std::string_view CountryFromKey(std::string_view key) {
  if (key.empty()) return "";
  for (const Country& country : kCountries) {
    if (KeysHold(country.keys, key)) return country.code;
  }
  return "";
}

}  // namespace jobcrawler::parsers::internal
