#include "parsers/extract/json_ld.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "parsers/html/html_text.h"
#include "parsers/extract/json_repair.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {
namespace {

using nlohmann::json;

const json& NullJson() {
  static const json kNull;
  return kNull;
}

// The value of `key` in `object`, or null when `object` is not an object or
// has no such member.
const json& Member(const json& object, const char* key) {
  if (!object.is_object()) return NullJson();
  const auto it = object.find(key);
  return it == object.end() ? NullJson() : *it;
}

// Pages write a single value or a list of one; read the first either way.
const json& First(const json& value) {
  if (!value.is_array()) return value;
  return value.empty() ? NullJson() : value.front();
}

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ToLowerAscii(a[i]) != ToLowerAscii(b[i])) return false;
  }
  return true;
}

// A string, a number, or a JSON-LD value object ({"@value": ...}) as text;
// "" for anything else. Whitespace is kept as it is.
std::string Scalar(const json& value) {
  const json& first = First(value);
  if (first.is_string()) return first.get<std::string>();
  if (first.is_number()) return first.dump();  // integers print without ".0"
  if (first.is_object() && first.contains("@value")) return Scalar(first["@value"]);
  return "";
}

// Text meant for people: entities decoded, tags dropped, whitespace collapsed.
std::string CleanText(const std::string& text) {
  if (text.find_first_of("&<") == std::string::npos) return CollapseWhitespace(text);
  return HtmlToText(text);
}

std::string TextOf(const json& object, const char* key) {
  return CleanText(Scalar(Member(object, key)));
}

// An Organization / Country / Place is named by a string or by its "name".
std::string NameOf(const json& value) {
  const json& first = First(value);
  return first.is_object() ? TextOf(first, "name") : CleanText(Scalar(first));
}

PostingPlace FromPlace(Place place) {
  return {std::move(place.locality), std::move(place.postal_code), std::move(place.region),
          std::move(place.country)};
}

// Adds `place` unless it is empty or already there; at most kMaxPostingPlaces.
void AddPlace(PostingPlace place, std::vector<PostingPlace>* places) {
  if (place == PostingPlace{} || places->size() >= kMaxPostingPlaces) return;
  if (std::find(places->begin(), places->end(), place) != places->end()) return;
  places->push_back(std::move(place));
}

void AddPlacesOfText(const std::string& text, std::vector<PostingPlace>* places) {
  for (Place& place : ParsePlaces(text)) AddPlace(FromPlace(std::move(place)), places);
}

// An addressLocality that is a list ("Hagen; Dortmund") or an
// applicant-tracking system's path ("AMER - Canada - Quebec - Montreal").
bool IsPlaceList(std::string_view locality) {
  return locality.find_first_of(";|") != std::string_view::npos ||
         locality.find(" - ") != std::string_view::npos ||
         locality.find(" \xE2\x80\x93 ") != std::string_view::npos;
}

void AddPlacesOfAddress(const json& address, std::vector<PostingPlace>* places,
                        std::string* street) {
  if (!address.is_object()) {
    AddPlacesOfText(CleanText(Scalar(address)), places);
    return;
  }
  if (street->empty()) *street = TextOf(address, "streetAddress");
  PostingPlace place{TextOf(address, "addressLocality"), TextOf(address, "postalCode"),
                     TextOf(address, "addressRegion"),
                     NormalizeCountry(NameOf(Member(address, "addressCountry")))};
  if (!IsPlaceList(place.locality)) {
    AddPlace(std::move(place), places);
    return;
  }
  std::vector<Place> listed = ParsePlaces(place.locality);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    PostingPlace one = FromPlace(std::move(listed[i]));
    if (i == 0 && one.postal_code.empty()) one.postal_code = place.postal_code;
    if (one.region.empty()) one.region = place.region;
    if (one.country.empty()) one.country = place.country;
    AddPlace(std::move(one), places);
  }
}

void AddPlacesOfLocation(const json& location, std::vector<PostingPlace>* places,
                         std::string* street) {
  if (!location.is_object()) {
    AddPlacesOfText(CleanText(Scalar(location)), places);
    return;
  }
  const json& address = First(Member(location, "address"));
  if (!address.is_null()) {
    AddPlacesOfAddress(address, places, street);
  } else {
    AddPlacesOfText(TextOf(location, "name"), places);
  }
}

// Every jobLocation: the first is the posting's place, the rest other_places.
void ReadLocations(const json& job, Posting* posting) {
  const json& value = Member(job, "jobLocation");
  std::vector<PostingPlace> places;
  std::string street;
  if (value.is_array()) {
    std::size_t read = 0;
    for (const json& location : value) {
      if (++read > kMaxPostingPlaces) break;
      AddPlacesOfLocation(location, &places, &street);
    }
  } else {
    AddPlacesOfLocation(value, &places, &street);
  }
  if (places.empty()) return;
  posting->street = std::move(street);
  posting->locality = std::move(places.front().locality);
  posting->postal_code = std::move(places.front().postal_code);
  posting->region = std::move(places.front().region);
  posting->country = std::move(places.front().country);
  posting->other_places.assign(std::make_move_iterator(places.begin() + 1),
                               std::make_move_iterator(places.end()));
}

// Salary amounts: a number, or a string in German or English notation.
// 0 is what some boards write for "not stated".
std::optional<double> Amount(const json& value) {
  std::optional<double> amount;
  if (value.is_number()) amount = value.get<double>();
  if (value.is_string()) amount = ParseAmount(value.get<std::string>());
  if (amount && *amount <= 0) amount.reset();
  return amount;
}

bool IsPlainNumber(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789.,' ") == std::string_view::npos;
}

// UN/CEFACT unit codes that boards put in QuantitativeValue.unitCode.
std::string PeriodFromUnitCode(std::string_view code) {
  if (code == "HUR") return "HOUR";
  if (code == "DAY") return "DAY";
  if (code == "WEE") return "WEEK";
  if (code == "MON") return "MONTH";
  if (code == "ANN") return "YEAR";
  return "";
}

std::string PeriodOf(const json& value) {
  std::string period = NormalizeSalaryPeriod(Scalar(Member(value, "unitText")));
  if (period.empty()) period = PeriodFromUnitCode(Scalar(Member(value, "unitCode")));
  return period;
}

// MonetaryAmount.value: a number, a string ("4500", "4.500 - 5.200 €") or a
// QuantitativeValue.
SalaryRange ReadSalaryValue(const json& value) {
  SalaryRange range;
  const std::string text = Scalar(value);
  if (value.is_object()) {
    range.min = Amount(Member(value, "minValue"));
    range.max = Amount(Member(value, "maxValue"));
    range.period = PeriodOf(value);
    if (!range.min && !range.max) range.min = range.max = Amount(Member(value, "value"));
  } else if (value.is_number() || IsPlainNumber(text)) {
    range.min = range.max = Amount(value);
  } else if (auto parsed = ParseSalary(text)) {
    range = std::move(*parsed);
  }
  return range;
}

SalaryRange ReadSalary(const json& job) {
  const json& salary = First(Member(job, "baseSalary"));
  if (!salary.is_object()) return ReadSalaryValue(salary);
  // Some boards put minValue/maxValue on the MonetaryAmount itself.
  const json& value = First(Member(salary, "value"));
  SalaryRange range = ReadSalaryValue(value.is_null() ? salary : value);
  const std::string currency = CollapseWhitespace(Scalar(Member(salary, "currency")));
  if (!currency.empty()) range.currency = currency;
  if (range.period.empty()) range.period = PeriodOf(salary);
  return range;
}

void ApplySalary(const json& job, Posting* posting) {
  SalaryRange range = ReadSalary(job);
  if (!range.min && !range.max) return;
  // A range that runs backwards ("7.000" to "8.50") is nonsense, which reads
  // as "not stated", as in ParseSalary.
  if (range.min && range.max && *range.min > *range.max) return;
  if (range.currency.empty())
    range.currency = CollapseWhitespace(Scalar(Member(job, "salaryCurrency")));
  for (char& c : range.currency) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  posting->salary_min = range.min;
  posting->salary_max = range.max;
  posting->salary_currency = std::move(range.currency);
  posting->salary_period = std::move(range.period);
}

// All strings of a string-or-list value, joined by ", ".
std::string JoinedStrings(const json& value) {
  if (!value.is_array()) return Scalar(value);
  std::string joined;
  for (const json& item : value) {
    const std::string text = Scalar(item);
    if (text.empty()) continue;
    if (!joined.empty()) joined += ", ";
    joined += text;
  }
  return joined;
}

std::string RemoteOf(const json& job) {
  const json& type = Member(job, "jobLocationType");
  const json items = type.is_array() ? type : json::array({type});
  for (const json& item : items) {
    if (EqualsIgnoringCase(CollapseWhitespace(Scalar(item)), "TELECOMMUTE")) return "remote";
  }
  return "";
}

// identifier: a string, a number, or a PropertyValue with a value.
std::string IdentifierOf(const json& job) {
  const json& identifier = First(Member(job, "identifier"));
  const json& value = identifier.is_object() ? Member(identifier, "value") : identifier;
  return CollapseWhitespace(Scalar(value));
}

void CollectJobPostings(const json& value, int depth, std::vector<const json*>* found) {
  if (depth > kMaxJsonDepth) return;
  if (value.is_object() && IsJobPostingType(Member(value, "@type"))) {
    found->push_back(&value);
    return;
  }
  if (!value.is_object() && !value.is_array()) return;
  for (const json& child : value) CollectJobPostings(child, depth + 1, found);
}

}  // namespace

bool IsJobPostingType(const json& type) {
  if (type.is_array()) {
    for (const json& item : type) {
      if (IsJobPostingType(item)) return true;
    }
    return false;
  }
  if (!type.is_string()) return false;
  const std::string& name = type.get_ref<const std::string&>();
  const std::size_t separator = name.find_last_of("/:#");
  const std::string_view last =
      std::string_view(name).substr(separator == std::string::npos ? 0 : separator + 1);
  return EqualsIgnoringCase(CollapseWhitespace(last), "JobPosting");
}

Posting PostingFromJobPosting(const json& job) {
  Posting posting;
  posting.title = TextOf(job, "title");
  if (posting.title.empty()) posting.title = TextOf(job, "name");
  posting.company = NameOf(Member(job, "hiringOrganization"));
  posting.description = HtmlToText(Scalar(Member(job, "description")));
  ReadLocations(job, &posting);
  ApplySalary(job, &posting);
  posting.employment_type = NormalizeEmploymentType(JoinedStrings(Member(job, "employmentType")));
  posting.remote = RemoteOf(job);
  posting.date_posted = NormalizeDate(Scalar(Member(job, "datePosted")), "");
  posting.valid_through = NormalizeDate(Scalar(Member(job, "validThrough")), "");
  posting.url = CollapseWhitespace(Scalar(Member(job, "url")));
  posting.identifier = IdentifierOf(job);
  posting.format = PostingFormat::kJsonLd;
  return posting;
}

JsonLdExtraction ExtractJsonLd(std::string_view text) {
  JsonLdExtraction extraction;
  try {
    LenientJson parsed = ParseLenientJson(text);
    extraction.repairs = parsed.repairs.Describe();
    if (!parsed.ok()) {
      extraction.error = std::move(parsed.error);
      return extraction;
    }
    std::vector<const json*> job_postings;
    CollectJobPostings(parsed.value, 0, &job_postings);
    for (const json* job : job_postings) extraction.postings.push_back(PostingFromJobPosting(*job));
  } catch (const std::exception& e) {
    // Nothing above should throw on any input; if it does, lose this block only.
    extraction.postings.clear();
    extraction.error = std::string("unexpected failure: ") + e.what();
  }
  return extraction;
}

}  // namespace jobcrawler::parsers
