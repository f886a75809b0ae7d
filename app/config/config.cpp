// Reads config.toml into Config with toml++. Every error is a ConfigError whose
// message starts "ORIGIN:LINE: KEY.PATH: ..." so that a cron mail names the
// exact spot. Only this file, config_sources.cpp ([[sources]]) and their
// config_reader.h see toml++.
//
// Our choices, beyond TOML itself:
// - unknown keys are errors (a typo must not silently keep a default);
// - an explicitly given [match] array replaces the built-in list;
// - [[sources]] with `enabled = false` are validated, then dropped;
// - [sources.extract] selectors are parsed here, so a typo fails at start-up;
// - keys a source's type does not use (follow and extract of a feed,
//   api_key of anything but arbeitsagentur) are errors, not ignored, and
//   start URLs must have the shape of their type (source_checks.h);
// - several errors: the one on the earliest line is reported.
#include "app/config/config.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include <toml++/toml.h>

#include "app/config/config_checks.h"
#include "app/config/config_reader.h"

namespace jobcrawler::app {
namespace config_internal {
namespace {

constexpr IntRange kConcurrency{1, 1024};          // the usual fd soft limit
constexpr IntRange kPerHostConcurrency{1, 64};     // more is abuse of a site
constexpr IntRange kPerHostDelayMs{0, 3'600'000};  // one hour
constexpr IntRange kTimeoutSeconds{1, 3600};
constexpr IntRange kConnectTimeoutSeconds{1, 600};
constexpr IntRange kMaxDepth{0, 100};
constexpr IntRange kMaxPages{1, 10'000'000};
constexpr IntRange kMaxBodyBytes{1024, 1024 * 1024 * 1024};  // 1 KiB .. 1 GiB
constexpr IntRange kMaxRedirects{0, 20};   // curl's own default cap is 30
constexpr IntRange kMaxAttempts{1, 20};
constexpr IntRange kMaxCrawlDelaySeconds{0, 86'400};  // one day
constexpr IntRange kParseThreads{0, 256};             // 0: one per core
constexpr IntRange kLowSpeedLimitBytes{0, 1'000'000};  // 0: no low-speed limit
constexpr IntRange kLowSpeedTimeSeconds{1, 3600};
// More than 100 missed runs is a posting nobody will close by hand either.
constexpr IntRange kCloseAfterMissedRuns{1, 100};

std::string_view TypeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::none: return "nothing";
    case toml::node_type::table: return "table";
    case toml::node_type::array: return "array";
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
  }
  return "unknown";
}

std::string FormatNumber(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

bool Before(const toml::source_position& a, const toml::source_position& b) {
  return a.line != b.line ? a.line < b.line : a.column < b.column;
}

}  // namespace

void ConfigReader::Fail(const toml::source_region& where, const std::string& message) const {
  std::string text = origin_;
  if (where.begin.line > 0) text += ":" + std::to_string(where.begin.line);
  throw ConfigError(text + ": " + message);
}

void ConfigReader::FailType(const toml::node& node, const KeyPath& key,
                            std::string_view expected) const {
  Fail(node.source(), key.Display() + ": expected " + std::string(expected) + ", got " +
                          std::string(TypeName(node.type())));
}

void ConfigReader::ReadFields(const toml::table& table, const KeyPath& at,
                              const Fields& fields) const {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, node] : table) entries.emplace_back(&key, &node);
  // toml++ keeps keys sorted by name; report problems in file order instead.
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return Before(a.first->source().begin, b.first->source().begin);
  });
  for (const auto& [key, node] : entries) {
    const auto field = fields.find(key->str());
    if (field != fields.end()) {
      field->second(*node, at.Child(key->str()));
      continue;
    }
    std::vector<std::string_view> known;
    for (const auto& [name, reader] : fields) known.push_back(name);
    std::string message = "unknown key " + at.Child(key->str()).path;
    const std::string_view suggestion = NearestKey(key->str(), known);
    if (!suggestion.empty()) message += " (did you mean " + at.Child(suggestion).path + "?)";
    Fail(key->source(), message);
  }
}

const toml::table& ConfigReader::Table(const toml::node& node, const KeyPath& key) const {
  if (!node.is_table()) FailType(node, key, "a table");
  return *node.as_table();
}

std::int64_t ConfigReader::Int(const toml::node& node, const KeyPath& key,
                               IntRange range) const {
  if (!node.is_integer()) FailType(node, key, "an integer");
  const std::int64_t value = node.as_integer()->get();
  if (value < range.min || value > range.max) {
    Fail(node.source(), key.Display() + ": must be between " + std::to_string(range.min) +
                            " and " + std::to_string(range.max) + ", got " +
                            std::to_string(value));
  }
  return value;
}

bool ConfigReader::Bool(const toml::node& node, const KeyPath& key) const {
  if (!node.is_boolean()) FailType(node, key, "a boolean (true or false)");
  return node.as_boolean()->get();
}

std::string ConfigReader::String(const toml::node& node, const KeyPath& key) const {
  if (!node.is_string()) FailType(node, key, "a string");
  std::string value = node.as_string()->get();
  if (value.empty()) Fail(node.source(), key.Display() + ": must not be empty");
  return value;
}

std::vector<std::string> ConfigReader::Strings(const toml::node& node,
                                               const KeyPath& key) const {
  if (!node.is_array()) FailType(node, key, "an array of strings");
  std::vector<std::string> values;
  const toml::array& array = *node.as_array();
  for (std::size_t i = 0; i < array.size(); ++i) values.push_back(String(array[i], key.Index(i)));
  return values;
}

Config ConfigReader::Read(const toml::table& root) {
  Config config;
  const Fields fields = {
      {"crawler", [&](const auto& n, const auto&) { ReadCrawler(n, config.crawler); }},
      {"storage", [&](const auto& n, const auto&) { ReadStorage(n, config.storage); }},
      {"monitoring", [&](const auto& n, const auto&) { ReadMonitoring(n, config.monitoring); }},
      {"report", [&](const auto& n, const auto&) { ReadReport(n, config.report); }},
      {"match", [&](const auto& n, const auto&) { ReadMatch(n, config.match); }},
      {"sources", [&](const auto& n, const auto&) { ReadSources(n, config.sources); }},
  };
  ReadFields(root, KeyPath{}, fields);
  return config;
}

void ConfigReader::ReadCrawler(const toml::node& node, crawler::CrawlerOptions& out) const {
  const KeyPath at{"crawler", ""};
  // Each integer key, its destination and its bounds.
  const auto integer = [this](int* field, IntRange range) -> FieldReader {
    return [this, field, range](const toml::node& n, const KeyPath& k) {
      *field = static_cast<int>(Int(n, k, range));
    };
  };
  const Fields fields = {
      {"user_agent",
       [&](const auto& n, const auto& k) {
         out.user_agent = String(n, k);
         // It goes verbatim into an HTTP header line.
         if (HasControlCharacter(out.user_agent)) {
           Fail(n.source(), k.Display() + ": must not contain control characters");
         }
       }},
      {"concurrency", integer(&out.concurrency, kConcurrency)},
      {"per_host_concurrency", integer(&out.per_host_concurrency, kPerHostConcurrency)},
      {"per_host_delay_ms", integer(&out.per_host_delay_ms, kPerHostDelayMs)},
      {"timeout_seconds", integer(&out.timeout_seconds, kTimeoutSeconds)},
      {"connect_timeout_seconds",
       integer(&out.connect_timeout_seconds, kConnectTimeoutSeconds)},
      {"max_depth", integer(&out.max_depth, kMaxDepth)},
      {"max_pages", integer(&out.max_pages, kMaxPages)},
      {"max_body_bytes",
       [&](const auto& n, const auto& k) {
         out.max_body_bytes = static_cast<std::size_t>(Int(n, k, kMaxBodyBytes));
       }},
      {"max_redirects", integer(&out.max_redirects, kMaxRedirects)},
      {"max_attempts", integer(&out.max_attempts, kMaxAttempts)},
      {"respect_robots_txt",
       [&](const auto& n, const auto& k) { out.respect_robots_txt = Bool(n, k); }},
      {"max_crawl_delay_seconds",
       integer(&out.max_crawl_delay_seconds, kMaxCrawlDelaySeconds)},
      {"parse_threads", integer(&out.parse_threads, kParseThreads)},
      {"use_sitemaps", [&](const auto& n, const auto& k) { out.use_sitemaps = Bool(n, k); }},
      {"low_speed_limit_bytes", integer(&out.low_speed_limit_bytes, kLowSpeedLimitBytes)},
      {"low_speed_time_seconds", integer(&out.low_speed_time_seconds, kLowSpeedTimeSeconds)},
  };
  ReadFields(Table(node, at), at, fields);
}

void ConfigReader::ReadStorage(const toml::node& node, StorageConfig& out) const {
  const KeyPath at{"storage", ""};
  const Fields fields = {
      {"database", [&](const auto& n, const auto& k) { out.database = String(n, k); }},
  };
  ReadFields(Table(node, at), at, fields);
}

void ConfigReader::ReadMonitoring(const toml::node& node, MonitoringConfig& out) const {
  const KeyPath at{"monitoring", ""};
  const Fields fields = {
      {"close_after_missed_runs",
       [&](const auto& n, const auto& k) {
         out.close_after_missed_runs = static_cast<int>(Int(n, k, kCloseAfterMissedRuns));
       }},
      {"webhook_url",
       [&](const auto& n, const auto& k) {
         out.webhook_url = String(n, k);
         if (!IsAbsoluteHttpUrl(out.webhook_url)) {
           Fail(n.source(), k.Display() + ": not an absolute http(s) URL: \"" + out.webhook_url +
                                "\"");
         }
       }},
  };
  ReadFields(Table(node, at), at, fields);
}

void ConfigReader::ReadReport(const toml::node& node, ReportConfig& out) const {
  const KeyPath at{"report", ""};
  const Fields fields = {
      {"locale",
       [&](const auto& n, const auto& k) {
         out.locale = String(n, k);
         if (out.locale != "en" && out.locale != "de") {
           Fail(n.source(), k.Display() + ": must be \"en\" or \"de\", got \"" + out.locale +
                                "\"");
         }
       }},
  };
  ReadFields(Table(node, at), at, fields);
}

void ConfigReader::ReadMatch(const toml::node& node, parsers::MatchRules& out) const {
  const KeyPath at{"match", ""};
  const Fields fields = {
      {"titles",
       [&](const auto& n, const auto& k) {
         out.titles = Strings(n, k);
         // An empty list would match nothing, which is surely a mistake.
         if (out.titles.empty()) Fail(n.source(), k.Display() + ": must not be empty");
       }},
      {"exclude_titles", [&](const auto& n, const auto& k) { out.exclude_titles = Strings(n, k); }},
      {"locations", [&](const auto& n, const auto& k) { out.locations = Strings(n, k); }},
      {"postal_codes",
       [&](const auto& n, const auto& k) { out.postal_codes = PostalCodes(n, k); }},
      {"radius_km", [&](const auto& n, const auto& k) { out.radius_km = RadiusKm(n, k); }},
      {"center",
       [&](const auto& n, const auto& k) {
         out.center = String(n, k);
         // Even with radius_km = 0: an unknown town here is surely a typo.
         if (!parsers::IsKnownCenter(out.center)) {
           Fail(n.source(), k.Display() + ": unknown town \"" + out.center +
                                "\" (not in the gazetteer, parsers/match/gazetteer.cpp)");
         }
       }},
  };
  ReadFields(Table(node, at), at, fields);
}

double ConfigReader::RadiusKm(const toml::node& node, const KeyPath& key) const {
  double value = 0;
  if (node.is_integer()) {
    value = static_cast<double>(node.as_integer()->get());
  } else if (node.is_floating_point()) {
    value = node.as_floating_point()->get();
  } else {
    FailType(node, key, "a number");
  }
  // TOML allows nan and inf; neither is a distance.
  if (!std::isfinite(value) || value < 0) {
    Fail(node.source(), key.Display() + ": must be a finite number >= 0, got " +
                            FormatNumber(value));
  }
  return value;
}

std::vector<parsers::PostalCodeRange> ConfigReader::PostalCodes(const toml::node& node,
                                                                const KeyPath& key) const {
  if (!node.is_array()) FailType(node, key, "an array of strings");
  std::vector<parsers::PostalCodeRange> ranges;
  const toml::array& array = *node.as_array();
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string text = String(array[i], key.Index(i));
    parsers::PostalCodeRange range;
    if (!parsers::ParsePostalCodeRange(text, &range)) {
      Fail(array[i].source(), key.Index(i).Display() + ": invalid postal-code range \"" + text +
                                  "\" (expected e.g. \"58089-58135\" or \"58095\")");
    }
    ranges.push_back(range);
  }
  return ranges;
}

}  // namespace config_internal

Config ParseConfig(std::string_view toml_text, std::string_view origin) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    const toml::source_position where = e.source().begin;
    throw ConfigError(std::string(origin) + ":" + std::to_string(where.line) + ":" +
                      std::to_string(where.column) +
                      ": syntax error: " + std::string(e.description()));
  }
  return config_internal::ConfigReader(origin).Read(root);
}

}  // namespace jobcrawler::app
