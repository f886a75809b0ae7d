// Pure checks of a [[sources]] entry's type-specific keys, kept apart from
// the TOML walking in config.cpp. Internal to the app library.
#ifndef JOBCRAWLER_APP_CONFIG_SOURCE_CHECKS_H_
#define JOBCRAWLER_APP_CONFIG_SOURCE_CHECKS_H_

#include <string>
#include <string_view>

#include "parsers/feeds/feed.h"

namespace jobcrawler::app {

// "" when `url` (an absolute http(s) URL) looks like a start URL of a source
// of `type`, else why not, with an example of the right form:
//   arbeitsagentur  the path ends in /jobs (.../jobsuche-service/pc/v6/jobs);
//                   the Jobsuche web page (www.arbeitsagentur.de) is refused
//   personio        the path ends in /xml
//   greenhouse      the path is .../boards/TOKEN/jobs; the board's web page
//                   (boards.greenhouse.io) is refused
//   lever           the path is .../postings/COMPANY; the web page
//                   (jobs.lever.co) is refused
//   html            anything
// Hosts are not checked otherwise: mirrors of the Jobsuche service and
// local test servers answer at other hosts.
std::string FeedStartUrlError(parsers::FeedType type, std::string_view url);

// "html", "arbeitsagentur", ... as one quoted, comma-separated list, for
// the message about an unknown type.
std::string FeedTypeList();

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CONFIG_SOURCE_CHECKS_H_
