// The [crawler] and [[sources]] sections of the config, with their defaults.
#ifndef JOBCRAWLER_CRAWLER_CRAWL_OPTIONS_H_
#define JOBCRAWLER_CRAWLER_CRAWL_OPTIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parsers/extract/profile_extractor.h"
#include "parsers/feeds/feed.h"

namespace jobcrawler::crawler {

struct CrawlerOptions {
  // Sent with every request; robots.txt groups are matched on its first token.
  std::string user_agent = "jobcrawler/0.1 (+job-ad aggregator; set user_agent in config.toml)";
  int concurrency = 16;          // requests in flight over all hosts
  int per_host_concurrency = 2;  // requests in flight to one host
  int per_host_delay_ms = 1000;  // least gap between request starts to one host
  int timeout_seconds = 30;      // one whole transfer
  int connect_timeout_seconds = 10;
  // A transfer slower than low_speed_limit_bytes per second for
  // low_speed_time_seconds is aborted: a server that trickles bytes cannot
  // hold a slot until the whole timeout runs out.
  int low_speed_limit_bytes = 100;
  int low_speed_time_seconds = 20;
  int max_depth = 5;             // links followed from a start URL
  int max_pages = 5000;          // pages fetched in one run
  std::size_t max_body_bytes = 5 * 1024 * 1024;  // decompressed; larger bodies are cut
  int max_redirects = 5;
  int max_attempts = 3;          // fetches of one URL in one run (1 + retries)
  bool respect_robots_txt = true;
  int max_crawl_delay_seconds = 30;  // cap on a robots.txt Crawl-delay
  int parse_threads = 0;             // 0: one per core
  // Read each host's sitemaps (robots.txt Sitemap: lines and /sitemap.xml)
  // and enqueue the URLs in them that the source's follow rules allow.
  bool use_sitemaps = true;

  // Circuit breaker (not in the config file; tests shorten it): this many
  // failures in a row pause a host for breaker_pause times the number of
  // pauses so far; after breaker_max_trips pauses the host's remaining URLs
  // fail for this run and wait for the next.
  int breaker_threshold = 5;
  int breaker_pause_ms = 30000;
  int breaker_max_trips = 3;
};

struct Source {
  std::string name;
  std::vector<std::string> start_urls;
  // Regular expressions (RE2 syntax) on absolute canonical URLs; a link is
  // followed when one matches. Empty: the start URLs' hosts.
  std::vector<std::string> follow;
  // CSS selectors for pages without structured data ([sources.extract]);
  // empty: none. Config loading has checked that every selector parses.
  // The initializer lets Source{.name = ..., .follow = ...} leave it out
  // without -Wmissing-field-initializers.
  parsers::ExtractionProfile profile = {};
  // What the start URLs are: pages to crawl (kHtml), or a job feed or search
  // API that is read page by page (crawler/feed_source.h). Feed sources
  // follow no links and have no follow rules or profile.
  parsers::FeedType type = parsers::FeedType::kHtml;
  // Fills the company of postings that name none; "" leaves them as found.
  std::string company = {};
  // kArbeitsagentur: the X-API-Key header; "" sends kJobsucheApiKey
  // (crawler/feed_source.h).
  std::string api_key = {};
  // Overrides CrawlerOptions::respect_robots_txt for this source's URLs;
  // nullopt inherits it.
  std::optional<bool> respect_robots_txt = {};
};

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_CRAWL_OPTIONS_H_
