#include "parsers/extract/microdata.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "parsers/extract/json_ld.h"

namespace jobcrawler::parsers {
namespace {

using nlohmann::json;

// Splits an attribute value on HTML whitespace.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \t\n\r\f", start), text.size());
    if (end > start) tokens.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

bool IsJobPostingItem(HtmlNode node) {
  if (!node.HasAttribute("itemscope")) return false;
  json types = json::array();
  for (std::string_view type : Tokens(node.Attribute("itemtype").value_or(""))) {
    types.push_back(std::string(type));
  }
  return IsJobPostingType(types);
}

// The value of a property element that is not an item, per the spec's
// table of tags, with our content-attribute departure first.
std::string PropertyValue(HtmlNode node) {
  if (auto content = node.Attribute("content")) return std::string(*content);
  const std::string tag = node.TagName();
  const char* attribute = nullptr;
  if (tag == "a" || tag == "area" || tag == "link") attribute = "href";
  if (tag == "img" || tag == "audio" || tag == "video" || tag == "source" || tag == "embed" ||
      tag == "iframe" || tag == "track") {
    attribute = "src";
  }
  if (tag == "object") attribute = "data";
  if (tag == "data" || tag == "meter") attribute = "value";
  if (tag == "time") attribute = "datetime";
  if (attribute != nullptr) {
    if (auto value = node.Attribute(attribute)) return std::string(*value);
  }
  return node.Text();
}

// Adds `value` under `name`; a repeated property becomes a list.
void AddProperty(json* item, std::string_view name, json value) {
  const std::string key(name);
  if (!item->contains(key)) {
    (*item)[key] = std::move(value);
    return;
  }
  json& existing = (*item)[key];
  if (!existing.is_array()) existing = json::array({std::move(existing)});
  existing.push_back(std::move(value));
}

json ItemAsJson(HtmlNode item, int depth);

// A property element's value: a nested item when it has itemscope.
json PropertyAsJson(HtmlNode node, int depth) {
  if (node.HasAttribute("itemscope")) return ItemAsJson(node, depth + 1);
  return PropertyValue(node);
}

// The item's type is kept under "@type", as JSON-LD writes it; its
// properties are the itemprop elements below it that no nested item owns.
json ItemAsJson(HtmlNode item, int depth) {
  json object = json::object();
  if (depth > kMaxMicrodataDepth) return object;
  if (auto type = item.Attribute("itemtype")) object["@type"] = std::string(*type);
  item.Walk([&](HtmlNode node) {
    if (auto names = node.Attribute("itemprop")) {
      const json value = PropertyAsJson(node, depth);
      for (std::string_view name : Tokens(*names)) AddProperty(&object, name, value);
    }
    return node.HasAttribute("itemscope") ? WalkStep::kSkipChildren : WalkStep::kDescend;
  });
  return object;
}

}  // namespace

std::vector<Posting> ExtractMicrodata(const HtmlDocument& document) {
  std::vector<Posting> postings;
  document.ForEachElement([&postings](HtmlNode node) {
    if (!IsJobPostingItem(node)) return;
    Posting posting = PostingFromJobPosting(ItemAsJson(node, 0));
    posting.format = PostingFormat::kMicrodata;
    postings.push_back(std::move(posting));
  });
  return postings;
}

}  // namespace jobcrawler::parsers
