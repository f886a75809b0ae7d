// URL resolution and canonicalisation: crawler/url.h (and SiteKey of
// crawler/scope.h).
//
// Input: "BASE\nHREF": a page URL and a link as written in it. Invariants
// for every canonical URL produced:
// - it is a fixed point: canonicalising it again, or resolving it against
//   any base, gives it back unchanged;
// - it is valid UTF-8 without controls, spaces or a fragment, starts with
//   http:// or https://, and has a host key;
// - it stays under kUrlLengthBound. The crawler's own cap is stricter
//   (crawler/url.cpp); this bound only catches unbounded growth.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/scope.h"
#include "crawler/url.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::crawler {
namespace {

// Generous on purpose: input is capped at 8 KiB per URL, and percent-
// encoding may triple a base and a relative reference each.
constexpr std::size_t kUrlLengthBound = 64 * 1024;

void CheckCanonical(const std::string& url) {
  FUZZ_CHECK(url.size() <= kUrlLengthBound, url);
  FUZZ_CHECK(url.starts_with("http://") || url.starts_with("https://"), url);
  FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(url), url);
  for (const char c : url) {
    FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != 0x7F && c != '#', url);
  }
  FUZZ_CHECK(CanonicalizeUrl(url) == url, url);
  FUZZ_CHECK(ResolveUrl("https://example.org/a/b?c=d", url) == url, url);
  const std::optional<std::string> host = HostKey(url);
  FUZZ_CHECK(host.has_value(), url);
  FUZZ_CHECK(HostKey(*host + "/") == host, url);
  FUZZ_CHECK(!SiteKey(url).empty(), url);
}

}  // namespace
}  // namespace jobcrawler::crawler

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::crawler;
  jobcrawler::fuzz::FuzzInput input(data, size);
  const std::string_view base = input.Line();
  const std::string_view href = input.Rest();
  if (std::optional<std::string> url = ResolveUrl(base, href)) CheckCanonical(*url);
  if (std::optional<std::string> url = CanonicalizeUrl(base)) {
    CheckCanonical(*url);
    FUZZ_CHECK(HostKey(*url) == HostKey(base), *url);
  }
  (void)IsTrackingParameter(href);
  return 0;
}
