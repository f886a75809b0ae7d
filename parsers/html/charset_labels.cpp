// Encoding labels and where documents declare them: the label table, the
// Content-Type charset parameter and the <meta> prescan. See charset.h.
#include <array>
#include <optional>
#include <string_view>

#include "parsers/html/charset.h"

namespace jobcrawler::parsers {
namespace {

struct Label {
  std::string_view label;
  std::string_view name;  // canonical WHATWG name; ICU opens each (tested)
};

// A subset of https://encoding.spec.whatwg.org/#names-and-labels: the
// encodings European and the larger Asian job sites use.
constexpr std::array kLabels = {
    Label{"unicode-1-1-utf-8", "utf-8"},
    Label{"unicode11utf8", "utf-8"},
    Label{"unicode20utf8", "utf-8"},
    Label{"utf-8", "utf-8"},
    Label{"utf8", "utf-8"},
    Label{"x-unicode20utf8", "utf-8"},
    // WHATWG reads ASCII and Latin-1 as windows-1252, a superset of both.
    Label{"ansi_x3.4-1968", "windows-1252"},
    Label{"ascii", "windows-1252"},
    Label{"cp1252", "windows-1252"},
    Label{"cp819", "windows-1252"},
    Label{"csisolatin1", "windows-1252"},
    Label{"ibm819", "windows-1252"},
    Label{"iso-8859-1", "windows-1252"},
    Label{"iso-ir-100", "windows-1252"},
    Label{"iso8859-1", "windows-1252"},
    Label{"iso88591", "windows-1252"},
    Label{"iso_8859-1", "windows-1252"},
    Label{"iso_8859-1:1987", "windows-1252"},
    Label{"l1", "windows-1252"},
    Label{"latin1", "windows-1252"},
    Label{"us-ascii", "windows-1252"},
    Label{"windows-1252", "windows-1252"},
    Label{"x-cp1252", "windows-1252"},
    Label{"csisolatin9", "iso-8859-15"},
    Label{"iso-8859-15", "iso-8859-15"},
    Label{"iso8859-15", "iso-8859-15"},
    Label{"iso885915", "iso-8859-15"},
    Label{"iso_8859-15", "iso-8859-15"},
    Label{"l9", "iso-8859-15"},
    Label{"latin9", "iso-8859-15"},
    Label{"csisolatin2", "iso-8859-2"},
    Label{"iso-8859-2", "iso-8859-2"},
    Label{"iso-ir-101", "iso-8859-2"},
    Label{"iso8859-2", "iso-8859-2"},
    Label{"iso88592", "iso-8859-2"},
    Label{"iso_8859-2", "iso-8859-2"},
    Label{"iso_8859-2:1987", "iso-8859-2"},
    Label{"l2", "iso-8859-2"},
    Label{"latin2", "iso-8859-2"},
    Label{"cp1250", "windows-1250"},
    Label{"windows-1250", "windows-1250"},
    Label{"x-cp1250", "windows-1250"},
    Label{"cp1251", "windows-1251"},
    Label{"windows-1251", "windows-1251"},
    Label{"x-cp1251", "windows-1251"},
    // WHATWG reads ISO-8859-9 (Latin-5) as windows-1254, a superset.
    Label{"cp1254", "windows-1254"},
    Label{"csisolatin5", "windows-1254"},
    Label{"iso-8859-9", "windows-1254"},
    Label{"iso8859-9", "windows-1254"},
    Label{"iso88599", "windows-1254"},
    Label{"iso_8859-9", "windows-1254"},
    Label{"l5", "windows-1254"},
    Label{"latin5", "windows-1254"},
    Label{"windows-1254", "windows-1254"},
    Label{"x-cp1254", "windows-1254"},
    Label{"cp1253", "windows-1253"},
    Label{"windows-1253", "windows-1253"},
    Label{"cp1257", "windows-1257"},
    Label{"windows-1257", "windows-1257"},
    Label{"iso-8859-5", "iso-8859-5"},
    Label{"iso8859-5", "iso-8859-5"},
    Label{"iso-8859-7", "iso-8859-7"},
    Label{"iso8859-7", "iso-8859-7"},
    Label{"greek", "iso-8859-7"},
    Label{"iso-8859-13", "iso-8859-13"},
    Label{"iso8859-13", "iso-8859-13"},
    Label{"koi8-r", "koi8-r"},
    Label{"koi8r", "koi8-r"},
    Label{"koi", "koi8-r"},
    Label{"koi8-u", "koi8-u"},
    Label{"chinese", "gbk"},
    Label{"gb2312", "gbk"},
    Label{"gbk", "gbk"},
    Label{"x-gbk", "gbk"},
    Label{"gb18030", "gb18030"},
    Label{"big5", "big5"},
    Label{"big5-hkscs", "big5"},
    Label{"x-x-big5", "big5"},
    Label{"euc-jp", "euc-jp"},
    Label{"x-euc-jp", "euc-jp"},
    Label{"ms932", "shift_jis"},
    Label{"ms_kanji", "shift_jis"},
    Label{"shift-jis", "shift_jis"},
    Label{"shift_jis", "shift_jis"},
    Label{"sjis", "shift_jis"},
    Label{"windows-31j", "shift_jis"},
    Label{"x-sjis", "shift_jis"},
    Label{"euc-kr", "euc-kr"},
    Label{"ks_c_5601-1987", "euc-kr"},
    Label{"windows-949", "euc-kr"},
    Label{"csunicode", "utf-16le"},
    Label{"iso-10646-ucs-2", "utf-16le"},
    Label{"ucs-2", "utf-16le"},
    Label{"unicode", "utf-16le"},
    Label{"unicodefeff", "utf-16le"},
    Label{"utf-16", "utf-16le"},
    Label{"utf-16le", "utf-16le"},
    Label{"unicodefffe", "utf-16be"},
    Label{"utf-16be", "utf-16be"},
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

// The HTML "extracting a character encoding from a meta element" algorithm:
// the value after the first "charset" that is followed by "=".
std::string_view CharsetFromMetaContent(std::string_view content) {
  for (std::size_t pos = 0; pos + 7 <= content.size(); ++pos) {
    if (!StartsWithIgnoreCase(content.substr(pos), "charset")) continue;
    std::size_t i = pos + 7;
    while (i < content.size() && IsAsciiSpace(content[i])) ++i;
    if (i >= content.size() || content[i] != '=') continue;
    ++i;
    while (i < content.size() && IsAsciiSpace(content[i])) ++i;
    if (i >= content.size()) return {};
    const char quote = content[i];
    if (quote == '"' || quote == '\'') {
      const std::size_t end = content.find(quote, i + 1);
      return end == std::string_view::npos ? std::string_view{}
                                           : content.substr(i + 1, end - i - 1);
    }
    std::size_t end = i;
    while (end < content.size() && !IsAsciiSpace(content[end]) && content[end] != ';') ++end;
    return content.substr(i, end - i);
  }
  return {};
}

struct Attribute {
  std::string_view name;  // as written; compared ignoring case
  std::string_view value;
};

// Cursor over the prescanned bytes; the HTML "get an attribute" algorithm.
class AttributeReader {
 public:
  AttributeReader(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

  // The next attribute of the tag, or nullopt at its '>' or the end of input.
  std::optional<Attribute> Next() {
    while (pos_ < text_.size() && (IsAsciiSpace(text_[pos_]) || text_[pos_] == '/')) ++pos_;
    if (pos_ >= text_.size() || text_[pos_] == '>') return std::nullopt;
    const std::size_t name_start = pos_++;  // a first '=' belongs to the name
    while (pos_ < text_.size() && !IsAsciiSpace(text_[pos_]) && text_[pos_] != '=' &&
           text_[pos_] != '/' && text_[pos_] != '>') {
      ++pos_;
    }
    Attribute attribute{text_.substr(name_start, pos_ - name_start), {}};
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != '=') return attribute;
    ++pos_;
    SkipSpace();
    attribute.value = ReadValue();
    return attribute;
  }

  std::size_t pos() const { return pos_; }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && IsAsciiSpace(text_[pos_])) ++pos_;
  }

  std::string_view ReadValue() {
    if (pos_ >= text_.size()) return {};
    const char quote = text_[pos_];
    if (quote == '"' || quote == '\'') {
      const std::size_t end = text_.find(quote, pos_ + 1);
      const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
      const std::string_view value = text_.substr(pos_ + 1, stop - pos_ - 1);
      pos_ = stop == text_.size() ? stop : stop + 1;
      return value;
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !IsAsciiSpace(text_[pos_]) && text_[pos_] != '>') ++pos_;
    return text_.substr(start, pos_ - start);
  }

  std::string_view text_;
  std::size_t pos_;
};

// The encoding a <meta> tag declares (its attributes start at `reader`), or
// "" when it declares none or an unknown one.
std::string_view MetaTagCharset(AttributeReader* reader) {
  bool got_pragma = false;
  bool need_pragma = false;
  bool has_label = false;
  std::string_view label;
  while (std::optional<Attribute> attribute = reader->Next()) {
    if (EqualsIgnoreCase(attribute->name, "http-equiv")) {
      got_pragma = got_pragma || EqualsIgnoreCase(attribute->value, "content-type");
    } else if (EqualsIgnoreCase(attribute->name, "content") && !has_label) {
      label = CharsetFromMetaContent(attribute->value);
      has_label = !label.empty();
      need_pragma = has_label;
    } else if (EqualsIgnoreCase(attribute->name, "charset") && !has_label) {
      label = attribute->value;
      has_label = true;
      need_pragma = false;
    }
  }
  if (!has_label || (need_pragma && !got_pragma)) return {};
  const std::string_view name = CanonicalCharsetName(label);
  // A page whose <meta> could be read as ASCII is not UTF-16 (HTML rule).
  if (name == "utf-16le" || name == "utf-16be") return "utf-8";
  return name;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Position after the markup that starts at `pos` (a '<') and is not <meta>.
std::size_t SkipMarkup(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with("<!--")) {
    const std::size_t end = text.find("-->", pos + 2);
    return end == std::string_view::npos ? text.size() : end + 3;
  }
  const std::size_t name_at = rest.starts_with("</") ? 2 : 1;
  if (rest.size() > name_at && IsAsciiLetter(rest[name_at])) {
    // A tag: skip its name, then its attributes, whose values may hold '>'.
    std::size_t i = pos + name_at;
    while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '>') ++i;
    AttributeReader reader(text, i);
    while (reader.Next()) {
    }
    return reader.pos() + 1;
  }
  if (rest.starts_with("<!") || rest.starts_with("</") || rest.starts_with("<?")) {
    const std::size_t end = text.find('>', pos);
    return end == std::string_view::npos ? text.size() : end + 1;
  }
  return pos + 1;
}

}  // namespace

std::string_view CanonicalCharsetName(std::string_view label) {
  label = TrimSpace(label);
  for (const Label& entry : kLabels) {
    if (EqualsIgnoreCase(entry.label, label)) return entry.name;
  }
  return {};
}

std::string_view CharsetFromContentType(std::string_view content_type) {
  std::size_t pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    const std::size_t end = content_type.find(';', pos + 1);
    const std::string_view parameter =
        content_type.substr(pos + 1, end == std::string_view::npos ? end : end - pos - 1);
    const std::size_t equals = parameter.find('=');
    if (equals != std::string_view::npos &&
        EqualsIgnoreCase(TrimSpace(parameter.substr(0, equals)), "charset")) {
      return TrimSpace(Unquote(TrimSpace(parameter.substr(equals + 1))));
    }
    pos = end;
  }
  return {};
}

std::string_view PrescanMetaCharset(std::string_view body) {
  const std::string_view text = body.substr(0, kMetaPrescanBytes);
  std::size_t pos = text.find('<');
  while (pos < text.size()) {
    const std::string_view rest = text.substr(pos);
    if (StartsWithIgnoreCase(rest, "<meta") && rest.size() > 5 &&
        (IsAsciiSpace(rest[5]) || rest[5] == '/')) {
      AttributeReader reader(text, pos + 5);
      const std::string_view name = MetaTagCharset(&reader);
      if (!name.empty()) return name;
      pos = reader.pos() + 1;
    } else {
      pos = SkipMarkup(text, pos);
    }
    pos = text.find('<', pos);
  }
  return {};
}

}  // namespace jobcrawler::parsers
