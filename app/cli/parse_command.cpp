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
#include "crawler/feed_source.h"
#include "crawler/fetch_request.h"
#include "crawler/http_client.h"
#include "crawler/url.h"
#include "parsers/extract/page_extractor.h"
#include "parsers/feeds/feed.h"
#include "parsers/feeds/feed_paging.h"
#include "parsers/html/charset.h"

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

Page Fetch(const std::string& url, const crawler::CrawlerOptions& options,
           const crawler::Source& source) {
  boost::asio::io_context io;
  crawler::HttpClient client(io);
  crawler::FetchRequest request = crawler::RequestFor(options, url);
  request.headers = crawler::SourceRequestHeaders(source);
  Page page;
  client.Fetch(request, [&page, &source](crawler::FetchResult result) {
    page.url = result.final_url.empty() ? result.url : result.final_url;
    if (result.error != crawler::FetchError::kNone) {
      page.error = result.error_message;
    } else if (result.status < 200 || result.status >= 300) {
      page.error = "HTTP " + std::to_string(result.status) + " from " + page.url;
      const std::string sent = crawler::CredentialsNote(source);
      if ((result.status == 401 || result.status == 403) && !sent.empty()) page.error += "; " + sent;
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

// What the crawler would do next after this response of a walk.
void WritePaging(const parsers::FeedPage& feed, parsers::FeedType type, const Page& page,
                 std::ostream& err) {
  const parsers::FeedPaging& paging = feed.paging;
  err << "paging: " << paging.listed << " listed";
  if (paging.total) err << ", " << *paging.total << " in all";
  if (paging.page) err << ", page " << *paging.page;
  if (paging.size) err << ", size " << *paging.size;
  err << '\n';
  if (page.url.empty()) return;  // a file: no URL to page on
  const int number = crawler::FeedPageNumber(type, page.url);
  const parsers::PageStep step = parsers::NextFeedPage(type, page.url, number, feed);
  if (!step.next_url.empty()) {
    err << "next page: " << step.next_url << '\n';
    if (step.too_broad) err << "warning: " << step.message << '\n';
  } else if (step.complete) {
    err << "last page: the listing ends here\n";
  } else {
    err << "incomplete: " << step.message << '\n';
  }
}

// A feed response (or an html source's JSON body) as postings on `out`,
// what was noticed and the paging on `err`.
int PrintFeed(const crawler::Source& source, const Page& page, const parsers::Matcher& matcher,
              std::ostream& out, std::ostream& err) {
  parsers::FeedPage feed =
      parsers::ParseFeed(source.type, page.body, page.url, {.company = source.company});
  const std::size_t postings = feed.postings.size();
  for (parsers::FeedPosting& entry : feed.postings) {
    const std::vector<std::string> also = entry.also_seen_at;
    const parsers::Posting posting = crawler::PostingOfFeedEntry(std::move(entry));
    nlohmann::json json = ToJson(posting, matcher.Match(posting).matched());
    json["also_seen_at"] = also;
    out << json.dump() << '\n';
  }
  err << postings << " posting(s) in the " << parsers::FeedTypeName(source.type)
      << " response (shape " << parsers::FeedShapeName(feed.shape) << ")\n";
  if (feed.truncated) err << "note: a limit cut the response; the listing is incomplete\n";
  for (const std::string& note : feed.diagnostics) err << "note: " << note << '\n';
  if (!crawler::IsFeedType(source.type)) return kExitOk;
  WritePaging(feed, source.type, page, err);
  if (feed.shape != parsers::FeedShape::kUnknown) return kExitOk;
  if (page.url.empty() && source.type == parsers::FeedType::kPersonio) {
    err << "note: a Personio feed's job pages are built from the feed's address: parse its URL, "
           "or name its source with --source\n";
  }
  err << "jobcrawler: the response was not understood as type "
      << parsers::FeedTypeName(source.type) << '\n';
  return kExitFailure;
}

// An HTML page as postings on `out`, a summary and notes on `err`.
int PrintPage(const crawler::Source& source, const Page& page, const parsers::Matcher& matcher,
              std::ostream& out, std::ostream& err) {
  parsers::DecodedBody decoded = parsers::DecodeHtml(page.body, page.content_type);
  parsers::ExtractPageOptions options{.profile = &source.profile, .today = TodayUtc()};
  parsers::PageExtraction extraction = parsers::ExtractPage(decoded.utf8, options);
  std::string base = page.url;
  if (!base.empty() && !extraction.base_href.empty()) {
    if (auto resolved = crawler::ResolveUrl(base, extraction.base_href)) base = *resolved;
  }
  for (parsers::Posting& posting : extraction.postings) {
    if (!base.empty() && !posting.url.empty()) {
      if (auto resolved = crawler::ResolveUrl(base, posting.url)) posting.url = *resolved;
    }
    if (posting.company.empty()) posting.company = source.company;
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

}  // namespace

int RunParse(const ParseCommand& command, std::ostream& out, std::ostream& err) {
  Config config = LoadConfigForCli(command.config_path);
  crawler::Source source;  // a plain html source unless --source names one
  if (!command.source.empty()) {
    const auto found = std::find_if(config.sources.begin(), config.sources.end(),
                                    [&](const auto& s) { return s.name == command.source; });
    if (found == config.sources.end()) {
      err << "jobcrawler: no enabled source named \"" << command.source << "\" in the config\n";
      return kExitUsage;
    }
    source = *found;
  }
  if (!command.type.empty()) {
    const std::optional<parsers::FeedType> type = parsers::ParseFeedType(command.type);
    if (!type) {
      err << "jobcrawler: unknown --type " << command.type << '\n';
      return kExitUsage;
    }
    source.type = *type;
  }
  const bool is_url =
      command.target.rfind("http://", 0) == 0 || command.target.rfind("https://", 0) == 0;
  Page page;
  if (is_url) {
    const std::string url = crawler::ParseRequestUrl(source.type, command.target);
    if (url.empty()) {
      err << "jobcrawler: cannot build the first page's URL of " << command.target << '\n';
      return kExitUsage;
    }
    page = Fetch(url, config.crawler, source);
  } else {
    page = Read(command.target);
    // The file stands in for a response of the source: Personio's job pages
    // and relative URLs are built from the address it came from.
    if (!source.start_urls.empty()) page.url = crawler::FirstRequestUrl(source, source.start_urls[0]);
  }
  if (!page.error.empty()) {
    err << "jobcrawler: " << page.error << '\n';
    return kExitFailure;
  }
  const parsers::Matcher matcher(config.match);
  if (crawler::IsFeedType(source.type) ||
      parsers::LooksLikeJsonBody(page.content_type, page.body)) {
    return PrintFeed(source, page, matcher, out, err);
  }
  return PrintPage(source, page, matcher, out, err);
}

}  // namespace jobcrawler::app
