#include "parsers/core/posting.h"

#include <string>

namespace jobcrawler::parsers {

std::string_view PostingFormatName(PostingFormat format) {
  switch (format) {
    case PostingFormat::kJsonLd:
      return "json-ld";
    case PostingFormat::kMicrodata:
      return "microdata";
    case PostingFormat::kHtmlProfile:
      return "html-profile";
    case PostingFormat::kHtmlGeneric:
      return "html-generic";
    case PostingFormat::kMeta:
      return "meta";
  }
  return "unknown";
}

std::string FormatPlaces(const std::vector<PostingPlace>& places) {
  std::string out;
  for (const PostingPlace& place : places) {
    std::string one = place.postal_code;
    if (!place.locality.empty()) one += (one.empty() ? "" : " ") + place.locality;
    if (!place.country.empty()) one += one.empty() ? place.country : " (" + place.country + ")";
    if (one.empty()) one = place.region;
    if (one.empty()) continue;
    if (!out.empty()) out += "; ";
    out += one;
  }
  return out;
}

}  // namespace jobcrawler::parsers
