// The feed_walks table: how far each walk of a feed source got in a run
// (crawler/feed_source.h), and what source health reads of it. Private to
// storage/; each function runs inside the caller's transaction.
#ifndef JOBCRAWLER_STORAGE_FEED_WALKS_H_
#define JOBCRAWLER_STORAGE_FEED_WALKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/sqlite.h"
#include "storage/status.h"
#include "storage/store.h"

namespace jobcrawler::storage {

// Records `step` as the latest state of its walk in `run_id` for `source`.
// An incomplete walk stays incomplete for the run (with its first message):
// a later response cannot make a listing whole that lost a page. The walk
// keeps the first total a response stated (FeedWalkStep::total); a later
// response stating another makes it incomplete: "the listing changed while
// it was read".
Status RecordFeedWalk(sqlite::Database& db, std::int64_t run_id, std::string_view source,
                      const FeedWalkStep& step);

// Fills the feed_* fields of `stats` (one entry per source, as SourceStats
// builds them) from the walks of `run_id`, adding an entry for a source that
// has walks but no other record in the run.
Status AddFeedWalkStats(sqlite::Database& db, std::int64_t run_id,
                        std::vector<SourceRunStats>& stats);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_FEED_WALKS_H_
