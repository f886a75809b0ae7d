// A cheap bound on the work gumbo will do for a page, checked before parsing.
//
// Gumbo 0.10 spends time proportional to the depth of open elements on each
// tag (scope checks walk the stack), so 100 000 nested <div>s take minutes,
// and so do a million tags inside a few hundred levels. Browsers cap the
// depth (Blink stops nesting at 512), so no real page relies on more. We cut
// a page off at the tag where an estimate of its depth first exceeds
// max_depth, or where the running sum of that estimate over all tags (a
// proxy for gumbo's work) first exceeds max_work, and parse the rest as usual.
//
// The estimate counts every start tag except void elements, elements HTML
// closes implicitly on their next sibling (p, li, td, option, ...), an <a>
// while another <a> is open (the tree builder closes the open one first, so
// a listing of unclosed anchors is flat) and self-closing tags inside
// <svg>/<math>; it skips comments and raw-text elements (script, style,
// textarea, title). An </a> counts only while an <a> is open. It errs high on
// other unclosed formatting tags and low (by the uncounted td/tr/li levels)
// in nested tables and lists; the limits leave room for both.
#ifndef JOBCRAWLER_PARSERS_HTML_HTML_NESTING_H_
#define JOBCRAWLER_PARSERS_HTML_HTML_NESTING_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jobcrawler::parsers {

struct NestingLimits {
  // Twice Blink's cap, room for the estimate's overcount.
  int max_depth = 1024;
  // About a quarter second of gumbo's time at ~10 ns per unit, or a second
  // where the estimate runs 4x low; a large real page (100 000 tags at depth
  // 40) needs 4 million.
  std::uint64_t max_work = 20'000'000;
};

// The length of the longest prefix of `html` within `limits` (html.size()
// when the whole page is). A cut falls on the '<' of the tag that broke a
// limit.
std::size_t NestingLimitedLength(std::string_view html, const NestingLimits& limits = {});

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_HTML_HTML_NESTING_H_
