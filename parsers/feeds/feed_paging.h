// Which response of a feed to fetch next: pure functions of a source's start
// URL and the FeedPage (feed.h) of the last response.
//
// A walk over one start URL:
//   PageUrl first = FirstFeedPageUrl(type, start_url);   // error: report, skip
//   for (int page = 1; !url.empty(); ++page) {
//     fetch url (a failed fetch ends the walk: it is then incomplete);
//     FeedPage result = ParseFeed(type, body, final_url, options);
//     PageStep step = NextFeedPage(type, start_url, page, result);
//     url = step.next_url;  // "" ends the walk; step.complete and
//   }                       // step.too_broad tell how it ended
//
// - Jobsuche (kArbeitsagentur): page=1,2,... with size=100, the service's
//   maximum. The walk ends at a short or empty page, after maxErgebnisse
//   results, or before a page past 10,000 results: the service answers 400
//   when page * size exceeds 10,000. A search with more results than that is
//   "too broad": the walk sees only part of it and is not complete.
// - Lever: skip=0,100,... with limit=100 (and mode=json); the walk ends at a
//   page that is not full, and after kMaxLeverPages pages (incomplete then),
//   so a server that ignores skip cannot keep it going.
// - html (JSON bodies), Personio and Greenhouse: one response is the whole
//   listing.
// A walk is complete when it ended at the end of the listing with every
// response understood (no kUnknown shape, nothing truncated): only then may a
// job it no longer lists count as unseen. Results carry no sort order to rely
// on. Thread-safe; nothing throws (std::bad_alloc aside).
#ifndef JOBCRAWLER_PARSERS_FEEDS_FEED_PAGING_H_
#define JOBCRAWLER_PARSERS_FEEDS_FEED_PAGING_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/feeds/feed.h"

namespace jobcrawler::parsers {

inline constexpr std::int64_t kJobsuchePageSize = 100;       // the service's maximum
inline constexpr std::int64_t kJobsucheMaxResults = 10'000;  // page * size beyond: HTTP 400
inline constexpr std::int64_t kLeverPageSize = 100;
inline constexpr int kMaxLeverPages = 50;  // 5,000 postings

struct PageUrl {
  std::string url;    // empty on error
  std::string error;  // why no URL could be built; empty on success
  bool ok() const { return error.empty(); }
};

// Page `page` (from 1) of a Jobsuche search: `search_url` with page=N and
// size=100; the other parameters are kept, in their order, page and size
// replaced where they stand (further copies dropped) or appended. Errors: no
// absolute http(s) URL, page < 1, or page * 100 > 10,000 ("search too
// broad: ...").
PageUrl JobsuchePageUrl(std::string_view search_url, int page);

// Page `page` (from 1) of a Lever postings URL: skip=(page-1)*100,
// limit=100 and mode=json set as above. Errors: no absolute http(s) URL,
// page < 1.
PageUrl LeverPageUrl(std::string_view feed_url, int page);

// The first URL to fetch for a start URL of `type`: page 1 of a Jobsuche or
// Lever walk, the start URL itself for the other types.
PageUrl FirstFeedPageUrl(FeedType type, std::string_view start_url);

struct PageStep {
  std::string next_url;    // fetch this next; "" ends the walk
  bool complete = false;   // the walk (ending here) saw the whole listing
  bool too_broad = false;  // Jobsuche: more results than the service serves
  // Why the walk is incomplete or too broad, for a warning; "" otherwise.
  std::string message;
};

// After page `page` (from 1) of the walk from `start_url` came back as
// `result`: the next URL, or how the walk ended. too_broad is set from the
// first page on, as soon as maxErgebnisse shows it (the walk goes on to the
// last page the service serves).
PageStep NextFeedPage(FeedType type, std::string_view start_url, int page, const FeedPage& result);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_FEEDS_FEED_PAGING_H_
