// ExtractWithProfile: selectors from config.toml applied to one page.
#include "parsers/extract/profile_extractor.h"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>

#include "parsers/extract/ad_fields.h"
#include "parsers/normalize/normalize.h"
#include "parsers/html/selector.h"

namespace jobcrawler::parsers {
namespace {

bool IsAttributeNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':';
}

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return lowered;
}

// A parsed field value: what to select and what to read from it.
struct FieldSpec {
  std::optional<Selector> selector;  // nullopt: the container itself
  std::string attribute;             // empty: the element's text
};

// Splits "SELECTOR @attr" into its parts. Returns nullopt (with `error` set
// when not null) when the selector does not parse.
std::optional<FieldSpec> ParseFieldSpec(std::string_view text, bool allow_attribute,
                                        std::string* error) {
  FieldSpec spec;
  std::string_view selector = text;
  const std::size_t at = text.rfind('@');
  if (allow_attribute && at != std::string_view::npos) {
    std::string_view name = text.substr(at + 1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    const bool valid_name = !name.empty() && std::all_of(name.begin(), name.end(), IsAttributeNameChar);
    if (valid_name && (at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t')) {
      spec.attribute = Lowered(name);
      selector = text.substr(0, at);
    }
  }
  if (selector.find_first_not_of(" \t\n\r\f") == std::string_view::npos) {
    if (spec.attribute.empty()) {
      if (error != nullptr) *error = "invalid selector at 1: expected a selector";
      return std::nullopt;
    }
    return spec;  // "@attr": the container's attribute
  }
  spec.selector = Selector::Parse(selector, error);
  if (!spec.selector) return std::nullopt;
  return spec;
}

std::string ReadValue(const HtmlNode& node, const std::string& attribute) {
  if (attribute.empty()) return node.Text();
  return CollapseWhitespace(node.Attribute(attribute).value_or(""));
}

// The field's value in `container`, or "" when the field is not given or
// finds nothing. With `all`, the values of every match joined by a space.
std::string ReadField(const HtmlNode& container, std::string_view text, bool all = false) {
  if (text.empty()) return "";
  const std::optional<FieldSpec> spec = ParseFieldSpec(text, true, nullptr);
  if (!spec) return "";
  if (!spec->selector) return ReadValue(container, spec->attribute);
  if (!all) {
    const std::optional<HtmlNode> node = spec->selector->SelectFirst(container);
    return node ? ReadValue(*node, spec->attribute) : "";
  }
  std::string joined;
  for (const HtmlNode& node : spec->selector->SelectAll(container)) {
    const std::string value = ReadValue(node, spec->attribute);
    if (value.empty()) continue;
    if (!joined.empty()) joined += ' ';
    joined += value;
  }
  return joined;
}

void SetLocation(const std::string& location, const std::string& postal_code, Posting* posting) {
  if (!location.empty()) {
    std::vector<Place> places = ParsePlaces(location);
    if (places.empty()) places.emplace_back();
    if (places.front().locality.empty()) places.front().locality = location;
    internal::SetPlaces(places, posting);
  }
  // A field of its own beats the code ParsePlace found in the location.
  if (!postal_code.empty()) {
    Place place = ParsePlace(postal_code);
    posting->postal_code = place.postal_code.empty() ? postal_code : std::move(place.postal_code);
  }
}

void SetSalary(const std::string& text, Posting* posting) {
  if (text.empty()) return;
  std::optional<SalaryRange> salary = ParseSalary(text);
  if (!salary) return;
  posting->salary_min = salary->min;
  posting->salary_max = salary->max;
  posting->salary_currency = std::move(salary->currency);
  posting->salary_period = std::move(salary->period);
}

std::optional<Posting> ReadPosting(const HtmlNode& container, const ExtractionProfile& profile,
                                   std::string_view today) {
  Posting posting;
  posting.format = PostingFormat::kHtmlProfile;
  posting.title = ReadField(container, profile.title);
  if (posting.title.empty()) return std::nullopt;
  posting.company = ReadField(container, profile.company);
  const std::string location = ReadField(container, profile.location);
  SetLocation(location, ReadField(container, profile.postal_code), &posting);
  SetSalary(ReadField(container, profile.salary), &posting);
  posting.employment_type = NormalizeEmploymentType(ReadField(container, profile.employment_type));
  posting.date_posted = NormalizeDate(ReadField(container, profile.date_posted), today);
  posting.valid_through = NormalizeDate(ReadField(container, profile.valid_through), today);
  posting.description = ReadField(container, profile.description, true);
  posting.identifier = ReadField(container, profile.identifier);
  posting.url = ReadField(container, profile.url);
  posting.remote = DetectRemote(location + " " + posting.description);
  return posting;
}

// href of `node` or of its first descendant that has one.
std::optional<std::string_view> Href(const HtmlNode& node) {
  std::optional<std::string_view> href = node.Attribute("href");
  if (href) return href;
  node.Walk([&href](HtmlNode child) {
    href = child.Attribute("href");
    return href ? WalkStep::kStop : WalkStep::kDescend;
  });
  return href;
}

std::string_view TrimHtmlSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r\f";
  const std::size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(kSpace) - begin + 1);
}

}  // namespace

bool ExtractionProfile::empty() const {
  return posting.empty() && title.empty() && company.empty() && location.empty() &&
         postal_code.empty() && salary.empty() && employment_type.empty() &&
         date_posted.empty() && valid_through.empty() && description.empty() &&
         identifier.empty() && url.empty() && links.empty() && next_page.empty();
}

std::string CheckProfileSelector(std::string_view spec, bool allow_attribute) {
  std::string error;
  if (!ParseFieldSpec(spec, allow_attribute, &error)) return error;
  return "";
}

std::vector<std::string> ProfileErrors(const ExtractionProfile& profile) {
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"posting", &profile.posting},         {"title", &profile.title},
      {"company", &profile.company},         {"location", &profile.location},
      {"postal_code", &profile.postal_code}, {"salary", &profile.salary},
      {"employment_type", &profile.employment_type},
      {"date_posted", &profile.date_posted}, {"valid_through", &profile.valid_through},
      {"description", &profile.description}, {"identifier", &profile.identifier},
      {"url", &profile.url},                 {"links", &profile.links},
      {"next_page", &profile.next_page}};
  std::vector<std::string> errors;
  for (const auto& [key, value] : fields) {
    if (value->empty()) continue;
    const std::string error = CheckProfileSelector(*value, key != "posting");
    if (!error.empty()) errors.push_back(std::string(key) + ": " + error);
  }
  return errors;
}

std::vector<Posting> ExtractWithProfile(const HtmlDocument& document,
                                        const ExtractionProfile& profile,
                                        std::string_view today) {
  std::vector<Posting> postings;
  if (profile.title.empty()) return postings;
  std::vector<HtmlNode> containers;
  if (profile.posting.empty()) {
    containers.push_back(document.Root());
  } else if (std::optional<Selector> selector = Selector::Parse(profile.posting, nullptr)) {
    containers = selector->SelectAll(document.Root());
  }
  for (const HtmlNode& container : containers) {
    if (std::optional<Posting> posting = ReadPosting(container, profile, today)) {
      postings.push_back(std::move(*posting));
    }
  }
  return postings;
}

std::vector<std::string> ProfileLinks(const HtmlDocument& document, std::string_view text) {
  std::vector<std::string> links;
  if (text.empty()) return links;
  const std::optional<FieldSpec> spec = ParseFieldSpec(text, true, nullptr);
  if (!spec) return links;
  std::vector<HtmlNode> nodes;
  if (spec->selector) nodes = spec->selector->SelectAll(document.Root());
  std::unordered_set<std::string> seen;
  for (const HtmlNode& node : nodes) {
    const std::optional<std::string_view> value =
        spec->attribute.empty() ? Href(node) : node.Attribute(spec->attribute);
    if (!value) continue;
    const std::string_view trimmed = TrimHtmlSpace(*value);
    if (!trimmed.empty() && seen.emplace(trimmed).second) links.emplace_back(trimmed);
  }
  return links;
}

}  // namespace jobcrawler::parsers
