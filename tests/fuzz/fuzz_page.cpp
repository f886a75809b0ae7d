// One fetched page end to end, as the crawler's parser threads see it:
// crawler::ProcessPage (charset decoding, HTML parsing, JSON-LD with repair,
// microdata, the source's [sources.extract] profile, meta tags, sitemaps,
// link resolution and scope, the matcher).
//
// Input: "CONTENT-TYPE\nPAGE-URL\nBODY". A page URL that does not
// canonicalise is replaced by a fixed one (frontier URLs are canonical). An
// XML content type and "sitemap" in the URL take the sitemap path. Each page
// is processed twice: without a profile, and with a typical listing profile.
// Invariants: every posting keeps posting_checks.h; every link, page,
// posting (when it has one) and also-seen-at URL is a canonical fixed point
// in valid UTF-8 (links with the right host key); links are one level deeper
// (or, from a sitemap index, as deep); the page signature is empty or 16 hex
// digits. A JSON body (content type or first byte) goes through ParseFeed as
// the crawler sends it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/page_processor.h"
#include "crawler/url.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/posting_checks.h"

namespace jobcrawler::crawler {
namespace {

using jobcrawler::fuzz::IsValidUtf8;

constexpr int kDepth = 1;

parsers::ExtractionProfile ListingProfile() {
  parsers::ExtractionProfile profile;
  profile.posting = "article.job, li.job";
  profile.title = "h2, h3 a";
  profile.company = ".company";
  profile.location = ".location";
  profile.salary = ".salary";
  profile.date_posted = "time @datetime";
  profile.description = "p";
  profile.identifier = "@data-id";
  profile.url = "a @href";
  profile.links = "a.job-link";
  profile.next_page = "nav a[rel=next]";
  return profile;
}

void CheckUrl(const std::string& url) {
  FUZZ_CHECK(IsValidUtf8(url), url);
  FUZZ_CHECK(CanonicalizeUrl(url) == url, url);
}

void CheckWrite(const storage::PageWrite& write, const std::string& signature, bool utf8_in) {
  for (const storage::FrontierAdd& link : write.links) {
    CheckUrl(link.url);
    FUZZ_CHECK(HostKey(link.url) == link.host_key, link.url);
    FUZZ_CHECK(link.depth == kDepth + 1 || link.depth == kDepth, link.url);
  }
  for (const storage::Sighting& sighting : write.sightings) {
    jobcrawler::fuzz::CheckPosting(sighting.posting);
    // Empty for one of several postings without a URL of its own: the store
    // then keys the sighting by its page.
    if (!sighting.posting.url.empty()) CheckUrl(sighting.posting.url);
    CheckUrl(sighting.page_url);
    for (const std::string& url : sighting.also_seen_at) CheckUrl(url);
  }
  // A sitemap error may quote the (undecoded) body.
  if (utf8_in) FUZZ_CHECK(IsValidUtf8(write.page.error), write.page.error);
  FUZZ_CHECK(signature.empty() || signature.size() == 16, signature);
  FUZZ_CHECK(signature.find_first_not_of("0123456789abcdef") == std::string::npos, signature);
}

void Process(const FetchResult& result, const Source& source) {
  const SourceScope scope(source);
  static const parsers::Matcher matcher{parsers::MatchRules{}};
  storage::FrontierEntry entry;
  entry.id = 1;
  entry.url = result.url;
  entry.host_key = HostKey(result.url).value_or("");
  entry.source = source.name;
  entry.depth = kDepth;
  const PageContext context{
      .entry = &entry, .scope = &scope, .matcher = &matcher, .max_depth = 5, .now = 1764000000000};
  std::string signature;
  const storage::PageWrite write = ProcessPage(result, context, &signature);
  CheckWrite(write, signature, IsValidUtf8(result.body));
}

}  // namespace
}  // namespace jobcrawler::crawler

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::crawler;
  jobcrawler::fuzz::FuzzInput input(data, size);
  FetchResult result;
  result.status = 200;
  result.content_type = std::string(input.Line());
  result.url = CanonicalizeUrl(input.Line()).value_or("https://www.example.de/karriere/");
  result.final_url = result.url;
  result.body = std::string(input.Rest());
  Source source{.name = "fuzz", .start_urls = {result.url}, .follow = {}};
  Process(result, source);
  source.profile = ListingProfile();
  Process(result, source);
  return 0;
}
