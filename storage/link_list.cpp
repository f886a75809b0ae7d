#include "storage/link_list.h"

#include <cstddef>

namespace jobcrawler::storage {
namespace {

constexpr char kFieldSeparator = '\t';
constexpr char kLineSeparator = '\n';

bool Storable(std::string_view text) {
  return text.find_first_of("\t\n") == std::string_view::npos;
}

// Splits off the text up to `separator` (all of it when there is none).
std::string_view TakeUntil(std::string_view& text, char separator, bool& found) {
  std::size_t at = text.find(separator);
  found = at != std::string_view::npos;
  std::string_view head = text.substr(0, at);
  text.remove_prefix(found ? at + 1 : text.size());
  return head;
}

}  // namespace

std::string EncodeLinks(const std::vector<FrontierAdd>& links) {
  std::string out;
  std::string_view previous_host;
  for (const FrontierAdd& link : links) {
    if (link.url.empty() || !Storable(link.url) || !Storable(link.fetch_url) ||
        !Storable(link.host_key) || link.host_key.empty()) {
      continue;
    }
    if (!out.empty()) out += kLineSeparator;
    out += link.url;
    out += kFieldSeparator;
    if (link.fetch_url != link.url) out += link.fetch_url;
    out += kFieldSeparator;
    if (link.host_key != previous_host) out += link.host_key;
    previous_host = link.host_key;
  }
  return out;
}

std::vector<LinkRecord> DecodeLinks(std::string_view text) {
  std::vector<LinkRecord> links;
  std::string previous_host;
  while (!text.empty()) {
    bool found = false;
    std::string_view line = TakeUntil(text, kLineSeparator, found);
    bool has_fetch = false;
    bool has_host = false;
    std::string_view url = TakeUntil(line, kFieldSeparator, has_fetch);
    std::string_view fetch = TakeUntil(line, kFieldSeparator, has_host);
    std::string_view host = line;
    if (!has_host || url.empty() || host.find(kFieldSeparator) != std::string_view::npos) {
      continue;
    }
    if (!host.empty()) previous_host = host;
    if (previous_host.empty()) continue;
    links.push_back(LinkRecord{.url = std::string(url),
                               .fetch_url = std::string(fetch.empty() ? url : fetch),
                               .host_key = previous_host});
  }
  return links;
}

}  // namespace jobcrawler::storage
