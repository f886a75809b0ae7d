// The links a page carried, as one compact text value per page (the
// pages.links column), so that recording a page writes one value instead of
// one row per link.
//
// Format: one line per link, lines joined by LF; a line is
// `url TAB fetch_url TAB host_key`. fetch_url is empty when it equals url;
// host_key is empty when it equals the previous line's. The crawler's URLs
// never hold TAB or LF (both forms percent-encode control characters); a
// link that does anyway is left out rather than misread, and so is a link
// without URL. Pure functions, thread-safe.
#ifndef JOBCRAWLER_STORAGE_LINK_LIST_H_
#define JOBCRAWLER_STORAGE_LINK_LIST_H_

#include <string>
#include <string_view>
#include <vector>

#include "storage/store.h"

namespace jobcrawler::storage {

struct LinkRecord {
  std::string url;
  std::string fetch_url;  // never empty: url when it was stored empty
  std::string host_key;
};

// The encoded list of `links` ("" for none).
std::string EncodeLinks(const std::vector<FrontierAdd>& links);

// The links of an encoded list, in order. Malformed lines (fewer than three
// fields, no URL, no host key yet) are skipped.
std::vector<LinkRecord> DecodeLinks(std::string_view text);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_LINK_LIST_H_
