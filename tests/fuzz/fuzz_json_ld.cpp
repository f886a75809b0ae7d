// JSON-LD with repair: parsers/extract/json_ld.h and json_repair.h.
//
// Input: the body of one <script type="application/ld+json">. Invariants:
// every posting keeps posting_checks.h; an error or repair description is
// valid UTF-8; text that strict JSON accepts (within the size and depth
// limits) is read by the lenient reader as the same value.
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "parsers/extract/json_ld.h"
#include "parsers/extract/json_repair.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/fuzz/posting_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  using jobcrawler::fuzz::IsValidUtf8;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const JsonLdExtraction extraction = ExtractJsonLd(text);
  for (const Posting& posting : extraction.postings) jobcrawler::fuzz::CheckPosting(posting);
  FUZZ_CHECK(IsValidUtf8(extraction.error), extraction.error);
  FUZZ_CHECK(IsValidUtf8(extraction.repairs), extraction.repairs);
  FUZZ_CHECK(extraction.ok() || extraction.postings.empty(), extraction.error);

  const LenientJson lenient = ParseLenientJson(text);
  FUZZ_CHECK(IsValidUtf8(lenient.error), lenient.error);
  const bool strict = nlohmann::json::accept(text.begin(), text.end());
  if (strict && size <= kMaxJsonBytes && JsonNestingDepth(text, kMaxJsonDepth) <= kMaxJsonDepth) {
    FUZZ_CHECK(lenient.ok(), lenient.error);
    FUZZ_CHECK(lenient.value == nlohmann::json::parse(text.begin(), text.end()), text);
  }
  return 0;
}
