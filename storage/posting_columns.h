// How a parsers::Posting maps onto the postings table's columns. Private to
// storage/; shared by the writing (posting_table.cpp) and reading
// (posting_read.cpp) sides so that the two cannot drift apart.
#ifndef JOBCRAWLER_STORAGE_POSTING_COLUMNS_H_
#define JOBCRAWLER_STORAGE_POSTING_COLUMNS_H_

#include "parsers/core/posting.h"
#include "storage/sqlite.h"

namespace jobcrawler::storage {

// The Posting fields as stored, in the order of BindPosting/ReadPosting.
#define JOBCRAWLER_POSTING_COLUMNS                                                       \
  "title, company, description, street, locality, postal_code, region, country, "       \
  "salary_min, salary_max, salary_currency, salary_period, employment_type, remote, "   \
  "date_posted, valid_through, posting_url, identifier, format"
inline constexpr int kPostingColumnCount = 19;

// Binds the Posting fields to parameters first..first+18.
void BindPosting(sqlite::Statement& stmt, int first, const parsers::Posting& posting);

// Reads the Posting fields from columns first..first+18.
parsers::Posting ReadPosting(const sqlite::Statement& stmt, int first);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_POSTING_COLUMNS_H_
