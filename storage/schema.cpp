#include "storage/schema.h"

#include <iterator>
#include <string_view>

#include <fmt/format.h>

namespace jobcrawler::storage {
namespace {

// Version 1: runs, frontier, pages, postings with their identity keys, and
// the sightings that tie postings to URLs. Times are UnixMillis (INTEGER).
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE runs (
  id               INTEGER PRIMARY KEY,
  started_at       INTEGER NOT NULL,
  finished_at      INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL DEFAULT 'running'
                   CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
  pages_fetched    INTEGER NOT NULL DEFAULT 0,
  pages_failed     INTEGER NOT NULL DEFAULT 0,
  postings_found   INTEGER NOT NULL DEFAULT 0,
  postings_new     INTEGER NOT NULL DEFAULT 0,
  postings_updated INTEGER NOT NULL DEFAULT 0,
  errors           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_by_status ON runs (status, id);

CREATE TABLE frontier (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  url        TEXT NOT NULL CHECK (url <> ''),
  host_key   TEXT NOT NULL,
  source     TEXT NOT NULL,
  depth      INTEGER NOT NULL DEFAULT 0,
  state      TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'leased', 'done')),
  not_before INTEGER NOT NULL DEFAULT 0,
  attempts   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run_id, url)
);
-- Leasing reads queued entries of one run that are due.
CREATE INDEX frontier_lease ON frontier (run_id, state, not_before);

-- The latest fetch of each URL, across runs (conditional requests).
CREATE TABLE pages (
  url           TEXT PRIMARY KEY,
  final_url     TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT '',
  http_status   INTEGER NOT NULL DEFAULT 0,
  content_type  TEXT NOT NULL DEFAULT '',
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash  TEXT NOT NULL DEFAULT '',
  bytes         INTEGER NOT NULL DEFAULT 0,
  truncated     INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
  error         TEXT NOT NULL DEFAULT '',
  fetched_at    INTEGER NOT NULL,
  run_id        INTEGER NOT NULL REFERENCES runs (id)
);

-- One row per job. The Posting fields hold the merged record; url/source
-- and completeness belong to the most complete record seen (the "best").
CREATE TABLE postings (
  id              INTEGER PRIMARY KEY,
  id_key          TEXT NOT NULL DEFAULT '',
  url_key         TEXT NOT NULL DEFAULT '',
  tcl_key         TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL DEFAULT '',
  company         TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  street          TEXT NOT NULL DEFAULT '',
  locality        TEXT NOT NULL DEFAULT '',
  postal_code     TEXT NOT NULL DEFAULT '',
  region          TEXT NOT NULL DEFAULT '',
  country         TEXT NOT NULL DEFAULT '',
  salary_min      REAL,
  salary_max      REAL,
  salary_currency TEXT NOT NULL DEFAULT '',
  salary_period   TEXT NOT NULL DEFAULT '',
  employment_type TEXT NOT NULL DEFAULT '',
  remote          TEXT NOT NULL DEFAULT '',
  date_posted     TEXT NOT NULL DEFAULT '',
  valid_through   TEXT NOT NULL DEFAULT '',
  posting_url     TEXT NOT NULL DEFAULT '',
  identifier      TEXT NOT NULL DEFAULT '',
  format          TEXT NOT NULL DEFAULT '',
  url             TEXT NOT NULL CHECK (url <> ''),
  source          TEXT NOT NULL DEFAULT '',
  completeness    INTEGER NOT NULL DEFAULT 0,
  first_seen      INTEGER NOT NULL,
  last_seen       INTEGER NOT NULL,
  first_seen_run  INTEGER NOT NULL REFERENCES runs (id),
  last_seen_run   INTEGER NOT NULL REFERENCES runs (id),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  matched         INTEGER NOT NULL DEFAULT 0 CHECK (matched IN (0, 1))
);
CREATE INDEX postings_by_first_seen ON postings (first_seen DESC, id);
CREATE INDEX postings_by_first_seen_run ON postings (first_seen_run);

-- Every identity key (storage/dedup.h) of every posting.
CREATE TABLE posting_keys (
  key        TEXT PRIMARY KEY,
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX posting_keys_by_posting ON posting_keys (posting_id);

-- Where each posting was seen.
CREATE TABLE sightings (
  id         INTEGER PRIMARY KEY,
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  url        TEXT NOT NULL CHECK (url <> ''),
  source     TEXT NOT NULL DEFAULT '',
  page_url   TEXT NOT NULL DEFAULT '',
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  last_run   INTEGER NOT NULL REFERENCES runs (id),
  UNIQUE (posting_id, url)
);
)sql";

// Version 2: posting lifecycle (closing), the links each page carried (to
// re-crawl behind an unchanged page), which key joined each sighting, the
// near-duplicate fingerprint, per-run source health and the robots.txt
// cache. Postings from version 1 get their fingerprint when next seen.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE postings ADD COLUMN closed_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE postings ADD COLUMN closed_run INTEGER NOT NULL DEFAULT 0;
ALTER TABLE postings ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
-- FoldCompany(company) "|" FoldText(locality); '' when the company folds empty.
ALTER TABLE postings ADD COLUMN near_key TEXT NOT NULL DEFAULT '';
-- DescriptionSimHash as a signed 64-bit integer; NULL when the description
-- is too short to compare (storage/dedup.h).
ALTER TABLE postings ADD COLUMN simhash INTEGER;
CREATE INDEX postings_by_status ON postings (status, last_seen_run);
CREATE INDEX postings_by_closed_run ON postings (closed_run);
CREATE INDEX postings_by_near_key ON postings (near_key) WHERE simhash IS NOT NULL;

-- The identity key that joined a sighting to its posting ('' for the
-- sighting that created the posting).
ALTER TABLE sightings ADD COLUMN matched_key TEXT NOT NULL DEFAULT '';
CREATE INDEX sightings_by_page_url ON sightings (page_url);
CREATE INDEX sightings_by_url ON sightings (url);
CREATE INDEX sightings_by_posting ON sightings (posting_id, last_run);

-- The outgoing links of the latest fetch with a body of each page.
CREATE TABLE page_links (
  page_url TEXT NOT NULL,
  url      TEXT NOT NULL,
  host_key TEXT NOT NULL,
  source   TEXT NOT NULL,
  PRIMARY KEY (page_url, url)
) WITHOUT ROWID;

-- Which sources each completed run reached (healthy = 1) or not.
CREATE TABLE run_sources (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  source  TEXT NOT NULL,
  healthy INTEGER NOT NULL CHECK (healthy IN (0, 1)),
  PRIMARY KEY (run_id, source)
) WITHOUT ROWID;
CREATE INDEX run_sources_by_source ON run_sources (source, healthy, run_id);

CREATE TABLE robots (
  host_key    TEXT PRIMARY KEY,
  http_status INTEGER NOT NULL,
  body        TEXT NOT NULL,
  fetched_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX pages_by_run ON pages (run_id, source);
)sql";

// Identity keys that are brought up to date in C++: derived_versions holds
// the versions of data computed in C++ and stored, refreshed when the store
// opens (storage/key_refresh.h); a missing row is version 1.
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE derived_versions (
  name    TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Monitoring that survives a kill between a run's end and its monitoring.
// A completed run without a run_monitoring row has not been monitored yet;
// the next crawl does it. CloseStale writes the row together with the run's
// news (run_news) in the transaction that closes postings; delivered_at is
// NULL until the news has been reported. Runs that completed before this
// version were monitored when they ended (or never will be): not again.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE run_monitoring (
  run_id       INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  monitored_at INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX run_monitoring_undelivered ON run_monitoring (run_id) WHERE delivered_at IS NULL;

CREATE TABLE run_news (
  run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('new', 'closed')),
  posting_id INTEGER NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  PRIMARY KEY (run_id, kind, posting_id)
) WITHOUT ROWID;

INSERT INTO run_monitoring (run_id, monitored_at, delivered_at)
  SELECT id, finished_at, finished_at FROM runs WHERE status = 'completed';
)sql";

// Version 5: URLs as found beside the canonical identity, what each page's
// parse depended on, notes, and an index that leases read in order.
// Rows from earlier versions have no fetch_url (the crawler then requests `url`)
// and no parse_key (their pages are parsed once more).
constexpr std::string_view kVersion5 = R"sql(
-- The URL to request, query order and encoding as found; '' means url.
ALTER TABLE frontier ADD COLUMN fetch_url TEXT NOT NULL DEFAULT '';
ALTER TABLE page_links ADD COLUMN fetch_url TEXT NOT NULL DEFAULT '';
-- Parser version and source configuration the page's result came from.
ALTER TABLE pages ADD COLUMN parse_key TEXT NOT NULL DEFAULT '';
-- What was noticed but is no error (links too long to follow).
ALTER TABLE pages ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- A lease walks each host's queued entries in lease order (depth, id)
-- instead of sorting every due entry of the run.
CREATE INDEX frontier_queued_by_host ON frontier (run_id, host_key, depth, id)
  WHERE state = 'queued';
)sql";

// Version 6: a posting's further places (JSON, see posting_columns.h).
constexpr std::string_view kVersion6 = R"sql(
ALTER TABLE postings ADD COLUMN other_places TEXT NOT NULL DEFAULT '';
)sql";

// Version 7: how far each walk of a feed source got in a run (crawler/
// feed_source.h): one row per run, source and walk (the canonical URL of its
// first page), updated by every response of the walk; source health reads
// it (a feed listing closes postings only when every walk was complete).
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE feed_walks (
  run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  source  TEXT NOT NULL,
  walk    TEXT NOT NULL,
  page    INTEGER NOT NULL,
  state   TEXT NOT NULL CHECK (state IN ('more', 'complete', 'incomplete')),
  message TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, source, walk)
) WITHOUT ROWID;
)sql";

// Version 8: URLs that feeds named as the original ad of several different
// jobs (an employer's general careers page): they identify none of them
// (storage/feed_named_urls.h).
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE shared_feed_urls (
  url        TEXT PRIMARY KEY,
  first_run  INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 9: the number of results a walk's listing stated on its first
// page, so that a later page stating another shows the listing changed
// while it was read (the walk is then incomplete). NULL: none stated.
constexpr std::string_view kVersion9 = R"sql(
ALTER TABLE feed_walks ADD COLUMN total INTEGER;
)sql";

// Index i holds the migration to version i + 1. Append only.
constexpr std::string_view kMigrations[] = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5,
                                             kVersion6, kVersion7, kVersion8, kVersion9};

// Applies the migration after the database's version, if any; sets `done`
// when there is none. The version is read inside the write transaction so
// that two processes opening a new file at once do not both migrate it.
Status MigrateOneStep(sqlite::Database& db, bool& done) {
  auto txn = sqlite::Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  Result<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  int latest = LatestSchemaVersion();
  if (current.value() > latest) {
    return Status::Error(fmt::format(
        "the database has schema version {}, newer than this program's {}; "
        "use a newer jobcrawler",
        current.value(), latest));
  }
  done = current.value() == latest;
  if (done) return txn->Commit();
  int version = current.value() + 1;
  std::string what = fmt::format("migrating the schema to version {}", version);
  JOBCRAWLER_RETURN_IF_ERROR(db.Exec(kMigrations[version - 1], what));
  // PRAGMA takes no parameters; `version` is our own integer.
  JOBCRAWLER_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA user_version = {}", version), what));
  return txn->Commit();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Result<int> SchemaVersion(sqlite::Database& db) {
  auto stmt = db.Prepare("PRAGMA user_version", "reading the schema version");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step("reading the schema version");
  if (!row.ok()) return row.status();
  return row.value() ? stmt->ColumnInt(0) : 0;
}

Status Migrate(sqlite::Database& db) {
  for (bool done = false; !done;) {
    JOBCRAWLER_RETURN_IF_ERROR(MigrateOneStep(db, done));
  }
  return Status::Ok();
}

}  // namespace jobcrawler::storage
