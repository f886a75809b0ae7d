// What every fuzz target shares: splitting one input into fields, checking
// invariants, and recognising valid UTF-8.
//
// A target is a function LLVMFuzzerTestOneInput(data, size) that returns 0.
// It must never crash, leak, hang or allocate without bound on any input;
// beyond that it checks invariants with FUZZ_CHECK, which prints what broke
// and aborts, so libFuzzer (or the replay main) reports the input.
#ifndef JOBCRAWLER_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define JOBCRAWLER_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace jobcrawler::fuzz {

// Reads an input as "line 1\nline 2\n...rest": targets that need several
// values take the first ones from lines and the last from the rest, so
// corpus files stay readable and editable by hand.
class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}

  // The text up to the next '\n' (not included), or all that is left.
  std::string_view Line() {
    const std::size_t end = rest_.find('\n');
    const std::string_view line = rest_.substr(0, end);
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    return line;
  }

  // Everything not yet taken by Line().
  std::string_view Rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// True when `text` is well-formed UTF-8 (RFC 3629): no overlong forms, no
// surrogates, nothing above U+10FFFF, no truncated sequences.
inline bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    int length = 0;
    unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (k == 1 ? (next < low || next > high) : (next < 0x80 || next > 0xBF)) return false;
    }
    i += length;
  }
  return true;
}

// Prints `what` (the invariant) and `detail` (the offending value, cut to a
// readable length), then aborts.
[[noreturn]] inline void FailCheck(const char* file, int line, const char* what,
                                   std::string_view detail) {
  constexpr std::size_t kShown = 300;
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n  value: \"%.*s\"%s\n", file, line, what,
               static_cast<int>(std::min(detail.size(), kShown)), detail.data(),
               detail.size() > kShown ? "..." : "");
  std::abort();
}

}  // namespace jobcrawler::fuzz

// Checks an invariant; `detail` is a std::string_view-convertible value
// shown when it fails.
#define FUZZ_CHECK(condition, detail)                                                    \
  do {                                                                                   \
    if (!(condition)) ::jobcrawler::fuzz::FailCheck(__FILE__, __LINE__, #condition, detail); \
  } while (false)

#endif  // JOBCRAWLER_TESTS_FUZZ_FUZZ_SUPPORT_H_
