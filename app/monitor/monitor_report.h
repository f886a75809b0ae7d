// Short, readable text about postings, for cron mail and the terminal:
// `crawl --report-new`, `stats` and `explain` share these formatters.
// Internal to the app library.
#ifndef JOBCRAWLER_APP_MONITOR_MONITOR_REPORT_H_
#define JOBCRAWLER_APP_MONITOR_MONITOR_REPORT_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "parsers/core/posting.h"
#include "storage/store.h"

namespace jobcrawler::app {

// "105.000", "17,50": German digit grouping, cents only when there are any.
std::string FormatAmount(double value);

// "85.000–105.000 EUR/Jahr", "ab 4.500 EUR/Monat", "bis 60 EUR/Stunde",
// "17,50 EUR/Stunde": German digit grouping, at most two decimals, the
// period in German. "" when the posting states no amount.
std::string FormatSalary(const parsers::Posting& posting);

// "58095 Hagen", "Hagen", "NRW, DE", or "" when nothing is known.
std::string FormatPlace(const parsers::Posting& posting);

// "Firma GmbH · 58095 Hagen · 85.000–105.000 EUR/Jahr", leaving out what is
// unknown.
std::string FormatDetails(const parsers::Posting& posting);

// "no longer listed" for "unseen", "page gone" for "gone", "expired".
std::string ClosedReasonText(const std::string& reason);

// The report of `crawl --report-new`: nothing at all when both lists are
// empty (so cron sends no mail); otherwise the new postings, each as title,
// details and link, then one "Closed: ..." line per closed posting.
void WriteNewReport(std::ostream& out, std::int64_t run_id,
                    const std::vector<storage::PostingRow>& new_rows,
                    const std::vector<storage::PostingRow>& closed_rows);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_MONITOR_REPORT_H_
