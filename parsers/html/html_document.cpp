// HtmlDocument and HtmlNode on top of gumbo (https://github.com/google/gumbo-parser).
//
// Departures from the DOM: Text() leaves out script, style and template
// contents and inserts whitespace at block boundaries, which is what a reader
// of the rendered page sees rather than what textContent returns.
#include "parsers/html/html_document.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <new>
#include <utility>

#include "parsers/html/gumbo_arena.h"
#include "parsers/html/html_nesting.h"
#include "parsers/html/raw_text_cut.h"

namespace jobcrawler::parsers {
namespace {

// Gumbo keeps every parse error with a copy of the offending input; garbage
// pages can produce one per byte. We never read them, so keep only a few.
constexpr int kMaxRecordedParseErrors = 16;

const GumboVector* ChildrenOf(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const GumboNode* ChildAt(const GumboVector* children, unsigned int index) {
  return static_cast<const GumboNode*>(children->data[index]);
}

// Elements whose contents are not readable text.
bool IsOpaque(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT;
}

// Inline elements join their text to the neighbours' without a space;
// every other element is treated as a block and separated.
bool IsInline(GumboTag tag) {
  static constexpr std::array kInline = {
      GUMBO_TAG_A,    GUMBO_TAG_ABBR,    GUMBO_TAG_B,     GUMBO_TAG_BDI,    GUMBO_TAG_BDO,
      GUMBO_TAG_CITE, GUMBO_TAG_CODE,    GUMBO_TAG_DATA,  GUMBO_TAG_DFN,    GUMBO_TAG_EM,
      GUMBO_TAG_FONT, GUMBO_TAG_I,       GUMBO_TAG_KBD,   GUMBO_TAG_MARK,   GUMBO_TAG_Q,
      GUMBO_TAG_S,    GUMBO_TAG_SAMP,    GUMBO_TAG_SMALL, GUMBO_TAG_SPAN,   GUMBO_TAG_STRONG,
      GUMBO_TAG_SUB,  GUMBO_TAG_SUP,     GUMBO_TAG_TIME,  GUMBO_TAG_U,      GUMBO_TAG_VAR,
      GUMBO_TAG_WBR,  GUMBO_TAG_UNKNOWN, GUMBO_TAG_LABEL, GUMBO_TAG_STRIKE, GUMBO_TAG_TT,
      GUMBO_TAG_BIG,  GUMBO_TAG_INS,     GUMBO_TAG_DEL};
  return std::find(kInline.begin(), kInline.end(), tag) != kInline.end();
}

// Appends text while collapsing HTML whitespace and U+00A0 to single spaces.
class CollapsingText {
 public:
  void Append(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        Break();
      } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        Break();
        ++i;
      } else {
        if (pending_space_ && !out_.empty()) out_ += ' ';
        pending_space_ = false;
        out_ += c;
      }
    }
  }
  void Break() { pending_space_ = true; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
};

// Iterative walk below `root` in document order: `visit` sees every node,
// elements and text alike, before its children; `leave` sees each node whose
// children were walked, after them. Each stack entry is a node and the index
// of its next child.
template <typename Visit, typename Leave>
void WalkNodes(const GumboNode* root, Visit&& visit, Leave&& leave) {
  std::vector<std::pair<const GumboNode*, unsigned int>> stack = {{root, 0}};
  while (!stack.empty()) {
    auto& [parent, next] = stack.back();
    const GumboVector* children = ChildrenOf(parent);
    if (children == nullptr || next >= children->length) {
      if (stack.size() > 1) leave(parent);
      stack.pop_back();
      continue;
    }
    const GumboNode* node = ChildAt(children, next++);
    const WalkStep step = visit(node);
    if (step == WalkStep::kStop) return;
    const GumboVector* grandchildren = ChildrenOf(node);
    if (step == WalkStep::kDescend && grandchildren != nullptr && grandchildren->length > 0) {
      stack.emplace_back(node, 0);  // invalidates `parent` and `next`, used no more
    }
  }
}

template <typename Visit>
void WalkNodes(const GumboNode* root, Visit&& visit) {
  WalkNodes(root, std::forward<Visit>(visit), [](const GumboNode*) {});
}

}  // namespace

std::string HtmlNode::TagName() const {
  const GumboElement& element = node_->v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data == nullptr ? "" : piece.data, piece.length);
  std::transform(name.begin(), name.end(), name.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return name;
}

bool HtmlNode::InHtmlNamespace() const {
  return node_->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

std::optional<std::string_view> HtmlNode::Attribute(std::string_view name) const {
  const GumboVector& attributes = node_->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (name == attribute->name) return std::string_view(attribute->value);
  }
  return std::nullopt;
}

bool HtmlNode::HasAttribute(std::string_view name) const { return Attribute(name).has_value(); }

std::string HtmlNode::Text() const {
  CollapsingText text;
  // A block's text is set off from its neighbours by a break before the
  // block and another after its last child.
  const auto is_block = [](const GumboNode* node) {
    return IsElement(node) && !IsInline(node->v.element.tag);
  };
  const auto visit = [&](const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text.Append(node->v.text.text);
        return WalkStep::kDescend;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (is_block(node)) text.Break();
        return IsOpaque(node->v.element.tag) ? WalkStep::kSkipChildren : WalkStep::kDescend;
      default:
        return WalkStep::kSkipChildren;
    }
  };
  const auto leave = [&](const GumboNode* node) {
    if (is_block(node)) text.Break();
  };
  WalkNodes(node_, visit, leave);
  return text.Take();
}

std::string HtmlNode::RawText() const {
  std::string text;
  const GumboVector* children = ChildrenOf(node_);
  for (unsigned int i = 0; children != nullptr && i < children->length; ++i) {
    const GumboNode* child = ChildAt(children, i);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

std::vector<HtmlNode> HtmlNode::Children() const {
  std::vector<HtmlNode> elements;
  const GumboVector* children = ChildrenOf(node_);
  for (unsigned int i = 0; children != nullptr && i < children->length; ++i) {
    const GumboNode* child = ChildAt(children, i);
    if (IsElement(child)) elements.push_back(HtmlNode(child));
  }
  return elements;
}

void HtmlNode::Walk(const std::function<WalkStep(HtmlNode)>& visit) const {
  WalkNodes(node_, [&visit](const GumboNode* node) {
    return IsElement(node) ? visit(HtmlNode(node)) : WalkStep::kSkipChildren;
  });
}

void HtmlNode::WalkText(HtmlTextVisitor& visitor) const {
  bool stopped = false;
  const auto visit = [&](const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        visitor.Text(node->v.text.text);
        return WalkStep::kSkipChildren;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const WalkStep step = visitor.Enter(HtmlNode(node));
        stopped = step == WalkStep::kStop;
        // WalkNodes leaves only elements it descended into; an empty one
        // ends at once.
        const GumboVector* children = ChildrenOf(node);
        if (step == WalkStep::kDescend && (children == nullptr || children->length == 0)) {
          visitor.Leave(HtmlNode(node));
        }
        return step;
      }
      default:
        return WalkStep::kSkipChildren;
    }
  };
  // WalkNodes calls `leave` only for nodes whose children it walked: elements
  // Enter descended into that have children (text has none).
  const auto leave = [&](const GumboNode* node) {
    if (!stopped && IsElement(node)) visitor.Leave(HtmlNode(node));
  };
  WalkNodes(node_, visit, leave);
}

namespace {

// What gumbo parses of `kept`: it without the script and style bulk gumbo
// would only skip (raw_text_cut.h: the tree is the same but for that text).
std::string ParseSource(std::string_view kept) {
  std::optional<std::string> cut = internal::CutRawText(kept);
  return cut ? std::move(*cut) : std::string(kept);
}

}  // namespace

// The output points into `source` and lives in `arena`, which frees it:
// gumbo_destroy_output is not called.
struct HtmlDocument::Tree {
  std::string source;
  internal::GumboArena arena;
  const GumboOutput* output = nullptr;
};

HtmlDocument::HtmlDocument(std::string_view html)
    : parsed_length_(NestingLimitedLength(html)), tree_(std::make_unique<Tree>()) {
  tree_->source = ParseSource(html.substr(0, parsed_length_));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxRecordedParseErrors;
  options.allocator = &internal::GumboArena::Allocate;
  options.deallocator = &internal::GumboArena::Deallocate;
  options.userdata = &tree_->arena;
  tree_->output = gumbo_parse_with_options(&options, tree_->source.data(), tree_->source.size());
  // Gumbo returns null only when it could not allocate.
  if (tree_->output == nullptr) throw std::bad_alloc();
}

HtmlDocument::~HtmlDocument() = default;
HtmlDocument::HtmlDocument(HtmlDocument&&) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&&) noexcept = default;

HtmlNode HtmlDocument::Root() const { return HtmlNode(tree_->output->root); }

void HtmlDocument::ForEachElement(const std::function<void(HtmlNode)>& visit) const {
  visit(Root());
  Root().Walk([&visit](HtmlNode node) {
    visit(node);
    return WalkStep::kDescend;
  });
}

std::vector<HtmlNode> HtmlDocument::FindAll(std::string_view tag) const {
  std::vector<HtmlNode> found;
  ForEachElement([&](HtmlNode node) {
    if (node.TagName() == tag) found.push_back(node);
  });
  return found;
}

}  // namespace jobcrawler::parsers
