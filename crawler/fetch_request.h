// The request for one URL with the config's user agent, timeouts and limits,
// so that pages, robots.txt and `jobcrawler parse` all fetch alike.
#ifndef JOBCRAWLER_CRAWLER_FETCH_REQUEST_H_
#define JOBCRAWLER_CRAWLER_FETCH_REQUEST_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "crawler/crawl_options.h"
#include "crawler/feed_source.h"
#include "crawler/http_client.h"
#include "crawler/scope.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

inline FetchRequest RequestFor(const CrawlerOptions& options, std::string url) {
  FetchRequest request;
  request.url = std::move(url);
  request.user_agent = options.user_agent;
  request.timeout = std::chrono::seconds(options.timeout_seconds);
  request.connect_timeout = std::chrono::seconds(options.connect_timeout_seconds);
  request.low_speed_bytes = options.low_speed_limit_bytes;
  request.low_speed_time = std::chrono::seconds(options.low_speed_time_seconds);
  request.max_body_bytes = options.max_body_bytes;
  request.max_redirects = options.max_redirects;
  return request;
}

// The request for a frontier entry of the source `scope` describes: its URL
// as found (the canonical one for rows that have none) with the source's
// extra headers (crawler/feed_source.h), made conditional with the previous
// fetch's validators only when that fetch was parsed under the source's
// current parse key (otherwise a 304 would keep the page from being parsed
// again under the new rules), and never for a feed source, whose every
// response is read to follow its walk.
inline FetchRequest PageRequestFor(const CrawlerOptions& options,
                                   const storage::FrontierEntry& entry,
                                   const SourceScope& scope) {
  FetchRequest request = RequestFor(options, entry.fetch_url.empty() ? entry.url : entry.fetch_url);
  request.headers = scope.request_headers();
  if (IsFeedType(scope.type())) return request;
  if (entry.parse_key.empty() || entry.parse_key != scope.parse_key()) return request;
  if (!entry.etag.empty()) request.headers.push_back("If-None-Match: " + entry.etag);
  if (!entry.last_modified.empty()) {
    request.headers.push_back("If-Modified-Since: " + entry.last_modified);
  }
  return request;
}

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_FETCH_REQUEST_H_
