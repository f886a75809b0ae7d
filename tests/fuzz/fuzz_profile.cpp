// [sources.extract] profiles: parsers/extract/profile_extractor.h.
//
// Input: lines "FIELD=SELECTOR" (posting, title, company, location,
// postal_code, salary, employment_type, date_posted, valid_through,
// description, identifier, url, links, next_page), an empty line, then the
// HTML document. Invariants: every posting keeps posting_checks.h, has a
// title and is marked as a profile posting; selected links are valid UTF-8,
// trimmed, non-empty and without duplicates; ProfileErrors names exactly the
// fields CheckProfileSelector rejects, in valid UTF-8 when the selectors are.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/profile_extractor.h"
#include "parsers/html/html_document.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/posting_checks.h"

namespace jobcrawler::parsers {
namespace {

struct Field {
  std::string_view name;
  std::string ExtractionProfile::*member;
};

constexpr Field kFields[] = {
    {"posting", &ExtractionProfile::posting},
    {"title", &ExtractionProfile::title},
    {"company", &ExtractionProfile::company},
    {"location", &ExtractionProfile::location},
    {"postal_code", &ExtractionProfile::postal_code},
    {"salary", &ExtractionProfile::salary},
    {"employment_type", &ExtractionProfile::employment_type},
    {"date_posted", &ExtractionProfile::date_posted},
    {"valid_through", &ExtractionProfile::valid_through},
    {"description", &ExtractionProfile::description},
    {"identifier", &ExtractionProfile::identifier},
    {"url", &ExtractionProfile::url},
    {"links", &ExtractionProfile::links},
    {"next_page", &ExtractionProfile::next_page},
};

// Reads "FIELD=SELECTOR" lines up to an empty line; unknown fields are ignored.
ExtractionProfile ReadProfile(jobcrawler::fuzz::FuzzInput& input) {
  ExtractionProfile profile;
  for (std::string_view line = input.Line(); !line.empty(); line = input.Line()) {
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    for (const Field& field : kFields) {
      if (line.substr(0, eq) == field.name) profile.*field.member = line.substr(eq + 1);
    }
  }
  return profile;
}

void CheckLinks(const std::vector<std::string>& links) {
  std::set<std::string> seen;
  for (const std::string& link : links) {
    FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(link), link);
    FUZZ_CHECK(!link.empty() && link.front() != ' ' && link.back() != ' ', link);
    FUZZ_CHECK(seen.insert(link).second, link);
  }
}

void CheckErrors(const ExtractionProfile& profile) {
  std::size_t rejected = 0;
  bool utf8_in = true;  // selectors come from TOML strings, always UTF-8
  for (const Field& field : kFields) {
    const std::string& spec = profile.*field.member;
    if (!spec.empty() && !CheckProfileSelector(spec, field.name != "posting").empty()) ++rejected;
    utf8_in = utf8_in && jobcrawler::fuzz::IsValidUtf8(spec);
  }
  const std::vector<std::string> errors = ProfileErrors(profile);
  FUZZ_CHECK(errors.size() == rejected, profile.title);
  for (const std::string& error : errors) {
    if (utf8_in) FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(error), error);
  }
}

}  // namespace
}  // namespace jobcrawler::parsers

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  jobcrawler::fuzz::FuzzInput input(data, size);
  const ExtractionProfile profile = ReadProfile(input);
  CheckErrors(profile);
  const HtmlDocument document(input.Rest());
  for (const Posting& posting : ExtractWithProfile(document, profile, "2026-11-20")) {
    jobcrawler::fuzz::CheckPosting(posting);
    FUZZ_CHECK(!posting.title.empty(), posting.title);
    FUZZ_CHECK(posting.format == PostingFormat::kHtmlProfile, posting.title);
  }
  CheckLinks(ProfileLinks(document, profile.links));
  CheckLinks(ProfileLinks(document, profile.next_page));
  return 0;
}
