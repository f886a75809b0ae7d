#include "app/monitor/atom_feed.h"

#include <algorithm>
#include <ostream>

#include "app/monitor/monitor_report.h"
#include "storage/export.h"

namespace jobcrawler::app {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// XML 1.0 §2.2 Char, less what UTF-8 decoding already excludes (surrogates,
// beyond U+10FFFF).
bool IsXmlChar(char32_t c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  return c != 0xFFFE && c != 0xFFFF;
}

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 when it is
// invalid (bad lead or continuation byte, overlong, surrogate, > U+10FFFF).
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t* out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *out = lead;
    return 1;
  }
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
  char32_t c = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *out = c;
  return length;
}

void AppendEscaped(std::string& out, char c) {
  switch (c) {
    case '&':
      out += "&amp;";
      return;
    case '<':
      out += "&lt;";
      return;
    case '>':
      out += "&gt;";
      return;
    case '"':
      out += "&quot;";
      return;
    case '\'':
      out += "&apos;";
      return;
    default:
      out += c;
  }
}

storage::UnixMillis EntryUpdated(const storage::PostingRow& row) {
  return row.closed_at > 0 ? row.closed_at : row.first_seen;
}

void WriteElement(std::ostream& out, std::string_view indent, std::string_view name,
                  std::string_view text) {
  out << indent << '<' << name << '>' << XmlEscape(text) << "</" << name << ">\n";
}

void WriteEntry(std::ostream& out, const storage::PostingRow& row) {
  const std::string title =
      row.status == "closed" ? "Closed: " + row.posting.title : row.posting.title;
  out << "  <entry>\n";
  WriteElement(out, "    ", "id", AtomEntryId(row.id));
  WriteElement(out, "    ", "title", title);
  WriteElement(out, "    ", "updated", storage::FormatIsoUtc(EntryUpdated(row)));
  WriteElement(out, "    ", "published", storage::FormatIsoUtc(row.first_seen));
  if (!row.url.empty()) {
    out << "    <link rel=\"alternate\" href=\"" << XmlEscape(row.url) << "\"/>\n";
  }
  WriteElement(out, "    ", "summary", FormatDetails(row.posting));
  out << "  </entry>\n";
}

}  // namespace

std::string AtomEntryId(std::int64_t posting_id) {
  return "tag:jobcrawler,2026:posting-" + std::to_string(posting_id);
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = DecodeUtf8(text, i, &c);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (length == 1) {
      if (IsXmlChar(c)) AppendEscaped(out, text[i]);
    } else if (IsXmlChar(c)) {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

void WriteAtomFeed(std::ostream& out, const std::vector<storage::PostingRow>& rows,
                   const AtomFeedInfo& info) {
  // The newest entry's time; the given one for an empty feed.
  storage::UnixMillis updated = rows.empty() ? info.updated : 0;
  for (const storage::PostingRow& row : rows) updated = std::max(updated, EntryUpdated(row));
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      << "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  WriteElement(out, "  ", "id", info.id);
  WriteElement(out, "  ", "title", info.title);
  WriteElement(out, "  ", "updated", storage::FormatIsoUtc(updated));
  if (!info.self_url.empty()) {
    out << "  <link rel=\"self\" href=\"" << XmlEscape(info.self_url) << "\"/>\n";
  }
  out << "  <author><name>jobcrawler</name></author>\n"
      << "  <generator>jobcrawler</generator>\n";
  for (const storage::PostingRow& row : rows) WriteEntry(out, row);
  out << "</feed>\n";
}

}  // namespace jobcrawler::app
