// Reading a job ad's fields from what a page states in text, labels and
// metadata. Internal to parsers/extract (the generic and the meta
// extractor). Pure functions of bounded input; thread-safe.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_AD_FIELDS_H_
#define JOBCRAWLER_PARSERS_EXTRACT_AD_FIELDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"
#include "parsers/extract/page_outline.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers::internal {

// A value is short; longer text after a label is prose.
inline constexpr std::size_t kMaxFactBytes = 200;

// What a page states about an ad by label ("Standort: Hagen", a <dt>/<dd>
// or <th>/<td> pair, "<strong>Arbeitszeit</strong> Vollzeit") or by a field
// hint in its markup (class "job-location"), in page order.
struct AdFacts {
  std::vector<std::string> location;
  std::vector<std::string> employment;
  std::vector<std::string> company;
  std::vector<std::string> salary;
  std::vector<std::string> date_posted;
  std::vector<std::string> valid_through;
  std::vector<std::string> id;
};

// The facts in blocks [from, to) of the main, header and sidebar zones (a
// fact box beside the ad) and in the page's hinted texts there.
AdFacts ReadAdFacts(const PageOutline& outline, std::size_t from, std::size_t to);

// The segments of a page title: "IT-Leiter (m/w/d) | Muster GmbH" gives
// "IT-Leiter (m/w/d)" and "Muster GmbH". Split at " | ", " – ", " — ",
// " - ", " :: ", " · ", " » " and, after a job title, " bei "/" at ".
std::vector<std::string> TitleSegments(std::string_view title);

// The employer a page title names besides `job_title`: a segment with a
// legal form ("GmbH", "AG", "e.V.", ...), else, when `site_name` is one of
// the segments (so the others are not the site), the first other segment
// that is no place in `places` and not generic ("Karriere", "Jobs"). "" when
// none.
std::string CompanyFromTitle(std::string_view title, std::string_view job_title,
                             std::string_view site_name, const std::vector<Place>& places);

// og:site_name or a logo's alt text as a company name: "Muster GmbH
// Karriere" -> "Muster GmbH", "Logo der Stadtwerke Muster" -> "Stadtwerke
// Muster"; "" when generic.
std::string CleanCompanyName(std::string_view text);

// The company a footer or imprint line names with its legal form
// ("© 2026 Muster Logistik GmbH & Co. KG · Musterstr. 1 · 58095 Hagen" ->
// "Muster Logistik GmbH & Co. KG"), or "" when the line names none.
std::string CompanyInLine(std::string_view line);

// The places a text names by postal code and town ("58095 Hagen", "D-58095
// Hagen (Westf.)") or as the job's site ("am Standort Hagen", "Einsatzort
// Hagen", "in unserer Zentrale in Hagen"), in text order, at most
// kMaxParsedPlaces. A number followed by a word that counts something
// ("12000 Mitarbeitende") is no postal code.
std::vector<Place> PlacesInText(std::string_view text);

// True when `name` can be a town: capitalised, no digits, at most four
// words, and no employment term, remote cue, label or job title.
bool IsPlausibleLocality(std::string_view name);

// Puts `places` (first = the posting's place) into `posting`, dropping
// duplicates and empty places, at most kMaxPostingPlaces.
void SetPlaces(const std::vector<Place>& places, Posting* posting);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_EXTRACT_AD_FIELDS_H_
