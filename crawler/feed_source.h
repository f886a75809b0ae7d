// How the crawler reads a source whose type is a job feed or search API
// (Source::type other than kHtml; the formats are parsers/feeds/feed.h's):
// the headers its requests carry, which walk and page a request URL
// belongs to, which failures are tried again, and how a feed entry becomes
// a posting.
//
// A walk is the sequence of responses read from one start URL: page 1
// (FirstFeedPageUrl), then each next page NextFeedPage names, queued as a
// link of the same source at the same depth (so max_depth never cuts a
// walk; the paging limits of feed_paging.h bound it). A walk is known by
// the canonical URL of its first page: every page of it maps back to that
// URL, so the store can tell how far each walk of a run got.
// Pure functions, thread-safe.
#ifndef JOBCRAWLER_CRAWLER_FEED_SOURCE_H_
#define JOBCRAWLER_CRAWLER_FEED_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawl_options.h"
#include "crawler/http_client.h"
#include "parsers/core/posting.h"
#include "parsers/feeds/feed.h"

namespace jobcrawler::crawler {

// The X-API-Key the Jobsuche service expects from its public clients; a
// source's api_key replaces it.
inline constexpr std::string_view kJobsucheApiKey = "jobboerse-jobsuche";

// True for every type but kHtml.
inline bool IsFeedType(parsers::FeedType type) { return type != parsers::FeedType::kHtml; }

// Extra request headers ("Name: value") for every page of `source`: for
// arbeitsagentur "Accept: application/json" and "X-API-Key: <api_key or
// kJobsucheApiKey>"; for greenhouse and lever "Accept: application/json";
// for personio an Accept for XML; none for html.
std::vector<std::string> SourceRequestHeaders(const Source& source);

// What credentials went with `source`'s requests, for the message of a 401
// or 403 answer: "sent X-API-Key: jobboerse-jobsuche (the default key)",
// "sent X-API-Key from api_key" (a configured key is not repeated), "sent
// no credentials (the feed is public)". "" for html sources.
std::string CredentialsNote(const Source& source);

// The page number (from 1) that a request URL of a walk asks for: the
// `page` parameter for arbeitsagentur, `skip` / 100 + 1 for lever; 1 for the
// other types, and where the parameter is missing or not a number >= 0.
int FeedPageNumber(parsers::FeedType type, std::string_view url);

// The walk that a request URL belongs to: the canonical form of
// FirstFeedPageUrl(type, url); "" when no such URL can be built.
std::string FeedWalkKey(parsers::FeedType type, std::string_view url);

// The walks one complete run of `source` reads: the distinct FeedWalkKeys
// of its start URLs, sorted (start URLs that differ only in page, size,
// skip or parameter order are one walk). Empty for html sources.
std::vector<std::string> FeedWalkKeys(const Source& source);

// The URL to queue for a start URL of `source`: FirstFeedPageUrl for feed
// types, the start URL itself for html; "" when no first page can be built
// (config loading rejects such start URLs).
std::string FirstRequestUrl(const Source& source, std::string_view start_url);

// What `jobcrawler parse --type` fetches for `url`: the URL itself when it
// already names a page of its walk (Jobsuche `page`, Lever `skip`) or the
// type has no paging, else FirstFeedPageUrl; "" when that fails.
std::string ParseRequestUrl(parsers::FeedType type, std::string_view url);

// True when a failed answer of a feed source is worth another attempt
// beyond IsRetryable (crawler/backoff.h): HTTP 403, which the Jobsuche
// service answers now and then to requests that succeed a moment later.
// Always false for html sources, where a 403 is a refusal.
bool RetryableForFeed(parsers::FeedType type, const FetchResult& result);

// A feed entry as the posting the store and the matcher take: the entry's
// other_places become Posting::other_places (after any the posting already
// has, without its own place or duplicates, at most kMaxPostingPlaces - 1).
// The entry's also_seen_at is left to the caller.
parsers::Posting PostingOfFeedEntry(parsers::FeedPosting entry);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_FEED_SOURCE_H_
