// When postings close: the page says it is gone (404/410), its
// valid_through has passed, or it was missing from enough runs that did
// reach its source. Private to storage/; each function runs inside the
// caller's transaction. Reopening is RecordSighting's (posting_table.h).
#ifndef JOBCRAWLER_STORAGE_LIFECYCLE_H_
#define JOBCRAWLER_STORAGE_LIFECYCLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sqlite.h"
#include "storage/status.h"
#include "storage/store.h"

namespace jobcrawler::storage {

// Closes ("gone") the active postings with a sighting whose url or page_url
// is `url`, unless one of their sightings at another URL was seen in
// `run_id` (the job is still listed elsewhere). Returns how many closed.
Result<int> CloseGonePostings(sqlite::Database& db, std::int64_t run_id, std::string_view url,
                              UnixMillis now);

// Records the run's source health in run_sources, then closes expired and
// unseen postings, then records the run's news and marks it monitored (see
// Store::CloseStale). Does nothing for a run already monitored; fails for an
// unknown run.
Result<LifecycleResult> CloseStalePostings(sqlite::Database& db, std::int64_t run_id,
                                           const std::vector<std::string>& healthy_sources,
                                           const LifecycleRules& rules);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_LIFECYCLE_H_
