// Brings stored identity keys up to date when IdentityKeys changes
// (kIdentityKeyVersion in storage/dedup.h), so that a job seen before the
// change and seen again after it is still one record. Private to storage/.
#ifndef JOBCRAWLER_STORAGE_KEY_REFRESH_H_
#define JOBCRAWLER_STORAGE_KEY_REFRESH_H_

#include "storage/sqlite.h"
#include "storage/status.h"

namespace jobcrawler::storage {

// When the database's identity keys are older than kIdentityKeyVersion:
// gives every posting the "tcl:" key its stored record (best title, company,
// locality, postal code) has now, unless another posting holds that key
// already (the older posting first; stored postings are never merged), and
// records the new version. Old keys stay: sightings that still compute them
// (RecordSighting looks up LegacyTitleKey) join as before. One transaction;
// does nothing when the keys are current. SqliteStore::Open calls it after
// migrating.
Status RefreshIdentityKeys(sqlite::Database& db);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_KEY_REFRESH_H_
