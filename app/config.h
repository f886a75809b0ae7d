// The whole configuration, loaded once from config.toml (or the embedded
// default) into plain structs whose defaults live in their declarations.
#ifndef JOBCRAWLER_APP_CONFIG_H_
#define JOBCRAWLER_APP_CONFIG_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawl_options.h"
#include "parsers/matcher.h"

namespace jobcrawler::app {

struct StorageConfig {
  std::string database = "jobcrawler.db";
};

struct Config {
  crawler::CrawlerOptions crawler;
  StorageConfig storage;
  parsers::MatchRules match;
  std::vector<crawler::Source> sources;
};

// A config that cannot be used. what() names the file, the key and the line,
// e.g. "config.toml:12: crawler.concurrency: expected a positive integer, got -3".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses TOML text. `origin` names the text in messages (a path).
// Throws ConfigError on syntax errors, unknown keys, wrong types and values
// out of range, invalid regular expressions and postal-code ranges.
Config ParseConfig(std::string_view toml_text, std::string_view origin);

// Reads and parses a file; a missing or unreadable file is a ConfigError.
Config LoadConfigFile(const std::string& path);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CONFIG_H_
