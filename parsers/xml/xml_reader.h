// Reading XML from the outside world (sitemaps, job feeds) with libxml2.
//
// ReadXml prepares the document (xml_input.h) and streams it through
// libxml2's SAX2 parser in recover mode, reporting elements, text and errors
// to an XmlHandler. Nothing is built in memory beyond one chunk of input and
// the open elements' names.
//
// Safety, against hostile documents:
//   - no network and no file access: XML_PARSE_NONET, no DTD loading, no
//     external entities, no XInclude;
//   - no entity expansion: xml_input.h turns every reference other than a
//     character reference into text before libxml2 sees it, no
//     XML_PARSE_NOENT is given, and the SAX handler resolves no entity; a
//     DTD's <!ENTITY> declarations are parsed but never used, so "billion
//     laughs" cannot expand;
//   - libxml2's own limits stay on (no XML_PARSE_HUGE); on top, XmlLimits
//     caps the input size, the nesting depth and the number of restarts.
// Recovery: libxml2 closes the current element at a mismatched end tag. A
// stray end tag that closes the root ends the document for libxml2 ("Extra
// content at the end of the document"); ReadXml then reads on from there as
// a new document, so the entries after it are not lost.
//
// libxml2 stays inside this library (linked PRIVATE). Thread-safe: every
// call has its own parser context; libxml2 is initialised once, on first use.
#ifndef JOBCRAWLER_PARSERS_XML_XML_READER_H_
#define JOBCRAWLER_PARSERS_XML_XML_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace jobcrawler::parsers {

// Receives what ReadXml reads. Each method returns false to stop reading
// (OnEndElement calls for the elements still open follow, with complete ==
// false, so that the handler can finish its state). Methods must not throw;
// if one does, reading stops and the exception is not propagated (it is
// reported through OnError as "internal error: ...").
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `name` is the element's local name: any namespace prefix removed, case
  // kept as written.
  virtual bool OnStartElement(std::string_view name) = 0;
  // Every started element ends once. `complete` is false when the element
  // was still open at the end of the input (or when reading stopped): its
  // content may be cut off.
  virtual bool OnEndElement(std::string_view name, bool complete) = 0;
  // Character data and CDATA sections, decoded; may come in several pieces.
  virtual bool OnText(std::string_view text) = 0;
  // A problem with the document ("line 3: Opening and ending tag mismatch:
  // priority line 3 and url"); reading goes on unless this returns false.
  virtual bool OnError(std::string message) = 0;
};

struct XmlLimits {
  // Input after preparation (xml_input.h); the rest is ignored, with an error.
  std::size_t max_bytes = 16 * 1024 * 1024;
  // Elements nested deeper stop the reading, with an error.
  std::size_t max_depth = 64;
  // Documents read on after a stray end tag closed the root (see above).
  std::size_t max_restarts = 1000;
};

// Reads `document` (any encoding xml_input.h knows; not compressed) into
// `handler`, which must outlive the call. Errors are valid UTF-8, cut to
// kMaxXmlErrorBytes.
void ReadXml(std::string_view document, XmlHandler* handler, const XmlLimits& limits);

// Error messages passed to XmlHandler::OnError are cut to this length: the
// names quoted in them come from the input.
inline constexpr std::size_t kMaxXmlErrorBytes = 200;

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_PARSERS_XML_XML_READER_H_
