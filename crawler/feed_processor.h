// Reads responses of feed sources (crawler/feed_source.h), and JSON bodies
// of html sources, into the write that records them. ProcessPage
// (crawler/page_processor.h) calls these on the parser pool; pure functions
// of their inputs, like it.
#ifndef JOBCRAWLER_CRAWLER_FEED_PROCESSOR_H_
#define JOBCRAWLER_CRAWLER_FEED_PROCESSOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "crawler/http_client.h"
#include "crawler/page_processor.h"
#include "parsers/feeds/feed.h"
#include "storage/store.h"

namespace jobcrawler::crawler {

// Fills `write` (its page already made by MakeOutcome) for a response of a
// feed source (context.scope->type() is not kHtml), whether it succeeded or
// not. Every response records its walk's step (storage::FeedWalkStep):
// - a 2xx response is read with ParseFeed. Its postings become sightings
//   (AddFeedSightings); the walk's next page (NextFeedPage) becomes a link
//   of the same source at the same depth, whatever max_depth says; the
//   walk is complete when it ended at the end of the listing (and, the
//   store checks, every page stated the same total). A response
//   not understood (FeedShape::kUnknown) is a page error naming what was
//   missing, and ends the walk incomplete, as do a body cut at
//   max_body_bytes, a cap of feed.h and a search too broad to be served
//   whole. The feed's diagnostics go to page.notes.
// - any other response ends the walk incomplete, saying why; for a 401 or
//   403 the message and page.error say which credentials were sent.
// Feed responses are always read whole: the caller must not take the
// unchanged-page shortcut for them, which would lose the walk's step.
void AddFeedResponse(const FetchResult& result, const PageContext& context,
                     storage::PageWrite& write);

// The step that ends the walk of `entry`, a URL of the feed source `scope`
// describes, that was not fetched at all (robots.txt, a host given up or
// unreachable): incomplete, saying `why`.
storage::FeedWalkStep UnfetchedStep(const SourceScope& scope, const storage::FrontierEntry& entry,
                                    const std::string& why);

// For an html source: a 2xx response whose body is JSON (LooksLikeJsonBody)
// read with ParseFeed(kHtml) for schema.org postings. A JSON body without
// any adds nothing but a note (most JSON an html source meets is no feed).
void AddJsonBodyPostings(const FetchResult& result, const PageContext& context,
                         storage::PageWrite& write);

// The entries of a feed response as sightings of the page: each entry's
// posting (PostingOfFeedEntry) with its URL resolved against `base` and
// canonical, the company filled from the source where it names none, its
// also_seen_at URLs canonical (own URL and duplicates left out, as are URLs
// that several entries of the response name), and the matcher's verdict. An
// entry without a URL takes the page's URL only when it is the response's
// one entry.
void AddFeedSightings(std::vector<parsers::FeedPosting> entries, std::string_view base,
                      const PageContext& context, storage::PageWrite& write);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_FEED_PROCESSOR_H_
