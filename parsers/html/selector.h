// A small subset of CSS selectors (https://www.w3.org/TR/selectors-4/),
// enough to point at the parts of a career page in config.toml.
//
// Supported:
//   type            div, *            (ASCII case-insensitive)
//   class           .job              (one token of the class attribute)
//   id              #main
//   attribute       [data-id]  [rel=next]  [href="/jobs"]  [href*=stelle]
//                   [href^="/job"]  [href$=".html"]   (values case-sensitive)
//   pseudo-classes  :first-of-type  :nth-of-type(3)  :nth-of-type(odd|even|2n+1)
//   compound        a.job[href]:nth-of-type(2)
//   combinators     descendant "div a", child "ul > li"
//   lists           "h1, h2.title"
// Not supported (a parse error, never silently ignored): sibling combinators
// (+ ~), :not() and other pseudo-classes, pseudo-elements, namespaces,
// attribute operators ~= |=, the i/s attribute flags, escapes.
//
// Departures from CSS: SelectAll(root) matches the descendants of `root`
// only, and their ancestors are looked up no higher than `root` itself (so
// ".job h2" finds the <h2> inside a container that is the .job). The root's
// own position among its siblings is unknown: :nth-of-type never matches it.
//
// Matching walks the subtree once and keeps, per open element, which prefix
// of each complex selector it ends: O(elements x compounds), whatever the
// nesting. Selectors are immutable values, safe to share between threads.
#ifndef JOBCRAWLER_PARSERS_HTML_SELECTOR_H_
#define JOBCRAWLER_PARSERS_HTML_SELECTOR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/html/html_document.h"

namespace jobcrawler::parsers {

// Selectors come from config.toml; the bound keeps a typo (a pasted page)
// from turning into a selector with thousands of compounds.
inline constexpr std::size_t kMaxSelectorLength = 1024;

class Selector {
 public:
  enum class AttributeOp { kExists, kEquals, kContains, kPrefix, kSuffix };

  struct AttributeTest {
    std::string name;  // lower-case
    AttributeOp op = AttributeOp::kExists;
    std::string value;
  };

  // Matches element positions a*n+b (n >= 0), 1-based among same-type siblings.
  struct NthTest {
    int a = 0;
    int b = 1;
  };

  // One compound selector: every test must hold for the element.
  struct Compound {
    std::string type;  // lower-case; empty for any element
    std::vector<std::string> classes;
    std::string id;
    std::vector<AttributeTest> attributes;
    std::vector<NthTest> nth;
  };

  // Compounds left to right; child[i] says whether compound i+1 must be a
  // child (">") of compound i rather than any descendant.
  struct Complex {
    std::vector<Compound> compounds;
    std::vector<bool> child;
  };

  // Parses `text`. On failure returns nullopt and, when `error` is not null,
  // sets it to "invalid selector at N: REASON" with N the 1-based character.
  static std::optional<Selector> Parse(std::string_view text, std::string* error);

  // Matching descendants of `root` in document order, each once.
  std::vector<HtmlNode> SelectAll(const HtmlNode& root) const;
  // The first of SelectAll, found without walking further.
  std::optional<HtmlNode> SelectFirst(const HtmlNode& root) const;

  const std::string& text() const { return text_; }

 private:
  Selector() = default;

  // Walks below `root`, passing matches to `found` until it returns false.
  template <typename Found>
  void Match(const HtmlNode& root, Found&& found) const;

  std::string text_;
  std::vector<Complex> list_;
};

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_HTML_SELECTOR_H_
