// The last-resort reader: one posting from a page's OpenGraph
// (https://ogp.me/) and <meta> tags, for job-ad pages with no structured data.
//
// Most pages carry og:title and a description, so the rule is deliberately
// conservative (our choice; nothing standardises "a job ad's meta tags").
// A page yields a posting only when ALL of:
//  1. it has a title (og:title, else <title>) and a description
//     (og:description, else <meta name=description>), both non-empty;
//  2. the title carries a job-ad signal: a gender marker as German job ads
//     must ("(m/w/d)", "(w/m/d)", "(m/f/d)", "(d/m/w)", "(m/w/x)", "(gn)",
//     "(all genders)", "Leiter*in", "Leiter:in"), or the singular word
//     "Stellenangebot", "Stellenanzeige" or "Stellenausschreibung" together
//     with a job-ish URL path (og:url or canonical containing "job",
//     "stelle" or "karriere");
//  3. the title does not read like a search result: no "Jobs",
//     "Stellenangebote" or "Stellen" right after the gender marker
//     ("Leiter IT (m/w/d) Jobs in Hagen").
// ExtractPage further skips pages that paginate (listings do, ads do not)
// and pages where another format found postings.
//
// The posting: title (cut after the gender marker, dropping the "| Site"
// tail), description, company from og:site_name or else the employer the
// <title> names (a segment with a legal form, or its last segment), places
// from OpenGraph's place properties or "geo.placename", else a postal code
// and town or a named site ("Standort Hagen") in the title or description
// (a bare town in a title is not read: titles mix places and company names
// too freely), employment type and remote from the title and description,
// url from og:url or the canonical link, date_posted from
// article:published_time; format kMeta.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_META_EXTRACTOR_H_
#define JOBCRAWLER_PARSERS_EXTRACT_META_EXTRACTOR_H_

#include <optional>
#include <string_view>

#include "parsers/html/html_document.h"
#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

// The page's posting per the rule above, or nullopt. `today` is an ISO date
// for relative dates. Pure and thread-safe.
std::optional<Posting> ExtractMetaPosting(const HtmlDocument& document, std::string_view today);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_META_EXTRACTOR_H_
