// Everything the crawler needs from one fetched HTML page.
//
// ExtractPage is a pure function: it parses `html` once with gumbo and returns
// the postings found and the raw links of the page. Postings come from the
// first format that yields any: JSON-LD, microdata, the source's extraction
// profile (profile_extractor.h), then, for a page that does not paginate,
// one job ad read from the page itself (generic_extractor.h) or from its
// OpenGraph/meta tags (meta_extractor.h). A salary that is a placeholder
// (PlaceholderSalaryReason) is dropped from every posting, with a
// diagnostic. It never throws on bad input: a broken page yields what could
// be read plus diagnostics. Thread-safe (no shared state), so the crawler
// runs it on every core.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_PAGE_EXTRACTOR_H_
#define JOBCRAWLER_PARSERS_EXTRACT_PAGE_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"
#include "parsers/extract/profile_extractor.h"

namespace jobcrawler::parsers {

struct PageExtraction {
  std::vector<Posting> postings;
  // href values of <a>/<area>/<link rel=next> as written in the page, in
  // document order, without duplicates; resolving them is the caller's job.
  std::vector<std::string> links;
  std::string base_href;  // <base href>, empty when absent
  std::string canonical;  // <link rel=canonical href>, empty when absent
  std::string title;      // <title> text
  // href values of the page's "next page" links, also in `links`: those the
  // profile's next_page selects when it has one, else <link rel=next>,
  // <a rel=next> and anchors reading "Weiter", "Nächste (Seite)", "Next",
  // "»" or "›" (or with such an aria-label). Document order, no duplicates.
  std::vector<std::string> next_pages;
  // 16 hex digits hashing the postings' titles and URLs and the links other
  // than next_pages: equal signatures mean a page repeats another
  // (pagination ran past its end). Empty for a page with nothing else.
  std::string page_signature;
  int json_ld_blocks = 0;         // <script type=application/ld+json> seen
  int json_ld_errors = 0;         // of those, blocks that could not be read
  std::vector<std::string> diagnostics;  // human-readable notes on skipped input
  // Set when only the start of the page was read because it nests elements
  // too deeply (parsers/html/html_nesting.h), saying how much; also in
  // `diagnostics`. The crawler records it as the page's error.
  std::string nesting_cut;
  // For a page without structured data that does not paginate, why it was
  // or was not read as one job ad ("one job ad (title, tasks, profile,
  // apply)", "no job ad: 12 links to other jobs"); empty otherwise.
  std::string ad_verdict;
};

struct ExtractPageOptions {
  // The source's selectors; null or empty: none. Not owned; must outlive
  // the call.
  const ExtractionProfile* profile = nullptr;
  // ISO date ("2026-11-20") that relative dates count back from.
  std::string today;
};

PageExtraction ExtractPage(std::string_view html, const ExtractPageOptions& options);

// ExtractPage with no profile and no date for relative dates.
PageExtraction ExtractPage(std::string_view html);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_PAGE_EXTRACTOR_H_
