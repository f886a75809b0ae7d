#include "parsers/extract/json_repair.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace jobcrawler::parsers {
namespace {

using nlohmann::json;

// Longest excerpt of a parser message kept in an error; messages quote input.
constexpr std::size_t kMaxErrorLength = 200;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsJsonSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsJsonSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool StripPrefix(std::string_view* text, std::string_view prefix) {
  if (!text->starts_with(prefix)) return false;
  text->remove_prefix(prefix.size());
  return true;
}

bool StripSuffix(std::string_view* text, std::string_view suffix) {
  if (!text->ends_with(suffix)) return false;
  text->remove_suffix(suffix.size());
  return true;
}

// Removes one layer of wrapping; false when there was none.
bool StripOneWrapper(std::string_view* text) {
  // Longer forms first, so "//<![CDATA[" is not taken for a comment.
  static constexpr std::array<std::string_view, 5> kPrefixes = {"\xEF\xBB\xBF", "/*<![CDATA[*/",
                                                                "//<![CDATA[", "<![CDATA[", "<!--"};
  static constexpr std::array<std::string_view, 5> kSuffixes = {"/*]]>*/", "//]]>", "]]>", "//-->",
                                                                "-->"};
  bool stripped = false;
  for (std::string_view prefix : kPrefixes) {
    if (StripPrefix(text, prefix)) {
      stripped = true;
      break;
    }
  }
  for (std::string_view suffix : kSuffixes) {
    if (StripSuffix(text, suffix)) {
      stripped = true;
      break;
    }
  }
  *text = Trim(*text);
  return stripped;
}

// Erases a comma (and the whitespace after it) ending `out`, if there is one.
bool DropTrailingComma(std::string* out) {
  std::size_t end = out->size();
  while (end > 0 && IsJsonSpace((*out)[end - 1])) --end;
  if (end == 0 || (*out)[end - 1] != ',') return false;
  out->erase(end - 1);
  return true;
}

bool IsJsonEscape(char c) {
  return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
         c == 't' || c == 'u';
}

void AppendEscapedControl(char c, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '\n':
      *out += "\\n";
      return;
    case '\r':
      *out += "\\r";
      return;
    case '\t':
      *out += "\\t";
      return;
    default:
      *out += "\\u00";
      *out += kHex[(c >> 4) & 0xF];
      *out += kHex[c & 0xF];
  }
}

// Copies one character of a string body at text[*i] to `out`, repairing it;
// returns false when the string ends there.
bool CopyStringChar(std::string_view text, std::size_t* i, std::string* out, JsonRepairs* repairs) {
  const char c = text[*i];
  if (c == '"') {
    *out += c;
    return false;
  }
  if (c == '\\') {
    if (*i + 1 < text.size() && IsJsonEscape(text[*i + 1])) {
      *out += c;
      *out += text[++*i];
    } else {
      repairs->fixed_strings = true;  // unknown escape: keep the character only
    }
  } else if (static_cast<unsigned char>(c) < 0x20) {
    AppendEscapedControl(c, out);
    repairs->fixed_strings = true;
  } else {
    *out += c;
  }
  return true;
}

// Skips a comment starting at text[i]; returns the index after it.
std::size_t SkipComment(std::string_view text, std::size_t i) {
  if (text[i + 1] == '/') {
    const std::size_t end = text.find('\n', i);
    return end == std::string_view::npos ? text.size() : end;
  }
  const std::size_t end = text.find("*/", i + 2);
  return end == std::string_view::npos ? text.size() : end + 2;
}

std::string SanitizedMessage(std::string_view message) {
  std::string clean;
  for (char c : message.substr(0, kMaxErrorLength)) {
    const auto byte = static_cast<unsigned char>(c);
    clean += byte >= 0x20 && byte < 0x7F ? c : '?';
  }
  return clean;
}

// Parses strictly; on failure records the parser's message in `error`.
json ParseStrict(std::string_view text, std::string* error) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    *error = SanitizedMessage(e.what());
    return json(json::value_t::discarded);
  }
}

bool HasQuoteEntity(std::string_view text) {
  return text.find("&quot;") != std::string_view::npos ||
         text.find("&#34;") != std::string_view::npos;
}

}  // namespace

bool JsonRepairs::Any() const {
  return stripped_wrapper || removed_comments || removed_trailing_commas || fixed_strings ||
         replaced_invalid_utf8 || decoded_entities;
}

std::string JsonRepairs::Describe() const {
  const std::array<std::pair<bool, std::string_view>, 6> kNames = {{
      {stripped_wrapper, "stripped wrapper"},
      {removed_comments, "removed comments"},
      {removed_trailing_commas, "removed trailing commas"},
      {fixed_strings, "fixed strings"},
      {replaced_invalid_utf8, "replaced invalid UTF-8"},
      {decoded_entities, "decoded HTML entities"},
  }};
  std::string description;
  for (const auto& [applied, name] : kNames) {
    if (!applied) continue;
    if (!description.empty()) description += ", ";
    description += name;
  }
  return description;
}

std::string_view StripJsonWrappers(std::string_view text, JsonRepairs* repairs) {
  text = Trim(text);
  while (StripOneWrapper(&text)) repairs->stripped_wrapper = true;
  return text;
}

std::string RepairJsonSyntax(std::string_view text, JsonRepairs* repairs) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      in_string = CopyStringChar(text, &i, &out, repairs);
    } else if (c == '/' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '*')) {
      i = SkipComment(text, i) - 1;
      repairs->removed_comments = true;
    } else {
      if ((c == '}' || c == ']') && DropTrailingComma(&out))
        repairs->removed_trailing_commas = true;
      in_string = c == '"';
      out += c;
    }
  }
  return out;
}

std::string ReplaceInvalidUtf8(std::string_view text, JsonRepairs* repairs) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t code_point = 0;
    const auto length =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &code_point);
    if (length > 0) {
      out.append(text.substr(i, static_cast<std::size_t>(length)));
      i += static_cast<std::size_t>(length);
    } else {
      out += "\xEF\xBF\xBD";
      repairs->replaced_invalid_utf8 = true;
      ++i;
    }
  }
  return out;
}

std::string DecodeBasicEntities(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char>, 7> kEntities = {{
      {"&quot;", '"'},
      {"&#34;", '"'},
      {"&apos;", '\''},
      {"&#39;", '\''},
      {"&lt;", '<'},
      {"&gt;", '>'},
      {"&amp;", '&'},
  }};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool decoded = false;
    for (const auto& [entity, character] : kEntities) {
      if (text.substr(i).starts_with(entity)) {
        out += character;
        i += entity.size() - 1;
        decoded = true;
        break;
      }
    }
    if (!decoded) out += text[i];
  }
  return out;
}

int JsonNestingDepth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size() && deepest <= limit; ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

LenientJson ParseLenientJson(std::string_view text) {
  LenientJson result;
  if (text.size() > kMaxJsonBytes) {
    result.error = "block of " + std::to_string(text.size()) + " bytes exceeds the limit";
    return result;
  }
  const std::string_view stripped = StripJsonWrappers(text, &result.repairs);
  if (stripped.empty()) {
    result.error = "empty block";
    return result;
  }
  if (JsonNestingDepth(stripped, kMaxJsonDepth) > kMaxJsonDepth) {
    result.error = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return result;
  }
  result.value = json::parse(stripped.begin(), stripped.end(), nullptr, false);
  if (!result.value.is_discarded()) return result;

  std::string repaired =
      RepairJsonSyntax(ReplaceInvalidUtf8(stripped, &result.repairs), &result.repairs);
  if (HasQuoteEntity(repaired)) {
    result.value = json::parse(repaired, nullptr, false);
    if (!result.value.is_discarded()) return result;
    // An HTML-escaped block: decoding can only help once syntax repair failed.
    repaired = RepairJsonSyntax(DecodeBasicEntities(repaired), &result.repairs);
    result.repairs.decoded_entities = true;
  }
  // The last attempt throws, so that its message can explain the failure.
  result.value = ParseStrict(repaired, &result.error);
  return result;
}

}  // namespace jobcrawler::parsers
