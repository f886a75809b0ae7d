// The whole configuration, loaded once from config.toml (or the embedded
// default) into plain structs whose defaults live in their declarations.
#ifndef JOBCRAWLER_APP_CONFIG_CONFIG_H_
#define JOBCRAWLER_APP_CONFIG_CONFIG_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawl_options.h"
#include "parsers/match/matcher.h"

namespace jobcrawler::app {

struct StorageConfig {
  std::string database = "jobcrawler.db";
};

// [monitoring]: what a completed crawl does with what it found.
struct MonitoringConfig {
  // A posting that this many consecutive completed runs did not see, while
  // they crawled its source successfully, is closed ("unseen").
  int close_after_missed_runs = 3;
  // Gets a JSON POST when a crawl finds new or closed matched postings;
  // empty: no webhook. An http(s) URL.
  std::string webhook_url;
};

// [report]: how `jobcrawler report` writes numbers, dates and labels.
struct ReportConfig {
  std::string locale = "en";  // "en" or "de"
};

struct Config {
  crawler::CrawlerOptions crawler;
  StorageConfig storage;
  MonitoringConfig monitoring;
  ReportConfig report;
  parsers::MatchRules match;
  std::vector<crawler::Source> sources;
};

// A config that cannot be used. what() names the file, the key and the line,
// e.g. "config.toml:12: crawler.concurrency: must be between 1 and 1024, got -3".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses TOML text. `origin` names the text in messages (a path).
// Throws ConfigError on syntax errors, unknown keys, wrong types and values
// out of range, invalid regular expressions and postal-code ranges.
// Missing keys keep their defaults; a [match] array that is given replaces
// the built-in list. Sources with `enabled = false` are checked like the
// others, then left out of Config::sources.
Config ParseConfig(std::string_view toml_text, std::string_view origin);

// Reads and parses a file; a missing or unreadable file is a ConfigError.
// Relative paths, here and in storage.database, are relative to the current
// directory, not to the config file (cron jobs should use absolute paths).
Config LoadConfigFile(const std::string& path);

// The shipped config.toml, embedded at build time (app/config/CMakeLists.txt), so
// that the binary works without the file. Static storage; never fails.
std::string_view DefaultConfigToml();

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CONFIG_CONFIG_H_
