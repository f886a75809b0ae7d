// The CSS selector engine: parsers/html/selector.h.
//
// Input: "SELECTOR\nHTML". Invariants: a selector that does not parse says
// where ("invalid selector at N: ..." with N within the text, plus one for
// "at the end"); one that parses selects each element at most once, and
// SelectFirst finds the first of SelectAll; parsing the same text twice
// selects the same elements; what is selected from a UTF-8 document reads
// as valid UTF-8, and so does the error message of a selector in UTF-8.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/html/html_document.h"
#include "parsers/html/selector.h"
#include "tests/fuzz/fuzz_support.h"

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kErrorPrefix = "invalid selector at ";

void CheckError(std::string_view text, const std::string& error) {
  FUZZ_CHECK(error.starts_with(kErrorPrefix), error);
  const std::string_view rest = std::string_view(error).substr(kErrorPrefix.size());
  std::size_t position = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), position);
  FUZZ_CHECK(ec == std::errc() && std::string_view(end, 2) == ": ", error);
  FUZZ_CHECK(position >= 1 && position <= text.size() + 1, error);
  // Selectors come from TOML strings, always UTF-8: the message quoting one
  // must not cut a character in half.
  if (jobcrawler::fuzz::IsValidUtf8(text)) FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(error), error);
}

// What identifies a selected element for comparison: its tag, id, class,
// and text. Two different elements may share it; equal runs may not differ.
std::string Describe(const HtmlNode& node) {
  return node.TagName() + "#" + std::string(node.Attribute("id").value_or("")) + "." +
         std::string(node.Attribute("class").value_or("")) + ":" + node.Text();
}

}  // namespace
}  // namespace jobcrawler::parsers

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jobcrawler::parsers;
  jobcrawler::fuzz::FuzzInput input(data, size);
  const std::string_view text = input.Line();
  std::string error;
  const std::optional<Selector> selector = Selector::Parse(text, &error);
  if (!selector) {
    CheckError(text, error);
    return 0;
  }
  FUZZ_CHECK(selector->text() == text, text);
  const HtmlDocument document(input.Rest());
  // The crawler hands over UTF-8 (charset.h); an unknown tag's name is the
  // source's bytes.
  const bool utf8_in = jobcrawler::fuzz::IsValidUtf8(input.Rest());
  const std::vector<HtmlNode> all = selector->SelectAll(document.Root());
  const std::optional<HtmlNode> first = selector->SelectFirst(document.Root());
  FUZZ_CHECK(first.has_value() == !all.empty(), text);
  std::vector<std::string> described;
  for (const HtmlNode& node : all) {
    described.push_back(Describe(node));
    if (utf8_in) FUZZ_CHECK(jobcrawler::fuzz::IsValidUtf8(described.back()), described.back());
  }
  if (first) FUZZ_CHECK(Describe(*first) == described.front(), text);
  std::vector<std::string> again;
  for (const HtmlNode& node : Selector::Parse(text, nullptr)->SelectAll(document.Root())) {
    again.push_back(Describe(node));
  }
  FUZZ_CHECK(again == described, text);
  return 0;
}
