// URLs that a feed names for a job (Sighting::also_seen_at) and that turn
// out to name several jobs: an employer's general careers page given as the
// "original ad" of each of its Jobsuche results. Such a URL identifies none
// of them: it is remembered as shared (table shared_feed_urls) and from then
// on neither a key nor a sighting of any posting. Private to storage/; each
// function runs inside the caller's transaction.
#ifndef JOBCRAWLER_STORAGE_FEED_NAMED_URLS_H_
#define JOBCRAWLER_STORAGE_FEED_NAMED_URLS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sqlite.h"
#include "storage/status.h"

namespace jobcrawler::storage {

// The URLs of `also_seen_at` (named by a feed for a job whose key is
// `id_key`, "id:<company>:<identifier>" or "" when it has none) that name
// several jobs: those already remembered as shared, and those that now turn
// out to be, which are remembered (in `run_id`) and taken back from the
// posting they joined (its "url:" key and the sightings a feed named there).
// A URL turns out shared when its "url:" key belongs to a posting that
// carries an "id:" key with another identifier (it is another job: two
// identifiers are two jobs, whatever company each names) and that was never
// seen at the URL itself, only named there by feeds. So a board's own page
// of a job, crawled there, still joins the feed's repost of it, whatever
// the board's id.
Result<std::vector<std::string>> SharedFeedUrls(sqlite::Database& db, std::int64_t run_id,
                                                const std::vector<std::string>& also_seen_at,
                                                std::string_view id_key);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_FEED_NAMED_URLS_H_
