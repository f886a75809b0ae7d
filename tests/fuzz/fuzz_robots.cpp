// robots.txt parsing and matching: crawler/robots_parser.h,
// robots_matcher.h, robots.h.
//
// Input: a robots.txt body. Paths tried: every Allow/Disallow value of the
// body (and variations of it) plus a few fixed ones. Invariants:
// - the same body parsed twice gives the same decision for every path;
// - so do the body with CRLF for LF and the body behind a UTF-8 BOM, since
//   line ends and a BOM carry no meaning (RFC 9309 §2.2);
// - "/robots.txt" is always allowed (§2.2.2);
// - each pattern agrees with a plain dynamic-programming glob match over the
//   same normal forms, and a pattern without "*", "$" or "#" matches the
//   path spelled like it;
// - NormalizeRobotsPath is idempotent.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/robots.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::crawler {
namespace {

constexpr std::string_view kAgent = "jobcrawler/0.1 (+https://example.org/bot)";
// Bounds the work per input: paths tried, and the size of the reference
// glob match (pattern x path cells).
constexpr std::size_t kMaxPaths = 48;
constexpr std::size_t kMaxReferenceCells = 1 << 20;

// Collects the values a body's records carry.
class ValueCollector final : public RobotsHandler {
 public:
  void OnUserAgent(int /*line*/, std::string_view value) override {
    if (agent.empty()) agent = value;
  }
  void OnAllow(int /*line*/, std::string_view value) override { Add(value); }
  void OnDisallow(int /*line*/, std::string_view value) override { Add(value); }

  std::string agent;                // the first user-agent value
  std::vector<std::string> values;  // Allow/Disallow values, at most kMaxPaths
 private:
  void Add(std::string_view value) {
    if (values.size() < kMaxPaths) values.emplace_back(value);
  }
};

// Glob match of a normalised pattern ("*" any octets, final "$" anchors)
// against a normalised path, by dynamic programming over prefixes.
bool ReferenceMatch(std::string_view pattern, std::string_view path) {
  const bool anchored = pattern.ends_with('$');
  if (anchored) pattern.remove_suffix(1);
  // reach[j]: the pattern read so far can end at path[j].
  std::vector<char> reach(path.size() + 1, 0);
  reach[0] = 1;
  for (const char p : pattern) {
    std::vector<char> next(path.size() + 1, 0);
    for (std::size_t j = 0; j <= path.size(); ++j) {
      if (p == '*') {
        next[j] = reach[j] || (j > 0 && next[j - 1]);
      } else {
        next[j] = j > 0 && reach[j - 1] && path[j - 1] == p;
      }
    }
    reach = std::move(next);
  }
  return anchored ? reach[path.size()] != 0
                  : std::find(reach.begin(), reach.end(), 1) != reach.end();
}

std::string WithCrlf(std::string_view body) {
  std::string out;
  for (const char c : body) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::vector<std::string> PathsToTry(const std::vector<std::string>& values) {
  std::vector<std::string> paths = {"/", "/robots.txt", "/stellen?seite=2&order=neu",
                                    "/%7Ejoe/index.html", "/f%C3%BCr/x", "/a$", "/*"};
  for (const std::string& value : values) {
    paths.push_back(value);
    paths.push_back(value + "x");
    std::string plain = value;  // wildcards spelled out, anchor dropped
    std::replace(plain.begin(), plain.end(), '*', 'z');
    if (plain.ends_with('$')) plain.pop_back();
    paths.push_back(plain);
  }
  return paths;
}

std::vector<char> Decisions(const RobotsRules& rules, const std::vector<std::string>& paths) {
  std::vector<char> decisions;
  for (const std::string& path : paths) decisions.push_back(rules.IsAllowed(path) ? 1 : 0);
  return decisions;
}

void CheckPattern(const std::string& value, const std::vector<std::string>& paths) {
  const RobotsPattern pattern(value);
  const std::string normal = pattern.ToString();
  for (const std::string& path : paths) {
    const std::string normal_path = NormalizeRobotsPath(path);
    FUZZ_CHECK(NormalizeRobotsPath(normal_path) == normal_path, path);
    if (normal.size() * normal_path.size() <= kMaxReferenceCells) {
      FUZZ_CHECK(pattern.Matches(normal_path) == ReferenceMatch(normal, normal_path),
                 normal + " vs " + normal_path);
    }
  }
  if (value.find_first_of("*$#") == std::string::npos) {
    FUZZ_CHECK(pattern.Matches(NormalizeRobotsPath(value)), value);
  }
}

void CheckAgent(std::string_view body, std::string_view agent,
                const std::vector<std::string>& paths) {
  const RobotsRules rules = RobotsRules::Parse(body, agent);
  const std::vector<char> decisions = Decisions(rules, paths);
  FUZZ_CHECK(Decisions(RobotsRules::Parse(body, agent), paths) == decisions, body);
  FUZZ_CHECK(rules.IsAllowed("/robots.txt"), body);
  FUZZ_CHECK(rules.issues().size() <= RobotsRules::kMaxRecordedIssues, body);
  // Doubling the line ends must not reach the 500 KiB cut.
  if (body.size() * 2 + 3 <= kMaxRobotsBytes) {
    FUZZ_CHECK(Decisions(RobotsRules::Parse(WithCrlf(body), agent), paths) == decisions, body);
    // (A body starting with a mark, whole or cut short, would then have two.)
    if (!body.starts_with("\xEF")) {
      const std::string with_bom = "\xEF\xBB\xBF" + std::string(body);
      FUZZ_CHECK(Decisions(RobotsRules::Parse(with_bom, agent), paths) == decisions, body);
    }
  }
}

}  // namespace
}  // namespace jobcrawler::crawler

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::crawler;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  ValueCollector collector;
  ParseRobotsTxt(body, collector);
  const std::vector<std::string> paths = PathsToTry(collector.values);
  CheckAgent(body, kAgent, paths);
  if (!collector.agent.empty()) CheckAgent(body, collector.agent, paths);
  for (const std::string& value : collector.values) CheckPattern(value, paths);
  return 0;
}
