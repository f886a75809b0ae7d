// A small XML 1.0 reader for checking generated XML in tests: it throws at
// the first thing that is not well-formed (unmatched tags, unquoted or
// duplicate attributes, raw '<' or '&' in text, entities other than the five
// predefined ones, invalid UTF-8, control characters). No DTDs, comments,
// CDATA or processing instructions besides the XML declaration: our
// generators write none.
#ifndef JOBCRAWLER_TESTS_SUPPORT_XML_H_
#define JOBCRAWLER_TESTS_SUPPORT_XML_H_

#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace jobcrawler::testing {

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
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == ':' ||
            text_[pos_] == '-' || text_[pos_] == '_')) {
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

inline std::unique_ptr<XmlNode> ParseXml(const std::string& text) {
  return XmlReader(text).ReadDocument();
}

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_XML_H_
