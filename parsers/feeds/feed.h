// Job feeds and search APIs: the structured sources read besides HTML pages.
//
// ParseFeed turns one fetched response of a source into postings, paging
// facts and a verdict on the response's shape. It is called once per
// response; feed_paging.h says which response to fetch next. The formats,
// each described in its reader's banner:
//   kHtml            a JSON body (not an HTML page) holding schema.org
//                    JobPostings: a bare object, an array, @graph, an
//                    ItemList (itemListElement[].item or the elements
//                    themselves), a DataFeed whose dataFeedElement[].item
//                    are postings (softgarden's jobs.feed.json). HTML bodies
//                    go to ExtractPage (parsers/extract/page_extractor.h);
//                    LooksLikeJsonBody tells which applies. (json_ld_feed.cpp)
//   kArbeitsagentur  the Bundesagentur für Arbeit's Jobsuche search API, v6
//                    (ergebnisliste[]) and the older v4 (stellenangebote[]);
//                    field names of both are read in every item. (jobsuche.cpp)
//   kPersonio        Personio's XML feed, <workzag-jobs><position>...
//                    (personio.cpp)
//   kGreenhouse      Greenhouse's job board API, {"jobs":[...],"meta":{...}}
//                    (greenhouse.cpp)
//   kLever           Lever's postings API, a bare JSON array (lever.cpp)
//
// What the caller gets, and how it is meant to be used:
//   - postings: normalised like JSON-LD postings (salary, dates, places,
//     employment type, remote); `posting.url` is the job's public page as an
//     absolute http(s) URL, `posting.identifier` the source's id of the job,
//     `posting.format` kJsonLd (structured data). Only the kHtml type can
//     yield a posting without url (a JSON-LD posting that names none and has
//     no @id); such a posting must not be given the feed's URL when the feed
//     holds several.
//   - also_seen_at: further URLs that show the same job (the original ad a
//     Jobsuche result reposts, `externeURL`): store them as sightings of the
//     same posting, so that the ad crawled there joins it.
//   - other_places: further locations the feed names for the job (Personio's
//     additionalOffices, Jobsuche's further stellenlokationen, Lever's
//     allLocations); the posting itself carries the first.
//   - shape: kOk (postings listed), kEmpty (a valid response listing no job,
//     e.g. a Jobsuche answer without `ergebnisliste`: the listing is complete
//     and empty), kUnknown (the body is not the expected format: no list
//     where one belongs, not JSON or XML at all, or items none of which could
//     be read). kUnknown must be reported loudly, naming the source; the
//     listing must then not count as complete.
//   - truncated: a cap dropped part of the response: not complete either.
//   - paging: what feed_paging.h needs (Jobsuche's totals, Lever's full page).
//   - diagnostics: skipped items and why, repairs, caps.
// Hostile input never crashes or loops: bodies, items, strings and nesting
// are capped (constants below). Pure functions, thread-safe, never throwing
// (std::bad_alloc aside).
#ifndef JOBCRAWLER_PARSERS_FEEDS_FEED_H_
#define JOBCRAWLER_PARSERS_FEEDS_FEED_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {

// The source types of a [[sources]] entry (config key `type`).
enum class FeedType { kHtml, kArbeitsagentur, kPersonio, kGreenhouse, kLever };

// "html", "arbeitsagentur", "personio", "greenhouse", "lever".
std::string_view FeedTypeName(FeedType type);
// The type a config value names (exactly as FeedTypeName spells it), or
// nullopt for anything else.
std::optional<FeedType> ParseFeedType(std::string_view name);

// Limits against hostile responses. A response is a few kB (one Jobsuche
// page of 100 results is ~150 kB) to a few MB (a Greenhouse board with
// content=true).
inline constexpr std::size_t kMaxFeedBytes = 16 * 1024 * 1024;
// Jobs read from one response; Jobsuche and Lever pages hold 100.
inline constexpr std::size_t kMaxFeedItems = 5'000;
// Nesting of JSON or XML; feeds nest about 6 levels.
inline constexpr int kMaxFeedDepth = 64;
// Title, company, place parts, identifier (bytes, cut at a character).
inline constexpr std::size_t kMaxFeedTextBytes = 1024;
// URLs longer than this are dropped, not cut.
inline constexpr std::size_t kMaxFeedUrlBytes = 8 * 1024;
inline constexpr std::size_t kMaxFeedDescriptionBytes = 64 * 1024;
// other_places and also_seen_at entries per posting.
inline constexpr std::size_t kMaxFeedPlaces = 20;
// Diagnostics kept per response (then one line saying more were omitted).
inline constexpr std::size_t kMaxFeedDiagnostics = 50;

struct FeedOptions {
  // Fills Posting::company where the feed names none (Personio's feed
  // often does not, Lever's never does).
  std::string company;
};

enum class FeedShape { kOk, kEmpty, kUnknown };

// "ok", "empty", "unknown".
std::string_view FeedShapeName(FeedShape shape);

struct FeedPosting {
  Posting posting;
  std::vector<std::string> also_seen_at;  // absolute http(s) URLs, not posting.url
  std::vector<Place> other_places;
};

struct FeedPaging {
  // Entries in the response's list, readable or not (before any cap).
  std::size_t listed = 0;
  // The number of jobs the whole listing holds, as the source states it
  // (Jobsuche `maxErgebnisse`, Greenhouse `meta.total`); Jobsuche's `page`
  // and `size` as the service echoes them; nullopt when absent or no number.
  std::optional<std::int64_t> total;
  std::optional<std::int64_t> page;
  std::optional<std::int64_t> size;
  // Lever: the `limit` the request URL asked for, and whether that many
  // entries came back (so a further page may follow).
  std::optional<std::int64_t> limit;
  bool full_page = false;
};

struct FeedPage {
  FeedShape shape = FeedShape::kUnknown;
  std::vector<FeedPosting> postings;
  FeedPaging paging;
  bool truncated = false;  // a cap dropped part of the response
  std::vector<std::string> diagnostics;
};

// Reads one response `body` of a source of `type`, fetched from
// `request_url` (the final URL, after redirects: Personio job pages and
// relative JSON-LD URLs are derived from it; Lever's limit is read from it).
// `body` is the response as received (decompressed, not charset-decoded):
// JSON is read as UTF-8 (RFC 8259), XML in the encoding its byte order mark
// or declaration names; bytes that do not decode become U+FFFD.
FeedPage ParseFeed(FeedType type, std::string_view body, std::string_view request_url,
                   const FeedOptions& options);

// True when a response of an html source is a JSON body for ParseFeed(kHtml)
// rather than a page for ExtractPage: its media type is JSON
// (application/json, application/ld+json, anything +json), or it has none or
// text/plain and the body starts with '{' or '[' (after a BOM and spaces).
bool LooksLikeJsonBody(std::string_view content_type, std::string_view body);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_FEEDS_FEED_H_
