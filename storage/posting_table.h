// The postings, posting_keys and sightings tables: recording one sighting
// (find the posting by identity, insert or merge, remember where it was
// seen) and reading postings back for export. Private to storage/; used by
// SqliteStore inside its transactions.
#ifndef JOBCRAWLER_STORAGE_POSTING_TABLE_H_
#define JOBCRAWLER_STORAGE_POSTING_TABLE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/sqlite.h"
#include "storage/status.h"
#include "storage/store.h"

namespace jobcrawler::storage {

// Where and when a sighting happened.
struct SightingContext {
  std::int64_t run_id = 0;
  std::string_view source;  // the page's source
  UnixMillis seen_at = 0;   // the page's fetch time
  // Stands in for an empty posting.url in the identity keys; empty when the
  // page URL does not identify the posting (see storage/dedup.h).
  std::string_view fallback_url;
};

struct RecordedSighting {
  std::int64_t posting_id = 0;
  bool is_new = false;  // the posting did not exist before
};

// Finds the posting of `sighting` by its identity keys, inserts it or merges
// it into the existing one (empty fields filled, the most complete record
// kept as best, last_seen advanced, status back to active), and upserts the
// sighting row. Must run inside a transaction; fails when the sighting has
// no URL.
Result<RecordedSighting> RecordSighting(sqlite::Database& db, const Sighting& sighting,
                                        const SightingContext& context);

// Postings for export, newest first_seen first, then by id.
Result<std::vector<PostingRow>> ReadPostingRows(sqlite::Database& db, const PostingQuery& query);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_POSTING_TABLE_H_
