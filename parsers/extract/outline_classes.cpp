// ZoneClueOf, FieldHintOf and the tag lists of page_outline.cpp.
//
// Class and id values are split into tokens at whitespace and each token
// into parts at '-' and '_', so "site-footer", "c-cookie-banner" and
// "job_location" give their parts; a clue matches a whole part (or, for
// banners, any part containing a consent tool's name), never a substring
// such as the "nav" in "canvas".
#include "parsers/extract/outline_classes.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers::internal {
namespace {

// Class and id values are short; a longer one is read only this far.
constexpr std::size_t kMaxClassBytes = 512;

constexpr std::array<std::string_view, 33> kInlineTags = {
    "a",    "abbr", "b",    "bdi", "bdo",   "cite",   "code",  "data", "dfn",    "em",  "font",
    "i",    "kbd",  "mark", "q",   "s",     "samp",   "small", "span", "strong", "sub", "sup",
    "time", "u",    "var",  "wbr", "label", "strike", "tt",    "big",  "ins",    "del", "button"};

constexpr std::array<std::string_view, 11> kUnreadTags = {
    "script", "style",    "template", "noscript", "svg",   "math",
    "select", "textarea", "iframe",   "object",   "canvas"};

std::vector<std::string> ClassParts(HtmlNode node) {
  std::string value = std::string(node.Attribute("class").value_or("").substr(0, kMaxClassBytes));
  value += ' ';
  value += node.Attribute("id").value_or("").substr(0, kMaxClassBytes);
  value = LowerAscii(value);
  std::vector<std::string> parts;
  std::string part;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

bool AnyPartIs(const std::vector<std::string>& parts,
               std::initializer_list<std::string_view> words) {
  for (const std::string& part : parts) {
    for (std::string_view word : words) {
      if (part == word) return true;
    }
  }
  return false;
}

bool SaysConsent(std::string_view text) {
  for (std::string_view word : {"cookie", "consent", "gdpr", "onetrust", "usercentrics", "borlabs",
                                "cookiebot", "klaro", "cmpbox", "datenschutzhinweis"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool IsBanner(HtmlNode node, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) {
    if (SaysConsent(part) || part == "cmp") return true;
  }
  return SaysConsent(
      LowerAscii(node.Attribute("aria-label").value_or("").substr(0, kMaxClassBytes)));
}

Zone ZoneOfTag(std::string_view tag, std::string_view role) {
  if (tag == "nav" || role == "navigation" || role == "menubar" || role == "menu")
    return Zone::kNav;
  if (tag == "header" || role == "banner") return Zone::kHeader;
  if (tag == "footer" || role == "contentinfo") return Zone::kFooter;
  if (tag == "aside" || role == "complementary") return Zone::kAside;
  return Zone::kMain;
}

Zone ZoneOfClasses(const std::vector<std::string>& parts) {
  if (AnyPartIs(parts,
                {"nav", "navbar", "navigation", "menu", "megamenu", "offcanvas", "breadcrumb",
                 "breadcrumbs", "mainnav", "subnav", "topnav", "sitenav", "skiplinks"})) {
    return Zone::kNav;
  }
  if (AnyPartIs(parts, {"footer", "sitefooter", "pagefooter"})) return Zone::kFooter;
  if (AnyPartIs(parts, {"masthead", "topbar", "siteheader"})) return Zone::kHeader;
  if (AnyPartIs(parts, {"sidebar"})) return Zone::kAside;
  return Zone::kMain;
}

}  // namespace

std::string LowerAscii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return lowered;
}

bool IsInlineTag(std::string_view tag) {
  for (std::string_view known : kInlineTags) {
    if (tag == known) return true;
  }
  return tag == "img" || tag == "input" || tag.find('-') != std::string_view::npos;
}

bool IsUnread(std::string_view tag) {
  for (std::string_view known : kUnreadTags) {
    if (tag == known) return true;
  }
  return false;
}

ZoneClue ZoneClueOf(HtmlNode node, const std::string& tag) {
  const std::string role =
      LowerAscii(node.Attribute("role").value_or("").substr(0, kMaxClassBytes));
  const std::vector<std::string> parts = ClassParts(node);
  ZoneClue clue;
  clue.content = tag == "main" || tag == "article" || role == "main";
  if (IsBanner(node, parts)) {
    clue.zone = Zone::kBanner;
    return clue;
  }
  clue.zone = ZoneOfTag(tag, role);
  if (clue.zone == Zone::kMain && !clue.content) clue.zone = ZoneOfClasses(parts);
  return clue;
}

FieldHint FieldHintOf(HtmlNode node) {
  if (!node.HasAttribute("class") && !node.HasAttribute("id")) return FieldHint::kNone;
  const std::vector<std::string> parts = ClassParts(node);
  if (AnyPartIs(parts, {"location", "locations", "joblocation", "standort", "standorte", "ort",
                        "arbeitsort", "einsatzort", "dienstort", "city", "workplace", "pin",
                        "marker", "mapmarker"})) {
    return FieldHint::kLocation;
  }
  if (AnyPartIs(parts, {"employment", "employmenttype", "arbeitszeit", "anstellung",
                        "anstellungsart", "contract", "jobtype", "worktime", "beschaeftigung",
                        "beschaeftigungsart", "umfang"})) {
    return FieldHint::kEmployment;
  }
  if (AnyPartIs(parts, {"company", "companyname", "employer", "arbeitgeber", "firma"})) {
    return FieldHint::kCompany;
  }
  if (AnyPartIs(parts, {"salary", "gehalt", "verguetung", "compensation", "basesalary"})) {
    return FieldHint::kSalary;
  }
  if (AnyPartIs(parts, {"dateposted", "published", "posted", "veroeffentlicht"}))
    return FieldHint::kDate;
  if (AnyPartIs(parts, {"jobid", "referenznummer", "kennziffer", "requisition", "refnr"})) {
    return FieldHint::kId;
  }
  return FieldHint::kNone;
}

}  // namespace jobcrawler::parsers::internal
