// Tag names and states follow the HTML tokenizer
// (https://html.spec.whatwg.org/multipage/parsing.html#tokenization) only as
// far as the estimate needs: no character references, no attribute parsing
// beyond quotes, no error recovery.
#include "parsers/html/html_nesting.h"

#include <algorithm>
#include <array>
#include <string>

namespace jobcrawler::parsers {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

template <std::size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Start tags that never add a level: void elements, and elements that the
// tree builder closes when a sibling of their kind starts.
bool NeverNests(std::string_view name) {
  static constexpr std::array<std::string_view, 31> kNames = {
      "area",  "base",  "br",     "col",      "embed",    "hr",    "img",    "input",
      "link",  "meta",  "source", "track",    "wbr",      "param", "keygen", "p",
      "li",    "dt",    "dd",     "option",   "optgroup", "tr",    "td",     "th",
      "thead", "tbody", "tfoot",  "colgroup", "caption",  "rp",    "rt"};
  return IsOneOf(name, kNames);
}

// Elements whose contents are text up to their own end tag.
bool IsRawText(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
  return IsOneOf(name, kNames);
}

class NestingScanner {
 public:
  NestingScanner(std::string_view html, const NestingLimits& limits)
      : html_(html), limits_(limits) {}

  std::size_t Run() {
    std::size_t i = 0;
    while ((i = html_.find('<', i)) != std::string_view::npos) {
      const char next = i + 1 < html_.size() ? html_[i + 1] : '\0';
      if (html_.substr(i).starts_with("<!--")) {
        i = After(html_.find("-->", i + 4), 3);
      } else if (next == '!' || next == '?') {
        i = After(html_.find('>', i), 1);
      } else if (next == '/') {
        if (OverWorkBudget()) return i;
        i = EndTag(i);
      } else if (IsAsciiAlpha(next)) {
        if (OverWorkBudget() || (depth_ >= limits_.max_depth && Nests(i))) return i;
        i = StartTag(i);
      } else {
        ++i;
      }
    }
    return html_.size();
  }

 private:
  // Charges one tag at the current depth.
  bool OverWorkBudget() {
    work_ += static_cast<std::uint64_t>(depth_) + 1;
    return work_ > limits_.max_work;
  }

  // The index `length` past `found`, or the end of input when not found.
  std::size_t After(std::size_t found, std::size_t length) const {
    return found == std::string_view::npos ? html_.size() : found + length;
  }

  // Reads the tag name starting at `begin`, lower-cased; sets `*end` after it.
  std::string NameAt(std::size_t begin, std::size_t* end) const {
    std::string name;
    std::size_t i = begin;
    while (i < html_.size() && html_[i] != '>' && html_[i] != '/' &&
           std::string_view(" \t\n\r\f").find(html_[i]) == std::string_view::npos) {
      name += ToLowerAscii(html_[i++]);
    }
    *end = i;
    return name;
  }

  // Index of the '>' closing the tag whose attributes start at `i`, honouring
  // quoted attribute values; html_.size() when unterminated.
  std::size_t TagEnd(std::size_t i) const {
    char quote = '\0';
    for (; i < html_.size(); ++i) {
      const char c = html_[i];
      if (quote != '\0') {
        if (c == quote) quote = '\0';
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return html_.size();
  }

  // Whether `name` is an HTML <a> (inside <svg>/<math> it is another element,
  // which the rules for HTML anchors do not close).
  bool IsHtmlAnchor(std::string_view name) const { return name == "a" && foreign_depth_ == 0; }

  // Whether the start tag at `i` would add a level.
  bool Nests(std::size_t i) const {
    std::size_t name_end = 0;
    const std::string name = NameAt(i + 1, &name_end);
    const std::size_t end = TagEnd(name_end);
    const bool self_closing = end < html_.size() && end > 0 && html_[end - 1] == '/';
    // An <a> start tag while an <a> is open closes that one first (the
    // adoption agency for "a" in the HTML tree builder): a sibling, not a level.
    if (IsHtmlAnchor(name) && anchor_depth_ > 0) return false;
    return !NeverNests(name) && !(self_closing && foreign_depth_ > 0);
  }

  std::size_t StartTag(std::size_t i) {
    const bool nests = Nests(i);
    std::size_t name_end = 0;
    const std::string name = NameAt(i + 1, &name_end);
    const std::size_t end = After(TagEnd(name_end), 1);
    if (name == "plaintext") return html_.size();
    if (IsRawText(name)) return After(FindEndTag(name, end), 0);
    if (!nests) return end;
    ++depth_;
    if (IsHtmlAnchor(name)) anchor_depth_ = depth_;
    if ((name == "svg" || name == "math") && foreign_depth_ == 0) foreign_depth_ = depth_;
    return end;
  }

  std::size_t EndTag(std::size_t i) {
    std::size_t name_end = 0;
    const std::string name = NameAt(i + 2, &name_end);
    if (IsHtmlAnchor(name)) {
      // Without an open <a> the tree builder ignores </a>; counting it off
      // would hide a level of something else.
      if (anchor_depth_ > 0 && depth_ > 0) --depth_;
      anchor_depth_ = 0;
    } else if (!NeverNests(name) && depth_ > 0) {
      if (depth_ == foreign_depth_) foreign_depth_ = 0;
      --depth_;
    }
    // An ancestor's end tag closed the <a> as well.
    if (depth_ < anchor_depth_) anchor_depth_ = 0;
    return After(TagEnd(name_end), 1);
  }

  // Index of "</name" (any case) at or after `from`.
  std::size_t FindEndTag(const std::string& name, std::size_t from) const {
    for (std::size_t i = html_.find("</", from); i != std::string_view::npos;
         i = html_.find("</", i + 2)) {
      std::size_t end = 0;
      if (NameAt(i + 2, &end) == name) return i;
    }
    return std::string_view::npos;
  }

  std::string_view html_;
  NestingLimits limits_;
  int depth_ = 0;
  std::uint64_t work_ = 0;  // sum of depth_ + 1 over the tags so far
  int foreign_depth_ = 0;   // depth of the open <svg>/<math>, 0 outside them
  int anchor_depth_ = 0;    // depth of the open HTML <a>, 0 when none is open
};

}  // namespace

std::size_t NestingLimitedLength(std::string_view html, const NestingLimits& limits) {
  return NestingScanner(html, limits).Run();
}

}  // namespace jobcrawler::parsers
