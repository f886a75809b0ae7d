#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

std::string_view PostingFormatName(PostingFormat format) {
  switch (format) {
    case PostingFormat::kJsonLd:
      return "json-ld";
    case PostingFormat::kMicrodata:
      return "microdata";
    case PostingFormat::kHtmlProfile:
      return "html-profile";
    case PostingFormat::kMeta:
      return "meta";
  }
  return "unknown";
}

}  // namespace jobcrawler::parsers
