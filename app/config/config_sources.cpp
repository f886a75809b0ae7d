// The [[sources]] part of the config reader (config_reader.h): names, types
// and their keys, start URLs, follow patterns and extraction profiles.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "app/config/config_checks.h"
#include "app/config/config_reader.h"
#include "app/config/source_checks.h"
#include "crawler/feed_source.h"

namespace jobcrawler::app::config_internal {

void ConfigReader::ReadSources(const toml::node& node, std::vector<crawler::Source>& out) const {
  const KeyPath at{"sources", ""};
  if (!node.is_array()) FailType(node, at, "an array of tables ([[sources]])");
  const toml::array& array = *node.as_array();
  std::map<std::string, std::uint32_t> first_lines;
  std::map<std::string, std::pair<std::string, std::uint32_t>> first_walks;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const KeyPath item = at.Index(i);
    if (!array[i].is_table()) FailType(array[i], item, "a table");
    crawler::Source source;
    if (ReadSource(*array[i].as_table(), item, first_lines, source)) {
      CheckDistinctWalks(*array[i].as_table(), item, source, first_walks);
      out.push_back(std::move(source));
    }
  }
}

void ConfigReader::CheckDistinctWalks(
    const toml::table& table, const KeyPath& at, const crawler::Source& source,
    std::map<std::string, std::pair<std::string, std::uint32_t>>& first_walks) const {
  if (!crawler::IsFeedType(source.type)) return;
  const toml::array* urls = table.get_as<toml::array>("start_urls");
  if (urls == nullptr) return;
  for (std::size_t i = 0; i < urls->size(); ++i) {
    const std::string walk = crawler::FeedWalkKey(source.type, source.start_urls[i]);
    if (walk.empty()) continue;
    const toml::source_region& where = (*urls)[i].source();
    const auto [first, inserted] = first_walks.emplace(
        walk, std::pair(source.name, where.begin.line));
    if (inserted || first->second.first == source.name) continue;
    Fail(where, at.Child("start_urls").Index(i).Display() + " (source \"" + source.name +
                    "\"): the same search as source \"" + first->second.first + "\" (line " +
                    std::to_string(first->second.second) + "): both would read " + walk +
                    "; keep one of them");
  }
}

bool ConfigReader::ReadSource(const toml::table& table, const KeyPath& at,
                              std::map<std::string, std::uint32_t>& first_lines,
                              crawler::Source& out) const {
  // The name comes first: later messages quote it.
  const toml::node* name = table.get("name");
  if (name == nullptr) Fail(table.source(), at.Display() + ": missing required key name");
  out.name = String(*name, at.Child("name"));
  const auto [first, inserted] = first_lines.emplace(out.name, name->source().begin.line);
  if (!inserted) {
    Fail(name->source(), at.Child("name").Display() + ": duplicate source name \"" + out.name +
                             "\" (first defined on line " + std::to_string(first->second) + ")");
  }
  const KeyPath labelled{at.path, "source \"" + out.name + "\""};
  bool enabled = true;
  const Fields fields = {
      {"name", [](const auto&, const auto&) {}},
      {"type", [&](const auto& n, const auto& k) { out.type = SourceType(n, k); }},
      {"start_urls", [&](const auto& n, const auto& k) { out.start_urls = StartUrls(n, k); }},
      {"follow", [&](const auto& n, const auto& k) { out.follow = FollowPatterns(n, k); }},
      {"enabled", [&](const auto& n, const auto& k) { enabled = Bool(n, k); }},
      {"extract", [&](const auto& n, const auto& k) { out.profile = ExtractionProfile(n, k); }},
      {"company", [&](const auto& n, const auto& k) { out.company = HeaderSafe(n, k); }},
      {"api_key", [&](const auto& n, const auto& k) { out.api_key = HeaderSafe(n, k); }},
      {"respect_robots_txt",
       [&](const auto& n, const auto& k) { out.respect_robots_txt = Bool(n, k); }},
  };
  ReadFields(table, labelled, fields);
  if (!table.contains("start_urls")) {
    Fail(table.source(), labelled.Display() + ": missing required key start_urls");
  }
  CheckSourceType(table, labelled, out);
  return enabled;
}

parsers::FeedType ConfigReader::SourceType(const toml::node& node, const KeyPath& key) const {
  const std::string name = String(node, key);
  const std::optional<parsers::FeedType> type = parsers::ParseFeedType(name);
  if (!type) {
    Fail(node.source(), key.Display() + ": must be one of " + FeedTypeList() + ", got \"" +
                            name + "\"");
  }
  return *type;
}

std::string ConfigReader::HeaderSafe(const toml::node& node, const KeyPath& key) const {
  std::string value = String(node, key);
  // The API key goes verbatim into a header line; a company into CSV cells.
  if (HasControlCharacter(value)) {
    Fail(node.source(), key.Display() + ": must not contain control characters");
  }
  return value;
}

// The keys that only some types take, and start URLs of the right shape.
void ConfigReader::CheckSourceType(const toml::table& table, const KeyPath& at,
                                   const crawler::Source& source) const {
  const std::string type = "type \"" + std::string(parsers::FeedTypeName(source.type)) + "\"";
  const auto refuse = [&](std::string_view key, const std::string& why) {
    if (const toml::node* node = table.get(key)) {
      Fail(node->source(), at.Child(key).Display() + ": " + why);
    }
  };
  if (source.type != parsers::FeedType::kHtml) {
    refuse("follow", "not used by a source of " + type +
                         ": a feed links to no pages to follow, it pages itself");
    refuse("extract", "not used by a source of " + type + ": its entries are read as they are");
  }
  if (source.type != parsers::FeedType::kArbeitsagentur) {
    refuse("api_key", "only a source of type \"arbeitsagentur\" sends an API key, not one of " +
                          type);
  }
  const toml::node* urls = table.get("start_urls");
  const KeyPath typed{at.Child("start_urls").path, at.label + ", " + type};
  for (std::size_t i = 0; i < source.start_urls.size(); ++i) {
    const std::string error = FeedStartUrlError(source.type, source.start_urls[i]);
    if (!error.empty()) Fail((*urls->as_array())[i].source(), typed.Index(i).Display() + ": " + error);
  }
}

std::vector<std::string> ConfigReader::StartUrls(const toml::node& node,
                                                 const KeyPath& key) const {
  std::vector<std::string> urls = Strings(node, key);
  if (urls.empty()) Fail(node.source(), key.Display() + ": must list at least one URL");
  for (std::size_t i = 0; i < urls.size(); ++i) {
    if (!IsAbsoluteHttpUrl(urls[i])) {
      Fail((*node.as_array())[i].source(),
           key.Index(i).Display() + ": not an absolute http(s) URL: \"" + urls[i] + "\"");
    }
  }
  return urls;
}

std::vector<std::string> ConfigReader::FollowPatterns(const toml::node& node,
                                                      const KeyPath& key) const {
  std::vector<std::string> patterns = Strings(node, key);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const std::string error = RegexError(patterns[i]);
    if (!error.empty()) {
      Fail((*node.as_array())[i].source(),
           key.Index(i).Display() + ": invalid regular expression: " + error);
    }
  }
  return patterns;
}

parsers::ExtractionProfile ConfigReader::ExtractionProfile(const toml::node& node,
                                                          const KeyPath& key) const {
  parsers::ExtractionProfile profile;
  // Each key's destination; every value must parse as a selector.
  const auto selector = [this](std::string* field) -> FieldReader {
    return [this, field](const toml::node& n, const KeyPath& k) {
      *field = String(n, k);
      // The container is a set of elements, not a value: no " @attr".
      const bool allow_attribute = !k.path.ends_with(".posting");
      const std::string error = parsers::CheckProfileSelector(*field, allow_attribute);
      if (!error.empty()) Fail(n.source(), k.Display() + ": " + error);
    };
  };
  const Fields fields = {
      {"posting", selector(&profile.posting)},
      {"title", selector(&profile.title)},
      {"company", selector(&profile.company)},
      {"location", selector(&profile.location)},
      {"postal_code", selector(&profile.postal_code)},
      {"salary", selector(&profile.salary)},
      {"employment_type", selector(&profile.employment_type)},
      {"date_posted", selector(&profile.date_posted)},
      {"valid_through", selector(&profile.valid_through)},
      {"description", selector(&profile.description)},
      {"identifier", selector(&profile.identifier)},
      {"url", selector(&profile.url)},
      {"links", selector(&profile.links)},
      {"next_page", selector(&profile.next_page)},
  };
  ReadFields(Table(node, key), key, fields);
  return profile;
}

}  // namespace jobcrawler::app::config_internal
