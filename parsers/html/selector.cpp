// Selector: a recursive-descent parser for the subset in selector.h and a
// single-pass matcher.
//
// The matcher keeps, for every element on the path from the root, two flags
// per compound j of each complex selector: matched[j] (compounds 0..j match
// with j on this element) and reach[j] (matched[j] here or on an ancestor).
// An element's flags follow from its parent's alone, so no selector is ever
// re-tried up the ancestor chain.
#include "parsers/html/selector.h"

#include <map>
#include <utility>

namespace jobcrawler::parsers {
namespace {

// nth-of-type arguments beyond this are surely typos; the bound also keeps
// a*n+b arithmetic far from overflow.
constexpr int kMaxNthNumber = 100000;

char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = ToLowerAscii(c);
  return lowered;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Identifier characters: ASCII letters, digits, '-', '_' and any non-ASCII byte.
bool IsNameChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || u >= 0x80;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  // The parsed list, or nullopt with error() set.
  std::optional<std::vector<Selector::Complex>> ParseList() {
    std::vector<Selector::Complex> list;
    do {
      SkipSpace();
      Selector::Complex complex;
      if (!ParseComplex(&complex)) return std::nullopt;
      list.push_back(std::move(complex));
    } while (Accept(','));
    if (!AtEnd()) {
      Fail("unexpected '" + PeekCharacter() + "'");
      return std::nullopt;
    }
    return list;
  }

  const std::string& error() const { return error_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  // The character at the current position with all its UTF-8 bytes, so
  // that a message quoting it stays UTF-8 ("unexpected '›'").
  std::string PeekCharacter() const {
    if (AtEnd()) return "";
    const auto lead = static_cast<unsigned char>(text_[pos_]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return std::string(text_.substr(pos_, length));
  }
  bool Accept(char c) {
    if (Peek() != c || AtEnd()) return false;
    ++pos_;
    return true;
  }
  bool SkipSpace() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
    return pos_ > start;
  }
  // Records the first error, at the current position; always false.
  bool Fail(std::string reason) {
    if (error_.empty()) {
      error_ = "invalid selector at " + std::to_string(pos_ + 1) + ": " + std::move(reason);
    }
    return false;
  }
  std::string Name() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsNameChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  bool ParseComplex(Selector::Complex* complex) {
    complex->compounds.emplace_back();
    if (!ParseCompound(&complex->compounds.back())) return false;
    for (;;) {
      const bool spaced = SkipSpace();
      if (AtEnd() || Peek() == ',') return true;
      bool child = false;
      if (Accept('>')) {
        child = true;
        SkipSpace();
      } else if (Peek() == '+' || Peek() == '~') {
        return Fail(std::string("sibling combinator '") + Peek() + "' is not supported");
      } else if (!spaced) {
        return Fail("unexpected '" + PeekCharacter() + "'");
      }
      complex->child.push_back(child);
      complex->compounds.emplace_back();
      if (!ParseCompound(&complex->compounds.back())) return false;
    }
  }

  // False (with the error set) when the compound is empty or malformed.
  bool ParseCompound(Selector::Compound* compound) {
    const std::size_t start = pos_;
    if (!Accept('*')) compound->type = Lowered(Name());
    for (;;) {
      if (Accept('.')) {
        std::string name = Name();
        if (name.empty()) return Fail("expected a class name after '.'");
        compound->classes.push_back(std::move(name));
      } else if (Accept('#')) {
        std::string name = Name();
        if (name.empty()) return Fail("expected an id after '#'");
        if (!compound->id.empty()) return Fail("a compound selector names one id at most");
        compound->id = std::move(name);
      } else if (Accept('[')) {
        if (!ParseAttribute(compound)) return false;
      } else if (Accept(':')) {
        if (!ParsePseudo(compound)) return false;
      } else {
        break;
      }
    }
    if (pos_ == start) {
      return Fail(AtEnd() ? "expected a selector" : "unexpected '" + PeekCharacter() + "'");
    }
    return true;
  }

  bool ParseAttribute(Selector::Compound* compound) {
    SkipSpace();
    Selector::AttributeTest test;
    test.name = Lowered(Name());
    if (test.name.empty()) return Fail("expected an attribute name");
    SkipSpace();
    if (!Accept(']')) {
      if (!ParseOperator(&test.op)) return false;
      SkipSpace();
      if (!ParseValue(&test.value)) return false;
      SkipSpace();
      if (!Accept(']')) return Fail("expected ']'");
    }
    compound->attributes.push_back(std::move(test));
    return true;
  }

  bool ParseOperator(Selector::AttributeOp* op) {
    const char c = Peek();
    if (Accept('=')) {
      *op = Selector::AttributeOp::kEquals;
      return true;
    }
    if (c == '*' || c == '^' || c == '$') {
      ++pos_;
      if (!Accept('=')) return Fail("expected '=' after '" + std::string(1, c) + "'");
      *op = c == '*'   ? Selector::AttributeOp::kContains
            : c == '^' ? Selector::AttributeOp::kPrefix
                       : Selector::AttributeOp::kSuffix;
      return true;
    }
    if (c == '~' || c == '|') {
      return Fail("attribute operator '" + std::string(1, c) + "=' is not supported");
    }
    return Fail("expected ']' or an operator (= *= ^= $=)");
  }

  bool ParseValue(std::string* value) {
    const char quote = Peek();
    if (quote != '"' && quote != '\'') {
      *value = Name();
      if (value->empty()) return Fail("expected a value");
      return true;
    }
    const std::size_t open = pos_++;
    const std::size_t close = text_.find(quote, pos_);
    if (close == std::string_view::npos) {
      pos_ = open;
      return Fail("unterminated string");
    }
    *value = std::string(text_.substr(pos_, close - pos_));
    if (const std::size_t escape = value->find('\\'); escape != std::string::npos) {
      pos_ += escape;
      return Fail("escapes are not supported");
    }
    pos_ = close + 1;
    return true;
  }

  bool ParsePseudo(Selector::Compound* compound) {
    const std::size_t start = pos_;
    const std::string name = Lowered(Name());
    if (name == "first-of-type") {
      compound->nth.push_back({0, 1});
      return true;
    }
    if (name != "nth-of-type") {
      pos_ = start;
      return Fail("unsupported pseudo-class ':" + name + "'");
    }
    if (!Accept('(')) return Fail("expected '('");
    const std::size_t close = text_.find(')', pos_);
    if (close == std::string_view::npos) return Fail("expected ')'");
    std::optional<Selector::NthTest> nth = ParseNth(text_.substr(pos_, close - pos_));
    if (!nth) return Fail("expected an integer, odd, even or an+b");
    compound->nth.push_back(*nth);
    pos_ = close + 1;
    return true;
  }

  // "3", "odd", "even", "2n+1", "-n + 3", "n".
  static std::optional<Selector::NthTest> ParseNth(std::string_view argument) {
    std::string text;
    for (char c : argument) {
      if (!IsSpace(c)) text += ToLowerAscii(c);
    }
    if (text == "odd") return Selector::NthTest{2, 1};
    if (text == "even") return Selector::NthTest{2, 0};
    const std::size_t n = text.find('n');
    if (n == std::string::npos) {
      std::optional<int> b = Integer(text, false);
      if (!b) return std::nullopt;
      return Selector::NthTest{0, *b};
    }
    const std::string a_text = text.substr(0, n);
    std::optional<int> a = a_text.empty() || a_text == "+" ? 1 : a_text == "-" ? -1 : Integer(a_text, true);
    std::optional<int> b = n + 1 == text.size() ? 0 : Integer(text.substr(n + 1), true);
    if (!a || !b || (n + 1 < text.size() && text[n + 1] != '+' && text[n + 1] != '-')) {
      return std::nullopt;
    }
    return Selector::NthTest{*a, *b};
  }

  // An optionally signed decimal no larger than kMaxNthNumber.
  static std::optional<int> Integer(std::string_view text, bool signed_ok) {
    int sign = 1;
    if (signed_ok && !text.empty() && (text[0] == '+' || text[0] == '-')) {
      sign = text[0] == '-' ? -1 : 1;
      text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
      if (value > kMaxNthNumber) return std::nullopt;
    }
    return sign * value;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

bool HasClass(std::string_view list, std::string_view name) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsSpace(list[i])) ++i;
    const std::size_t start = i;
    while (i < list.size() && !IsSpace(list[i])) ++i;
    if (i > start && list.substr(start, i - start) == name) return true;
  }
  return false;
}

bool AttributeMatches(const HtmlNode& node, const Selector::AttributeTest& test) {
  const std::optional<std::string_view> value = node.Attribute(test.name);
  if (!value) return false;
  switch (test.op) {
    case Selector::AttributeOp::kExists: return true;
    case Selector::AttributeOp::kEquals: return *value == test.value;
    // Per CSS, an empty operand never matches *=, ^= or $=.
    case Selector::AttributeOp::kContains:
      return !test.value.empty() && value->find(test.value) != std::string_view::npos;
    case Selector::AttributeOp::kPrefix: return !test.value.empty() && value->starts_with(test.value);
    case Selector::AttributeOp::kSuffix: return !test.value.empty() && value->ends_with(test.value);
  }
  return false;
}

// `position` is 1-based among same-type siblings, 0 when unknown.
bool NthMatches(const Selector::NthTest& nth, int position) {
  if (position <= 0) return false;
  if (nth.a == 0) return position == nth.b;
  const int offset = position - nth.b;
  return offset % nth.a == 0 && offset / nth.a >= 0;
}

bool CompoundMatches(const Selector::Compound& compound, const HtmlNode& node,
                     const std::string& tag, int position) {
  if (!compound.type.empty() && compound.type != tag) return false;
  if (!compound.id.empty() && node.Attribute("id") != std::optional<std::string_view>(compound.id)) {
    return false;
  }
  if (!compound.classes.empty()) {
    const std::string_view list = node.Attribute("class").value_or("");
    for (const std::string& name : compound.classes) {
      if (!HasClass(list, name)) return false;
    }
  }
  for (const Selector::AttributeTest& test : compound.attributes) {
    if (!AttributeMatches(node, test)) return false;
  }
  for (const Selector::NthTest& nth : compound.nth) {
    if (!NthMatches(nth, position)) return false;
  }
  return true;
}

// One element on the walk's path: its match flags, laid out complex by
// complex, and the state of the walk over its children.
struct Frame {
  std::vector<char> matched;
  std::vector<char> reach;
  std::vector<HtmlNode> children;
  std::size_t next = 0;
  std::map<std::string, int, std::less<>> type_counts;
};

// Fills `frame`'s flags for `node` from its parent's; returns whether some
// complex selector matches `node` in full. `parent` is null for the root.
bool Evaluate(const std::vector<Selector::Complex>& list, const HtmlNode& node,
              const std::string& tag, int position, const Frame* parent, Frame* frame) {
  bool matches = false;
  std::size_t flag = 0;
  for (const Selector::Complex& complex : list) {
    for (std::size_t j = 0; j < complex.compounds.size(); ++j, ++flag) {
      bool previous = j == 0;
      if (!previous && parent != nullptr) {
        previous = complex.child[j - 1] ? parent->matched[flag - 1] : parent->reach[flag - 1];
      }
      const bool here = previous && CompoundMatches(complex.compounds[j], node, tag, position);
      frame->matched.push_back(here);
      frame->reach.push_back(here || (parent != nullptr && parent->reach[flag]));
      if (here && j + 1 == complex.compounds.size()) matches = true;
    }
  }
  return matches;
}

}  // namespace

std::optional<Selector> Selector::Parse(std::string_view text, std::string* error) {
  Parser parser(text);
  std::optional<std::vector<Complex>> list;
  if (text.size() > kMaxSelectorLength) {
    if (error != nullptr) {
      *error = "invalid selector at " + std::to_string(kMaxSelectorLength + 1) +
               ": longer than " + std::to_string(kMaxSelectorLength) + " characters";
    }
    return std::nullopt;
  }
  list = parser.ParseList();
  if (!list) {
    if (error != nullptr) *error = parser.error();
    return std::nullopt;
  }
  Selector selector;
  selector.text_ = std::string(text);
  selector.list_ = std::move(*list);
  return selector;
}

template <typename Found>
void Selector::Match(const HtmlNode& root, Found&& found) const {
  std::vector<Frame> stack(1);
  Evaluate(list_, root, root.TagName(), 0, nullptr, &stack.back());
  stack.back().children = root.Children();
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.children.size()) {
      stack.pop_back();
      continue;
    }
    const HtmlNode node = top.children[top.next++];
    std::string tag = node.TagName();
    const int position = ++top.type_counts[tag];
    Frame frame;
    if (Evaluate(list_, node, tag, position, &top, &frame) && !found(node)) return;
    frame.children = node.Children();
    stack.push_back(std::move(frame));  // invalidates `top`
  }
}

std::vector<HtmlNode> Selector::SelectAll(const HtmlNode& root) const {
  std::vector<HtmlNode> nodes;
  Match(root, [&nodes](const HtmlNode& node) {
    nodes.push_back(node);
    return true;
  });
  return nodes;
}

std::optional<HtmlNode> Selector::SelectFirst(const HtmlNode& root) const {
  std::optional<HtmlNode> first;
  Match(root, [&first](const HtmlNode& node) {
    first = node;
    return false;
  });
  return first;
}

}  // namespace jobcrawler::parsers
