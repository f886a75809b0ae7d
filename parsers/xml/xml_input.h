// Preparing XML from the outside world for libxml2 (see xml_reader.h).
//
// PrepareXmlInput turns a document into UTF-8 text that libxml2 can read
// without losing data in recover mode and without any entity expansion:
//   - the encoding is taken from a byte order mark, then the XML
//     declaration's encoding="..." (decoded with parsers/html/charset.h),
//     else UTF-8; byte sequences that are not UTF-8 become U+FFFD;
//   - the five predefined entities (&amp; &lt; &gt; &quot; &apos;) are
//     rewritten as character references, because libxml2 2.9 in recover mode
//     drops predefined entities that follow the first well-formedness error
//     (character references it keeps);
//   - every other '&' that does not start a valid character reference is
//     escaped, so "&nbsp;", "&b=2" or a DTD's "&lol9;" read as written;
//     a character reference to a code point XML forbids ("&#0;") reads U+FFFD;
//   - control characters XML forbids (C0 except tab, CR, LF; U+FFFE, U+FFFF)
//     become U+FFFD;
//   - a '<' inside a quoted attribute value (<urlset a="<url>">) is escaped.
// Comments, CDATA sections and processing instructions are copied as they
// are (control characters aside). Pure functions, thread-safe, never throwing
// on any input (except std::bad_alloc).
#ifndef JOBCRAWLER_PARSERS_XML_XML_INPUT_H_
#define JOBCRAWLER_PARSERS_XML_XML_INPUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {

struct PreparedXml {
  std::string text;                // UTF-8, at most the max_bytes asked for
  std::string charset;             // what it was decoded from ("utf-8", "windows-1252")
  std::vector<std::string> notes;  // replaced bytes, truncation
};

// Prepares `document` as described above. The result is cut (with a note)
// once it would exceed `max_bytes`: rewriting references makes text grow.
PreparedXml PrepareXmlInput(std::string_view document, std::size_t max_bytes);

// The value of encoding="..." in an XML declaration at the very start of
// `document`, or "" when there is none.
std::string_view DeclaredXmlEncoding(std::string_view document);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_XML_XML_INPUT_H_
