// schema.org JobPosting from HTML microdata
// (https://html.spec.whatwg.org/multipage/microdata.html).
//
// Each item whose itemtype ends in "schema.org/JobPosting" becomes a JSON-LD
// shaped object (property names as keys, nested itemscope elements as nested
// objects) and is mapped by the same code as JSON-LD, so both formats read
// salaries, places and dates alike.
//
// Departures from the spec: itemref is not followed; an element's content
// attribute is its value whatever its tag (pages put it on <span> and <div>,
// as RDFa does); items nested deeper than kMaxMicrodataDepth are dropped.
// Pure, thread-safe, never throwing on any document.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_MICRODATA_H_
#define JOBCRAWLER_PARSERS_EXTRACT_MICRODATA_H_

#include <vector>

#include "parsers/html/html_document.h"
#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

// A JobPosting's properties nest about 4 items deep (JobPosting > Place >
// PostalAddress); bounding depth bounds the recursion over hostile pages.
inline constexpr int kMaxMicrodataDepth = 16;

// Every JobPosting item of the document, in document order, format kMicrodata.
std::vector<Posting> ExtractMicrodata(const HtmlDocument& document);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_MICRODATA_H_
