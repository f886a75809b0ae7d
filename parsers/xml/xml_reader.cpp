// libxml2's SAX2 push parser behind XmlHandler. The only file that sees
// libxml2's API (see xml_reader.h for what is and is not enabled, and why).
#include "parsers/xml/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "parsers/html/charset.h"
#include "parsers/xml/xml_input.h"

namespace jobcrawler::parsers {
namespace {

// libxml2 is fed this much at a time; it buffers no more than it needs.
constexpr std::size_t kChunkBytes = 64 * 1024;
// Recover from well-formedness errors; never touch the network; keep errors
// to our callback; the text is UTF-8 whatever its declaration says (it was
// decoded before). Deliberately absent: XML_PARSE_NOENT (entity
// substitution), XML_PARSE_DTDLOAD/DTDATTR/DTDVALID, XML_PARSE_XINCLUDE and
// XML_PARSE_HUGE (which would lift libxml2's own limits).
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                              XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC;

void InitLibxml() {
  // xmlInitParser is not safe to race with itself; later calls are no-ops.
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct ParserDeleter {
  void operator()(xmlParserCtxt* context) const {
    // For "expat compatibility" libxml2 keeps a DTD's entity declarations in
    // a document of its own even in SAX mode; the context does not free it.
    if (context->myDoc != nullptr) xmlFreeDoc(context->myDoc);
    context->myDoc = nullptr;
    xmlFreeParserCtxt(context);
  }
};
using ParserPtr = std::unique_ptr<xmlParserCtxt, ParserDeleter>;

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view{} : reinterpret_cast<const char*>(text);
}

// libxml2 reports an undeclared prefix as part of the local name.
std::string_view LocalName(const xmlChar* name) {
  std::string_view view = View(name);
  const std::size_t colon = view.rfind(':');
  if (colon != std::string_view::npos) view.remove_prefix(colon + 1);
  return view;
}

// An error message as valid UTF-8, at most kMaxXmlErrorBytes (and "...").
// libxml2 quotes input cut at a byte count ("<!--%.50s"), which can split a
// character even though its input is UTF-8; such bytes become U+FFFD.
std::string Cut(std::string text) {
  DecodedBody decoded = DecodeHtml(text, "text/plain; charset=utf-8");
  if (decoded.replaced) text = std::move(decoded.utf8);
  if (text.size() > kMaxXmlErrorBytes) {
    std::size_t cut = kMaxXmlErrorBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    text += "...";
  }
  return text;
}

// State kept across the documents of one ReadXml call.
struct ReadState {
  XmlHandler* handler;
  const XmlLimits* limits;
  std::string_view text;      // prepared input
  bool stopped = false;       // the handler or a limit ended the reading
  std::size_t line_base = 0;  // lines before the current document
};

// One libxml2 pass over `state->text` from `start`, as one document.
class Session {
 public:
  Session(ReadState* state, std::size_t start) : state_(state), start_(start) {}

  // Parses until the end of the text or until libxml2 halts; returns where
  // libxml2 halted early (where to read on), or npos.
  std::size_t Run() {
    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = &Session::StartElement;
    sax.endElementNs = &Session::EndElement;
    sax.characters = &Session::Characters;
    sax.cdataBlock = &Session::Characters;
    sax.ignorableWhitespace = &Session::Characters;
    sax.serror = &Session::StructuredError;
    context_.reset(xmlCreatePushParserCtxt(&sax, this, nullptr, 0, nullptr));
    if (context_ == nullptr) {
      Report("internal error: libxml2 could not start");
      state_->stopped = true;
      return std::string_view::npos;
    }
    xmlCtxtUseOptions(context_.get(), kParseOptions);
    Feed();
    CloseOpenElements();
    return halted_at_;
  }

 private:
  static Session* From(void* context) { return static_cast<Session*>(context); }

  void Feed() {
    const std::string_view text = state_->text;
    std::size_t offset = start_;
    do {
      const std::size_t size = std::min(kChunkBytes, text.size() - offset);
      const bool last = offset + size == text.size();
      xmlParseChunk(context_.get(), text.data() + offset, static_cast<int>(size), last ? 1 : 0);
      offset += size;
      // In recover mode only a halt disables SAX: libxml2 gave up on the
      // document (the last error says where), or the handler stopped it.
      if (context_->disableSAX != 0) {
        if (!state_->stopped) halted_at_ = last_error_offset_;
        return;
      }
    } while (offset < text.size());
  }

  // Elements libxml2 never closed: cut off by the end of the input, or by a
  // halt. The handler hears of each, innermost first, even after a stop.
  void CloseOpenElements() {
    while (!open_.empty()) {
      const std::string name = std::move(open_.back());
      open_.pop_back();
      try {
        state_->handler->OnEndElement(name, false);
      } catch (...) {
        state_->stopped = true;
      }
    }
  }

  // Runs a handler method; stops the parser when it says so or throws.
  template <typename Method>
  void Call(Method&& method) {
    if (state_->stopped) return;
    bool keep_going = false;
    try {
      keep_going = method();
    } catch (const std::exception& e) {
      Report(std::string("internal error: ") + e.what());
    } catch (...) {
      Report("internal error");
    }
    if (!keep_going) Stop();
  }

  void Stop() {
    state_->stopped = true;
    if (context_ != nullptr) xmlStopParser(context_.get());
  }

  void Report(std::string message) {
    try {
      state_->handler->OnError(Cut(std::move(message)));
    } catch (...) {
      // Nothing may cross libxml2's callbacks; losing one message is fine.
    }
  }

  static void StartElement(void* context, const xmlChar* local_name, const xmlChar*, const xmlChar*,
                           int, const xmlChar**, int, int, const xmlChar**) {
    Session* session = From(context);
    if (session->state_->stopped) return;
    if (session->open_.size() >= session->state_->limits->max_depth) {
      session->Report("elements nested deeper than " +
                      std::to_string(session->state_->limits->max_depth) + "; stopped");
      session->Stop();
      return;
    }
    const std::string_view name = LocalName(local_name);
    try {
      session->open_.emplace_back(name);
    } catch (...) {
      session->Stop();
      return;
    }
    session->Call([&] { return session->state_->handler->OnStartElement(name); });
  }

  static void EndElement(void* context, const xmlChar* local_name, const xmlChar*, const xmlChar*) {
    Session* session = From(context);
    if (session->open_.empty()) return;  // its start was refused (depth limit)
    session->open_.pop_back();
    session->Call(
        [&] { return session->state_->handler->OnEndElement(LocalName(local_name), true); });
  }

  static void Characters(void* context, const xmlChar* text, int length) {
    Session* session = From(context);
    const std::string_view view(reinterpret_cast<const char*>(text),
                                static_cast<std::size_t>(length));
    session->Call([&] { return session->state_->handler->OnText(view); });
  }

  static void StructuredError(void* context, xmlError* error) {
    Session* session = From(context);
    if (error == nullptr || error->level == XML_ERR_WARNING || session->state_->stopped) return;
    session->last_error_offset_ =
        session->start_ +
        static_cast<std::size_t>(std::max<long>(0, xmlByteConsumed(session->context_.get())));
    std::string message = error->message != nullptr ? error->message : "malformed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    const bool at_end = session->last_error_offset_ >= session->state_->text.size();
    if (error->code == XML_ERR_DOCUMENT_END && at_end && !session->open_.empty()) {
      message = "input ended inside <" + session->open_.back() + ">";
    } else if (error->code == XML_ERR_DOCUMENT_END && !at_end) {
      message += "; read on as a new document";
    }
    const std::size_t line =
        session->state_->line_base + static_cast<std::size_t>(std::max(1, error->line));
    const std::string text = "line " + std::to_string(line) + ": " + message;
    session->Call([&] { return session->state_->handler->OnError(Cut(text)); });
  }

  ReadState* state_;
  std::size_t start_;
  // Declared after nothing it depends on; its callbacks use the members
  // below, which outlive every parse call because Run() returns first.
  ParserPtr context_;
  std::vector<std::string> open_;  // local names of the open elements
  std::size_t last_error_offset_ = 0;
  std::size_t halted_at_ = std::string_view::npos;
};

// Where to read on after a document halted at `halted_at`: there, unless
// nothing was read since `start`; then at the next '<'.
std::size_t NextStart(std::string_view text, std::size_t start, std::size_t halted_at) {
  if (halted_at >= text.size()) return std::string_view::npos;
  if (halted_at > start) return halted_at;
  return text.find('<', start + 1);
}

std::size_t LinesBetween(std::string_view text, std::size_t from, std::size_t to) {
  return static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                             text.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// OnError outside libxml2's callbacks, under the same no-throw contract.
bool ReportError(XmlHandler* handler, std::string message) {
  try {
    return handler->OnError(Cut(std::move(message)));
  } catch (...) {
    return false;
  }
}

// A new document cannot start with an end tag: skips the end tags and
// whitespace at `pos`, reporting each tag as stray, and returns where the
// next document starts, or npos at the end of the text. `start` is where
// the current document (and its line numbering) started.
std::size_t SkipStrayEndTags(ReadState* state, std::size_t start, std::size_t pos) {
  const std::string_view text = state->text;
  std::size_t line = state->line_base + LinesBetween(text, start, pos) + 1;
  while (pos < text.size()) {
    if (IsSpace(text[pos])) {
      if (text[pos] == '\n') ++line;
      ++pos;
      continue;
    }
    if (!text.substr(pos).starts_with("</")) return pos;
    const std::size_t end = std::min(text.find('>', pos), text.size() - 1);
    const std::string_view tag = text.substr(pos, std::min(end + 1 - pos, kMaxXmlErrorBytes));
    if (!ReportError(state->handler,
                     "line " + std::to_string(line) + ": stray " + std::string(tag))) {
      state->stopped = true;
      return std::string_view::npos;
    }
    line += LinesBetween(text, pos, end + 1);
    pos = end + 1;
  }
  return std::string_view::npos;
}

}  // namespace

void ReadXml(std::string_view document, XmlHandler* handler, const XmlLimits& limits) {
  InitLibxml();
  PreparedXml prepared = PrepareXmlInput(document, limits.max_bytes);
  for (std::string& note : prepared.notes) {
    if (!ReportError(handler, std::move(note))) return;
  }
  ReadState state{handler, &limits, prepared.text};
  std::size_t start = 0;
  for (std::size_t documents = 0;; ++documents) {
    const std::size_t halted_at = Session(&state, start).Run();
    if (state.stopped || halted_at == std::string_view::npos) return;
    std::size_t next = NextStart(state.text, start, halted_at);
    if (next != std::string_view::npos) next = SkipStrayEndTags(&state, start, next);
    if (next == std::string_view::npos || state.stopped) return;
    if (documents == limits.max_restarts) {
      ReportError(handler, "more than " + std::to_string(limits.max_restarts) +
                               " documents read on after stray end tags; stopped");
      return;
    }
    state.line_base += LinesBetween(state.text, start, next);
    start = next;
  }
}

}  // namespace jobcrawler::parsers
