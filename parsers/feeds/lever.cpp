// Lever's postings API (https://api.lever.co/v0/postings/COMPANY?mode=json,
// documented at github.com/lever/postings-api), a bare JSON array:
//
//   [{"id": "5f0c...", "text": "Leiter IT (m/w/d)",
//     "categories": {"location": "Hagen", "allLocations": ["Hagen", "Remote"],
//                    "commitment": "Vollzeit", "team": "IT"},
//     "country": "DE", "workplaceType": "hybrid",
//     "createdAt": 1793520000000,                       milliseconds since 1970
//     "hostedUrl": "https://jobs.lever.co/acme/5f0c...",
//     "descriptionPlain": "...", "description": "<div>...</div>",
//     "lists": [{"text": "Ihre Aufgaben", "content": "<li>...</li>"}],
//     "additionalPlain": "...",
//     "salaryRange": {"min": 80000, "max": 95000, "currency": "EUR",
//                     "interval": "per-year-salary"}}]
//
// An error answers with an object ({"ok": false, "error": "..."}): shape
// unknown. Paged with skip/limit (feed_paging.h): paging.limit is read from
// the request URL, paging.full_page says whether that many came back. The
// feed names no company (FeedOptions::company). Postings without text or
// hostedUrl are skipped.
#include <string>
#include <utility>

#include "parsers/feeds/feed_readers.h"
#include "parsers/html/html_text.h"

namespace jobcrawler::parsers::feed_detail {
namespace {

using nlohmann::json;

std::string Description(const json& posting) {
  std::string text = Text(Member(posting, "descriptionPlain"));
  const json& html = Member(posting, "description");
  if (text.empty() && html.is_string()) text = HtmlToText(html.get_ref<const std::string&>());
  const auto append = [&text](std::string part) {
    if (part.empty() || text.size() > kMaxFeedDescriptionBytes) return;
    if (!text.empty()) text += ' ';
    text += part;
  };
  const json& lists = Member(posting, "lists");
  if (lists.is_array()) {
    for (const json& list : lists) {
      append(CleanText(Member(list, "text")));
      const json& content = Member(list, "content");
      if (content.is_string()) append(HtmlToText(content.get_ref<const std::string&>()));
    }
  }
  append(Text(Member(posting, "additionalPlain")));
  return text;
}

// Returns the main location as written.
std::string ReadPlaces(const json& categories, FeedPosting* out) {
  const std::string location = CleanText(Member(categories, "location"));
  SetPlace(PlaceFromText(location), &out->posting);
  const json& all = Member(categories, "allLocations");
  if (!all.is_array()) return location;
  for (const json& other : all) {
    const std::string text = CleanText(other);
    if (text.empty() || text == location) continue;
    if (out->other_places.size() == kMaxFeedPlaces) break;
    out->other_places.push_back(PlaceFromText(text));
  }
  return location;
}

void ReadSalary(const json& range, Posting* posting) {
  const std::optional<double> min = Amount(Member(range, "min"));
  const std::optional<double> max = Amount(Member(range, "max"));
  std::string currency = Text(Member(range, "currency"));
  // No currency is ever guessed: an amount without one says too little.
  if ((!min && !max) || currency.empty() || (min && max && *min > *max)) return;
  for (char& c : currency) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  posting->salary_min = min;
  posting->salary_max = max;
  posting->salary_currency = std::move(currency);
  posting->salary_period = NormalizeSalaryPeriod(Text(Member(range, "interval")));
}

std::string Remote(const json& posting, std::string_view location, const std::string& description) {
  const std::string workplace = Text(Member(posting, "workplaceType"));
  if (workplace == "remote") return "remote";
  if (workplace == "hybrid") return "hybrid";
  if (workplace == "on-site" || workplace == "onsite") return "";
  std::string remote = DetectRemote(location);
  return remote.empty() ? DetectRemote(description) : remote;
}

std::optional<FeedPosting> ReadPosting(const json& posting, std::string_view request_url,
                                       std::string* why) {
  if (!posting.is_object()) {
    *why = "not an object";
    return std::nullopt;
  }
  FeedPosting out;
  Posting& p = out.posting;
  p.identifier = Text(Member(posting, "id"));
  p.title = CleanText(Member(posting, "text"));
  p.url = AbsoluteHttpUrl(Text(Member(posting, "hostedUrl")), request_url);
  if (p.title.empty()) {
    *why = "no text (title)";
    return std::nullopt;
  }
  if (p.url.empty()) {
    *why = "no hostedUrl";
    return std::nullopt;
  }
  const json& categories = Member(posting, "categories");
  const std::string location = ReadPlaces(categories, &out);
  const std::string country = NormalizeCountry(Text(Member(posting, "country")));
  if (!country.empty()) p.country = country;
  p.employment_type = NormalizeEmploymentType(CleanText(Member(categories, "commitment")));
  p.description = Description(posting);
  p.remote = Remote(posting, location, p.description);
  if (const std::optional<std::int64_t> created = Integer(Member(posting, "createdAt"))) {
    p.date_posted = IsoDateFromEpochMillis(*created);
  }
  ReadSalary(Member(posting, "salaryRange"), &p);
  return out;
}

}  // namespace

void ReadLever(std::string_view body, FeedBuilder* builder) {
  FeedPaging& paging = builder->paging();
  if (const auto limit = QueryParameter(builder->request_url(), "limit")) {
    paging.limit = Integer(nlohmann::json(*limit));
  }
  const std::optional<json> parsed = ParseFeedJson(body, builder);
  if (!parsed) return;
  const json& root = *parsed;
  if (!root.is_array()) {
    const std::string message = Text(Member(root, "error"));
    return builder->Note(message.empty() ? "not a JSON array" : "Lever says: " + message);
  }
  builder->SetListed(root.size());
  paging.full_page =
      paging.limit && *paging.limit > 0 && static_cast<std::int64_t>(root.size()) >= *paging.limit;
  for (std::size_t i = 0; i < root.size() && !builder->Full(); ++i) {
    std::string why;
    std::optional<FeedPosting> posting = ReadPosting(root[i], builder->request_url(), &why);
    if (posting) {
      builder->Add(std::move(*posting));
    } else {
      builder->Skip(i, why);
    }
  }
}

}  // namespace jobcrawler::parsers::feed_detail
