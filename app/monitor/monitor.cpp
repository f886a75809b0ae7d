#include "app/monitor/monitor.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>

namespace jobcrawler::app {
namespace {

using storage::SourceRunStats;

const SourceRunStats* Find(const std::vector<SourceRunStats>& stats, const std::string& source) {
  auto it = std::find_if(stats.begin(), stats.end(),
                         [&](const SourceRunStats& s) { return s.source == source; });
  return it == stats.end() ? nullptr : &*it;
}

bool EveryPageFailed(const SourceRunStats& s) {
  return s.pages_fetched == 0 || s.pages_failed >= s.pages_fetched;
}

// The warning for one source, or "" when it looks fine.
std::string Warning(const std::string& name, const SourceRunStats& now,
                    const SourceRunStats* before) {
  if (EveryPageFailed(now)) {
    if (now.pages_failed == 0) {
      return fmt::format(
          "WARNING: source {} fetched no page — the site may be down or "
          "disallow crawling",
          name);
    }
    return fmt::format("WARNING: source {}: all {} pages failed — the site may be down", name,
                       now.pages_failed);
  }
  if (before == nullptr) return "";
  if (before->sightings > 0 && now.sightings == 0) {
    return fmt::format(
        "WARNING: source {} yielded 0 postings (previous run: {}) — the site "
        "may have changed",
        name, before->sightings);
  }
  if (before->structured_pages > 0 && now.structured_pages == 0) {
    return fmt::format(
        "WARNING: source {}: none of its {} fetched pages carried a posting "
        "(previous run: {}) — the site may have changed",
        name, now.pages_fetched, before->structured_pages);
  }
  return "";
}

const FeedExpectation* FindFeed(const std::vector<FeedExpectation>& feeds,
                                const std::string& source) {
  auto it = std::find_if(feeds.begin(), feeds.end(),
                         [&](const FeedExpectation& f) { return f.source == source; });
  return it == feeds.end() ? nullptr : &*it;
}

// The warning for a feed source, or "" when its listing was read whole.
std::string FeedWarning(const std::string& name, const SourceRunStats& now,
                        const FeedExpectation& expected) {
  if (FeedComplete(now, expected)) return "";
  std::string problem = now.feed_problem;
  if (problem.empty() && now.feed_walks == 0) {
    problem = EveryPageFailed(now) && now.pages_failed > 0
                  ? fmt::format("all {} pages failed", now.pages_failed)
                  : std::string("no response of the feed was read");
  } else if (problem.empty()) {
    problem = fmt::format("{} of its {} start URLs were not read", expected.walks -
                          now.feed_walks_complete, expected.walks);
  }
  return fmt::format(
      "WARNING: source {}: {} — the listing was not read whole, so nothing it no longer lists "
      "is closed",
      name, problem);
}

std::optional<std::int64_t> ParseRunId(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

std::optional<storage::UnixMillis> ParseDate(std::string_view text) {
  // Exactly YYYY-MM-DD: from_chars alone would accept "2026-1-2".
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto part = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    const char* first = text.data() + at;
    auto [end, ec] = std::from_chars(first, first + length, value);
    if (ec != std::errc() || end != first + length) return std::nullopt;
    return value;
  };
  auto y = part(0, 4), m = part(5, 2), d = part(8, 2);
  if (!y || !m || !d) return std::nullopt;
  using namespace std::chrono;
  year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return duration_cast<milliseconds>(sys_days{date}.time_since_epoch()).count();
}

}  // namespace

bool FeedComplete(const SourceRunStats& stats, const FeedExpectation& expected) {
  return expected.walks > 0 && stats.feed_walks_complete >= expected.walks &&
         stats.feed_walks == stats.feed_walks_complete;
}

bool IsHealthy(const SourceRunStats& stats) {
  return stats.pages_fetched > 0 && stats.pages_fetched > stats.pages_failed;
}

std::vector<std::string> HealthySources(const std::vector<SourceRunStats>& stats,
                                        const std::vector<SourceWarning>& warnings) {
  std::vector<std::string> healthy;
  for (const SourceRunStats& s : stats) {
    const bool warned = std::any_of(warnings.begin(), warnings.end(),
                                    [&](const SourceWarning& w) { return w.source == s.source; });
    if (IsHealthy(s) && !warned) healthy.push_back(s.source);
  }
  return healthy;
}

SourceWarning UnreachableSourceWarning(const std::string& source, const std::string& reason) {
  return {source, fmt::format("WARNING: source {} could not be reached: {}", source, reason)};
}

std::vector<SourceWarning> SourceHealthWarnings(const std::vector<std::string>& configured,
                                                const std::vector<SourceRunStats>& current,
                                                const std::vector<SourceRunStats>& previous,
                                                const std::vector<FeedExpectation>& feeds) {
  std::vector<SourceWarning> warnings;
  for (const std::string& name : configured) {
    const SourceRunStats* now = Find(current, name);
    SourceRunStats nothing;
    nothing.source = name;
    const FeedExpectation* feed = FindFeed(feeds, name);
    std::string warning = feed ? FeedWarning(name, now ? *now : nothing, *feed)
                               : Warning(name, now ? *now : nothing, Find(previous, name));
    if (!warning.empty()) warnings.push_back({name, std::move(warning)});
  }
  return warnings;
}

std::optional<storage::RunInfo> PreviousCompletedRun(const std::vector<storage::RunInfo>& runs,
                                                     std::int64_t run_id) {
  for (const storage::RunInfo& run : runs) {
    if (run.id < run_id && run.status == storage::RunStatus::kCompleted) return run;
  }
  return std::nullopt;
}

std::optional<Since> ParseSince(std::string_view text) {
  Since since;
  const bool run_prefix = text.starts_with("run:");
  if (run_prefix) text.remove_prefix(4);
  if (run_prefix || text.find('-') == std::string_view::npos) {
    since.run = ParseRunId(text);
    if (!since.run) return std::nullopt;
    return since;
  }
  since.time = ParseDate(text);
  if (!since.time) return std::nullopt;
  return since;
}

std::string UtcDate(storage::UnixMillis now) {
  using namespace std::chrono;
  year_month_day date{floor<days>(sys_time<milliseconds>{milliseconds{now}})};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

storage::UnixMillis NowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace jobcrawler::app
