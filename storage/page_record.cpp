// SqliteStore::RecordPage and its steps: the frontier entry, the page row,
// the page's links, its postings, and closing what a 404/410 says is gone.
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "storage/feed_walks.h"
#include "storage/lifecycle.h"
#include "storage/link_list.h"
#include "storage/posting_table.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::storage {
namespace {

// The page URL stands in for a missing posting URL only when the posting
// is the page's only one; otherwise the page is a listing and its URL
// identifies none of them (not even a single URL-less posting beside
// others: the next run's URL-less job on the listing would take its key).
std::string_view FallbackUrl(const PageWrite& write) {
  return write.sightings.size() == 1 ? std::string_view(write.page.url) : std::string_view();
}

// A response whose body was parsed for links (not 304, not an error page).
bool BroughtBody(const PageOutcome& page) {
  return page.http_status >= 200 && page.http_status < 300;
}

bool SaysGone(const PageOutcome& page) {
  return page.http_status == 404 || page.http_status == 410;
}

// The page's links to remember, replacing the recorded ones; nullopt keeps
// them: a page without a body or unchanged says nothing new about its links.
std::optional<std::string> LinksToRecord(const PageWrite& write) {
  if (!BroughtBody(write.page) || write.unchanged) return std::nullopt;
  return EncodeLinks(write.links);
}

// The links recorded for an unchanged page that write.replay accepts, as
// adds for page.source at depth + 1, due at once.
Result<std::vector<FrontierAdd>> ReplayedLinks(sqlite::Database& db, const PageWrite& write) {
  constexpr std::string_view kWhat = "reading the links of an unchanged page";
  std::vector<FrontierAdd> links;
  if (!write.replay) return links;
  auto stmt = db.Cached("SELECT links FROM pages WHERE url = ?1", kWhat);
  if (!stmt.ok()) return stmt.status();
  stmt.value()->BindAll(write.page.url);
  auto row = stmt.value()->Step(kWhat);
  if (!row.ok()) return row.status();
  std::string text = row.value() ? stmt.value()->ColumnText(0) : std::string();
  stmt.value()->Reset();
  for (LinkRecord& recorded : DecodeLinks(text)) {
    FrontierAdd link{.url = std::move(recorded.url),
                     .host_key = std::move(recorded.host_key),
                     .source = write.page.source,
                     .depth = write.depth + 1,
                     .not_before = 0,
                     .fetch_url = std::move(recorded.fetch_url)};
    if (write.replay(link)) links.push_back(std::move(link));
  }
  return links;
}

}  // namespace

Status SqliteStore::FinishFrontierEntry(std::int64_t run_id, const PageWrite& write) {
  constexpr std::string_view kWhat = "updating the frontier entry";
  auto stmt = db_.Cached(
      "UPDATE frontier SET state = IIF(?3 IS NULL, 'done', 'queued'),"
      " not_before = COALESCE(?3, not_before), attempts = attempts + 1"
      " WHERE id = ?1 AND run_id = ?2",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  JOBCRAWLER_RETURN_IF_ERROR(
      stmt.value()->BindAll(write.page.frontier_id, run_id, write.retry_at).Run(kWhat));
  if (db_.Changes() == 0) {
    return Status::Error(
        fmt::format("frontier entry {} is not in run {}", write.page.frontier_id, run_id));
  }
  return Status::Ok();
}

Status SqliteStore::UpsertPage(std::int64_t run_id, const PageWrite& write) {
  const PageOutcome& page = write.page;
  constexpr std::string_view kWhat = "storing the page";
  // A 304 or a fetch without response brings no body: the validators of the
  // body we have stay, so the next request can still be conditional.
  auto stmt = db_.Cached(
      "INSERT INTO pages (url, final_url, source, http_status, content_type, etag,"
      " last_modified, content_hash, bytes, truncated, error, fetched_at, run_id, notes,"
      " parse_key, links)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
      " ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url,"
      " source = excluded.source, http_status = excluded.http_status,"
      " content_type = excluded.content_type,"
      " etag = IIF(excluded.http_status IN (0, 304) AND excluded.etag = '', etag, excluded.etag),"
      " last_modified = IIF(excluded.http_status IN (0, 304) AND excluded.last_modified = '',"
      "   last_modified, excluded.last_modified),"
      " content_hash = IIF(excluded.http_status IN (0, 304) AND excluded.content_hash = '',"
      "   content_hash, excluded.content_hash),"
      " bytes = excluded.bytes, truncated = excluded.truncated, error = excluded.error,"
      " fetched_at = excluded.fetched_at, run_id = excluded.run_id, notes = excluded.notes,"
      " parse_key = IIF(excluded.parse_key = '', parse_key, excluded.parse_key),"
      " links = COALESCE(excluded.links, links)",
      kWhat);
  if (!stmt.ok()) return stmt.status();
  return stmt.value()
      ->BindAll(page.url, page.final_url, page.source, page.http_status, page.content_type,
                page.etag, page.last_modified, page.content_hash, page.bytes, page.truncated,
                page.error, page.fetched_at, run_id, page.notes, page.parse_key,
                LinksToRecord(write))
      .Run(kWhat);
}

Result<int> SqliteStore::UpdatePageLinks(std::int64_t run_id, const PageWrite& write) {
  auto added = InsertLinks(run_id, write.links);
  if (!added.ok()) return added;
  if (write.unchanged) {
    auto replayed = ReplayedLinks(db_, write);
    if (!replayed.ok()) return replayed.status();
    auto again = InsertLinks(run_id, replayed.value());
    if (!again.ok()) return again;
    return added.value() + again.value();
  }
  return added;
}

Status SqliteStore::RecordSightings(std::int64_t run_id, const PageWrite& write,
                                    PageWriteResult& result) {
  SightingContext context{run_id, write.page.source, write.page.fetched_at, FallbackUrl(write)};
  std::set<std::int64_t> counted;  // a posting counts once per page
  for (std::size_t i = 0; i < write.sightings.size(); ++i) {
    auto recorded = RecordSighting(db_, write.sightings[i], context);
    if (!recorded.ok()) {
      return sqlite::WithContext(fmt::format("posting {}", i + 1), recorded.status());
    }
    if (!counted.insert(recorded->posting_id).second) continue;
    ++(recorded->is_new ? result.postings_new : result.postings_updated);
  }
  if (!write.unchanged) return Status::Ok();
  auto seen = MarkPageSeenAgain(db_, write.page.url, context);
  if (!seen.ok()) return seen.status();
  for (std::int64_t id : seen.value()) {
    if (counted.insert(id).second) ++result.postings_updated;
  }
  return Status::Ok();
}

Result<PageWriteResult> SqliteStore::RecordPage(std::int64_t run_id, const PageWrite& write) {
  std::string context = "recording page " + write.page.url;
  auto txn = sqlite::Transaction::Begin(db_);
  if (!txn.ok()) return sqlite::WithContext(context, txn.status());
  Status status = FinishFrontierEntry(run_id, write);
  if (status.ok()) status = UpsertPage(run_id, write);
  if (!status.ok()) return sqlite::WithContext(context, status);
  auto links = UpdatePageLinks(run_id, write);
  if (!links.ok()) return sqlite::WithContext(context, links.status());
  PageWriteResult result;
  result.links_added = links.value();
  status = RecordSightings(run_id, write, result);
  if (status.ok() && write.feed_walk) {
    status = RecordFeedWalk(db_, run_id, write.page.source, *write.feed_walk);
  }
  // A feed page that is gone says nothing about its postings' own pages.
  if (status.ok() && SaysGone(write.page) && !write.feed_walk) {
    auto closed = CloseGonePostings(db_, run_id, write.page.url, write.page.fetched_at);
    if (!closed.ok()) status = closed.status();
  }
  if (status.ok()) status = txn->Commit();
  if (!status.ok()) return sqlite::WithContext(context, status);
  return result;
}

}  // namespace jobcrawler::storage
