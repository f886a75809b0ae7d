#include "crawler/parse_key.h"

#include <cstdint>
#include <string_view>
#include <vector>

#include <fmt/format.h>


namespace jobcrawler::crawler {
namespace {

// Length-prefixed, so that no two different field lists serialise alike.
void Append(std::string& out, std::string_view field) {
  out += fmt::format("{}:", field.size());
  out += field;
}

// 64-bit FNV-1a of the key text. Not ContentHash: page bodies changed to a
// faster hash, and a key must stay the same across versions unless what it
// names changed (a different key refetches every page in full).
std::uint64_t KeyHash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

void AppendList(std::string& out, const std::vector<std::string>& items) {
  out += fmt::format("[{}]", items.size());
  for (const std::string& item : items) Append(out, item);
}

// Fails to compile when ExtractionProfile gains a field: add it below too.
static_assert(sizeof(parsers::ExtractionProfile) == 14 * sizeof(std::string),
              "every ExtractionProfile field belongs in the parse key");

void AppendProfile(std::string& out, const parsers::ExtractionProfile& p) {
  for (const std::string* field :
       {&p.posting, &p.title, &p.company, &p.location, &p.postal_code, &p.salary,
        &p.employment_type, &p.date_posted, &p.valid_through, &p.description, &p.identifier,
        &p.url, &p.links, &p.next_page}) {
    Append(out, *field);
  }
}

}  // namespace

std::string ParseKey(const Source& source) {
  std::string text;
  Append(text, source.name);
  AppendList(text, source.start_urls);
  AppendList(text, source.follow);
  AppendProfile(text, source.profile);
  // Appended only when set, so that the keys of html sources without a
  // company stay what they were.
  if (source.type != parsers::FeedType::kHtml || !source.company.empty()) {
    Append(text, parsers::FeedTypeName(source.type));
    Append(text, source.company);
  }
  return fmt::format("p{}-{:016x}", kParserVersion, KeyHash(text));
}

}  // namespace jobcrawler::crawler
