// The postings, posting_keys and sightings tables, writing side: recording
// one sighting (find the posting by identity, insert or merge, remember
// where it was seen). Reading is in posting_read.h. Private to storage/;
// used by SqliteStore inside its transactions.
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

// Finds the posting of `sighting` by its identity keys, else by the
// near-duplicate rung (storage/dedup.h), inserts it or merges it into the
// existing one (empty fields filled, the most complete record kept as best,
// last_seen advanced, reopened if closed), and upserts the sighting row
// with the key that joined it. Each of sighting.also_seen_at is looked up
// and stored as a "url:" key too, and becomes a sighting of the posting
// (see UpsertAlsoSeenRow in the .cpp), unless it names several jobs
// (storage/feed_named_urls.h). Must run inside a transaction; fails when
// the sighting has no URL.
//
// Our choice: a posting closed as "expired" stays closed when seen again
// with the same valid_through (boards often list ads past their end date;
// reopening would report it closed again after every run). A new
// valid_through reopens it.
Result<RecordedSighting> RecordSighting(sqlite::Database& db, const Sighting& sighting,
                                        const SightingContext& context);

// Marks every sighting found on `page_url` and its posting as seen again at
// context.seen_at in context.run_id (an unchanged page), reopening closed
// postings as RecordSighting does. Returns the ids of the postings touched.
// Must run inside a transaction.
Result<std::vector<std::int64_t>> MarkPageSeenAgain(sqlite::Database& db, std::string_view page_url,
                              const SightingContext& context);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_POSTING_TABLE_H_
