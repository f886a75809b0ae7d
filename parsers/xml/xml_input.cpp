// The preparation steps of xml_input.h: decoding to UTF-8, then one pass
// that rewrites references and control characters outside comments, CDATA
// sections and processing instructions.
#include "parsers/xml/xml_input.h"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>

#include "parsers/html/charset.h"

namespace jobcrawler::parsers {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// "&#x10FFFF;" and "&#1114111;" are the longest references worth reading;
// a longer one is not a reference and is kept as written.
constexpr std::size_t kMaxReferenceBytes = 11;
// Attribute values longer than this are not looked for (see StartTag).
constexpr std::size_t kMaxAttributeValueBytes = 4096;
// The XML declaration (with its encoding) is looked for this far.
constexpr std::size_t kMaxDeclarationBytes = 256;

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Bytes of the UTF-8 sequence `lead` starts; 0 for a byte that cannot lead.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = SequenceLength(lead);
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if (!IsContinuation(static_cast<unsigned char>(text[i + k]))) return false;
    }
    if (length >= 3) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      if (lead == 0xE0 && second < 0xA0) return false;  // overlong
      if (lead == 0xED && second > 0x9F) return false;  // surrogate
      if (lead == 0xF0 && second < 0x90) return false;  // overlong
      if (lead == 0xF4 && second > 0x8F) return false;  // above U+10FFFF
    }
    i += length;
  }
  return true;
}

bool IsXmlChar(std::uint32_t code_point) {
  return code_point == 0x9 || code_point == 0xA || code_point == 0xD ||
         (code_point >= 0x20 && code_point <= 0xD7FF) ||
         (code_point >= 0xE000 && code_point <= 0xFFFD) ||
         (code_point >= 0x10000 && code_point <= 0x10FFFF);
}

// The code point of a character reference body ("#38", "#x26"), or nullopt
// when `body` is not one.
std::optional<std::uint32_t> CharacterReference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return std::nullopt;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return std::nullopt;
  std::uint32_t value = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    if (value > 0x10FFFF) value = 0x110000;  // stays out of range, never overflows
  }
  return value;
}

// What to write for the '&' at the start of `text`, and how many bytes of
// `text` that replaces.
std::pair<std::string_view, std::size_t> RewriteReference(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kPredefined = {
      {{"amp", "&#38;"}, {"lt", "&#60;"}, {"gt", "&#62;"}, {"quot", "&#34;"}, {"apos", "&#39;"}}};
  const std::size_t semicolon = text.substr(0, kMaxReferenceBytes).find(';');
  if (semicolon == std::string_view::npos) return {"&#38;", 1};
  const std::string_view body = text.substr(1, semicolon - 1);
  for (const auto& [name, reference] : kPredefined) {
    if (body == name) return {reference, semicolon + 1};
  }
  if (const auto code_point = CharacterReference(body)) {
    if (IsXmlChar(*code_point)) return {text.substr(0, semicolon + 1), semicolon + 1};
    return {"&#xFFFD;", semicolon + 1};
  }
  return {"&#38;", 1};
}

// Control characters XML 1.0 forbids at the start of `text`: the number of
// bytes to replace with U+FFFD, or 0.
std::size_t ForbiddenCharacterBytes(std::string_view text) {
  const auto c = static_cast<unsigned char>(text[0]);
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r' ? 0 : 1;
  // U+FFFE and U+FFFF: EF BF BE / EF BF BF.
  if (c == 0xEF && text.size() >= 3 && text[1] == '\xBF' &&
      (text[2] == '\xBE' || text[2] == '\xBF')) {
    return 3;
  }
  return 0;
}

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// How a piece of the document is copied.
enum class Mode {
  kText,            // references rewritten
  kVerbatim,        // comments, CDATA, processing instructions: copied
  kAttributeValue,  // references rewritten and '<' escaped
};

// Appends to `out` until `max_bytes`; remembers when something was cut.
class Escaper {
 public:
  Escaper(std::size_t max_bytes, std::string* out) : max_bytes_(max_bytes), out_(out) {}

  bool truncated() const { return truncated_; }

  void Run(std::string_view text) {
    while (!text.empty() && !truncated_) {
      const std::size_t lt = text.find('<');
      Append(text.substr(0, lt), Mode::kText);
      if (lt == std::string_view::npos) return;
      text.remove_prefix(lt);
      std::size_t length = VerbatimLength(text);
      if (length > 0) {
        Append(text.substr(0, length), Mode::kVerbatim);
      } else if (text.size() > 1 && IsNameStart(text[1])) {
        length = StartTag(text);
      } else {
        length = 1;
        Append("<", Mode::kVerbatim);
      }
      text.remove_prefix(length);
    }
  }

 private:
  // Length of the comment, CDATA section or processing instruction at the
  // start of `text` (to its end when unterminated), or 0 for other markup.
  static std::size_t VerbatimLength(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kSections = {
        {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}}};
    for (const auto& [open, close] : kSections) {
      if (!text.starts_with(open)) continue;
      const std::size_t end = text.find(close, open.size());
      return end == std::string_view::npos ? text.size() : end + close.size();
    }
    return 0;
  }

  // Copies the start tag at the start of `text` up to its '>' (or to the
  // next '<' when it has none); returns its length. A quote opens an
  // attribute value only when it is closed within kMaxAttributeValueBytes,
  // so an unbalanced quote cannot swallow the rest of the document.
  std::size_t StartTag(std::string_view text) {
    std::size_t copied = 0;  // bytes of `text` already appended
    std::size_t i = 1;
    while (i < text.size() && text[i] != '>' && text[i] != '<') {
      const char c = text[i];
      const std::size_t close = c == '"' || c == '\''
                                    ? text.substr(0, i + 1 + kMaxAttributeValueBytes).find(c, i + 1)
                                    : std::string_view::npos;
      if (close == std::string_view::npos) {
        ++i;
        continue;
      }
      Append(text.substr(copied, i + 1 - copied), Mode::kText);
      Append(text.substr(i + 1, close - i - 1), Mode::kAttributeValue);
      copied = close;
      i = close + 1;
    }
    const std::size_t end = i < text.size() && text[i] == '>' ? i + 1 : i;
    Append(text.substr(copied, end - copied), Mode::kText);
    return end;
  }

  void Append(std::string_view text, Mode mode) {
    std::size_t plain = 0;  // bytes at the front of `text` to copy as they are
    while (plain < text.size()) {
      const char c = text[plain];
      const std::size_t forbidden = ForbiddenCharacterBytes(text.substr(plain));
      const bool reference = c == '&' && mode != Mode::kVerbatim;
      const bool less_than = c == '<' && mode == Mode::kAttributeValue;
      if (forbidden == 0 && !reference && !less_than) {
        ++plain;
        continue;
      }
      Write(text.substr(0, plain));
      text.remove_prefix(plain);
      plain = 0;
      if (forbidden > 0) {
        Write(kReplacement);
        text.remove_prefix(forbidden);
      } else if (less_than) {
        Write("&#60;");
        text.remove_prefix(1);
      } else {
        const auto [replacement, consumed] = RewriteReference(text);
        Write(replacement);
        text.remove_prefix(consumed);
      }
    }
    Write(text);
  }

  // Appends what fits of `text`, cut at a character boundary.
  void Write(std::string_view text) {
    if (truncated_) return;
    const std::size_t room = max_bytes_ - out_->size();
    if (text.size() > room) {
      truncated_ = true;
      std::size_t cut = room;
      while (cut > 0 && IsContinuation(static_cast<unsigned char>(text[cut]))) --cut;
      text = text.substr(0, cut);
    }
    out_->append(text);
  }

  std::size_t max_bytes_;
  std::string* out_;
  bool truncated_ = false;
};

// The document as UTF-8 (a view of `document` when it already is), with the
// charset it was read in; `decoded` holds the text when a copy was needed.
std::string_view DecodeXml(std::string_view document, std::string* decoded, PreparedXml* result) {
  const bool utf16_bom = document.starts_with("\xFE\xFF") || document.starts_with("\xFF\xFE");
  std::string content_type = "text/xml; charset=utf-8";
  if (!utf16_bom && !document.starts_with(kUtf8Bom)) {
    const std::string_view label = CanonicalCharsetName(DeclaredXmlEncoding(document));
    // A declaration readable as ASCII cannot be UTF-16.
    if (!label.empty() && !label.starts_with("utf-")) {
      content_type = "text/xml; charset=" + std::string(label);
    }
  }
  if (!utf16_bom && content_type.ends_with("utf-8") && IsValidUtf8(document)) {
    result->charset = "utf-8";
    if (document.starts_with(kUtf8Bom)) document.remove_prefix(kUtf8Bom.size());
    return document;
  }
  DecodedBody body = DecodeHtml(document, content_type);
  result->charset = body.charset;
  if (body.replaced) result->notes.emplace_back("bytes that are not " + body.charset + " replaced");
  *decoded = std::move(body.utf8);
  std::string_view text = *decoded;
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  return text;
}

}  // namespace

std::string_view DeclaredXmlEncoding(std::string_view document) {
  if (document.starts_with(kUtf8Bom)) document.remove_prefix(kUtf8Bom.size());
  if (!document.starts_with("<?xml")) return "";
  const std::string_view declaration =
      document.substr(0, std::min(document.find("?>"), kMaxDeclarationBytes));
  std::size_t pos = declaration.find("encoding");
  if (pos == std::string_view::npos) return "";
  pos = declaration.find_first_not_of(" \t\r\n", pos + 8);
  if (pos == std::string_view::npos || declaration[pos] != '=') return "";
  pos = declaration.find_first_not_of(" \t\r\n", pos + 1);
  if (pos == std::string_view::npos || (declaration[pos] != '"' && declaration[pos] != '\'')) {
    return "";
  }
  const std::size_t end = declaration.find(declaration[pos], pos + 1);
  if (end == std::string_view::npos) return "";
  return declaration.substr(pos + 1, end - pos - 1);
}

PreparedXml PrepareXmlInput(std::string_view document, std::size_t max_bytes) {
  PreparedXml prepared;
  std::string decoded;
  const std::string_view text = DecodeXml(document, &decoded, &prepared);
  prepared.text.reserve(std::min(max_bytes, text.size() + text.size() / 8));
  Escaper escaper(max_bytes, &prepared.text);
  escaper.Run(text);
  if (escaper.truncated()) {
    prepared.notes.push_back("larger than " + std::to_string(max_bytes) +
                             " bytes after escaping; the rest is ignored");
  }
  return prepared;
}

}  // namespace jobcrawler::parsers
