// Sitemap XML through libxml2 (parsers/xml/xml_reader.h): a handler that
// finds <url>/<sitemap> entries and their direct <loc>/<lastmod> children.
// libxml2 does the XML (recovery, entities, CDATA, encodings); this file
// decides what counts as an entry.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "parsers/extract/sitemap.h"
#include "parsers/xml/xml_reader.h"

namespace jobcrawler::parsers {
namespace {

// Sitemaps nest four levels (urlset, url, image:image, image:loc); deeper
// input is broken.
constexpr std::size_t kMaxXmlDepth = 64;
// Rewriting references (&amp; becomes &#38;) makes the text libxml2 reads
// longer than the sitemap; this much growth is allowed.
constexpr std::size_t kMaxPreparedBytes = kMaxSitemapBytes + kMaxSitemapBytes / 4;
// Element names quoted in errors are cut to this length; input chooses them.
constexpr std::size_t kMaxNameInError = 64;

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimXmlSpace(std::string_view text) {
  while (!text.empty() && IsXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsXmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

// At most kMaxNameInError bytes of `name`, never cut inside a UTF-8 sequence.
std::string_view NameForError(std::string_view name) {
  std::size_t length = std::min(name.size(), kMaxNameInError);
  while (length > 0 && length < name.size() &&
         (static_cast<unsigned char>(name[length]) & 0xC0) == 0x80) {
    --length;
  }
  return name.substr(0, length);
}

std::string Lower(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return lower;
}

class SitemapHandler : public XmlHandler {
 public:
  explicit SitemapHandler(Sitemap* sitemap) : sitemap_(sitemap) {}

  bool seen_root() const { return !root_.empty(); }

  bool OnStartElement(std::string_view local_name) override {
    const std::string name = Lower(local_name);
    if (root_.empty()) CheckRoot(name, local_name);
    ++depth_;
    field_ = nullptr;
    const bool entry = name == "url" || name == "sitemap";
    // Entries never nest: one inside another means the outer one lacks an
    // end tag that libxml2's recovery could see (an unclosed child).
    if (in_entry_ && entry && !FinishEntry()) return false;
    if (!in_entry_ && entry) {
      in_entry_ = true;
      entry_depth_ = depth_ - 1;
      entry_ = Entry{};
    } else if (in_entry_ && depth_ == entry_depth_ + 2) {
      if (name == "loc" && ++entry_.loc_elements == 1) field_ = &entry_.loc;
      if (name == "lastmod" && ++entry_.lastmod_elements == 1) field_ = &entry_.lastmod;
    }
    return true;
  }

  bool OnEndElement(std::string_view, bool complete) override {
    if (in_entry_ && depth_ == entry_depth_ + 2 && field_ != nullptr && complete) {
      if (field_ == &entry_.loc) entry_.loc_closed = true;
      if (field_ == &entry_.lastmod) entry_.lastmod_closed = true;
    }
    field_ = nullptr;
    if (depth_ > 0) --depth_;
    if (in_entry_ && depth_ == entry_depth_) return FinishEntry();
    return true;
  }

  bool OnText(std::string_view text) override {
    // Past the limit the entry is dropped anyway; stop copying.
    if (field_ != nullptr && field_->size() <= kMaxLocBytes) field_->append(text);
    return true;
  }

  bool OnError(std::string message) override {
    AddSitemapError(sitemap_, std::move(message));
    return true;
  }

 private:
  void CheckRoot(const std::string& name, std::string_view as_written) {
    root_ = name;
    sitemap_->is_index = name == "sitemapindex";
    if (name != "urlset" && name != "sitemapindex") {
      AddSitemapError(sitemap_,
                      "unexpected root element <" + std::string(NameForError(as_written)) + ">");
    }
  }

  // Returns false when the entry cap is reached: reading stops.
  bool FinishEntry() {
    in_entry_ = false;
    const std::string_view loc = TrimXmlSpace(entry_.loc);
    if (entry_.loc_elements > 1) Error("entry with several <loc>; the first is used");
    if (loc.empty() || !entry_.loc_closed) return Error("entry without a complete <loc>");
    if (loc.size() > kMaxLocBytes) {
      return Error("<loc> longer than " + std::to_string(kMaxLocBytes) + " bytes");
    }
    if (sitemap_->urls.size() == kMaxSitemapUrls) {
      Error("more than " + std::to_string(kMaxSitemapUrls) + " entries; the rest are ignored");
      return false;
    }
    sitemap_->urls.emplace_back(loc);
    sitemap_->lastmods.emplace_back(entry_.lastmod_closed ? TrimXmlSpace(entry_.lastmod) : "");
    return true;
  }

  bool Error(std::string message) {
    AddSitemapError(sitemap_, std::move(message));
    return true;
  }

  struct Entry {
    std::string loc;
    std::string lastmod;
    int loc_elements = 0;  // a second <loc> is ignored
    int lastmod_elements = 0;
    bool loc_closed = false;  // a <loc> cut off by the end of input is dropped
    bool lastmod_closed = false;
  };

  Sitemap* sitemap_;
  std::string root_;       // lower-cased local name of the first element
  std::size_t depth_ = 0;  // open elements
  bool in_entry_ = false;
  std::size_t entry_depth_ = 0;  // open elements outside the entry
  Entry entry_;
  std::string* field_ = nullptr;  // the <loc>/<lastmod> text goes to, if any
};

}  // namespace

void ParseSitemapXml(std::string_view xml, Sitemap* sitemap) {
  SitemapHandler handler(sitemap);
  XmlLimits limits;
  limits.max_bytes = kMaxPreparedBytes;
  limits.max_depth = kMaxXmlDepth;
  ReadXml(xml, &handler, limits);
  if (!handler.seen_root()) AddSitemapError(sitemap, "no XML elements found");
}

}  // namespace jobcrawler::parsers
