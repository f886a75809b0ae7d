// ReadOutline: one walk over the document, building blocks, links, hinted
// texts and metadata (see page_outline.h for the choices).
#include "parsers/extract/page_outline.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/outline_classes.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers::internal {
namespace {

// A hinted element inside another is read too, up to this many at once.
constexpr std::size_t kMaxOpenHints = 4;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends text collapsing whitespace (and U+00A0) into single spaces, up to
// `cap` bytes. Returns false once the cap is reached.
class TextBuffer {
 public:
  explicit TextBuffer(std::size_t cap) : cap_(cap) {}

  // True when `text` held anything but whitespace.
  bool Append(std::string_view text) {
    bool visible = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
      if (IsSpace(c) || nbsp) {
        space_ = !out_.empty();
        i += nbsp ? 1 : 0;
        continue;
      }
      visible = true;
      if (out_.size() + 2 > cap_) continue;  // full: keep what fits
      if (space_) out_ += ' ';
      space_ = false;
      out_ += c;
    }
    return visible;
  }
  void Space() { space_ = !out_.empty(); }
  bool empty() const { return out_.empty(); }
  std::string Take() {
    space_ = false;
    // A cut may split a UTF-8 sequence; drop its dangling lead bytes.
    while (!out_.empty() && (static_cast<unsigned char>(out_.back()) & 0xC0) == 0xC0) {
      out_.pop_back();
    }
    return std::move(out_);
  }

 private:
  std::size_t cap_;
  std::string out_;
  bool space_ = false;
};

// What Leave must undo for one entered element.
struct Frame {
  bool block = false;
  bool strong = false;
  bool link = false;
  bool hinted = false;
  bool lead = false;
  bool content = false;  // <main>, <article>, role=main
  Zone zone_before = Zone::kMain;
  int heading_before = 0;
  std::string tag;
};

class OutlineReader : public HtmlTextVisitor {
 public:
  explicit OutlineReader(PageOutline* outline) : outline_(outline) {}

  WalkStep Enter(HtmlNode node) override {
    if (!node.InHtmlNamespace()) return WalkStep::kSkipChildren;
    std::string tag = node.TagName();
    if (ReadHead(node, tag)) return WalkStep::kSkipChildren;
    if (IsUnread(tag) || node.HasAttribute("hidden")) return WalkStep::kSkipChildren;
    if (tag == "img") ReadImage(node);
    if (tag == "input") ReadInput(node);
    Frame frame{.zone_before = zone_, .heading_before = heading_, .tag = tag};
    EnterZone(node, tag, &frame);
    if (!IsInlineTag(tag)) {
      Break();
      frame.block = true;
      block_tags_.push_back(tag);
    }
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') heading_ = tag[1] - '0';
    if (tag == "strong" || tag == "b") frame.strong = ++strong_depth_ > 0;
    StartCaptures(node, tag, &frame);
    frames_.push_back(std::move(frame));
    return WalkStep::kDescend;
  }

  void Text(std::string_view text) override {
    if (text_bytes_ > kMaxOutlineTextBytes) {
      outline_->truncated = true;
      return;
    }
    text_bytes_ += text.size();
    const bool visible = block_.Append(text);
    if (visible && !block_started_) {
      block_started_ = true;
      block_zone_ = zone_;
    }
    if (visible && strong_depth_ == 0) block_plain_ = true;
    if (visible && link_depth_ == 0) block_unlinked_ = true;
    if (link_) link_->Append(text);
    for (Capture& capture : hints_) capture.text.Append(text);
    if (lead_) lead_->Append(text);
  }

  void Leave(HtmlNode /*node*/) override {
    if (frames_.empty()) return;
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    EndCaptures(frame);
    if (frame.strong) --strong_depth_;
    if (frame.content) --content_depth_;
    if (frame.block) {
      Break();
      block_tags_.pop_back();
    }
    zone_ = frame.zone_before;
    heading_ = frame.heading_before;
  }

  void Finish() { Break(); }

 private:
  struct Capture {
    FieldHint hint;
    TextBuffer text{kMaxHintedBytes};
    Zone zone;
  };

  // <title>, <meta> and <link rel=canonical>: true when the element is done.
  bool ReadHead(HtmlNode node, const std::string& tag) {
    if (tag == "title") {
      if (!seen_title_)
        outline_->title = CollapseWhitespace(node.Text().substr(0, kMaxMetaValueBytes));
      seen_title_ = true;
      return true;
    }
    if (tag == "meta") {
      const auto key =
          node.HasAttribute("property") ? node.Attribute("property") : node.Attribute("name");
      const auto content = node.Attribute("content");
      if (key && content && outline_->meta.size() < kMaxMetaTags) {
        outline_->meta.emplace(LowerAscii(*key),
                               CollapseWhitespace(content->substr(0, kMaxMetaValueBytes)));
      }
      return true;
    }
    if (tag == "link") {
      if (outline_->canonical.empty() &&
          LowerAscii(node.Attribute("rel").value_or("")) == "canonical") {
        outline_->canonical =
            CollapseWhitespace(node.Attribute("href").value_or("").substr(0, kMaxMetaValueBytes));
      }
      return true;
    }
    return false;
  }

  void ReadImage(HtmlNode node) {
    const std::string alt =
        CollapseWhitespace(node.Attribute("alt").value_or("").substr(0, kMaxLinkTextBytes));
    if (alt.empty() || outline_->logo_alts.size() >= kMaxLogos) return;
    const std::string where =
        LowerAscii(std::string(node.Attribute("class").value_or("")) + " " +
                   std::string(node.Attribute("id").value_or("")) + " " +
                   std::string(node.Attribute("src").value_or("").substr(0, 512)) + " " + alt);
    if (where.find("logo") != std::string::npos) outline_->logo_alts.push_back(alt);
  }

  void ReadInput(HtmlNode node) {
    const std::string type = LowerAscii(node.Attribute("type").value_or(""));
    if (type != "submit" && type != "button") return;
    AddLink(CollapseWhitespace(node.Attribute("value").value_or("").substr(0, kMaxLinkTextBytes)),
            "", true);
  }

  void EnterZone(HtmlNode node, const std::string& tag, Frame* frame) {
    const ZoneClue clue = ZoneClueOf(node, tag);
    if (clue.content) {
      frame->content = true;
      ++content_depth_;
    }
    // Banners win over everything, navigation over the page header it sits
    // in; a header or footer inside the content belongs to the content.
    const bool page_level = clue.zone == Zone::kHeader || clue.zone == Zone::kFooter;
    if (clue.zone == Zone::kBanner) {
      zone_ = Zone::kBanner;
    } else if (clue.zone == Zone::kNav && (zone_ == Zone::kMain || zone_ == Zone::kHeader)) {
      zone_ = Zone::kNav;
    } else if (zone_ == Zone::kMain && clue.zone != Zone::kMain) {
      if (!page_level || content_depth_ == 0) zone_ = clue.zone;
    }
  }

  void StartCaptures(HtmlNode node, const std::string& tag, Frame* frame) {
    if (tag == "a" && node.HasAttribute("href") && !link_) {
      link_.emplace(kMaxLinkTextBytes);
      link_href_ = CollapseWhitespace(node.Attribute("href")->substr(0, kMaxMetaValueBytes));
      link_button_ = false;
      frame->link = true;
      ++link_depth_;
    } else if (tag == "button" && !link_) {
      link_.emplace(kMaxLinkTextBytes);
      link_href_.clear();
      link_button_ = true;
      frame->link = true;
    }
    if (frame->link) link_label_ = std::string(node.Attribute("aria-label").value_or(""));
    const FieldHint hint = FieldHintOf(node);
    if (hint != FieldHint::kNone && hints_.size() < kMaxOpenHints &&
        outline_->hinted.size() < kMaxHintedTexts) {
      hints_.push_back(Capture{hint, TextBuffer(kMaxHintedBytes), zone_});
      frame->hinted = true;
    }
    if (!lead_ && block_.empty() && IsInlineTag(tag) && tag != "a" && tag != "img") {
      lead_.emplace(kMaxLinkTextBytes);
      frame->lead = true;
    }
  }

  void EndCaptures(const Frame& frame) {
    if (frame.link && link_) {
      std::string text = link_->Take();
      if (text.empty()) text = CollapseWhitespace(link_label_.substr(0, kMaxLinkTextBytes));
      AddLink(std::move(text), std::move(link_href_), link_button_);
      link_.reset();
      if (!link_button_) --link_depth_;
    }
    if (frame.hinted && !hints_.empty()) {
      Capture capture = std::move(hints_.back());
      hints_.pop_back();
      std::string text = capture.text.Take();
      if (!text.empty()) {
        outline_->hinted.push_back({capture.hint, std::move(text), capture.zone});
      } else {
        block_hint_ = capture.hint;  // an icon: it labels the text beside it
      }
    }
    if (frame.lead && lead_) {
      lead_text_ = lead_->Take();
      lead_.reset();
    }
  }

  void AddLink(std::string text, std::string href, bool button) {
    if (outline_->links.size() >= kMaxOutlineLinks) {
      outline_->truncated = true;
      return;
    }
    if (text.empty() && href.empty()) return;
    outline_->links.push_back(
        {std::move(text), std::move(href), zone_, outline_->blocks.size(), button});
  }

  void Break() {
    if (block_.empty()) {
      ResetBlock();
      return;
    }
    if (outline_->blocks.size() >= kMaxOutlineBlocks) {
      outline_->truncated = true;
      block_.Take();
      ResetBlock();
      return;
    }
    OutlineBlock block;
    block.text = block_.Take();
    block.tag = block_tags_.empty() ? "body" : block_tags_.back();
    block.heading = heading_;
    block.zone = block_zone_;
    block.emphasized = !block_plain_;
    block.linked = !block_unlinked_;
    block.lead = std::move(lead_text_);
    if (block_hint_ != FieldHint::kNone && block.text.size() <= kMaxHintedBytes &&
        outline_->hinted.size() < kMaxHintedTexts) {
      outline_->hinted.push_back({block_hint_, block.text, block.zone});
    }
    outline_->blocks.push_back(std::move(block));
    ResetBlock();
  }

  void ResetBlock() {
    block_hint_ = FieldHint::kNone;
    block_started_ = false;
    block_plain_ = false;
    block_unlinked_ = false;
    lead_text_.clear();
    lead_.reset();
  }

  static constexpr std::size_t kMaxMetaTags = 200;
  static constexpr std::size_t kMaxLogos = 8;

  PageOutline* outline_;
  std::vector<Frame> frames_;
  std::vector<std::string> block_tags_;
  TextBuffer block_{kMaxBlockBytes};
  bool block_started_ = false;
  bool block_plain_ = false;     // some visible text outside <strong>/<b>
  bool block_unlinked_ = false;  // some visible text outside <a>
  Zone block_zone_ = Zone::kMain;
  FieldHint block_hint_ = FieldHint::kNone;  // from an empty hinted element (an icon)
  Zone zone_ = Zone::kMain;
  int heading_ = 0;
  int strong_depth_ = 0;
  int link_depth_ = 0;
  int content_depth_ = 0;
  std::optional<TextBuffer> link_;
  std::string link_href_;
  std::string link_label_;
  bool link_button_ = false;
  std::vector<Capture> hints_;
  std::optional<TextBuffer> lead_;
  std::string lead_text_;
  std::size_t text_bytes_ = 0;
  bool seen_title_ = false;
};

}  // namespace

std::string PageOutline::Meta(std::string_view key) const {
  const auto it = meta.find(key);
  return it == meta.end() ? std::string() : it->second;
}

PageOutline ReadOutline(const HtmlDocument& document) {
  PageOutline outline;
  OutlineReader reader(&outline);
  document.Root().WalkText(reader);
  reader.Finish();
  return outline;
}

}  // namespace jobcrawler::parsers::internal
