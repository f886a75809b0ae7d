// The numbers behind `jobcrawler stats`, computed from exported rows. Pure
// functions; stats_command.cpp reads the store. Internal to the app library.
#ifndef JOBCRAWLER_APP_MONITOR_MONITOR_STATS_H_
#define JOBCRAWLER_APP_MONITOR_MONITOR_STATS_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "parsers/core/posting.h"
#include "storage/store.h"

namespace jobcrawler::app {

// The midpoint of a EUR salary (or its one stated end) per month: YEAR / 12,
// WEEK * 4.33, DAY * 21.7, HOUR * 173 (full time). nullopt for another
// currency, an unknown period, no amount, or a placeholder that is no
// salary (parsers::PlaceholderSalaryReason: 1 to 1,000,000 a year, ...).
std::optional<double> MonthlyEurSalary(const parsers::Posting& posting);

// "2026-W47": the ISO 8601 week of a UTC time.
std::string IsoWeek(storage::UnixMillis time);

// Weeks shown by `stats`, the current one included.
inline constexpr int kStatsWeeks = 8;

// Writes the stats of `rows` (with `matched` already judged) as readable
// text: postings by status and by source, new per ISO week for the
// kStatsWeeks weeks up to `now`, monthly salaries of matched postings
// (count, min, median, max), and the ten employers with most postings.
void WriteStats(std::ostream& out, const std::vector<storage::PostingRow>& rows,
                storage::UnixMillis now);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_MONITOR_STATS_H_
