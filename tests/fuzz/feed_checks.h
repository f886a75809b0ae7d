// What every structured-source target checks: one response through
// ParseFeed (parsers/feeds/feed.h), then the paging step after it
// (parsers/feeds/feed_paging.h), as the crawler's feed walk does.
//
// Input: "REQUEST-URL\nBODY", the URL the body was fetched from (also the
// walk's start URL) and the response as received. Invariants:
//   - every posting keeps posting_checks.h, its text fields stay within
//     kMaxFeedTextBytes / kMaxFeedDescriptionBytes, its URL is an absolute
//     http(s) URL (only a JSON body may leave it empty) within
//     kMaxFeedUrlBytes; also_seen_at holds such URLs other than the
//     posting's own, other_places valid UTF-8; both within kMaxFeedPlaces;
//   - at most kMaxFeedItems postings and kMaxFeedDiagnostics diagnostics
//     (plus one saying more were omitted), each valid UTF-8 and capped; no
//     reader threw (no "internal error");
//   - the shape agrees with the postings: kOk has some, kEmpty and kUnknown
//     none;
//   - paging: the next URL is an absolute http(s) URL or empty; a walk that
//     goes on is not complete; a complete one read every response; walks
//     end at their caps (Jobsuche's 10,000 results, kMaxLeverPages); page
//     URLs built from a page URL equal those built from the start URL.
#ifndef JOBCRAWLER_TESTS_FUZZ_FEED_CHECKS_H_
#define JOBCRAWLER_TESTS_FUZZ_FEED_CHECKS_H_

#include <boost/url/parse.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/feeds/feed.h"
#include "parsers/feeds/feed_paging.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/posting_checks.h"

namespace jobcrawler::fuzz {

inline bool IsHttpUrl(std::string_view url) {
  namespace urls = boost::urls;
  const auto parsed = urls::parse_uri(url);
  if (!parsed) return false;
  const urls::scheme scheme = parsed->scheme_id();
  return (scheme == urls::scheme::http || scheme == urls::scheme::https) &&
         parsed->has_authority() && !parsed->encoded_host().empty();
}

inline void CheckCapped(std::string_view text, std::size_t max) {
  FUZZ_CHECK(IsValidUtf8(text), text);
  FUZZ_CHECK(text.size() <= max, text);
}

inline void CheckFeedPosting(const parsers::FeedPosting& feed_posting, parsers::FeedType type) {
  using namespace parsers;
  const Posting& p = feed_posting.posting;
  CheckPosting(p);
  for (const std::string* text :
       {&p.title, &p.company, &p.street, &p.locality, &p.postal_code, &p.region, &p.country,
        &p.salary_currency, &p.salary_period, &p.employment_type, &p.remote, &p.date_posted,
        &p.valid_through, &p.identifier}) {
    CheckCapped(*text, kMaxFeedTextBytes);
  }
  CheckCapped(p.description, kMaxFeedDescriptionBytes);
  FUZZ_CHECK(p.format == PostingFormat::kJsonLd, p.title);
  FUZZ_CHECK(!p.url.empty() || type == FeedType::kHtml, p.title);
  if (!p.url.empty()) FUZZ_CHECK(IsHttpUrl(p.url) && p.url.size() <= kMaxFeedUrlBytes, p.url);
  FUZZ_CHECK(feed_posting.also_seen_at.size() <= kMaxFeedPlaces, p.url);
  for (const std::string& url : feed_posting.also_seen_at) {
    FUZZ_CHECK(IsHttpUrl(url) && url.size() <= kMaxFeedUrlBytes && url != p.url, url);
  }
  FUZZ_CHECK(feed_posting.other_places.size() <= kMaxFeedPlaces, p.title);
  for (const Place& place : feed_posting.other_places) {
    for (const std::string* text :
         {&place.locality, &place.postal_code, &place.region, &place.country}) {
      CheckCapped(*text, kMaxFeedTextBytes);
    }
  }
}

inline void CheckFeedPage(const parsers::FeedPage& page, parsers::FeedType type) {
  using namespace parsers;
  FUZZ_CHECK(page.postings.size() <= kMaxFeedItems, "too many postings");
  for (const FeedPosting& posting : page.postings) CheckFeedPosting(posting, type);
  FUZZ_CHECK(page.diagnostics.size() <= kMaxFeedDiagnostics + 1, "too many diagnostics");
  for (const std::string& diagnostic : page.diagnostics) {
    CheckCapped(diagnostic, kMaxFeedTextBytes);
    FUZZ_CHECK(!diagnostic.starts_with("internal error"), diagnostic);
  }
  FUZZ_CHECK((page.shape == FeedShape::kOk) == !page.postings.empty(), FeedShapeName(page.shape));
}

inline void CheckPageUrl(const parsers::PageUrl& page_url) {
  FUZZ_CHECK(page_url.ok() == !page_url.url.empty(), page_url.error);
  if (page_url.ok()) FUZZ_CHECK(IsHttpUrl(page_url.url), page_url.url);
  FUZZ_CHECK(IsValidUtf8(page_url.error), page_url.error);
}

// Page URLs of a Jobsuche or Lever walk: well formed, and the same whether
// built from the start URL or from an earlier page's URL.
inline void CheckPageUrls(parsers::FeedType type, std::string_view start_url) {
  using namespace parsers;
  const auto page_url = [type](std::string_view url, int page) {
    return type == FeedType::kLever ? LeverPageUrl(url, page) : JobsuchePageUrl(url, page);
  };
  const PageUrl first = FirstFeedPageUrl(type, start_url);
  CheckPageUrl(first);
  if (!first.ok()) return;
  const PageUrl second = page_url(start_url, 2);
  CheckPageUrl(second);
  FUZZ_CHECK(page_url(first.url, 2).url == second.url, second.url);
  FUZZ_CHECK(page_url(second.url, 1).url == first.url, first.url);
}

inline void CheckStep(const parsers::PageStep& step, const parsers::FeedPage& page) {
  using parsers::FeedShape;
  FUZZ_CHECK(IsValidUtf8(step.message), step.message);
  if (!step.next_url.empty()) FUZZ_CHECK(IsHttpUrl(step.next_url), step.next_url);
  FUZZ_CHECK(step.next_url.empty() || !step.complete, step.next_url);
  if (step.complete) {
    FUZZ_CHECK(page.shape != FeedShape::kUnknown && !page.truncated && !step.too_broad,
               step.message);
  }
}

inline void CheckPaging(parsers::FeedType type, std::string_view start_url,
                        const parsers::FeedPage& page) {
  using namespace parsers;
  CheckStep(NextFeedPage(type, start_url, 1, page), page);
  // The last page each walk may fetch.
  const int last = type == FeedType::kLever
                       ? kMaxLeverPages
                       : static_cast<int>(kJobsucheMaxResults / kJobsuchePageSize);
  const PageStep at_cap = NextFeedPage(type, start_url, last, page);
  CheckStep(at_cap, page);
  FUZZ_CHECK(at_cap.next_url.empty(), at_cap.next_url);
  if (type == FeedType::kArbeitsagentur || type == FeedType::kLever) {
    CheckPageUrls(type, start_url);
  }
}

// The whole check for one input of a target reading feeds of `type`.
inline void FuzzFeed(parsers::FeedType type, const std::uint8_t* data, std::size_t size) {
  FuzzInput input(data, size);
  const std::string_view request_url = input.Line();
  parsers::FeedOptions options;
  options.company = "Muster GmbH";
  const parsers::FeedPage page = parsers::ParseFeed(type, input.Rest(), request_url, options);
  CheckFeedPage(page, type);
  CheckPaging(type, request_url, page);
}

}  // namespace jobcrawler::fuzz

#endif  // JOBCRAWLER_TESTS_FUZZ_FEED_CHECKS_H_
