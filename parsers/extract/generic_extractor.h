// One job ad from a detail page without structured data or a profile: the
// path ExtractPage takes after JSON-LD, microdata and a configured profile,
// before the meta-tag fallback.
//
// Whether a page is one ad is decided by job_ad_detector.h (a job-title-like
// heading, an ad's section headings, an apply action, no crowd of links to
// other jobs); a listing yields nothing here and its links are followed as
// usual. The posting (format kHtmlGeneric):
//  - title: the chosen heading as written (or a segment of og:title/<title>);
//  - company: a labelled or hinted value ("Arbeitgeber: ..."), else the page
//    title's employer segment (CompanyFromTitle), else og:site_name, else the
//    page title's last segment, else a footer/imprint line with a legal
//    form, else a logo's alt text;
//  - places: labelled or hinted locations ("Standort: Hagen / Dortmund"),
//    else a postal code and town near the title, else a site named in the
//    ad ("am Standort Hagen") or the first postal code and town in it, else
//    the footer's address when it names the company (not for an agency's ad
//    for a client: "Unser Mandant ..."); remote/hybrid from the title, those
//    places and the description (DetectRemote);
//  - employment type from labels, the title or the lines near it, else
//    "Vollzeit"/"Teilzeit" stated in the ad; salary from a label or a line
//    that names a currency and speaks of pay; date posted, valid through and
//    identifier from labels; url from the canonical link or og:url;
//  - description: the ad's text after the title, up to kMaxDescriptionBytes.
// Pure, thread-safe.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_GENERIC_EXTRACTOR_H_
#define JOBCRAWLER_PARSERS_EXTRACT_GENERIC_EXTRACTOR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "parsers/core/posting.h"
#include "parsers/html/html_document.h"

namespace jobcrawler::parsers {

inline constexpr std::size_t kMaxDescriptionBytes = 32 * 1024;

struct GenericExtraction {
  std::optional<Posting> posting;  // nullopt: not one job ad
  std::string why;                 // the detector's one-line reason, for diagnostics
};

// `today` is an ISO date for relative dates.
GenericExtraction ExtractGenericPosting(const HtmlDocument& document, std::string_view today);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_GENERIC_EXTRACTOR_H_
