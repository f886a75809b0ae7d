// Structured source: Greenhouse's job board API (JSON), read by
// ParseFeed (parsers/feeds/feed.h), and the paging step after it.
// Input and invariants: tests/fuzz/feed_checks.h.
#include <cstddef>
#include <cstdint>

#include "parsers/feeds/feed.h"
#include "tests/fuzz/feed_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  jobcrawler::fuzz::FuzzFeed(jobcrawler::parsers::FeedType::kGreenhouse, data, size);
  return 0;
}
