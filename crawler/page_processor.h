// Turns one fetch result into the write that records it: the page outcome,
// the in-scope links to crawl next, and the postings with the matcher's
// verdict. Runs on the parser pool, so it is a pure function of its inputs.
#ifndef JOBCRAWLER_CRAWLER_PAGE_PROCESSOR_H_
#define JOBCRAWLER_CRAWLER_PAGE_PROCESSOR_H_

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "crawler/http_client.h"
#include "crawler/scope.h"
#include "parsers/match/matcher.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

struct PageContext {
  const storage::FrontierEntry* entry = nullptr;
  const SourceScope* scope = nullptr;
  const parsers::Matcher* matcher = nullptr;
  int max_depth = 0;
  storage::UnixMillis now = 0;
  // Sitemap URLs the page's host may still queue in this run; each child of
  // a sitemap index takes one. Null: no limit.
  std::shared_ptr<std::atomic<int>> sitemap_budget = {};
};

// True when the Content-Type names HTML (or XHTML), or is absent.
bool IsHtmlContentType(std::string_view content_type);

// A stable 64-bit digest of `body` (XXH3, fixed across xxHash versions since
// 0.8), as 16 hex digits. Pages recorded with another digest (before XXH3)
// are parsed once more when next fetched with a 200.
std::string ContentHash(std::string_view body);

// The outcome of a fetch as the store records it.
storage::PageOutcome MakeOutcome(const FetchResult& result,
                                 const storage::FrontierEntry& entry,
                                 storage::UnixMillis now);

// The filter for the links the store replays for an unchanged page: a
// recorded link is queued again only if the source's current scope allows
// it, as a fresh one must (a sitemap's children on its own site too), and
// nothing is replayed from a page at max_depth or beyond. The filter keeps a
// pointer to context.scope, which must outlive it.
storage::LinkFilter ReplayFilter(const PageContext& context);

// The write for a 304 answer: unchanged, replaying through ReplayFilter.
storage::PageWrite NotModifiedWrite(const FetchResult& result, const PageContext& context);

// Builds the complete write for a successful (2xx) or failed fetch. A
// response of a feed source goes to AddFeedResponse (crawler/
// feed_processor.h), fetched or failed, and is never taken as unchanged.
// For html sources: pages that are not 2xx yield no links and no postings;
// a body that is JSON (parsers::LooksLikeJsonBody) is read for schema.org
// postings (AddJsonBodyPostings); other non-HTML bodies yield nothing.
// Postings naming no company take the source's `company`. A body
// whose hash equals the entry's previous content_hash, parsed last time
// under the scope's current parse key, is not parsed again: the write is
// marked unchanged and the store replays its links (through ReplayFilter)
// and postings. Links keep the URL as found for fetching (FrontierAdd::
// fetch_url); links too long to follow are counted in page.notes. Only a
// page's single posting may take the page's canonical link or URL when it
// has none of its own; several URL-less postings keep posting.url empty.
// A sitemap (an XML or gzip body at a URL naming "sitemap") yields the
// URLs it lists that the source's scope allows.
// `signature`, when given, receives the page's signature (its postings and
// links; see parsers::PageExtraction::page_signature), empty for non-HTML.
storage::PageWrite ProcessPage(const FetchResult& result, const PageContext& context,
                               std::string* signature = nullptr);
// The same, taking result.body for the parser instead of copying it (an
// HTML body that is UTF-8 already is parsed where curl wrote it); the other
// fields of `result` are left as they were.
storage::PageWrite ProcessPage(FetchResult&& result, const PageContext& context,
                               std::string* signature = nullptr);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_PAGE_PROCESSOR_H_
