// The config loader: app/config/config.h ParseConfig.
//
// Input: the text of a config.toml. A ConfigError is the expected outcome
// for bad input; any other exception escapes and is reported as a crash.
// Invariants: an error message names the file ("fuzz.toml:") and is valid
// UTF-8 when the input is; an accepted config has values in range, sources
// with names and start URLs, selectors that parse, and follow patterns the
// crawler's SourceScope accepts.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/config/config.h"
#include "crawler/scope.h"
#include "parsers/extract/profile_extractor.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::app {
namespace {

void CheckAccepted(const Config& config) {
  const crawler::CrawlerOptions& c = config.crawler;
  FUZZ_CHECK(c.concurrency >= 1 && c.per_host_concurrency >= 1, "concurrency");
  FUZZ_CHECK(c.per_host_delay_ms >= 0 && c.timeout_seconds >= 1, "timing");
  FUZZ_CHECK(c.max_attempts >= 1 && c.max_pages >= 1 && c.max_depth >= 0, "limits");
  FUZZ_CHECK(config.monitoring.close_after_missed_runs >= 1, "close_after_missed_runs");
  for (const crawler::Source& source : config.sources) {
    FUZZ_CHECK(!source.name.empty(), "source without a name");
    FUZZ_CHECK(!source.start_urls.empty(), source.name);
    FUZZ_CHECK(parsers::ProfileErrors(source.profile).empty(), source.name);
    // Throws on a pattern the config check let through; matching is RE2's
    // linear time, so a hostile pattern cannot hang the run (-timeout).
    const crawler::SourceScope scope(source);
    for (const std::string& url : source.start_urls) static_cast<void>(scope.Allows(url));
  }
}

}  // namespace
}  // namespace jobcrawler::app

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::app;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    CheckAccepted(ParseConfig(text, "fuzz.toml"));
  } catch (const ConfigError& error) {
    const std::string_view message = error.what();
    FUZZ_CHECK(message.starts_with("fuzz.toml"), message);
    if (jobcrawler::fuzz::IsValidUtf8(text)) {
      FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(message), message);
    }
  }
  return 0;
}
