#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "crawler/fetch_request.h"
#include "crawler/http_client.h"
#include "crawler/url.h"
#include "parsers/html/charset.h"
#include "parsers/extract/page_extractor.h"

namespace jobcrawler::app {
namespace {

nlohmann::json ToJson(const parsers::Posting& p, bool matched) {
  nlohmann::json j;
  j["title"] = p.title;
  j["company"] = p.company;
  j["street"] = p.street;
  j["location"] = p.locality;
  j["postal_code"] = p.postal_code;
  j["region"] = p.region;
  j["country"] = p.country;
  nlohmann::json others = nlohmann::json::array();
  for (const parsers::PostingPlace& place : p.other_places) {
    others.push_back({{"location", place.locality},
                      {"postal_code", place.postal_code},
                      {"region", place.region},
                      {"country", place.country}});
  }
  j["other_locations"] = std::move(others);
  j["salary_min"] = p.salary_min ? nlohmann::json(*p.salary_min) : nlohmann::json();
  j["salary_max"] = p.salary_max ? nlohmann::json(*p.salary_max) : nlohmann::json();
  j["salary_currency"] = p.salary_currency;
  j["salary_period"] = p.salary_period;
  j["employment_type"] = p.employment_type;
  j["remote"] = p.remote;
  j["date_posted"] = p.date_posted;
  j["valid_through"] = p.valid_through;
  j["url"] = p.url;
  j["identifier"] = p.identifier;
  j["format"] = std::string(parsers::PostingFormatName(p.format));
  j["matched"] = matched;
  j["description"] = p.description;
  return j;
}

struct Page {
  std::string body;
  std::string content_type;
  std::string url;  // empty for a file
  std::string error;
};

Page Fetch(const std::string& url, const crawler::CrawlerOptions& options) {
  boost::asio::io_context io;
  crawler::HttpClient client(io);
  crawler::FetchRequest request = crawler::RequestFor(options, url);
  Page page;
  client.Fetch(request, [&page](crawler::FetchResult result) {
    page.url = result.final_url.empty() ? result.url : result.final_url;
    if (result.error != crawler::FetchError::kNone) {
      page.error = result.error_message;
    } else if (result.status < 200 || result.status >= 300) {
      page.error = "HTTP " + std::to_string(result.status) + " from " + page.url;
    }
    page.content_type = result.content_type;
    page.body = std::move(result.body);
  });
  io.run();
  return page;
}

// "2026-11-20", for relative dates on the page.
std::string TodayUtc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date(today);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

Page Read(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Page{.body = {}, .content_type = {}, .url = {}, .error = "cannot read " + path};
  std::ostringstream buffer;
  buffer << file.rdbuf();
  return Page{.body = buffer.str(), .content_type = {}, .url = {}, .error = {}};
}

}  // namespace

int RunParse(const ParseCommand& command, std::ostream& out, std::ostream& err) {
  Config config = LoadConfigForCli(command.config_path);
  bool is_url = command.target.rfind("http://", 0) == 0 || command.target.rfind("https://", 0) == 0;
  Page page = is_url ? Fetch(command.target, config.crawler) : Read(command.target);
  if (!page.error.empty()) {
    err << "jobcrawler: " << page.error << '\n';
    return kExitFailure;
  }
  parsers::DecodedBody decoded = parsers::DecodeHtml(page.body, page.content_type);
  parsers::ExtractPageOptions options{.profile = nullptr, .today = TodayUtc()};
  if (!command.source.empty()) {
    const auto source = std::find_if(config.sources.begin(), config.sources.end(),
                                     [&](const auto& s) { return s.name == command.source; });
    if (source == config.sources.end()) {
      err << "jobcrawler: no enabled source named \"" << command.source << "\" in the config\n";
      return kExitUsage;
    }
    options.profile = &source->profile;
  }
  parsers::PageExtraction extraction = parsers::ExtractPage(decoded.utf8, options);
  parsers::Matcher matcher(config.match);
  std::string base = page.url;
  if (!base.empty() && !extraction.base_href.empty()) {
    if (auto resolved = crawler::ResolveUrl(base, extraction.base_href)) base = *resolved;
  }
  for (parsers::Posting& posting : extraction.postings) {
    if (!base.empty() && !posting.url.empty()) {
      if (auto resolved = crawler::ResolveUrl(base, posting.url)) posting.url = *resolved;
    }
    out << ToJson(posting, matcher.Match(posting).matched()).dump() << '\n';
  }
  err << extraction.postings.size() << " posting(s), " << extraction.links.size()
      << " link(s), " << extraction.json_ld_blocks << " JSON-LD block(s) ("
      << extraction.json_ld_errors << " unreadable)\n";
  if (!extraction.ad_verdict.empty()) {
    err << "page without structured data: " << extraction.ad_verdict << '\n';
  }
  for (const std::string& note : extraction.diagnostics) err << "note: " << note << '\n';
  for (const std::string& next : extraction.next_pages) err << "next page: " << next << '\n';
  return kExitOk;
}

}  // namespace jobcrawler::app
