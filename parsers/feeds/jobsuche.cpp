// Jobsuche, the job search API of the Bundesagentur für Arbeit
// (https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs;
// described by the public client https://github.com/bundesAPI/jobsuche-api).
//
// A response (v6): {"ergebnisliste":[...], "maxErgebnisse":N, "page":P,
// "size":S, "woOutput":{...}, "facetten":{...}}; without hits
// `ergebnisliste` is missing. The older v4, still served by mirrors:
// {"stellenangebote":[...], "maxErgebnisse":"N", ...} with numbers often as
// strings. Every item is read with the field names of both, v6 first:
//   referenznummer / refnr          identifier; the posting's page is
//                                   https://www.arbeitsagentur.de/jobsuche/jobdetail/REFNR
//   stellenangebotsTitel / titel    title; without one the occupation
//                                   (hauptberuf / beruf), with a diagnostic
//   firma / arbeitgeber             company
//   stellenlokationen[].adresse / arbeitsort
//                                   strasse (+ hausnummer), plz, ort, region,
//                                   land; further locations: other_places
//   datumErsteVeroeffentlichung / aktuelleVeroeffentlichungsdatum, else
//   veroeffentlichungszeitraum.von  date posted
//   externeURL / externeUrl         the original ad: also_seen_at
//   homeofficemoeglich              remote "hybrid"
//   gehaltsspanneVon/Bis, festgehalt, verguetungsangabe
//                                   salary; the service states amounts in EUR
//   arbeitszeitVollzeit, arbeitszeitTeilzeit*, arbeitszeitmodelle,
//   vertragsdauer, stellenangebotsart
//                                   employment type
// Items without a reference number are skipped: they have no page. Search
// results carry no description; fetching details is not needed.
#include <array>
#include <string>
#include <utility>

#include "parsers/feeds/feed_readers.h"

namespace jobcrawler::parsers::feed_detail {
namespace {

using nlohmann::json;

constexpr std::string_view kJobPageBase = "https://www.arbeitsagentur.de/jobsuche/jobdetail/";
// Amounts above this are not salaries (the normalisers' limit).
constexpr double kMaxSalary = 10'000'000;

// German postal codes as numbers lose their leading zero (v4: "plz": 9111).
std::string PostalCode(const json& value) {
  std::string code = Text(value);
  if (value.is_number_integer() && code.size() == 4) code.insert(0, "0");
  return code;
}

Place ReadAddress(const json& address) {
  Place place;
  const std::string ort = Text(Member(address, "ort"));
  // "Chemnitz, Sachsen" or "Hagen (Westf.)": the locality is the town.
  const Place parsed = PlaceFromText(ort);
  place.locality = parsed.locality.empty() ? ort : parsed.locality;
  place.postal_code = PostalCode(Member(address, "plz"));
  place.region = Text(Member(address, "region"));
  if (place.region.empty()) place.region = parsed.region;
  place.country = NormalizeCountry(Text(Member(address, "land")));
  return place;
}

std::string Street(const json& address) {
  std::string street = Text(AnyMember(address, {"strasse", "strasseHausnummer"}));
  const std::string number = Text(Member(address, "hausnummer"));
  if (!street.empty() && !number.empty() && street.find(number) == std::string::npos) {
    street += " " + number;
  }
  return street;
}

void ReadLocations(const json& item, FeedPosting* out) {
  const json& locations = Member(item, "stellenlokationen");
  if (locations.is_array()) {
    for (const json& location : locations) {
      const json& address = Member(location, "adresse");
      if (!address.is_object()) continue;
      if (out->posting.locality.empty() && out->posting.postal_code.empty()) {
        SetPlace(ReadAddress(address), &out->posting);
        out->posting.street = Street(address);
      } else if (out->other_places.size() < kMaxFeedPlaces) {
        out->other_places.push_back(ReadAddress(address));
      }
    }
    return;
  }
  const json& address = Member(item, "arbeitsort");  // v4
  if (address.is_object()) {
    SetPlace(ReadAddress(address), &out->posting);
    out->posting.street = Street(address);
  }
}

void ReadSalary(const json& item, Posting* posting) {
  std::optional<double> min = Amount(Member(item, "gehaltsspanneVon"));
  std::optional<double> max = Amount(Member(item, "gehaltsspanneBis"));
  if (!min && !max) min = max = Amount(Member(item, "festgehalt"));
  if ((min && *min > kMaxSalary) || (max && *max > kMaxSalary) || (min && max && *min > *max)) {
    return;
  }
  if (!min && !max) return;
  posting->salary_min = min;
  posting->salary_max = max;
  posting->salary_currency = "EUR";
  posting->salary_period = NormalizeSalaryPeriod(Text(Member(item, "verguetungsangabe")));
}

std::string EmploymentType(const json& item) {
  std::string terms;
  const auto add = [&terms](std::string_view term) {
    terms += terms.empty() ? "" : ", ";
    terms += term;
  };
  if (IsTrue(Member(item, "arbeitszeitVollzeit"))) add("Vollzeit");
  static constexpr std::array<std::string_view, 5> kPartTime = {
      "arbeitszeitTeilzeit", "arbeitszeitTeilzeitVormittag", "arbeitszeitTeilzeitNachmittag",
      "arbeitszeitTeilzeitAbend", "arbeitszeitTeilzeitFlexibel"};
  for (const std::string_view key : kPartTime) {
    if (IsTrue(Member(item, key))) {
      add("Teilzeit");
      break;
    }
  }
  const json& models = Member(item, "arbeitszeitmodelle");  // ["VOLLZEIT", "TEILZEIT"]
  if (models.is_array()) {
    for (const json& model : models) add(Text(model));
  }
  if (Text(Member(item, "vertragsdauer")) == "BEFRISTET") add("befristet");
  if (Text(AnyMember(item, {"stellenangebotsart", "angebotsart"})).starts_with("PRAKTIKUM")) {
    add("Praktikum");
  }
  return NormalizeEmploymentType(terms);
}

std::string DatePosted(const json& item) {
  std::string date = NormalizeDate(
      Text(AnyMember(item, {"datumErsteVeroeffentlichung", "aktuelleVeroeffentlichungsdatum",
                            "ersteVeroeffentlichungsdatum"})),
      "");
  if (date.empty()) {
    date = NormalizeDate(Text(Member(Member(item, "veroeffentlichungszeitraum"), "von")), "");
  }
  return date;
}

// One result, or nullopt with the reason in `why`.
std::optional<FeedPosting> ReadItem(const json& item, FeedBuilder* builder, std::size_t index,
                                    std::string* why) {
  if (!item.is_object()) {
    *why = "not an object";
    return std::nullopt;
  }
  FeedPosting out;
  Posting& p = out.posting;
  p.identifier = Text(AnyMember(item, {"referenznummer", "refnr"}));
  if (p.identifier.empty()) {
    *why = "no referenznummer";
    return std::nullopt;
  }
  p.url = std::string(kJobPageBase) + PathSegment(p.identifier);
  p.title = CleanText(AnyMember(item, {"stellenangebotsTitel", "titel"}));
  if (p.title.empty()) {
    p.title = CleanText(AnyMember(item, {"hauptberuf", "beruf"}));
    if (p.title.empty()) {
      *why = "no title";
      return std::nullopt;
    }
    builder->Note("entry " + std::to_string(index + 1) + ": no title; the occupation is used");
  }
  p.company = CleanText(AnyMember(item, {"firma", "arbeitgeber"}));
  ReadLocations(item, &out);
  ReadSalary(item, &p);
  p.employment_type = EmploymentType(item);
  if (IsTrue(Member(item, "homeofficemoeglich"))) p.remote = "hybrid";
  p.date_posted = DatePosted(item);
  const std::string original =
      AbsoluteHttpUrl(Text(AnyMember(item, {"externeURL", "externeUrl"})), "");
  if (!original.empty()) out.also_seen_at.push_back(original);
  return out;
}

// A valid answer without hits: no list, but what the service always sends.
bool IsZeroHitAnswer(const json& root) {
  const std::optional<std::int64_t> total = Integer(Member(root, "maxErgebnisse"));
  if (total) return *total == 0;
  return root.contains("facetten") || root.contains("woOutput") || root.contains("page");
}

void DescribeUnknown(const json& root, FeedBuilder* builder) {
  std::string what = "no ergebnisliste or stellenangebote";
  const std::string message = Text(AnyMember(root, {"message", "error", "fehler"}));
  if (!message.empty()) what += " (the service says: " + message + ")";
  builder->Note(what);
}

}  // namespace

void ReadJobsuche(std::string_view body, FeedBuilder* builder) {
  const std::optional<json> parsed = ParseFeedJson(body, builder);
  if (!parsed) return;
  const json& root = *parsed;
  if (!root.is_object()) return builder->Note("not a JSON object");
  FeedPaging& paging = builder->paging();
  paging.total = Integer(Member(root, "maxErgebnisse"));
  paging.page = Integer(Member(root, "page"));
  paging.size = Integer(Member(root, "size"));
  const json& list = AnyMember(root, {"ergebnisliste", "stellenangebote"});
  if (list.is_null()) {
    if (IsZeroHitAnswer(root)) return builder->SetEmpty();
    return DescribeUnknown(root, builder);
  }
  if (!list.is_array()) return builder->Note("the result list is not an array");
  builder->SetListed(list.size());
  for (std::size_t i = 0; i < list.size() && !builder->Full(); ++i) {
    std::string why;
    std::optional<FeedPosting> posting = ReadItem(list[i], builder, i, &why);
    if (posting) {
      builder->Add(std::move(*posting));
    } else {
      builder->Skip(i, why);
    }
  }
}

}  // namespace jobcrawler::parsers::feed_detail
