// ExtractGenericPosting (see generic_extractor.h).
#include "parsers/extract/generic_extractor.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/ad_fields.h"
#include "parsers/extract/ad_vocabulary.h"
#include "parsers/extract/job_ad_detector.h"
#include "parsers/extract/page_outline.h"
#include "parsers/normalize/normalize.h"

namespace jobcrawler::parsers {
namespace {

using internal::AdFacts;
using internal::JobAdAssessment;
using internal::OutlineBlock;
using internal::PageOutline;
using internal::Zone;

// The lines right around the title: the header line of an ad
// ("58095 Hagen | Vollzeit | ab sofort").
constexpr std::size_t kNearBefore = 2;
constexpr std::size_t kNearAfter = 8;
constexpr std::size_t kMaxNearLineBytes = 200;
// A line that states the pay is short.
constexpr std::size_t kMaxSalaryLineBytes = 400;
constexpr std::size_t kMaxIdentifierBytes = 40;

struct Ad {
  const PageOutline& outline;
  const JobAdAssessment& assessment;
  AdFacts facts;
  bool for_a_client = false;  // IsForAClient

  std::size_t Start() const {
    return assessment.title_block == internal::kNoBlock ? 0 : assessment.title_block;
  }
  // Blocks of the ad's own text in the main zone, after the title.
  template <typename Visit>
  void ForEachAdBlock(Visit&& visit) const {
    const std::size_t first = assessment.title_block == internal::kNoBlock ? 0 : Start() + 1;
    for (std::size_t i = first; i < assessment.end_block; ++i) {
      if (outline.blocks[i].zone == Zone::kMain) visit(outline.blocks[i]);
    }
  }
  // Short lines around the title, before the ad's first section.
  template <typename Visit>
  void ForEachNearBlock(Visit&& visit) const {
    if (assessment.title_block == internal::kNoBlock) return;
    const std::size_t from = Start() >= kNearBefore ? Start() - kNearBefore : 0;
    const std::size_t to = std::min(assessment.end_block, Start() + kNearAfter + 1);
    for (std::size_t i = from; i < to; ++i) {
      const OutlineBlock& block = outline.blocks[i];
      if (i > Start() && internal::SectionOf(block.text) != internal::Section::kNone) break;
      if (i == Start() || block.text.size() > kMaxNearLineBytes) continue;
      if (block.zone == Zone::kMain || block.zone == Zone::kHeader) visit(block);
    }
  }
};

std::string Description(const Ad& ad) {
  std::string text;
  ad.ForEachAdBlock([&text](const OutlineBlock& block) {
    if (text.size() + block.text.size() + 1 > kMaxDescriptionBytes) return;
    if (!text.empty()) text += ' ';
    text += block.text;
  });
  return text;
}

std::vector<Place> FactPlaces(const AdFacts& facts) {
  std::vector<Place> places;
  for (const std::string& value : facts.location) {
    for (Place& place : ParsePlaces(value)) {
      if (!place.locality.empty() && !internal::IsPlausibleLocality(place.locality)) continue;
      if (places.size() < kMaxParsedPlaces) places.push_back(std::move(place));
    }
  }
  return places;
}

// The footer's postal address, when the footer line names the company.
std::vector<Place> FooterPlaces(const PageOutline& outline, std::string_view company) {
  const std::string name = internal::Phrase(company);
  if (name.empty()) return {};
  for (const OutlineBlock& block : outline.blocks) {
    if (block.zone != Zone::kFooter) continue;
    if (!internal::ContainsWords(internal::Phrase(block.text), name)) continue;
    std::vector<Place> places = internal::PlacesInText(block.text);
    if (!places.empty()) return places;
  }
  return {};
}

// An agency's ad for a client ("Unser Mandant", "our client"): the page's
// own address is the agency's, not the job's.
bool IsForAClient(const Ad& ad) {
  bool client = false;
  ad.ForEachAdBlock([&client](const OutlineBlock& block) {
    if (client) return;
    const std::string phrase = internal::Phrase(block.text);
    for (std::string_view words :
         {"unser mandant", "unseres mandanten", "unsere mandantin", "unser kunde", "unseres kunden",
          "unsere kundin", "our client", "for a client", "on behalf of"}) {
      client = client || internal::ContainsWords(phrase, words);
    }
  });
  return client;
}

std::vector<Place> FindPlaces(const Ad& ad, std::string_view company) {
  std::vector<Place> places = FactPlaces(ad.facts);
  if (!places.empty()) return places;
  ad.ForEachNearBlock([&places](const OutlineBlock& block) {
    if (places.empty()) places = internal::PlacesInText(block.text);
  });
  if (!places.empty()) return places;
  ad.ForEachAdBlock([&places](const OutlineBlock& block) {
    if (places.empty()) places = internal::PlacesInText(block.text);
  });
  if (!places.empty() || ad.for_a_client) return places;
  return FooterPlaces(ad.outline, company);
}

std::string FooterCompany(const PageOutline& outline) {
  for (const OutlineBlock& block : outline.blocks) {
    if (block.zone != Zone::kFooter) continue;
    if (std::string name = internal::CompanyInLine(block.text); !name.empty()) return name;
  }
  return "";
}

std::string FindCompany(const Ad& ad, const std::vector<Place>& places) {
  for (const std::string& value : ad.facts.company) {
    if (std::string name = internal::CleanCompanyName(value); !name.empty()) return name;
  }
  const PageOutline& outline = ad.outline;
  const std::string site = outline.Meta("og:site_name");
  for (const std::string& title : {outline.Meta("og:title"), outline.title}) {
    std::string name = internal::CompanyFromTitle(title, ad.assessment.title, site, places);
    if (!name.empty()) return name;
  }
  if (std::string name = internal::CleanCompanyName(site); !name.empty()) return name;
  if (site.empty()) {
    const std::vector<std::string> segments = internal::TitleSegments(outline.title);
    if (segments.size() >= 2 &&
        internal::JobTitleEvidence(segments.back()) == internal::TitleEvidence::kNone) {
      if (std::string name = internal::CleanCompanyName(segments.back()); !name.empty())
        return name;
    }
  }
  if (std::string name = FooterCompany(outline); !name.empty()) return name;
  for (const std::string& alt : outline.logo_alts) {
    if (std::string name = internal::CleanCompanyName(alt); !name.empty()) return name;
  }
  return "";
}

std::string FindEmploymentType(const Ad& ad) {
  std::string facts;
  for (const std::string& value : ad.facts.employment) facts += value + " ";
  if (std::string type = NormalizeEmploymentType(facts); !type.empty()) return type;
  if (std::string type = NormalizeEmploymentType(ad.assessment.title); !type.empty()) return type;
  std::string near;
  ad.ForEachNearBlock([&near](const OutlineBlock& block) { near += block.text + " "; });
  if (std::string type = NormalizeEmploymentType(near); !type.empty()) return type;
  // Elsewhere in the ad only the hours count: benefits mention internships.
  std::string hours;
  ad.ForEachAdBlock([&hours](const OutlineBlock& block) {
    const std::string type = NormalizeEmploymentType(block.text.substr(0, kMaxSalaryLineBytes));
    for (std::string_view known : {"FULL_TIME", "PART_TIME"}) {
      if (type.find(known) != std::string::npos && hours.find(known) == std::string::npos) {
        hours += hours.empty() ? "" : ",";
        hours += known;
      }
    }
  });
  return hours;
}

bool SpeaksOfPay(std::string_view text) {
  const std::string phrase = internal::Phrase(text);
  for (std::string_view word :
       {"gehalt", "jahresgehalt", "verguetung", "brutto", "salary", "bruttojahresgehalt",
        "zielgehalt", "jahreszielgehalt", "monatsgehalt", "pay", "compensation", "entgelt",
        "einkommen", "gehaltsrahmen", "gehaltsspanne", "base"}) {
    if (internal::ContainsWords(phrase, word)) return true;
  }
  return false;
}

void SetSalary(const Ad& ad, Posting* posting) {
  std::optional<SalaryRange> salary;
  for (const std::string& value : ad.facts.salary) {
    if (!salary) salary = ParseSalary(value);
  }
  if (!salary) {
    ad.ForEachAdBlock([&salary](const OutlineBlock& block) {
      if (salary || block.text.size() > kMaxSalaryLineBytes || !SpeaksOfPay(block.text)) return;
      std::optional<SalaryRange> found = ParseSalary(block.text);
      if (found && !found->currency.empty()) salary = std::move(found);
    });
  }
  if (!salary) return;
  posting->salary_min = salary->min;
  posting->salary_max = salary->max;
  posting->salary_currency = std::move(salary->currency);
  posting->salary_period = std::move(salary->period);
}

std::string FirstDate(const std::vector<std::string>& values, std::string_view today) {
  for (const std::string& value : values) {
    if (std::string date = NormalizeDate(value, today); !date.empty()) return date;
  }
  return "";
}

std::string Identifier(const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    const std::string_view first = std::string_view(value).substr(0, value.find(' '));
    if (first.size() <= kMaxIdentifierBytes &&
        first.find_first_of("0123456789") != std::string_view::npos) {
      return std::string(first);
    }
  }
  return "";
}

Posting BuildPosting(const Ad& ad, std::string_view today) {
  Posting posting;
  posting.format = PostingFormat::kHtmlGeneric;
  posting.title = ad.assessment.title;
  posting.description = Description(ad);
  std::vector<Place> places = FindPlaces(ad, "");
  posting.company = FindCompany(ad, places);
  if (places.empty() && !ad.for_a_client) places = FooterPlaces(ad.outline, posting.company);
  internal::SetPlaces(places, &posting);
  std::string place_text;
  for (const std::string& value : ad.facts.location) place_text += value + " ";
  posting.remote = DetectRemote(posting.title + " " + place_text);
  if (posting.remote.empty()) posting.remote = DetectRemote(posting.description);
  posting.employment_type = FindEmploymentType(ad);
  SetSalary(ad, &posting);
  posting.date_posted = FirstDate(ad.facts.date_posted, today);
  if (posting.date_posted.empty()) {
    posting.date_posted = NormalizeDate(ad.outline.Meta("article:published_time"), today);
  }
  posting.valid_through = FirstDate(ad.facts.valid_through, today);
  posting.identifier = Identifier(ad.facts.id);
  posting.url = ad.outline.canonical.empty() ? ad.outline.Meta("og:url") : ad.outline.canonical;
  return posting;
}

}  // namespace

GenericExtraction ExtractGenericPosting(const HtmlDocument& document, std::string_view today) {
  const PageOutline outline = internal::ReadOutline(document);
  const JobAdAssessment assessment = internal::AssessJobAd(outline);
  GenericExtraction extraction;
  extraction.why = assessment.why;
  if (!assessment.is_ad) return extraction;
  const std::size_t from =
      assessment.title_block == internal::kNoBlock
          ? 0
          : (assessment.title_block >= kNearBefore ? assessment.title_block - kNearBefore : 0);
  Ad ad{outline, assessment, internal::ReadAdFacts(outline, from, assessment.end_block)};
  ad.for_a_client = IsForAClient(ad);
  extraction.posting = BuildPosting(ad, today);
  return extraction;
}

}  // namespace jobcrawler::parsers
