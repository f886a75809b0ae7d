// Everything the crawler needs from one fetched HTML page.
//
// ExtractPage is a pure function: it parses `html` once with gumbo and returns
// the postings found (JSON-LD first; other formats as fallbacks) and the raw
// links of the page. It never throws on bad input: a broken page yields what
// could be read plus diagnostics. Thread-safe (no shared state), so the
// crawler runs it on every core.
#ifndef JOBCRAWLER_PARSERS_PAGE_EXTRACTOR_H_
#define JOBCRAWLER_PARSERS_PAGE_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/posting.h"

namespace jobcrawler::parsers {

struct PageExtraction {
  std::vector<Posting> postings;
  // href values of <a>/<area>/<link rel=next> as written in the page, in
  // document order, without duplicates; resolving them is the caller's job.
  std::vector<std::string> links;
  std::string base_href;  // <base href>, empty when absent
  std::string canonical;  // <link rel=canonical href>, empty when absent
  std::string title;      // <title> text
  int json_ld_blocks = 0;         // <script type=application/ld+json> seen
  int json_ld_errors = 0;         // of those, blocks that could not be read
  std::vector<std::string> diagnostics;  // human-readable notes on skipped input
};

PageExtraction ExtractPage(std::string_view html);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_PAGE_EXTRACTOR_H_
