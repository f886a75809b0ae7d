// A small tag scanner for sitemap XML: enough XML to find <url>/<sitemap>
// entries and their <loc>/<lastmod>, tolerant of the ways real files break.
// It keeps a stack of open element names so that an unclosed element is
// closed by its parent's end tag, as lenient XML readers do.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/sitemap.h"

namespace jobcrawler::parsers {
namespace {

// Sitemaps nest four levels (urlset, url, image:image, image:loc); deeper
// input is broken, and each level costs a stack entry.
constexpr std::size_t kMaxXmlDepth = 64;

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimXmlSpace(std::string_view text) {
  while (!text.empty() && IsXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsXmlSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Element names quoted in errors are cut to this length; input chooses them.
constexpr std::size_t kMaxNameInError = 64;

// "image:LOC" -> "loc": the local name, lower-cased.
std::string LocalName(std::string_view qualified) {
  const std::size_t colon = qualified.rfind(':');
  if (colon != std::string_view::npos) qualified.remove_prefix(colon + 1);
  std::string name(qualified);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return name;
}

void AppendUtf8(char32_t code_point, std::string* out) {
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = 0xFFFD;
  }
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// The code point of "#38" or "#x26", or -1 when `body` is not one.
int64_t NumericReference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return -1;
  const bool hex = body[1] == 'x' || body[1] == 'X';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return -1;
  int64_t value = 0;
  for (char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return -1;
    value = value * (hex ? 16 : 10) + digit;
  }
  return value;
}

// Appends `text` with the five XML entities and numeric references decoded;
// anything else after '&' is kept as written.
void AppendDecoded(std::string_view text, std::string* out) {
  constexpr std::size_t kLongestReference = 10;  // "&#x10FFFF;"
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    out->append(text.substr(0, amp));
    if (amp == std::string_view::npos) return;
    text.remove_prefix(amp);
    const std::size_t semicolon = text.substr(0, kLongestReference + 1).find(';');
    const std::string_view body =
        semicolon == std::string_view::npos ? std::string_view{} : text.substr(1, semicolon - 1);
    std::string_view replacement;
    if (body == "amp") replacement = "&";
    if (body == "lt") replacement = "<";
    if (body == "gt") replacement = ">";
    if (body == "quot") replacement = "\"";
    if (body == "apos") replacement = "'";
    const int64_t code_point = NumericReference(body);
    if (!replacement.empty() || code_point >= 0) {
      if (code_point >= 0) {
        AppendUtf8(static_cast<char32_t>(std::min<int64_t>(code_point, 0x110000)), out);
      } else {
        out->append(replacement);
      }
      text.remove_prefix(semicolon + 1);
    } else {
      out->push_back('&');
      text.remove_prefix(1);
    }
  }
}

// Where the '>' ending the tag that starts at `pos` is, skipping quoted
// attribute values; npos when the tag is not closed.
std::size_t FindTagEnd(std::string_view xml, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos; i < xml.size(); ++i) {
    if (quote != 0) {
      if (xml[i] == quote) quote = 0;
    } else if (xml[i] == '"' || xml[i] == '\'') {
      quote = xml[i];
    } else if (xml[i] == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

class SitemapScanner {
 public:
  explicit SitemapScanner(Sitemap* sitemap) : sitemap_(sitemap) {}

  void Scan(std::string_view xml) {
    std::size_t pos = 0;
    while (pos < xml.size() && !stopped_) {
      const std::size_t lt = xml.find('<', pos);
      OnText(xml.substr(pos, lt - pos), /*raw=*/false);
      if (lt == std::string_view::npos) break;
      pos = ScanMarkup(xml, lt);
    }
    Finish();
  }

 private:
  // Handles the markup at `lt`; returns the position after it.
  std::size_t ScanMarkup(std::string_view xml, std::size_t lt) {
    const std::string_view rest = xml.substr(lt);
    if (rest.starts_with("<!--")) return SkipPast(xml, lt + 4, "-->", "comment");
    if (rest.starts_with("<![CDATA[")) {
      const std::size_t end = xml.find("]]>", lt + 9);
      OnText(xml.substr(lt + 9, end == std::string_view::npos ? end : end - lt - 9), /*raw=*/true);
      return SkipPast(xml, lt + 9, "]]>", "CDATA section");
    }
    if (rest.starts_with("<?")) return SkipPast(xml, lt + 2, "?>", "processing instruction");
    if (rest.starts_with("<!")) {
      // A DOCTYPE's internal subset may contain '>'.
      const std::size_t subset = rest.find_first_of("[>");
      if (subset != std::string_view::npos && rest[subset] == '[') {
        return SkipPast(xml, lt + subset, "]>", "DOCTYPE");
      }
      return SkipPast(xml, lt + 2, ">", "declaration");
    }
    const std::size_t end = FindTagEnd(xml, lt + 1);
    if (end == std::string_view::npos) {
      Error("unterminated tag at end of input");
      return xml.size();
    }
    const bool closing = rest.starts_with("</");
    const bool self_closing = !closing && xml[end - 1] == '/';
    std::string_view tag = xml.substr(lt + (closing ? 2 : 1), end - lt - (closing ? 2 : 1));
    const std::size_t name_end = tag.find_first_of(" \t\r\n/");
    const std::string name = LocalName(tag.substr(0, name_end));
    if (name.empty()) {
      Error("malformed tag");
    } else if (closing) {
      OnEnd(name);
    } else {
      OnStart(name, self_closing);
    }
    return end + 1;
  }

  std::size_t SkipPast(std::string_view xml, std::size_t from, std::string_view terminator,
                       std::string_view what) {
    const std::size_t end = xml.find(terminator, from);
    if (end != std::string_view::npos) return end + terminator.size();
    Error("unterminated " + std::string(what) + " at end of input");
    return xml.size();
  }

  void OnStart(const std::string& name, bool self_closing) {
    if (root_.empty()) {
      root_ = name;
      sitemap_->is_index = name == "sitemapindex";
      if (name != "urlset" && name != "sitemapindex") Error("unexpected root element " + Tag(name));
    }
    if (!in_entry_ && (name == "url" || name == "sitemap")) {
      in_entry_ = true;
      entry_depth_ = open_.size();
      entry_ = Entry{};
    } else if (in_entry_ && open_.size() == entry_depth_ + 1) {
      if (name == "loc") ++entry_.loc_elements;
      if (name == "lastmod") ++entry_.lastmod_elements;
    }
    if (self_closing) return CloseDownTo(open_.size());
    if (open_.size() == kMaxXmlDepth) {
      Error("elements nested deeper than " + std::to_string(kMaxXmlDepth) + "; stopped");
      stopped_ = true;
      return;
    }
    open_.push_back(name);
  }

  void OnEnd(const std::string& name) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (open_[i] != name) continue;
      if (i + 1 != open_.size()) Error(Tag(open_.back()) + " closed by " + Tag(name, true));
      CloseDownTo(i);
      return;
    }
    Error("stray " + Tag(name, true));
  }

  // Closes open elements until `depth` remain, finishing fields and entries.
  // `complete` is false at the end of input: the open fields were cut off.
  void CloseDownTo(std::size_t depth, bool complete = true) {
    while (open_.size() > depth) {
      if (complete && in_entry_ && open_.size() == entry_depth_ + 2) {
        if (open_.back() == "loc") entry_.loc_closed = true;
        if (open_.back() == "lastmod") entry_.lastmod_closed = true;
      }
      open_.pop_back();
    }
    // A self-closing <url/> opened an entry at depth == open_.size().
    if (in_entry_ && open_.size() <= entry_depth_) FinishEntry();
  }

  void OnText(std::string_view text, bool raw) {
    if (!in_entry_ || open_.size() != entry_depth_ + 2) return;
    std::string* field = nullptr;
    if (open_.back() == "loc" && entry_.loc_elements == 1) field = &entry_.loc;
    if (open_.back() == "lastmod" && entry_.lastmod_elements == 1) field = &entry_.lastmod;
    // Past the limit the entry is dropped anyway; stop copying.
    if (field == nullptr || field->size() > kMaxLocBytes) return;
    if (raw) {
      field->append(text);
    } else {
      AppendDecoded(text, field);
    }
  }

  void FinishEntry() {
    in_entry_ = false;
    const std::string_view loc = TrimXmlSpace(entry_.loc);
    if (entry_.loc_elements > 1) Error("entry with several <loc>; the first is used");
    if (loc.empty() || !entry_.loc_closed) return Error("entry without a complete <loc>");
    if (loc.size() > kMaxLocBytes) {
      return Error("<loc> longer than " + std::to_string(kMaxLocBytes) + " bytes");
    }
    if (sitemap_->urls.size() == kMaxSitemapUrls) {
      Error("more than " + std::to_string(kMaxSitemapUrls) + " entries; the rest are ignored");
      stopped_ = true;
      return;
    }
    sitemap_->urls.emplace_back(loc);
    sitemap_->lastmods.emplace_back(entry_.lastmod_closed ? TrimXmlSpace(entry_.lastmod) : "");
  }

  void Finish() {
    if (stopped_) return;
    if (root_.empty()) return Error("no XML elements found");
    if (!open_.empty()) {
      Error("unexpected end of input inside " + Tag(open_.back()));
      CloseDownTo(0, /*complete=*/false);
    }
  }

  void Error(std::string message) { AddSitemapError(sitemap_, std::move(message)); }

  // The name cut to kMaxNameInError bytes, never inside a UTF-8 sequence.
  static std::string Tag(std::string_view name, bool closing = false) {
    std::size_t length = std::min(name.size(), kMaxNameInError);
    while (length > 0 && length < name.size() && (name[length] & 0xC0) == 0x80) --length;
    return (closing ? "</" : "<") + std::string(name.substr(0, length)) + ">";
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
  std::vector<std::string> open_;  // local names of the open elements
  std::string root_;
  bool in_entry_ = false;
  std::size_t entry_depth_ = 0;  // open_.size() before the entry opened
  Entry entry_;
  bool stopped_ = false;  // a limit was hit; the rest of the input is ignored
};

}  // namespace

void ParseSitemapXml(std::string_view xml, Sitemap* sitemap) { SitemapScanner(sitemap).Scan(xml); }

}  // namespace jobcrawler::parsers
