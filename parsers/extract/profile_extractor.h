// Postings from pages without structured data, read with CSS selectors that
// the user gives per source ([sources.extract] in config.toml).
//
// A field's value is the text (HtmlNode::Text) of the first element its
// selector finds inside the posting's container, or, with a suffix " @attr"
// ("a.apply @href", "time @datetime"), that element's attribute. A bare
// "@attr" reads the container's own attribute. `description` joins the text
// of every match. Fields are normalised as JSON-LD fields are: salary by
// ParseSalary, location by ParsePlace (the text itself becomes the locality
// when ParsePlace finds none), dates by NormalizeDate, employment by
// NormalizeEmploymentType, remote by DetectRemote over location and
// description. The posting URL is taken only from `url`; without it the
// crawler falls back to the page's canonical or own URL.
//
// Pure functions, thread-safe; a selector that does not parse selects nothing
// (config loading rejects those first: see CheckProfileSelector).
#ifndef JOBCRAWLER_PARSERS_EXTRACT_PROFILE_EXTRACTOR_H_
#define JOBCRAWLER_PARSERS_EXTRACT_PROFILE_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/html/html_document.h"
#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

// Every member is a selector as described above; empty means "not given".
struct ExtractionProfile {
  // One posting's container; empty: the whole page is one posting.
  std::string posting;

  std::string title;  // required: a container without a title is dropped
  std::string company;
  std::string location;
  std::string postal_code;
  std::string salary;
  std::string employment_type;
  std::string date_posted;
  std::string valid_through;
  std::string description;
  std::string identifier;
  std::string url;

  // Links to postings and to the next page of a listing, searched in the
  // whole page. Their value is the attribute after " @" or else href (of the
  // element or, failing that, of its first descendant with one).
  std::string links;
  std::string next_page;

  // True when no field is given: the profile extracts nothing.
  bool empty() const;
};

// "" when `spec` (a field value as above) parses, else
// "invalid selector at N: REASON" with N the 1-based character of `spec`.
// `posting` takes no " @attr" suffix: pass allow_attribute = false for it.
std::string CheckProfileSelector(std::string_view spec, bool allow_attribute);

// One "KEY: error" line per unusable selector of `profile`.
std::vector<std::string> ProfileErrors(const ExtractionProfile& profile);

// The postings `profile` finds in `document`, in document order, format
// kHtmlProfile. `today` (an ISO date) anchors relative dates ("vor 3 Tagen").
std::vector<Posting> ExtractWithProfile(const HtmlDocument& document,
                                        const ExtractionProfile& profile,
                                        std::string_view today);

// The link values `spec` (profile.links or profile.next_page) selects, as
// written in the page but trimmed, in document order, without duplicates.
std::vector<std::string> ProfileLinks(const HtmlDocument& document, std::string_view spec);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_PROFILE_EXTRACTOR_H_
