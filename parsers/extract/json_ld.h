// schema.org JobPosting (https://schema.org/JobPosting) from JSON-LD.
//
// ExtractJsonLd reads one <script type="application/ld+json"> body, repairing
// the malformed JSON pages ship (see json_repair.h), and returns every
// JobPosting in it: at the top level, in arrays, in @graph, or nested as a
// property value (mainEntity, itemListElement) at any depth.
//
// Deliberate departures from JSON-LD processing: @context is not expanded
// (a type matches by its last segment: "JobPosting", "schema:JobPosting",
// "http://schema.org/JobPosting"); @id references are not followed; a
// salary amount of 0 reads as "not stated". Of several jobLocation values
// the first is the posting's place and the others its other_places (at most
// kMaxPostingPlaces in all); an addressLocality holding a list ("Hagen;
// Dortmund") or an applicant-tracking path ("AMER - Canada - Quebec -
// Montreal") is read as ParsePlaces reads it. Pure functions, thread-safe,
// never throwing.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_JSON_LD_H_
#define JOBCRAWLER_PARSERS_EXTRACT_JSON_LD_H_

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

struct JsonLdExtraction {
  std::vector<Posting> postings;  // in the order they appear in the block
  std::string error;              // why the block could not be read; empty when it was
  std::string repairs;            // what had to be repaired to read it; empty when nothing
  bool ok() const { return error.empty(); }
};

JsonLdExtraction ExtractJsonLd(std::string_view text);

// True when a JSON-LD @type value (a string or a list of strings) names
// JobPosting.
bool IsJobPostingType(const nlohmann::json& type);

// Maps one JobPosting object to a Posting (format kJsonLd). Every field is
// optional; values of unexpected JSON types are ignored.
Posting PostingFromJobPosting(const nlohmann::json& job_posting);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_EXTRACT_JSON_LD_H_
