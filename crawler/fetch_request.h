// The request for one URL with the config's user agent, timeouts and limits,
// so that pages, robots.txt and `jobcrawler parse` all fetch alike.
#ifndef JOBCRAWLER_CRAWLER_FETCH_REQUEST_H_
#define JOBCRAWLER_CRAWLER_FETCH_REQUEST_H_

#include <chrono>
#include <string>
#include <utility>

#include "crawler/crawl_options.h"
#include "crawler/http_client.h"

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

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_FETCH_REQUEST_H_
