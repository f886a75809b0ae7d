// Reading the recorded-shape responses in tests/data/feeds/ (written for
// these tests after the public formats; no real company's data).
#ifndef JOBCRAWLER_TESTS_PARSERS_FEEDS_FEED_FIXTURES_H_
#define JOBCRAWLER_TESTS_PARSERS_FEEDS_FEED_FIXTURES_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/feeds/feed.h"

namespace jobcrawler::parsers::testing {

inline std::string ReadFeedFixture(std::string_view name) {
  const std::string path = std::string(JOBCRAWLER_TEST_DATA_DIR) + "/feeds/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<std::string> Titles(const FeedPage& page) {
  std::vector<std::string> titles;
  for (const FeedPosting& posting : page.postings) titles.push_back(posting.posting.title);
  return titles;
}

// True when some diagnostic contains `part`.
inline bool HasDiagnostic(const FeedPage& page, std::string_view part) {
  for (const std::string& diagnostic : page.diagnostics) {
    if (diagnostic.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace jobcrawler::parsers::testing

#endif  // JOBCRAWLER_TESTS_PARSERS_FEEDS_FEED_FIXTURES_H_
