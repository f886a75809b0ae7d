#include "storage/feed_walks.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace jobcrawler::storage {
namespace {

SourceRunStats& StatsFor(std::vector<SourceRunStats>& stats, const std::string& source) {
  auto it = std::lower_bound(stats.begin(), stats.end(), source,
                             [](const SourceRunStats& s, const std::string& name) {
                               return s.source < name;
                             });
  if (it == stats.end() || it->source != source) {
    SourceRunStats added;
    added.source = source;
    it = stats.insert(it, std::move(added));
  }
  return *it;
}

// The problem of a walk that did not end complete, in words.
std::string Problem(std::string_view walk, int page, std::string_view state,
                    std::string message) {
  if (state == "more") {
    return fmt::format("the walk from {} stopped after page {}: the next page was not read", walk,
                       page);
  }
  if (message.empty()) return fmt::format("the walk from {} ended at page {}", walk, page);
  return message;
}

}  // namespace

Status RecordFeedWalk(sqlite::Database& db, std::int64_t run_id, std::string_view source,
                      const FeedWalkStep& step) {
  constexpr std::string_view kWhat = "recording how far a feed was read";
  // Column names in SET expressions read the row as it was. The walk's
  // total is the first one stated; a response stating another ends it.
#define JOBCRAWLER_CHANGED \
  "(total IS NOT NULL AND excluded.total IS NOT NULL AND total <> excluded.total)"
  auto stmt = db.Cached(
      "INSERT INTO feed_walks (run_id, source, walk, page, state, message, total)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
      " ON CONFLICT (run_id, source, walk) DO UPDATE SET"
      " page = IIF(state = 'incomplete', page, excluded.page),"
      " message = CASE WHEN state = 'incomplete' THEN message"
      "   WHEN " JOBCRAWLER_CHANGED " THEN 'the listing changed while it was read (' || total ||"
      "     ' results before page ' || excluded.page || ', ' || excluded.total || ' on it)"
      " in the walk from ' || walk"
      "   ELSE excluded.message END,"
      " state = CASE WHEN state = 'incomplete' THEN state"
      "   WHEN " JOBCRAWLER_CHANGED " THEN 'incomplete' ELSE excluded.state END,"
      " total = COALESCE(total, excluded.total)",
      kWhat);
#undef JOBCRAWLER_CHANGED
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      ->BindAll(run_id, source, step.walk, step.page, FeedWalkStateName(step.state), step.message,
                step.total)
      .Run(kWhat);
}

Status AddFeedWalkStats(sqlite::Database& db, std::int64_t run_id,
                        std::vector<SourceRunStats>& stats) {
  constexpr std::string_view kWhat = "reading how far the feeds were read";
  auto stmt = db.Cached(
      "SELECT source, walk, page, state, message FROM feed_walks WHERE run_id = ?1"
      " ORDER BY source, walk",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  sqlite::Statement& s = *stmt.value();
  s.BindAll(run_id);
  for (;;) {
    auto row = s.Step(kWhat);
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    SourceRunStats& source = StatsFor(stats, s.ColumnText(0));
    ++source.feed_walks;
    const std::string state = s.ColumnText(3);
    if (state == "complete") {
      ++source.feed_walks_complete;
    } else if (source.feed_problem.empty()) {
      source.feed_problem = Problem(s.ColumnText(1), s.ColumnInt(2), state, s.ColumnText(4));
    }
  }
}

}  // namespace jobcrawler::storage
