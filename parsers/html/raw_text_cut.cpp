#include "parsers/html/raw_text_cut.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace jobcrawler::parsers::internal {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

bool IsSpace(char c) { return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool In(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// SVG elements inside which the scanner keeps following the page; any
// other element in an <svg> stops the cut (breakouts, integration points).
bool IsPlainSvgElement(std::string_view name) {
  return In(name, {"svg", "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse",
                   "defs", "symbol", "use", "lineargradient", "radialgradient", "stop",
                   "clippath", "mask", "pattern", "text", "tspan", "filter", "feblend",
                   "fecolormatrix", "fegaussianblur", "feoffset", "feflood", "fecomposite",
                   "femerge", "femergenode", "animate", "animatetransform", "set", "marker",
                   "image", "view", "metadata"});
}

struct Tag {
  std::size_t end = kNpos;  // one past its '>'; kNpos: the input ends inside
  std::string name;         // ASCII lower-cased
  bool self_closing = false;
  std::optional<std::string_view> type;  // the first `type` attribute, raw
};

// The tag whose name starts at `at` (after "<" or "</"), through the tag
// name, attribute name/value and self-closing states.
Tag ReadTag(std::string_view html, std::size_t at) {
  Tag tag;
  std::size_t i = at;
  const std::size_t n = html.size();
  while (i < n && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>') {
    tag.name += Lower(html[i++]);
  }
  while (i < n) {
    const char c = html[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '>') {
      tag.end = i + 1;
      return tag;
    } else if (c == '/') {
      ++i;
      if (i < n && html[i] == '>') {
        tag.self_closing = true;
        tag.end = i + 1;
        return tag;
      }
    } else {
      // An attribute name (its first character may be '='), then its value.
      const std::size_t name_begin = i++;
      while (i < n && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
      std::string name;
      for (std::size_t k = name_begin; k < i; ++k) name += Lower(html[k]);
      while (i < n && IsSpace(html[i])) ++i;
      if (i >= n || html[i] != '=') continue;
      ++i;
      while (i < n && IsSpace(html[i])) ++i;
      if (i >= n) break;
      std::string_view value;
      if (html[i] == '"' || html[i] == '\'') {
        const std::size_t close = html.find(html[i], i + 1);
        if (close == kNpos) break;
        value = html.substr(i + 1, close - i - 1);
        i = close + 1;
      } else if (html[i] != '>') {
        const std::size_t begin = i;
        while (i < n && !IsSpace(html[i]) && html[i] != '>') ++i;
        value = html.substr(begin, i - begin);
      }
      if (name == "type" && !tag.type) tag.type = value;
    }
  }
  tag.end = kNpos;
  return tag;
}

// Whether `html` at `at` is "</name" followed by what ends a tag name.
bool IsEndTagOf(std::string_view html, std::size_t at, std::string_view name) {
  if (at + 2 + name.size() >= html.size() || html[at] != '<' || html[at + 1] != '/') return false;
  for (std::size_t k = 0; k < name.size(); ++k) {
    if (Lower(html[at + 2 + k]) != name[k]) return false;
  }
  const char next = html[at + 2 + name.size()];
  return IsSpace(next) || next == '/' || next == '>';
}

// The '<' of the end tag of RAWTEXT/RCDATA content starting at `from`.
std::size_t RawTextEnd(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t lt = html.find("</", from); lt != kNpos; lt = html.find("</", lt + 1)) {
    if (IsEndTagOf(html, lt, name)) return lt;
  }
  return kNpos;
}

// Whether `html` at `at` is "<script" (after the '<' and optional '/')
// followed by what ends a tag name: the double-escape switch.
bool IsScriptWord(std::string_view html, std::size_t at) {
  constexpr std::string_view kScript = "script";
  if (at + kScript.size() >= html.size()) return false;
  for (std::size_t k = 0; k < kScript.size(); ++k) {
    if (Lower(html[at + k]) != kScript[k]) return false;
  }
  const char next = html[at + kScript.size()];
  return IsSpace(next) || next == '/' || next == '>';
}

// The '<' of the end tag of script data starting at `from`, following the
// script data, escaped and double-escaped states.
std::size_t ScriptDataEnd(std::string_view html, std::size_t from) {
  enum class State { kData, kEscaped, kEscapedDash, kEscapedDashDash, kDouble, kDoubleDash,
                     kDoubleDashDash };
  State state = State::kData;
  const std::size_t n = html.size();
  for (std::size_t i = from; i < n; ++i) {
    const char c = html[i];
    switch (state) {
      case State::kData:
        if (c != '<') break;
        if (IsEndTagOf(html, i, "script")) return i;
        if (html.compare(i, 4, "<!--") == 0) {
          state = State::kEscapedDashDash;
          i += 3;
        }
        break;
      case State::kEscaped:
      case State::kEscapedDash:
      case State::kEscapedDashDash:
        if (c == '-') {
          state = state == State::kEscaped ? State::kEscapedDash : State::kEscapedDashDash;
        } else if (c == '<') {
          if (IsEndTagOf(html, i, "script")) return i;
          state = State::kEscaped;
          if (IsScriptWord(html, i + 1)) {
            state = State::kDouble;
            i += 6;
          }
        } else if (c == '>' && state == State::kEscapedDashDash) {
          state = State::kData;
        } else {
          state = State::kEscaped;
        }
        break;
      case State::kDouble:
      case State::kDoubleDash:
      case State::kDoubleDashDash:
        if (c == '-') {
          state = state == State::kDouble ? State::kDoubleDash : State::kDoubleDashDash;
        } else if (c == '<') {
          state = State::kDouble;
          if (i + 1 < n && html[i + 1] == '/' && IsScriptWord(html, i + 2)) {
            state = State::kEscaped;
            i += 7;
          }
        } else if (c == '>' && state == State::kDoubleDashDash) {
          state = State::kData;
        } else {
          state = State::kDouble;
        }
        break;
    }
  }
  return kNpos;
}

// One past the end of the comment whose "<!--" is at `lt`.
std::size_t CommentEnd(std::string_view html, std::size_t lt) {
  const std::size_t body = lt + 4;
  if (html.compare(body, 1, ">") == 0) return body + 1;   // <!-->
  if (html.compare(body, 2, "->") == 0) return body + 2;  // <!--->
  for (std::size_t i = html.find("--", body); i != kNpos; i = html.find("--", i + 1)) {
    if (html.compare(i + 2, 1, ">") == 0) return i + 3;
    if (html.compare(i + 2, 2, "!>") == 0) return i + 4;
  }
  return kNpos;
}

bool CuttableScript(const Tag& tag) {
  if (!tag.type) return true;
  std::string type;
  for (char c : *tag.type) type += Lower(c);
  return type.find("json") == std::string::npos && type.find('&') == std::string::npos;
}

class Scanner {
 public:
  Scanner(std::string_view html, std::size_t min_bytes) : html_(html), min_bytes_(min_bytes) {}

  // The byte ranges to cut, in order.
  std::vector<std::pair<std::size_t, std::size_t>> Run() {
    while (pos_ < html_.size() && Step()) {
    }
    return cuts_;
  }

 private:
  // Moves past the next token; false: stop cutting.
  bool Step() {
    const std::size_t lt = html_.find('<', pos_);
    if (lt == kNpos || lt + 1 >= html_.size()) return false;
    const char c = html_[lt + 1];
    if (c == '!' && html_.compare(lt, 4, "<!--") == 0) return Skip(CommentEnd(html_, lt));
    if (c == '!' && html_.compare(lt, 3, "<![") == 0 && !svg_.empty()) return false;  // CDATA
    if (c == '!' || c == '?') return Skip(After('>', lt + 2));
    if (c == '/') return EndTag(lt);
    if (IsAlpha(c)) return StartTag(lt);
    pos_ = lt + 1;
    return true;
  }

  bool EndTag(std::size_t lt) {
    if (lt + 2 >= html_.size()) return false;
    const char c = html_[lt + 2];
    if (c == '>') return Skip(lt + 3);
    if (!IsAlpha(c)) return Skip(After('>', lt + 2));  // a bogus comment
    Tag tag = ReadTag(html_, lt + 2);
    if (tag.end == kNpos) return false;
    pos_ = tag.end;
    if (svg_.empty()) return true;
    // Inside <svg>, only the end tag of the innermost open element keeps
    // the scanner sure where the tree builder is.
    if (tag.name != svg_.back()) return false;
    svg_.pop_back();
    return true;
  }

  bool StartTag(std::size_t lt) {
    Tag tag = ReadTag(html_, lt + 1);
    if (tag.end == kNpos) return false;
    pos_ = tag.end;
    if (!svg_.empty()) {
      if (!IsPlainSvgElement(tag.name)) return false;
      if (!tag.self_closing) svg_.push_back(tag.name);
      return true;
    }
    if (In(tag.name, {"math", "select", "template", "frameset", "plaintext"})) return false;
    if (tag.name == "svg") {
      if (!tag.self_closing) svg_.push_back(tag.name);
      return true;
    }
    return Contents(tag);
  }

  // After the start tag of a raw-text or RCDATA element: past its content,
  // which is cut when it is bulk nothing reads.
  bool Contents(const Tag& tag) {
    std::size_t end = pos_;
    bool cut = false;
    if (tag.name == "script") {
      end = ScriptDataEnd(html_, pos_);
      cut = CuttableScript(tag);
    } else if (In(tag.name, {"style", "xmp", "iframe", "noembed", "noframes", "title",
                             "textarea"})) {
      end = RawTextEnd(html_, pos_, tag.name);
      cut = tag.name == "style";
    } else {
      return true;
    }
    if (end == kNpos) return false;
    if (cut && end > pos_ && end - pos_ >= min_bytes_) cuts_.emplace_back(pos_, end);
    pos_ = end;
    return true;
  }

  std::size_t After(char c, std::size_t from) const {
    const std::size_t at = html_.find(c, from);
    return at == kNpos ? kNpos : at + 1;
  }

  bool Skip(std::size_t to) {
    if (to == kNpos) return false;
    pos_ = to;
    return true;
  }

  std::string_view html_;
  std::size_t min_bytes_;
  std::size_t pos_ = 0;
  std::vector<std::string> svg_;  // open elements inside an <svg>, outermost first
  std::vector<std::pair<std::size_t, std::size_t>> cuts_;
};

}  // namespace

std::optional<std::string> CutRawText(std::string_view html, std::size_t min_bytes) {
  const auto cuts = Scanner(html, min_bytes).Run();
  if (cuts.empty()) return std::nullopt;
  std::string out;
  std::size_t cut_bytes = 0;
  for (const auto& [begin, end] : cuts) cut_bytes += end - begin;
  out.reserve(html.size() - cut_bytes);
  std::size_t from = 0;
  for (const auto& [begin, end] : cuts) {
    out.append(html.substr(from, begin - from));
    from = end;
  }
  out.append(html.substr(from));
  return out;
}

}  // namespace jobcrawler::parsers::internal
