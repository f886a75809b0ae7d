// Microdata: parsers/extract/microdata.h on parsers/html/html_document.h.
//
// Input: an HTML document (UTF-8, as the crawler hands it over after
// charset decoding). Invariants: every posting keeps posting_checks.h and
// is marked as microdata; every element's text is valid UTF-8.
#include <cstdint>
#include <string_view>

#include "parsers/extract/microdata.h"
#include "parsers/html/html_document.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/posting_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const HtmlDocument document(html);
  for (const Posting& posting : ExtractMicrodata(document)) {
    jobcrawler::fuzz::CheckPosting(posting);
    FUZZ_CHECK(posting.format == PostingFormat::kMicrodata, posting.title);
  }
  const std::string text = document.Root().Text();
  FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(text), text);
  return 0;
}
