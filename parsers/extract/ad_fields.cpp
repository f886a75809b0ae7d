// ReadAdFacts, TitleSegments and the company readers (see ad_fields.h).
// Places are in ad_places.cpp.
#include "parsers/extract/ad_fields.h"

#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/ad_vocabulary.h"

namespace jobcrawler::parsers::internal {
namespace {

// A "Label:" is a few words at the start of a block.
constexpr std::size_t kMaxLabelBytes = 48;
constexpr std::size_t kMaxLabelWords = 3;
// A company name is a few words.
constexpr std::size_t kMaxCompanyBytes = 100;

constexpr std::string_view kTitleSeparators[] = {" | ",  " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ",
                                                 " :: ", " \xC2\xB7 ",     " \xC2\xBB ",     " / "};

constexpr std::string_view kLegalForms[] = {
    "GmbH", "gGmbH", "mbH",  "AG",   "SE",   "KG",   "KGaA", "OHG",     "GbR", "UG",   "eG",
    "e.V.", "e.V",   "eV",   "AöR",  "KdöR", "Ltd",  "Ltd.", "Limited", "Inc", "Inc.", "LLC",
    "PLC",  "plc",   "S.A.", "B.V.", "N.V.", "e.K.", "eK",   "GmbH,",   "AG,", "KG,"};

// Words around a name that are not part of it ("Logo", "Karriere").
constexpr std::string_view kNameNoise[] = {"logo",
                                           "zur",
                                           "startseite",
                                           "home",
                                           "homepage",
                                           "karriere",
                                           "karriereportal",
                                           "karriereseite",
                                           "jobs",
                                           "careers",
                                           "career",
                                           "stellenangebote",
                                           "stellenportal",
                                           "jobportal",
                                           "der",
                                           "des",
                                           "die",
                                           "von",
                                           "the",
                                           "of",
                                           "zum",
                                           "bei",
                                           "at",
                                           "link",
                                           "bild",
                                           "image"};

constexpr std::string_view kGenericNames[] = {"startseite",
                                              "home",
                                              "karriere",
                                              "jobs",
                                              "stellenangebote",
                                              "careers",
                                              "stellenangebot",
                                              "aktuelle stellen",
                                              "offene stellen",
                                              "stellenmarkt",
                                              "impressum",
                                              "kontakt",
                                              "logo",
                                              "job",
                                              "stellenanzeige",
                                              "bewerbung",
                                              "jetzt bewerben"};

// Strips spaces, ':', '-', '|' and middle dots ("·", two bytes: a byte set
// would cut other characters that share a byte, such as "©").
std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t:-|";
  constexpr std::string_view kDot = "\xC2\xB7";
  for (bool again = true; again;) {
    const std::size_t before = text.size();
    while (!text.empty() && kSpace.find(text.front()) != std::string_view::npos)
      text.remove_prefix(1);
    while (!text.empty() && kSpace.find(text.back()) != std::string_view::npos)
      text.remove_suffix(1);
    if (text.starts_with(kDot)) text.remove_prefix(kDot.size());
    if (text.ends_with(kDot)) text.remove_suffix(kDot.size());
    again = text.size() != before;
  }
  return text;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// "Hagen Arbeitszeit: Vollzeit" -> "Hagen": a value ends where the next
// label begins.
std::string_view CutAtNextLabel(std::string_view value) {
  for (std::size_t colon = value.find(':'); colon != std::string_view::npos;
       colon = value.find(':', colon + 1)) {
    std::size_t start = colon;
    for (std::size_t words = 0; words < kMaxLabelWords && start > 0; ++words) {
      const std::size_t space = value.rfind(' ', start - 1);
      start = space == std::string_view::npos ? 0 : space + 1;
      if (LabelOf(value.substr(start, colon - start)) != Label::kNone)
        return Trim(value.substr(0, start));
      if (start == 0) break;
      start = space;
    }
  }
  return Trim(value);
}

void AddFact(Label label, std::string_view value, AdFacts* facts) {
  value = Trim(CutAtNextLabel(value));
  if (value.empty() || value.size() > kMaxFactBytes) return;
  std::vector<std::string>* list = nullptr;
  switch (label) {
    case Label::kLocation:
      list = &facts->location;
      break;
    case Label::kEmployment:
      list = &facts->employment;
      break;
    case Label::kCompany:
      list = &facts->company;
      break;
    case Label::kSalary:
      list = &facts->salary;
      break;
    case Label::kDatePosted:
      list = &facts->date_posted;
      break;
    case Label::kValidThrough:
      list = &facts->valid_through;
      break;
    case Label::kId:
      list = &facts->id;
      break;
    case Label::kNone:
      return;
  }
  list->emplace_back(value);
}

// "Standort: Hagen" -> kLocation, "Hagen"; kNone when `text` has no label.
Label SplitLabel(std::string_view text, std::string_view lead, std::string_view* value) {
  if (!lead.empty() && text.starts_with(lead)) {
    if (const Label label = LabelOf(Trim(lead)); label != Label::kNone) {
      *value = text.substr(lead.size());
      return label;
    }
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon > kMaxLabelBytes) return Label::kNone;
  *value = text.substr(colon + 1);
  return LabelOf(text.substr(0, colon));
}

Label LabelOfHint(FieldHint hint) {
  switch (hint) {
    case FieldHint::kLocation:
      return Label::kLocation;
    case FieldHint::kEmployment:
      return Label::kEmployment;
    case FieldHint::kCompany:
      return Label::kCompany;
    case FieldHint::kSalary:
      return Label::kSalary;
    case FieldHint::kDate:
      return Label::kDatePosted;
    case FieldHint::kId:
      return Label::kId;
    case FieldHint::kNone:
      break;
  }
  return Label::kNone;
}

bool IsLegalForm(std::string_view word) {
  for (std::string_view form : kLegalForms) {
    if (word == form) return true;
  }
  return false;
}

bool IsOneOf(std::string_view phrase, const auto& list) {
  for (std::string_view known : list) {
    if (phrase == known) return true;
  }
  return false;
}

// The name ending at the last legal form of `segment`, or "".
std::string NameWithLegalForm(std::string_view segment) {
  const std::vector<std::string_view> words = SplitWords(segment);
  std::size_t last = words.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (IsLegalForm(words[i])) last = i;
  }
  if (last == words.size() || last == 0) return "";
  const std::size_t end =
      static_cast<std::size_t>(words[last].data() - segment.data()) + words[last].size();
  std::string name(Trim(segment.substr(0, end)));
  if (name.ends_with(',')) name.pop_back();
  return name.size() <= kMaxCompanyBytes ? name : "";
}

bool IsYearOrCopyright(std::string_view word) {
  const std::string phrase = Phrase(word);
  if (phrase == "c" || phrase == "copyright" || word == "\xC2\xA9") return true;
  return !phrase.empty() && phrase.find_first_not_of("0123456789 ") == std::string::npos;
}

// A fact line of several facts: "Engineering · Location: Dortmund · Full-time".
std::vector<std::string_view> FactParts(std::string_view text) {
  std::vector<std::string_view> parts = {text};
  for (std::string_view separator : {" \xC2\xB7 ", " | ", " \xE2\x80\xA2 "}) {
    std::vector<std::string_view> split;
    for (std::string_view part : parts) {
      for (std::size_t at = part.find(separator); at != std::string_view::npos;
           at = part.find(separator)) {
        split.push_back(part.substr(0, at));
        part.remove_prefix(at + separator.size());
      }
      split.push_back(part);
    }
    parts = std::move(split);
  }
  return parts;
}

// A label standing alone names the value in the next block only where the
// markup pairs them: <dt>/<dd>, <th>/<td>, a bold label, "Label:".
bool IsLabelBlock(const OutlineBlock& label, const OutlineBlock& next) {
  return label.tag == "dt" || label.tag == "th" || label.tag == "label" || label.emphasized ||
         label.text.ends_with(':') || next.tag == "dd" || next.tag == "td";
}

}  // namespace

AdFacts ReadAdFacts(const PageOutline& outline, std::size_t from, std::size_t to) {
  AdFacts facts;
  for (std::size_t i = from; i < to && i < outline.blocks.size(); ++i) {
    const OutlineBlock& block = outline.blocks[i];
    if (block.zone != Zone::kMain && block.zone != Zone::kHeader && block.zone != Zone::kAside) {
      continue;
    }
    const OutlineBlock* next = i + 1 < outline.blocks.size() ? &outline.blocks[i + 1] : nullptr;
    for (std::string_view part : FactParts(block.text)) {
      std::string_view value;
      const Label label =
          SplitLabel(part, part.data() == block.text.data() ? block.lead : "", &value);
      if (label != Label::kNone && !Trim(value).empty()) {
        AddFact(label, value, &facts);
      } else if (const Label alone = label != Label::kNone ? label : LabelOf(Trim(part));
                 alone != Label::kNone && next != nullptr && IsLabelBlock(block, *next)) {
        AddFact(alone, next->text, &facts);
      }
    }
  }
  for (const HintedText& hinted : outline.hinted) {
    if (hinted.zone != Zone::kMain && hinted.zone != Zone::kHeader && hinted.zone != Zone::kAside) {
      continue;
    }
    std::string_view value = hinted.text;
    std::string_view labelled;
    if (SplitLabel(hinted.text, "", &labelled) != Label::kNone) value = labelled;
    AddFact(LabelOfHint(hinted.hint), value, &facts);
  }
  return facts;
}

std::vector<std::string> TitleSegments(std::string_view title) {
  std::vector<std::string> segments = {std::string(Trim(title))};
  for (std::string_view separator : kTitleSeparators) {
    std::vector<std::string> split;
    for (const std::string& segment : segments) {
      std::string_view rest = segment;
      for (std::size_t at = rest.find(separator); at != std::string_view::npos;
           at = rest.find(separator)) {
        split.emplace_back(Trim(rest.substr(0, at)));
        rest.remove_prefix(at + separator.size());
      }
      split.emplace_back(Trim(rest));
    }
    segments = std::move(split);
  }
  std::vector<std::string> out;
  for (const std::string& segment : segments) {
    if (segment.empty()) continue;
    const std::size_t at = segment.find(" bei ");
    const std::size_t at_en = segment.find(" at ");
    const std::size_t cut = at != std::string::npos ? at : at_en;
    if (cut != std::string::npos &&
        JobTitleEvidence(segment.substr(0, cut)) != TitleEvidence::kNone) {
      out.push_back(segment.substr(0, cut));
      out.emplace_back(Trim(std::string_view(segment).substr(cut + (cut == at ? 5 : 4))));
      continue;
    }
    out.push_back(segment);
  }
  return out;
}

std::string CompanyFromTitle(std::string_view title, std::string_view job_title,
                             std::string_view site_name, const std::vector<Place>& places) {
  const std::vector<std::string> segments = TitleSegments(title);
  const std::string job = Phrase(job_title);
  const std::string site = Phrase(site_name);
  bool site_seen = false;
  std::vector<std::string_view> others;
  for (const std::string& segment : segments) {
    const std::string phrase = Phrase(segment);
    if (phrase == job || JobTitleEvidence(segment) != TitleEvidence::kNone) continue;
    if (std::string name = NameWithLegalForm(segment); !name.empty()) return name;
    if (!site.empty() && phrase == site) {
      site_seen = true;
      continue;
    }
    bool place = false;
    for (const Place& known : places) place = place || Phrase(known.locality) == phrase;
    if (!place && !IsOneOf(phrase, kGenericNames)) others.push_back(segment);
  }
  if (!site_seen || others.empty()) return "";
  return CleanCompanyName(others.front());
}

std::string CleanCompanyName(std::string_view text) {
  std::vector<std::string_view> words = SplitWords(Trim(text));
  while (!words.empty() &&
         (IsOneOf(Phrase(words.front()), kNameNoise) || Phrase(words.front()).empty())) {
    words.erase(words.begin());
  }
  while (!words.empty() &&
         (IsOneOf(Phrase(words.back()), kNameNoise) || Phrase(words.back()).empty())) {
    words.pop_back();
  }
  if (words.empty()) return "";
  const std::size_t begin = static_cast<std::size_t>(words.front().data() - text.data());
  const std::size_t end =
      static_cast<std::size_t>(words.back().data() - text.data()) + words.back().size();
  const std::string name(Trim(text.substr(begin, end - begin)));
  if (name.size() > kMaxCompanyBytes || IsOneOf(Phrase(name), kGenericNames)) return "";
  return name;
}

std::string CompanyInLine(std::string_view line) {
  if (line.size() > kMaxFactBytes * 2) return "";
  for (const std::string& segment : TitleSegments(line)) {
    // "©", "Copyright" and years come before the name.
    const std::vector<std::string_view> words = SplitWords(segment);
    std::size_t skip = 0;
    while (skip < words.size() && IsYearOrCopyright(words[skip])) ++skip;
    if (skip == words.size()) continue;
    std::string_view piece = std::string_view(segment).substr(
        static_cast<std::size_t>(words[skip].data() - segment.data()));
    piece = piece.substr(0, piece.find(", "));
    if (std::string name = NameWithLegalForm(piece); !name.empty()) return name;
  }
  return "";
}

}  // namespace jobcrawler::parsers::internal
