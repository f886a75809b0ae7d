// robots.txt record splitting; see robots_parser.h for what is accepted.
#include "crawler/robots_parser.h"

#include <array>
#include <optional>

namespace jobcrawler::crawler {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kUnknown };

struct Spelling {
  std::string_view text;
  Key key;
  bool misspelled;
};

// Every spelling we act on; see the banner in robots_parser.h for why these.
constexpr std::array kSpellings = {
    Spelling{"user-agent", Key::kUserAgent, false},
    Spelling{"useragent", Key::kUserAgent, true},
    Spelling{"user agent", Key::kUserAgent, true},
    Spelling{"user_agent", Key::kUserAgent, true},
    Spelling{"allow", Key::kAllow, false},
    Spelling{"disallow", Key::kDisallow, false},
    Spelling{"dissallow", Key::kDisallow, true},
    Spelling{"dissalow", Key::kDisallow, true},
    Spelling{"disalow", Key::kDisallow, true},
    Spelling{"disallaw", Key::kDisallow, true},
    Spelling{"crawl-delay", Key::kCrawlDelay, false},
    Spelling{"crawldelay", Key::kCrawlDelay, true},
    Spelling{"crawl delay", Key::kCrawlDelay, true},
    Spelling{"crawl_delay", Key::kCrawlDelay, true},
    Spelling{"sitemap", Key::kSitemap, false},
    Spelling{"site-map", Key::kSitemap, true},
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

const Spelling* FindSpelling(std::string_view key) {
  for (const Spelling& spelling : kSpellings) {
    if (EqualsIgnoreCase(key, spelling.text)) return &spelling;
  }
  return nullptr;
}

struct Record {
  std::string_view key;
  std::string_view value;
  bool missing_colon = false;
};

// Splits "key: value", or failing that "key value" with a one-word value.
std::optional<Record> SplitRecord(std::string_view line) {
  if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    const std::string_view key = Trim(line.substr(0, colon));
    if (key.empty()) return std::nullopt;
    return Record{key, Trim(line.substr(colon + 1)), false};
  }
  const std::size_t blank = line.find_first_of(" \t");
  if (blank == std::string_view::npos) return std::nullopt;
  const std::string_view value = Trim(line.substr(blank));
  if (value.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  return Record{line.substr(0, blank), value, true};
}

void Dispatch(int line, Key key, const Record& record, RobotsHandler& handler) {
  switch (key) {
    case Key::kUserAgent:
      handler.OnUserAgent(line, record.value);
      return;
    case Key::kAllow:
      handler.OnAllow(line, record.value);
      return;
    case Key::kDisallow:
      handler.OnDisallow(line, record.value);
      return;
    case Key::kCrawlDelay:
      handler.OnCrawlDelay(line, record.value);
      return;
    case Key::kSitemap:
      handler.OnSitemap(line, record.value);
      return;
    case Key::kUnknown:
      handler.OnUnknown(line, record.key, record.value);
      return;
  }
}

// A value cut short, without a "%" or "%X" the cut split from its digits.
std::string_view WithoutSplitEscape(std::string_view value) {
  const std::size_t percent = value.rfind('%');
  if (percent != std::string_view::npos && value.size() - percent < 3) {
    value.remove_suffix(value.size() - percent);
  }
  return value;
}

// Parses one line. A `cut` line lost its end (see the banner): only what
// cannot make us crawl more is kept, a Disallow up to the cut and a
// User-agent line (whose product token ends long before any cut). A
// comment before the cut means the record itself is whole.
void ParseLine(int line, std::string_view text, bool cut, RobotsHandler& handler) {
  if (const std::size_t hash = text.find('#'); hash != std::string_view::npos) {
    text = text.substr(0, hash);
    cut = false;
  }
  text = Trim(text);
  if (text.empty()) return;
  std::optional<Record> record = SplitRecord(text);
  const Spelling* spelling = record ? FindSpelling(record->key) : nullptr;
  // Without a colon only a known key makes a record; otherwise it is prose.
  if (!record || (record->missing_colon && spelling == nullptr)) {
    handler.OnIssue(line, RobotsIssue::kNoSeparator);
    return;
  }
  const Key key = spelling != nullptr ? spelling->key : Key::kUnknown;
  if (cut) {
    if (key != Key::kDisallow && key != Key::kUserAgent) return;
    record->value = WithoutSplitEscape(record->value);
    if (record->value.empty()) return;
  }
  if (record->missing_colon) handler.OnIssue(line, RobotsIssue::kMissingColon);
  if (spelling != nullptr && spelling->misspelled) {
    handler.OnIssue(line, RobotsIssue::kMisspelledKey);
  }
  Dispatch(line, key, *record, handler);
}

// A line of the body; `truncated` when kMaxRobotsBytes cut it.
void ParseBodyLine(int line, std::string_view text, bool truncated, RobotsHandler& handler) {
  const bool too_long = text.size() > kMaxRobotsLineBytes;
  if (too_long) handler.OnIssue(line, RobotsIssue::kLineTooLong);
  ParseLine(line, text.substr(0, kMaxRobotsLineBytes), too_long || truncated, handler);
}

// The body without a UTF-8 byte order mark, or the first one or two bytes
// of one (a mark cut short is still no part of the first key).
std::string_view WithoutByteOrderMark(std::string_view body) {
  for (std::size_t length = kUtf8Bom.size(); length > 0; --length) {
    if (body.starts_with(kUtf8Bom.substr(0, length))) return body.substr(length);
  }
  return body;
}

}  // namespace

std::string_view RobotsIssueName(RobotsIssue issue) {
  switch (issue) {
    case RobotsIssue::kLineTooLong:
      return "line-too-long";
    case RobotsIssue::kNoSeparator:
      return "no-separator";
    case RobotsIssue::kMissingColon:
      return "missing-colon";
    case RobotsIssue::kMisspelledKey:
      return "misspelled-key";
    case RobotsIssue::kTruncated:
      return "truncated";
    case RobotsIssue::kRuleOutsideGroup:
      return "rule-outside-group";
    case RobotsIssue::kInvalidCrawlDelay:
      return "invalid-crawl-delay";
  }
  return "unknown";
}

void ParseRobotsTxt(std::string_view body, RobotsHandler& handler) {
  const bool truncated = body.size() > kMaxRobotsBytes;
  body = WithoutByteOrderMark(body.substr(0, kMaxRobotsBytes));
  int line = 0;
  while (!body.empty()) {
    ++line;
    const std::size_t end = body.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      // The last line: complete unless the size limit cut it.
      ParseBodyLine(line, body, truncated, handler);
      break;
    }
    ParseBodyLine(line, body.substr(0, end), false, handler);
    const bool crlf = body[end] == '\r' && end + 1 < body.size() && body[end + 1] == '\n';
    body.remove_prefix(end + (crlf ? 2 : 1));
  }
  if (truncated) handler.OnIssue(line + (body.empty() ? 1 : 0), RobotsIssue::kTruncated);
}

}  // namespace jobcrawler::crawler
