// A parsed HTML document and read-only handles to its elements.
//
// HtmlDocument owns gumbo's parse tree (and the copy of the source it points
// into); HtmlNode is a cheap, copyable, non-owning handle to one element that
// stays valid while its document lives. Gumbo's API is private to this file's
// implementation: callers see only these two types, so a switch to another
// HTML5 parser changes html_document.cpp alone.
//
// Every traversal here is iterative, because hostile pages nest elements far
// deeper than any call stack. A document is immutable after construction and
// may be read from several threads at once.
#ifndef JOBCRAWLER_PARSERS_HTML_HTML_DOCUMENT_H_
#define JOBCRAWLER_PARSERS_HTML_HTML_DOCUMENT_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Gumbo's own struct tags, declared so the handles below can hold pointers
// without including gumbo.h.
struct GumboInternalNode;

namespace jobcrawler::parsers {

// What a visitor wants next from HtmlNode::Walk.
enum class WalkStep { kDescend, kSkipChildren, kStop };

class HtmlNode;

// Receives the elements and text of HtmlNode::WalkText in document order.
class HtmlTextVisitor {
 public:
  virtual ~HtmlTextVisitor() = default;
  // An element starts. Its children are walked after kDescend; kStop ends the
  // whole walk (no more calls, not even Leave).
  virtual WalkStep Enter(HtmlNode element) = 0;
  // A text node (or CDATA) as the DOM holds it: references decoded,
  // whitespace as written. Whitespace-only nodes are reported too.
  virtual void Text(std::string_view text) = 0;
  // An element Enter descended into ends, after its children.
  virtual void Leave(HtmlNode element) = 0;
};

class HtmlNode {
 public:
  // Lower-case tag name ("div"); for tags gumbo does not know, the name as
  // written in the source, lower-cased.
  std::string TagName() const;

  // True for elements in the HTML namespace (false inside <svg> and <math>,
  // whose <title> and <a> mean something else).
  bool InHtmlNamespace() const;

  // The attribute's value with character references decoded, or nullopt when
  // the element has no such attribute. `name` must be lower-case.
  std::optional<std::string_view> Attribute(std::string_view name) const;
  bool HasAttribute(std::string_view name) const;

  // Text content with runs of whitespace (including no-break spaces)
  // collapsed to one space and trimmed. Block-level element boundaries and
  // <br> count as whitespace, so "<p>a</p><p>b</p>" reads "a b". The contents
  // of <script>, <style> and <template> are left out.
  std::string Text() const;

  // The text of the element's direct text children, unchanged: the body of a
  // <script> or <style> as written.
  std::string RawText() const;

  // Element children, in document order.
  std::vector<HtmlNode> Children() const;

  // Pre-order walk over the descendants of this element (not the element
  // itself), in document order, steered by what `visit` returns.
  void Walk(const std::function<WalkStep(HtmlNode)>& visit) const;

  // Pre-order walk over the descendant elements and text of this element
  // (not the element itself), iterative like Walk. Comments are skipped.
  void WalkText(HtmlTextVisitor& visitor) const;

 private:
  friend class HtmlDocument;
  explicit HtmlNode(const GumboInternalNode* node) : node_(node) {}

  const GumboInternalNode* node_;  // never null; owned by the document
};

class HtmlDocument {
 public:
  // Parses `html` as an HTML5 document the way a browser would: any input,
  // however broken, yields a tree (at worst <html><head></head><body>).
  // A page that nests too deeply for gumbo to parse quickly (see
  // html_nesting.h) is parsed only up to the tag that broke the limit.
  explicit HtmlDocument(std::string_view html);
  ~HtmlDocument();

  HtmlDocument(HtmlDocument&&) noexcept;
  HtmlDocument& operator=(HtmlDocument&&) noexcept;
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  // The <html> element.
  HtmlNode Root() const;

  // Calls `visit` for every element of the document in document order.
  void ForEachElement(const std::function<void(HtmlNode)>& visit) const;

  // Every element with tag name `tag` (lower-case), in document order.
  std::vector<HtmlNode> FindAll(std::string_view tag) const;

  // How many bytes of the input were parsed: all of them unless the page was
  // cut for nesting too deeply.
  std::size_t parsed_length() const { return parsed_length_; }

 private:
  std::size_t parsed_length_;
  // What gumbo parsed, the arena that holds every block of its output, and
  // the output; held by pointer so that their addresses survive moves.
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_HTML_HTML_DOCUMENT_H_
