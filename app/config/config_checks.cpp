#include "app/config/config_checks.h"

#include <algorithm>

#include "crawler/scope.h"

namespace jobcrawler::app {
namespace {

// A typo changes few letters: allow a third of the key, at least 1, at most 3.
std::size_t TypoBudget(std::string_view key) {
  return std::clamp<std::size_t>(key.size() / 3, 1, 3);
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
  });
}

bool IsSpaceOrControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7f;
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // d[i][j]: distance between a[0,i) and b[0,j). Keys are short; a full table is fine.
  const std::size_t columns = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * columns);
  const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * columns + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1);
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, substitute});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);  // transposition
      }
    }
  }
  return at(a.size(), b.size());
}

std::string_view NearestKey(std::string_view key, const std::vector<std::string_view>& known) {
  std::string_view best;
  std::size_t best_distance = TypoBudget(key) + 1;
  for (const std::string_view candidate : known) {
    const std::size_t distance = EditDistance(key, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

bool IsAbsoluteHttpUrl(std::string_view url) {
  if (std::any_of(url.begin(), url.end(), IsSpaceOrControl)) return false;
  std::string_view rest;
  if (StartsWithNoCase(url, "http://")) {
    rest = url.substr(7);
  } else if (StartsWithNoCase(url, "https://")) {
    rest = url.substr(8);
  } else {
    return false;
  }
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  // "[::1]:8080" keeps its brackets; "host:8080" loses the port.
  const std::string_view host =
      authority.starts_with('[') ? authority.substr(0, authority.find(']') + 1)
                                 : authority.substr(0, authority.find(':'));
  return !host.empty() && host != "[]";
}

bool HasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

std::string RegexError(const std::string& pattern) {
  return crawler::FollowPatternError(pattern);
}

}  // namespace jobcrawler::app
