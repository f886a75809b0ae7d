// robots.txt policy: group selection and the allow/disallow decision; see
// robots.h for the semantics and the departures from RFC 9309.
#include "crawler/robots.h"

#include <algorithm>
#include <charconv>
#include <system_error>
#include <utility>

namespace jobcrawler::crawler {
namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

// "jobcrawler/0.1 (+https://...)" -> "jobcrawler"; "*" -> "*".
std::string_view ProductToken(std::string_view value) {
  const std::size_t start = value.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  value.remove_prefix(start);
  return value.substr(0, value.find_first_of(" \t/(;,"));
}

// A non-negative decimal ("10", "0.5", ".5"); nullopt for anything else,
// including signs, exponents, units and "inf".
std::optional<double> ParseCrawlDelay(std::string_view value) {
  const bool digits_and_one_dot =
      std::all_of(value.begin(), value.end(),
                  [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
      std::count(value.begin(), value.end(), '.') <= 1;
  const bool has_digit = value.find_first_of("0123456789") != std::string_view::npos;
  if (!digits_and_one_dot || !has_digit) return std::nullopt;
  double seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return seconds;
}

bool IsRobotsTxt(std::string_view normalized_path) {
  return normalized_path.substr(0, normalized_path.find('?')) == "/robots.txt";
}

}  // namespace

// Follows the groups of one file and keeps what applies to one product
// token: the rules of groups naming it and, as the fallback, of "*" groups.
class RobotsRules::Builder final : public RobotsHandler {
 public:
  explicit Builder(std::string_view our_token) : our_token_(our_token) {}

  void OnUserAgent(int /*line*/, std::string_view value) override {
    if (!in_agent_run_) {  // the first user-agent line of a new group
      EndGroup();
      in_agent_run_ = true;
      in_group_ = true;
      group_is_ours_ = false;
      group_is_star_ = false;
    }
    const std::string_view token = ProductToken(value);
    if (token == "*") {
      group_is_star_ = seen_star_ = true;
    } else if (!token.empty() && EqualsIgnoreCase(token, our_token_)) {
      group_is_ours_ = seen_ours_ = true;
    }
  }
  void OnAllow(int line, std::string_view value) override { AddRule(line, value, true); }
  void OnDisallow(int line, std::string_view value) override { AddRule(line, value, false); }
  // Not a rule: it leaves the run of user-agent lines open, and counts for
  // the whole group once the group is complete.
  void OnCrawlDelay(int line, std::string_view value) override {
    if (!in_group_) {
      OnIssue(line, RobotsIssue::kRuleOutsideGroup);
      return;
    }
    const std::optional<double> delay = ParseCrawlDelay(value);
    if (!delay) {
      OnIssue(line, RobotsIssue::kInvalidCrawlDelay);
      return;
    }
    group_delay_ = std::max(group_delay_.value_or(0), *delay);
  }
  void OnSitemap(int /*line*/, std::string_view value) override {
    if (!value.empty()) sitemaps_.emplace_back(value);
  }
  void OnIssue(int line, RobotsIssue issue) override {
    if (issues_.size() < kMaxRecordedIssues) issues_.push_back({line, issue});
  }

  RobotsRules Build() && {
    EndGroup();
    Selection& chosen = seen_ours_ ? ours_ : star_;  // both empty: allow all
    RobotsRules rules;
    rules.rules_ = std::move(chosen.rules);
    rules.crawl_delay_ = chosen.delay;
    rules.sitemaps_ = std::move(sitemaps_);
    rules.issues_ = std::move(issues_);
    return rules;
  }

 private:
  struct Selection {
    std::vector<Rule> rules;
    std::optional<double> delay;
  };

  // Hands the finished group's Crawl-delay to the selections it belongs to.
  void EndGroup() {
    if (!group_delay_) return;
    if (group_is_ours_) ours_.delay = std::max(ours_.delay.value_or(0), *group_delay_);
    if (group_is_star_) star_.delay = std::max(star_.delay.value_or(0), *group_delay_);
    group_delay_.reset();
  }

  // A rule ends the run of user-agent lines; outside any group it is
  // ignored (§2.2.2: rules belong to groups). Returns whether it counts.
  bool EnterGroupBody(int line) {
    in_agent_run_ = false;
    if (!in_group_) OnIssue(line, RobotsIssue::kRuleOutsideGroup);
    return in_group_;
  }

  void AddRule(int line, std::string_view value, bool allow) {
    if (!EnterGroupBody(line) || value.empty()) return;  // empty: no rule
    if (group_is_ours_) ours_.rules.push_back({RobotsPattern(value), allow});
    if (group_is_star_) star_.rules.push_back({RobotsPattern(value), allow});
  }

  std::string_view our_token_;
  bool in_group_ = false;       // a user-agent line has been seen
  bool in_agent_run_ = false;   // the last group line was a user-agent line
  bool group_is_ours_ = false;  // the current group names our token
  bool group_is_star_ = false;  // the current group names "*"
  bool seen_ours_ = false;
  bool seen_star_ = false;
  std::optional<double> group_delay_;  // of the current group so far
  Selection ours_;
  Selection star_;
  std::vector<std::string> sitemaps_;
  std::vector<RobotsLineIssue> issues_;
};

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view user_agent) {
  Builder builder(ProductToken(user_agent));
  ParseRobotsTxt(body, builder);
  return std::move(builder).Build();
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.rules_.push_back({RobotsPattern("/"), false});
  return rules;
}

bool RobotsRules::IsAllowed(std::string_view path_and_query) const {
  const std::string path = NormalizeRobotsPath(path_and_query);
  if (IsRobotsTxt(path)) return true;  // §2.2.2: implicitly allowed
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (best != nullptr) {
      const std::size_t length = rule.pattern.length();
      const std::size_t best_length = best->pattern.length();
      const bool beats_best =
          length > best_length || (length == best_length && rule.allow && !best->allow);
      if (!beats_best) continue;  // cheaper than matching
    }
    if (rule.pattern.Matches(path)) best = &rule;
  }
  return best == nullptr || best->allow;
}

}  // namespace jobcrawler::crawler
