// One job posting as extracted from a page, whatever the page's format.
//
// A Posting is a plain value: every field is optional in practice and an
// empty string (or an empty std::optional) means "the page did not say".
// Extractors fill it, the matcher reads it, the store persists it.
#ifndef JOBCRAWLER_PARSERS_CORE_POSTING_H_
#define JOBCRAWLER_PARSERS_CORE_POSTING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace jobcrawler::parsers {

// Where a posting's fields came from, best first. kHtmlGeneric: a job-ad
// page read without structured data or a profile (generic_extractor.h).
enum class PostingFormat { kJsonLd, kMicrodata, kHtmlProfile, kHtmlGeneric, kMeta };

std::string_view PostingFormatName(PostingFormat format);

// One more place of a posting that names several ("Hagen oder Dortmund").
struct PostingPlace {
  std::string locality;
  std::string postal_code;
  std::string region;
  std::string country;  // ISO 3166-1 alpha-2 where known
  bool operator==(const PostingPlace&) const = default;
};

// A posting keeps at most this many places (the one in Posting and
// kMaxPostingPlaces - 1 others): chains list every branch, a reader needs
// the first few.
inline constexpr std::size_t kMaxPostingPlaces = 20;

// "44135 Dortmund (DE); Montreal (CA)": each place as postal code, locality
// and country in parentheses, places separated by "; ". "" for no places.
std::string FormatPlaces(const std::vector<PostingPlace>& places);

struct Posting {
  std::string title;
  std::string company;
  std::string description;  // clean text, no markup

  // Location.
  std::string street;
  std::string locality;     // "Hagen"
  std::string postal_code;  // "58095"
  std::string region;       // "Nordrhein-Westfalen" / "NRW"
  std::string country;      // ISO 3166-1 alpha-2 where known ("DE")
  // Further places the posting names, in the page's order, without
  // duplicates of the one above; empty for a posting in one place.
  std::vector<PostingPlace> other_places;

  // Salary, normalised. Amounts are in `salary_currency` per `salary_period`.
  std::optional<double> salary_min;
  std::optional<double> salary_max;
  std::string salary_currency;  // ISO 4217 ("EUR"); empty when not stated
  std::string salary_period;    // HOUR, DAY, WEEK, MONTH or YEAR

  std::string employment_type;  // schema.org values joined by ',' ("FULL_TIME")
  std::string remote;           // "", "remote" or "hybrid"
  std::string date_posted;      // ISO 8601 date ("2026-11-20")
  std::string valid_through;    // ISO 8601 date

  std::string url;         // the posting's own URL as the page gives it
  std::string identifier;  // the source's own id (JSON-LD identifier)
  PostingFormat format = PostingFormat::kJsonLd;
};

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_CORE_POSTING_H_
