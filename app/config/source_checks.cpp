#include "app/config/source_checks.h"

#include <array>
#include <cctype>

namespace jobcrawler::app {
namespace {

using parsers::FeedType;

constexpr std::array kTypes = {FeedType::kHtml, FeedType::kArbeitsagentur, FeedType::kPersonio,
                               FeedType::kGreenhouse, FeedType::kLever};

constexpr std::string_view kJobsucheExample =
    "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service/pc/v6/jobs?was=IT-Leiter&wo=Hagen";
constexpr std::string_view kPersonioExample = "https://COMPANY.jobs.personio.de/xml?language=de";
constexpr std::string_view kGreenhouseExample =
    "https://boards-api.greenhouse.io/v1/boards/TOKEN/jobs?content=true";
constexpr std::string_view kLeverExample = "https://api.lever.co/v0/postings/COMPANY?mode=json";

struct UrlParts {
  std::string host;  // lower-case, without user info and port
  std::string_view path;
};

// Host and path of an absolute http(s) URL (config.cpp has checked it).
UrlParts Split(std::string_view url) {
  std::string_view rest = url.substr(url.find("://") + 3);
  const std::size_t path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (!authority.starts_with('[')) authority = authority.substr(0, authority.find(':'));
  UrlParts parts;
  for (const char c : authority) {
    parts.host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (path_start != std::string_view::npos && rest[path_start] == '/') {
    const std::string_view path = rest.substr(path_start);
    parts.path = path.substr(0, path.find_first_of("?#"));
  }
  while (parts.path.size() > 1 && parts.path.ends_with('/')) parts.path.remove_suffix(1);
  return parts;
}

bool HostIs(const std::string& host, std::string_view domain) {
  return host == domain || host.ends_with("." + std::string(domain));
}

// The path's segments after `marker` ("/boards/"), or "" when it has none.
std::string_view After(std::string_view path, std::string_view marker) {
  const std::size_t at = path.rfind(marker);
  return at == std::string_view::npos ? std::string_view() : path.substr(at + marker.size());
}

std::string Expected(std::string_view what, std::string_view example) {
  return std::string(what) + ", as in " + std::string(example);
}

std::string JobsucheError(const UrlParts& url) {
  if (HostIs(url.host, "arbeitsagentur.de") && url.host != "rest.arbeitsagentur.de") {
    return Expected("this is the Jobsuche web page, not its API; use the API's search URL",
                    kJobsucheExample);
  }
  if (!url.path.ends_with("/jobs")) {
    return Expected("not a Jobsuche search URL: its path ends in /jobs", kJobsucheExample);
  }
  return "";
}

std::string PersonioError(const UrlParts& url) {
  if (url.path.ends_with("/xml")) return "";
  return Expected("not a Personio feed URL: its path ends in /xml", kPersonioExample);
}

std::string GreenhouseError(const UrlParts& url) {
  if (url.host == "boards.greenhouse.io" || url.host == "job-boards.greenhouse.io") {
    return Expected("this is the Greenhouse job board's web page; use its API", kGreenhouseExample);
  }
  const std::string_view token = After(url.path, "/boards/");
  const std::size_t slash = token.find('/');
  if (slash == 0 || slash == std::string_view::npos || token.substr(slash) != "/jobs") {
    return Expected("not a Greenhouse job board API URL: its path is .../boards/TOKEN/jobs",
                    kGreenhouseExample);
  }
  return "";
}

std::string LeverError(const UrlParts& url) {
  if (url.host == "jobs.lever.co" || url.host == "jobs.eu.lever.co") {
    return Expected("this is the Lever job site; use its postings API", kLeverExample);
  }
  const std::string_view company = After(url.path, "/postings/");
  if (company.empty() || company.find('/') != std::string_view::npos) {
    return Expected("not a Lever postings API URL: its path is .../postings/COMPANY",
                    kLeverExample);
  }
  return "";
}

}  // namespace

std::string FeedStartUrlError(FeedType type, std::string_view url) {
  const UrlParts parts = Split(url);
  switch (type) {
    case FeedType::kArbeitsagentur:
      return JobsucheError(parts);
    case FeedType::kPersonio:
      return PersonioError(parts);
    case FeedType::kGreenhouse:
      return GreenhouseError(parts);
    case FeedType::kLever:
      return LeverError(parts);
    case FeedType::kHtml:
      break;
  }
  return "";
}

std::string FeedTypeList() {
  std::string list;
  for (const FeedType type : kTypes) {
    if (!list.empty()) list += ", ";
    list += "\"" + std::string(parsers::FeedTypeName(type)) + "\"";
  }
  return list;
}

}  // namespace jobcrawler::app
