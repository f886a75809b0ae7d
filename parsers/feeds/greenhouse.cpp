// Greenhouse's job board API
// (https://boards-api.greenhouse.io/v1/boards/TOKEN/jobs?content=true,
// documented at developers.greenhouse.io/job-board.html):
//
//   {"jobs": [{"id": 4012345, "title": "Head of IT (m/w/d)",
//              "location": {"name": "Hagen, Germany"},
//              "updated_at": "2026-11-02T09:15:00-05:00",
//              "first_published": "2026-10-30T08:00:00-05:00",
//              "absolute_url": "https://boards.greenhouse.io/acme/jobs/4012345",
//              "company_name": "Acme GmbH",
//              "content": "&lt;p&gt;Wir suchen ...&lt;/p&gt;"}],
//    "meta": {"total": 1}}
//
// `content` is HTML-escaped HTML (read as clean text). The date posted is
// first_published, else updated_at. Without absolute_url the page is
// https://boards.greenhouse.io/TOKEN/jobs/ID, TOKEN taken from the request
// URL. meta.total goes to paging.total. Jobs without title or page are
// skipped.
#include <string>
#include <utility>

#include "parsers/feeds/feed_readers.h"
#include "parsers/html/html_text.h"

namespace jobcrawler::parsers::feed_detail {
namespace {

using nlohmann::json;

// "acme" from .../v1/boards/acme/jobs..., or "".
std::string BoardToken(std::string_view request_url) {
  constexpr std::string_view kMarker = "/boards/";
  const std::size_t start = request_url.find(kMarker);
  if (start == std::string_view::npos) return "";
  std::string_view rest = request_url.substr(start + kMarker.size());
  rest = rest.substr(0, rest.find_first_of("/?#"));
  return std::string(rest);
}

std::string JobPage(const json& job, std::string_view request_url, const std::string& id) {
  std::string url = AbsoluteHttpUrl(Text(Member(job, "absolute_url")), request_url);
  if (!url.empty() || id.empty()) return url;
  const std::string token = BoardToken(request_url);
  if (token.empty()) return "";
  return "https://boards.greenhouse.io/" + PathSegment(token) + "/jobs/" + PathSegment(id);
}

std::optional<FeedPosting> ReadJob(const json& job, std::string_view request_url,
                                   std::string* why) {
  if (!job.is_object()) {
    *why = "not an object";
    return std::nullopt;
  }
  FeedPosting out;
  Posting& p = out.posting;
  p.identifier = Text(Member(job, "id"));
  p.title = CleanText(Member(job, "title"));
  p.url = JobPage(job, request_url, p.identifier);
  if (p.title.empty()) {
    *why = "no title";
    return std::nullopt;
  }
  if (p.url.empty()) {
    *why = "no absolute_url";
    return std::nullopt;
  }
  p.company = CleanText(Member(job, "company_name"));
  const json& location = Member(job, "location");
  const std::string place = CleanText(location.is_object() ? Member(location, "name") : location);
  SetPlace(PlaceFromText(place), &p);
  const json& content = Member(job, "content");
  if (content.is_string()) p.description = HtmlToText(content.get_ref<const std::string&>());
  p.remote = DetectRemote(place);
  if (p.remote.empty()) p.remote = DetectRemote(p.description);
  p.date_posted = NormalizeDate(Text(AnyMember(job, {"first_published", "updated_at"})), "");
  return out;
}

}  // namespace

void ReadGreenhouse(std::string_view body, FeedBuilder* builder) {
  const std::optional<json> parsed = ParseFeedJson(body, builder);
  if (!parsed) return;
  const json& root = *parsed;
  const json& jobs = Member(root, "jobs");
  if (!jobs.is_array()) {
    const std::string message = Text(AnyMember(root, {"message", "error", "status"}));
    return builder->Note(message.empty() ? "no \"jobs\" list" : "no \"jobs\" list: " + message);
  }
  builder->paging().total = Integer(Member(Member(root, "meta"), "total"));
  builder->SetListed(jobs.size());
  for (std::size_t i = 0; i < jobs.size() && !builder->Full(); ++i) {
    std::string why;
    std::optional<FeedPosting> posting = ReadJob(jobs[i], builder->request_url(), &why);
    if (posting) {
      builder->Add(std::move(*posting));
    } else {
      builder->Skip(i, why);
    }
  }
}

}  // namespace jobcrawler::parsers::feed_detail
