// The reader behind ParseConfig, shared by config.cpp (the tables and the
// values) and config_sources.cpp ([[sources]]). Internal to app/config: only
// its .cpp files include it, the only ones that see toml++.
#ifndef JOBCRAWLER_APP_CONFIG_CONFIG_READER_H_
#define JOBCRAWLER_APP_CONFIG_CONFIG_READER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "app/config/config.h"

namespace jobcrawler::app::config_internal {

// Accepted range of an integer key. The bounds reject typos, not tastes.
struct IntRange {
  std::int64_t min;
  std::int64_t max;
};
// A key's place in the file for messages: "sources[2].follow[0]", plus an
// optional label such as `source "stepstone"`.
struct KeyPath {
  std::string path;
  std::string label;

  KeyPath Child(std::string_view key) const {
    return {path.empty() ? std::string(key) : path + "." + std::string(key), label};
  }
  KeyPath Index(std::size_t i) const { return {path + "[" + std::to_string(i) + "]", label}; }
  std::string Display() const { return label.empty() ? path : path + " (" + label + ")"; }
};

using FieldReader = std::function<void(const toml::node&, const KeyPath&)>;
using Fields = std::map<std::string_view, FieldReader>;

// Turns one parsed TOML document into a Config. Throws ConfigError.
class ConfigReader {
 public:
  explicit ConfigReader(std::string_view origin) : origin_(origin) {}

  Config Read(const toml::table& root);

 private:
  [[noreturn]] void Fail(const toml::source_region& where, const std::string& message) const;
  [[noreturn]] void FailType(const toml::node& node, const KeyPath& key,
                             std::string_view expected) const;

  // Calls the reader of every key in `table`, in file order; an unknown key
  // is an error that suggests the nearest known one.
  void ReadFields(const toml::table& table, const KeyPath& at, const Fields& fields) const;

  const toml::table& Table(const toml::node& node, const KeyPath& key) const;
  std::int64_t Int(const toml::node& node, const KeyPath& key, IntRange range) const;
  bool Bool(const toml::node& node, const KeyPath& key) const;
  std::string String(const toml::node& node, const KeyPath& key) const;
  std::vector<std::string> Strings(const toml::node& node, const KeyPath& key) const;

  void ReadCrawler(const toml::node& node, crawler::CrawlerOptions& out) const;
  void ReadStorage(const toml::node& node, StorageConfig& out) const;
  void ReadMonitoring(const toml::node& node, MonitoringConfig& out) const;
  void ReadReport(const toml::node& node, ReportConfig& out) const;
  void ReadMatch(const toml::node& node, parsers::MatchRules& out) const;
  double RadiusKm(const toml::node& node, const KeyPath& key) const;
  std::vector<parsers::PostalCodeRange> PostalCodes(const toml::node& node,
                                                    const KeyPath& key) const;
  void ReadSources(const toml::node& node, std::vector<crawler::Source>& out) const;
  // Returns false for a source with `enabled = false`. `first_lines` maps
  // each name seen so far to its line, to report duplicates.
  bool ReadSource(const toml::table& table, const KeyPath& at,
                  std::map<std::string, std::uint32_t>& first_lines,
                  crawler::Source& out) const;
  // Stops when an enabled feed source (at `at`, read from `table`) has a
  // walk (crawler::FeedWalkKey) of an earlier one: its first page would be
  // the same URL, which a run's frontier holds once, so the later source
  // would fail every run. `first_walks` maps each walk seen so far to its
  // source and line.
  void CheckDistinctWalks(const toml::table& table, const KeyPath& at,
                          const crawler::Source& source,
                          std::map<std::string, std::pair<std::string, std::uint32_t>>&
                              first_walks) const;
  std::vector<std::string> StartUrls(const toml::node& node, const KeyPath& key) const;
  parsers::FeedType SourceType(const toml::node& node, const KeyPath& key) const;
  std::string HeaderSafe(const toml::node& node, const KeyPath& key) const;
  void CheckSourceType(const toml::table& table, const KeyPath& at,
                       const crawler::Source& source) const;
  std::vector<std::string> FollowPatterns(const toml::node& node, const KeyPath& key) const;
  parsers::ExtractionProfile ExtractionProfile(const toml::node& node, const KeyPath& key) const;

  std::string origin_;
};

}  // namespace jobcrawler::app::config_internal

#endif  // JOBCRAWLER_APP_CONFIG_CONFIG_READER_H_
