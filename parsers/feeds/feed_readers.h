// One reader per feed format, behind ParseFeed (feed.h). Internal to
// parsers/feeds. Each takes the whole response body and fills `builder`.
#ifndef JOBCRAWLER_PARSERS_FEEDS_FEED_READERS_H_
#define JOBCRAWLER_PARSERS_FEEDS_FEED_READERS_H_

#include <string_view>

#include "parsers/feeds/feed_util.h"

namespace jobcrawler::parsers::feed_detail {

void ReadJsonLdFeed(std::string_view body, FeedBuilder* builder);  // json_ld_feed.cpp
void ReadJobsuche(std::string_view body, FeedBuilder* builder);    // jobsuche.cpp
void ReadPersonio(std::string_view body, FeedBuilder* builder);    // personio.cpp
void ReadGreenhouse(std::string_view body, FeedBuilder* builder);  // greenhouse.cpp
void ReadLever(std::string_view body, FeedBuilder* builder);       // lever.cpp

}  // namespace jobcrawler::parsers::feed_detail

#endif  // JOBCRAWLER_PARSERS_FEEDS_FEED_READERS_H_
