// The postings and sightings tables, reading side: postings for export and
// for explanation. Private to storage/; callers wrap these in one read
// transaction so that a posting and its sightings come from one snapshot.
#ifndef JOBCRAWLER_STORAGE_POSTING_READ_H_
#define JOBCRAWLER_STORAGE_POSTING_READ_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/sqlite.h"
#include "storage/status.h"
#include "storage/store.h"

namespace jobcrawler::storage {

// Postings matching every filter of `query`, newest first_seen first, then
// by id.
Result<std::vector<PostingRow>> ReadPostingRows(sqlite::Database& db, const PostingQuery& query);

// The posting with `id`, nullopt when there is none.
Result<std::optional<PostingRow>> ReadPostingRow(sqlite::Database& db, std::int64_t id);

// A sighting with the identity key that joined it to its posting ("" for
// the one that created the posting, or when stored before schema 2).
struct StoredSighting {
  SightingInfo info;
  std::string matched_key;
};

// The sightings of posting `id`, oldest first.
Result<std::vector<StoredSighting>> ReadSightings(sqlite::Database& db, std::int64_t id);

// The identity keys of posting `id`: id:, url:, tcl: keys in that order,
// alphabetical within each kind.
Result<std::vector<std::string>> ReadKeys(sqlite::Database& db, std::int64_t id);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_POSTING_READ_H_
