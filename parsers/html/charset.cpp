// Decoding: UTF-8 checked by hand, everything else through ICU. The choice of
// encoding follows the order documented in charset.h.
#include "parsers/html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at the start of `text`, or 0 when it is
// not valid; then the WHATWG decoder replaces the maximal subpart: the lead
// byte and the continuation bytes that were still acceptable.
struct Utf8Step {
  std::size_t valid = 0;    // bytes of a valid sequence, or 0
  std::size_t invalid = 0;  // bytes to replace with one U+FFFD, when valid == 0
};

Utf8Step NextUtf8Sequence(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return {1, 0};
  std::size_t length = 0;
  unsigned char lower = 0x80;  // bounds of the second byte (WHATWG table)
  unsigned char upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lower = 0xA0;  // overlong
    if (lead == 0xED) upper = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lower = 0x90;  // overlong
    if (lead == 0xF4) upper = 0x8F;  // beyond U+10FFFF
  } else {
    return {0, 1};
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (i >= text.size()) return {0, i};
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < lower || byte > upper) return {0, i};
    lower = 0x80;
    upper = 0xBF;
  }
  return {length, 0};
}

// Eight bytes at a time while they are ASCII (most of any page: markup,
// scripts, styles), sequence by sequence otherwise.
bool IsValidUtf8(std::string_view text) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.size() - i >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    const Utf8Step step = NextUtf8Sequence(text.substr(i));
    if (step.valid == 0) return false;
    i += step.valid;
  }
  return true;
}

// `bytes` as UTF-8 with every invalid sequence replaced; valid input takes
// IsValidUtf8 and a copy (or a move, see DecodeHtml) instead.
DecodedBody DecodeUtf8(std::string_view bytes) {
  DecodedBody decoded;
  decoded.charset = "utf-8";
  decoded.utf8.reserve(bytes.size());
  while (!bytes.empty()) {
    const Utf8Step step = NextUtf8Sequence(bytes);
    if (step.valid > 0) {
      decoded.utf8.append(bytes.substr(0, step.valid));
      bytes.remove_prefix(step.valid);
    } else {
      decoded.utf8.append(kReplacementCharacter);
      decoded.replaced = true;
      bytes.remove_prefix(step.invalid);
    }
  }
  return decoded;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr OpenConverter(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string terminated(name);
  ConverterPtr converter(ucnv_open(terminated.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;  // ambiguity warnings are fine
  return converter;
}

// ICU "to Unicode" callback: writes U+FFFD for an illegal or unmappable
// sequence and notes it in the bool `context` points to. Never throws.
void ReplaceAndRecord(const void* context, UConverterToUnicodeArgs* args, const char* /*units*/,
                      int32_t /*length*/, UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close or clone: nothing to do
  *static_cast<bool*>(const_cast<void*>(context)) = true;
  *status = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

// `bytes` in the ICU encoding `name`, as UTF-8 (pivoting through UTF-16);
// nullopt when ICU cannot open the converters.
std::optional<DecodedBody> DecodeWithIcu(std::string_view bytes, std::string_view name) {
  ConverterPtr source = OpenConverter(name);
  ConverterPtr target = OpenConverter("utf-8");
  if (source == nullptr || target == nullptr) return std::nullopt;
  DecodedBody decoded;
  decoded.charset = std::string(name);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), ReplaceAndRecord, &decoded.replaced, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;

  // Converts in output chunks; the pivot buffer carries state between calls.
  std::array<UChar, 4096> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  std::array<char, 16384> chunk{};
  const char* input = bytes.data();
  bool first_call = true;
  do {
    status = U_ZERO_ERROR;
    char* output = chunk.data();
    ucnv_convertEx(target.get(), source.get(), &output, chunk.data() + chunk.size(), &input,
                   bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), first_call, true, &status);
    first_call = false;
    decoded.utf8.append(chunk.data(), static_cast<std::size_t>(output - chunk.data()));
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(status)) return std::nullopt;
  return decoded;
}

DecodedBody Decode(std::string_view bytes, std::string_view charset, std::string_view source) {
  std::optional<DecodedBody> decoded;
  if (charset != "utf-8") decoded = DecodeWithIcu(bytes, charset);
  // ICU without its data tables still gives readable (if replaced) text.
  if (!decoded) decoded = DecodeUtf8(bytes);
  decoded->source = std::string(source);
  return *std::move(decoded);
}

// The encoding of `body` and where it was found; `skip` is the length of a
// byte order mark to drop.
struct Sniffed {
  std::string_view charset;
  std::string_view source;
  std::size_t skip = 0;
};

struct ByteOrderMark {
  std::string_view bytes;
  std::string_view charset;
};
constexpr std::array kByteOrderMarks = {
    ByteOrderMark{"\xEF\xBB\xBF", "utf-8"},
    ByteOrderMark{"\xFF\xFE", "utf-16le"},
    ByteOrderMark{"\xFE\xFF", "utf-16be"},
};

// The order of charset.h: BOM, header, meta, then valid UTF-8 or windows-1252.
// `valid_utf8` is set when the whole body (after the BOM) was checked and is.
Sniffed Sniff(std::string_view body, std::string_view content_type, bool& valid_utf8) {
  valid_utf8 = false;
  for (const ByteOrderMark& bom : kByteOrderMarks) {
    if (body.starts_with(bom.bytes)) return {bom.charset, "bom", bom.bytes.size()};
  }
  const std::string_view from_header = CanonicalCharsetName(CharsetFromContentType(content_type));
  if (!from_header.empty()) return {from_header, "header"};
  const std::string_view from_meta = PrescanMetaCharset(body);
  if (!from_meta.empty()) return {from_meta, "meta"};
  valid_utf8 = IsValidUtf8(body);
  return {valid_utf8 ? "utf-8" : "windows-1252", "default"};
}

// A body that is UTF-8 already needs no decoding: it is checked and kept.
template <typename Body>
DecodedBody DecodeSniffed(Body&& body, std::string_view content_type) {
  bool checked = false;
  const Sniffed sniffed = Sniff(body, content_type, checked);
  const std::string_view bytes = std::string_view(body).substr(sniffed.skip);
  if (sniffed.charset != "utf-8" || (!checked && !IsValidUtf8(bytes))) {
    return Decode(bytes, sniffed.charset, sniffed.source);
  }
  DecodedBody decoded;
  decoded.charset = "utf-8";
  decoded.source = std::string(sniffed.source);
  if constexpr (std::is_same_v<Body, std::string>) {
    decoded.utf8 = std::move(body);  // `body` is an rvalue here
    decoded.utf8.erase(0, sniffed.skip);
  } else {
    decoded.utf8.assign(bytes);
  }
  return decoded;
}

}  // namespace

DecodedBody DecodeHtml(std::string_view body, std::string_view content_type) {
  return DecodeSniffed(body, content_type);
}

DecodedBody DecodeOwnedHtml(std::string&& body, std::string_view content_type) {
  return DecodeSniffed(std::move(body), content_type);
}

}  // namespace jobcrawler::parsers
