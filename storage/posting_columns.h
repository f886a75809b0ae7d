// How a parsers::Posting maps onto the postings table's columns. Private to
// storage/; shared by the writing (posting_table.cpp) and reading
// (posting_read.cpp) sides so that the two cannot drift apart.
#ifndef JOBCRAWLER_STORAGE_POSTING_COLUMNS_H_
#define JOBCRAWLER_STORAGE_POSTING_COLUMNS_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"
#include "storage/sqlite.h"

namespace jobcrawler::storage {

// The Posting fields as stored, in the order of BindPosting/ReadPosting.
// other_places is a JSON array of {"locality", "postal_code", "region",
// "country"} objects, '' for a posting in one place and in rows written
// before the migration that added the column.
#define JOBCRAWLER_POSTING_COLUMNS                                                       \
  "title, company, description, street, locality, postal_code, region, country, "       \
  "salary_min, salary_max, salary_currency, salary_period, employment_type, remote, "   \
  "date_posted, valid_through, posting_url, identifier, format, other_places"
inline constexpr int kPostingColumnCount = 20;

// Binds the Posting fields to parameters first..first+kPostingColumnCount-1.
void BindPosting(sqlite::Statement& stmt, int first, const parsers::Posting& posting);

// Reads the Posting fields from columns first..first+kPostingColumnCount-1.
// An other_places value that is not such a JSON array reads as no places.
parsers::Posting ReadPosting(const sqlite::Statement& stmt, int first);

// other_places as stored, and back.
std::string EncodePlaces(const std::vector<parsers::PostingPlace>& places);
std::vector<parsers::PostingPlace> DecodePlaces(std::string_view text);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_POSTING_COLUMNS_H_
