// Postings as an Atom 1.0 feed (RFC 4287), for feed readers.
//
// One atom:entry per posting: atom:id is a tag URI (RFC 4151) built from the
// posting's id, stable across runs ("tag:jobcrawler,2026:posting-17");
// atom:updated is when the posting was first seen, or closed; atom:link is
// its best URL; atom:summary is "company · place · salary". The feed has one
// author ("jobcrawler"), so entries need none (RFC 4287 §4.1.1).
//
// Our choices: dates are RFC 3339 in UTC with whole seconds; the feed links
// to itself (rel="self") only when told its URL, since a file written by
// cron has none we could know; text is made valid XML 1.0 rather than
// rejected: invalid UTF-8 becomes U+FFFD and characters XML forbids (C0
// controls but tab and line ends, U+FFFE, U+FFFF) are dropped.
#ifndef JOBCRAWLER_APP_MONITOR_ATOM_FEED_H_
#define JOBCRAWLER_APP_MONITOR_ATOM_FEED_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "storage/store.h"

namespace jobcrawler::app {

struct AtomFeedInfo {
  std::string id = "tag:jobcrawler,2026:feed";
  std::string title = "jobcrawler: IT-leadership postings";
  std::string self_url;  // the feed's own URL; no rel="self" link when empty
  // The feed's atom:updated when it has no entries (else the newest entry's).
  storage::UnixMillis updated = 0;
};

// Writes the whole document, XML declaration included. Stream errors are
// left in the stream's state.
void WriteAtomFeed(std::ostream& out, const std::vector<storage::PostingRow>& rows,
                   const AtomFeedInfo& info);

// "tag:jobcrawler,2026:posting-<id>"
std::string AtomEntryId(std::int64_t posting_id);

// `text` as XML character data or attribute value: valid UTF-8 XML 1.0
// characters only (see above), with & < > " ' escaped.
std::string XmlEscape(std::string_view text);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_MONITOR_ATOM_FEED_H_
