#include "parsers/extract/json_ld.h"

#include <exception>
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

void SetIfEmpty(std::string* field, std::string value) {
  if (field->empty()) *field = std::move(value);
}

void ReadPlaceText(const std::string& text, Posting* posting) {
  const Place place = ParsePlace(text);
  SetIfEmpty(&posting->locality, place.locality);
  SetIfEmpty(&posting->postal_code, place.postal_code);
  SetIfEmpty(&posting->region, place.region);
  SetIfEmpty(&posting->country, place.country);
}

void ReadAddress(const json& address, Posting* posting) {
  if (!address.is_object()) {
    ReadPlaceText(CleanText(Scalar(address)), posting);
    return;
  }
  posting->street = TextOf(address, "streetAddress");
  posting->locality = TextOf(address, "addressLocality");
  posting->postal_code = TextOf(address, "postalCode");
  posting->region = TextOf(address, "addressRegion");
  posting->country = NormalizeCountry(NameOf(Member(address, "addressCountry")));
}

void ReadLocation(const json& job, Posting* posting) {
  const json& location = First(Member(job, "jobLocation"));
  if (!location.is_object()) {
    ReadPlaceText(CleanText(Scalar(location)), posting);
    return;
  }
  const json& address = First(Member(location, "address"));
  if (!address.is_null()) {
    ReadAddress(address, posting);
  } else {
    ReadPlaceText(TextOf(location, "name"), posting);
  }
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
  ReadLocation(job, &posting);
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
