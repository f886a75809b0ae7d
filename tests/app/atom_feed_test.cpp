// The Atom feed, read back with a small XML reader: well-formed XML 1.0
// (matched tags, quoted attributes, only the five predefined entities and
// character references, valid UTF-8) and the RFC 4287 elements we promise.
#include "app/atom_feed.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace jobcrawler::app {
namespace {

struct XmlNode {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // character data directly inside, unescaped
  std::vector<std::unique_ptr<XmlNode>> children;

  const XmlNode* Child(const std::string& child_name) const {
    for (const auto& child : children) {
      if (child->name == child_name) return child.get();
    }
    return nullptr;
  }
  std::vector<const XmlNode*> All(const std::string& child_name) const {
    std::vector<const XmlNode*> found;
    for (const auto& child : children) {
      if (child->name == child_name) found.push_back(child.get());
    }
    return found;
  }
  std::string ChildText(const std::string& child_name) const {
    const XmlNode* child = Child(child_name);
    return child ? child->text : "<missing " + child_name + ">";
  }
};

// Throws std::runtime_error at the first thing that is not well-formed.
class XmlReader {
 public:
  explicit XmlReader(std::string text) : text_(std::move(text)) {}

  std::unique_ptr<XmlNode> ReadDocument() {
    CheckUtf8();
    if (text_.starts_with("<?xml")) pos_ = Find("?>") + 2;
    SkipSpace();
    auto root = ReadElement();
    SkipSpace();
    if (pos_ != text_.size()) Fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw std::runtime_error(what + " at byte " + std::to_string(pos_));
  }
  std::size_t Find(const std::string& what) const {
    std::size_t at = text_.find(what, pos_);
    if (at == std::string::npos) Fail("missing " + what);
    return at;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  void Expect(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) Fail(std::string("expected ") + c);
    ++pos_;
  }
  std::string Name() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == ':' || text_[pos_] == '-' || text_[pos_] == '_')) {
      ++pos_;
    }
    if (pos_ == start) Fail("expected a name");
    return text_.substr(start, pos_ - start);
  }
  // Character data up to `end`, with references resolved; no raw '<' or '&'.
  std::string CharData(char end) {
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != end) {
      char c = text_[pos_];
      if (c == '<') Fail("raw '<' in character data");
      if (c == '&') {
        out += Reference();
        continue;
      }
      out += c;
      ++pos_;
    }
    return out;
  }
  std::string Reference() {
    std::size_t semi = Find(";");
    std::string name = text_.substr(pos_ + 1, semi - pos_ - 1);
    pos_ = semi + 1;
    static const std::map<std::string, std::string> kEntities = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    if (auto it = kEntities.find(name); it != kEntities.end()) return it->second;
    Fail("unknown entity &" + name + ";");
  }
  std::unique_ptr<XmlNode> ReadElement() {
    auto node = std::make_unique<XmlNode>();
    Expect('<');
    node->name = Name();
    for (;;) {
      SkipSpace();
      if (text_.compare(pos_, 2, "/>") == 0) {
        pos_ += 2;
        return node;
      }
      if (pos_ < text_.size() && text_[pos_] == '>') break;
      std::string attribute = Name();
      Expect('=');
      Expect('"');
      std::string value = CharData('"');
      Expect('"');
      if (!node->attributes.emplace(attribute, value).second) Fail("duplicate attribute");
    }
    Expect('>');
    for (;;) {
      node->text += CharData('<');
      if (text_.compare(pos_, 2, "</") == 0) break;
      node->children.push_back(ReadElement());
    }
    pos_ += 2;
    if (Name() != node->name) Fail("end tag does not match <" + node->name + ">");
    SkipSpace();
    Expect('>');
    return node;
  }
  void CheckUtf8() const {
    for (std::size_t i = 0; i < text_.size();) {
      auto byte = static_cast<unsigned char>(text_[i]);
      std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
      if (byte >= 0x80 && byte < 0xC2) throw std::runtime_error("invalid UTF-8 lead byte");
      if (byte < 0x20 && byte != '\n' && byte != '\t' && byte != '\r') {
        throw std::runtime_error("control character");
      }
      for (std::size_t k = 1; k < length; ++k) {
        if (i + k >= text_.size() || (static_cast<unsigned char>(text_[i + k]) & 0xC0) != 0x80) {
          throw std::runtime_error("invalid UTF-8 continuation");
        }
      }
      i += length;
    }
  }

  std::string text_;
  std::size_t pos_ = 0;
};

std::unique_ptr<XmlNode> Parse(const std::string& text) { return XmlReader(text).ReadDocument(); }

storage::PostingRow Row(std::int64_t id, std::string title) {
  storage::PostingRow row;
  row.id = id;
  row.posting.title = std::move(title);
  row.posting.company = "Stadtwerke Hagen GmbH";
  row.posting.postal_code = "58095";
  row.posting.locality = "Hagen";
  row.posting.salary_min = 85000;
  row.posting.salary_max = 105000;
  row.posting.salary_currency = "EUR";
  row.posting.salary_period = "YEAR";
  row.url = "https://jobs.example.org/stelle?id=" + std::to_string(id) + "&lang=de";
  row.first_seen = 1'795'000'000'000;  // 2026-11-18T11:06:40Z
  row.last_seen = row.first_seen;
  row.status = "active";
  return row;
}

std::string Feed(const std::vector<storage::PostingRow>& rows, AtomFeedInfo info = {}) {
  std::ostringstream out;
  WriteAtomFeed(out, rows, info);
  return out.str();
}

TEST(AtomFeed, IsWellFormedWithTheRequiredFeedElements) {
  AtomFeedInfo info;
  info.self_url = "https://example.org/jobs.atom";
  auto feed = Parse(Feed({Row(1, "IT-Leiter (m/w/d)")}, info));
  EXPECT_EQ(feed->name, "feed");
  EXPECT_EQ(feed->attributes["xmlns"], "http://www.w3.org/2005/Atom");
  EXPECT_EQ(feed->ChildText("id"), "tag:jobcrawler,2026:feed");
  EXPECT_FALSE(feed->ChildText("title").empty());
  EXPECT_EQ(feed->ChildText("updated"), "2026-11-18T11:06:40Z") << "the newest entry's";
  ASSERT_NE(feed->Child("link"), nullptr);
  EXPECT_EQ(feed->Child("link")->attributes.at("rel"), "self");
  EXPECT_EQ(feed->Child("link")->attributes.at("href"), "https://example.org/jobs.atom");
  ASSERT_NE(feed->Child("author"), nullptr) << "RFC 4287 4.1.1: a feed without entry authors";
  EXPECT_EQ(feed->Child("author")->ChildText("name"), "jobcrawler");
}

TEST(AtomFeed, HasOneEntryPerPostingWithStableTagIds) {
  auto feed = Parse(Feed({Row(7, "IT-Leiter"), Row(12, "Head of IT")}));
  auto entries = feed->All("entry");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]->ChildText("id"), "tag:jobcrawler,2026:posting-7");
  EXPECT_EQ(entries[1]->ChildText("id"), "tag:jobcrawler,2026:posting-12");
  EXPECT_EQ(entries[1]->ChildText("title"), "Head of IT");
  EXPECT_EQ(entries[1]->ChildText("updated"), "2026-11-18T11:06:40Z");
  ASSERT_NE(entries[1]->Child("link"), nullptr);
  EXPECT_EQ(entries[1]->Child("link")->attributes.at("href"),
            "https://jobs.example.org/stelle?id=12&lang=de");
  EXPECT_EQ(entries[1]->ChildText("summary"),
            "Stadtwerke Hagen GmbH · 58095 Hagen · 85.000–105.000 EUR/Jahr");
}

TEST(AtomFeed, EscapesMarkupCharactersInText) {
  auto row = Row(3, R"(CIO & Leiter <Digital> "Team" 'X')");
  row.posting.company = "A&B <GmbH>";
  auto feed = Parse(Feed({row}));
  const XmlNode* entry = feed->Child("entry");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->ChildText("title"), R"(CIO & Leiter <Digital> "Team" 'X')");
  EXPECT_EQ(entry->ChildText("summary").substr(0, 10), "A&B <GmbH>");
}

TEST(AtomFeed, ReplacesInvalidUtf8AndDropsControlCharacters) {
  auto feed = Parse(Feed({Row(4, std::string("Leiter IT \xC3\x28 Hagen\x01\x7F\xEF\xBF\xBF"))}));
  EXPECT_EQ(feed->Child("entry")->ChildText("title"), "Leiter IT \xEF\xBF\xBD( Hagen\x7F");
}

TEST(AtomFeed, ClosedPostingsSayClosedAndDateFromClosing) {
  auto row = Row(5, "IT-Leiter");
  row.status = "closed";
  row.closed_at = row.first_seen + 86'400'000;
  auto entry = Parse(Feed({row}))->Child("entry");
  EXPECT_EQ(entry->ChildText("title"), "Closed: IT-Leiter");
  EXPECT_EQ(entry->ChildText("updated"), "2026-11-19T11:06:40Z");
}

TEST(AtomFeed, AnEmptyFeedIsStillValidAndUsesTheGivenTime) {
  AtomFeedInfo info;
  info.updated = 0;
  auto feed = Parse(Feed({}, info));
  EXPECT_TRUE(feed->All("entry").empty());
  EXPECT_EQ(feed->ChildText("updated"), "1970-01-01T00:00:00Z");
  EXPECT_EQ(feed->Child("link"), nullptr) << "no self link without a known URL";
}

TEST(AtomFeed, XmlEscapeKeepsValidMultibyteText) {
  EXPECT_EQ(XmlEscape("Größe – 😀"), "Größe – 😀");
  EXPECT_EQ(XmlEscape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD")
      << "an encoded surrogate is invalid UTF-8";
  EXPECT_EQ(XmlEscape("a\tb\nc"), "a\tb\nc");
}

}  // namespace
}  // namespace jobcrawler::app
