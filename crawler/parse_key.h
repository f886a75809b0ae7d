// What a page's parse result depends on besides its bytes, as one string:
// the extraction code's version and the source's configuration (name, start
// URLs, follow rules, [sources.extract] profile, type and company). The store keeps it per
// page; a page whose key differs from the current one is fetched without
// conditional headers and parsed again even if its bytes are unchanged, so
// that a parser fix, a new profile or a narrower `follow` takes effect on
// re-crawls. Pure functions, thread-safe.
#ifndef JOBCRAWLER_CRAWLER_PARSE_KEY_H_
#define JOBCRAWLER_CRAWLER_PARSE_KEY_H_

#include <string>

#include "crawler/crawl_options.h"

namespace jobcrawler::crawler {

// Bump whenever a change to extraction (parsers/extract, parsers/normalize,
// link and posting handling in crawler/page_processor.cpp) changes what an
// unchanged page yields: every page is then parsed once more. 4: JSON bodies
// of html sources are read for postings.
inline constexpr int kParserVersion = 4;

// "p<version>-<16 hex digits>"; equal sources give equal keys, and any
// change to a field listed above gives another.
std::string ParseKey(const Source& source);

}  // namespace jobcrawler::crawler

#endif  // JOBCRAWLER_CRAWLER_PARSE_KEY_H_
