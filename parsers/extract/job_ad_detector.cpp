// AssessJobAd: the rule documented in job_ad_detector.h.
#include "parsers/extract/job_ad_detector.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/ad_fields.h"

namespace jobcrawler::parsers::internal {
namespace {

// Where titles are looked for: pages put them near the top.
constexpr std::size_t kMaxTitleSearchBlocks = 400;
// Blocks around the title that may say "Stellenangebot" or "Job-ID".
constexpr std::size_t kAdWordReach = 3;
// A "gone" notice is near the top of the content.
constexpr std::size_t kGoneSearchBlocks = 40;
constexpr std::size_t kMaxNoticeBytes = 300;

bool IsTitleZone(Zone zone) { return zone == Zone::kMain || zone == Zone::kHeader; }

struct TitleChoice {
  std::size_t block = kNoBlock;
  std::string text;
  TitleEvidence evidence = TitleEvidence::kNone;
};

// A heading that only labels the page ("Stellenangebot", "Jobs") names its
// title in the next heading.
bool IsAdLabelHeading(std::string_view text) {
  const std::string phrase = Phrase(text);
  return phrase == "stellenangebot" || phrase == "stellenanzeige" ||
         phrase == "stellenausschreibung" || phrase == "job" || phrase == "stelle";
}

TitleChoice HeadingTitle(const PageOutline& outline, int level, TitleEvidence least) {
  const std::size_t limit = std::min(outline.blocks.size(), kMaxTitleSearchBlocks);
  for (std::size_t i = 0; i < limit; ++i) {
    const OutlineBlock& block = outline.blocks[i];
    if (block.heading != level || !IsTitleZone(block.zone)) continue;
    if (IsAdLabelHeading(block.text)) {
      for (std::size_t j = i + 1; j < limit && j <= i + kAdWordReach; ++j) {
        const OutlineBlock& next = outline.blocks[j];
        if (next.heading > 0 && JobTitleEvidence(next.text) != TitleEvidence::kNone) {
          return {j, next.text, TitleEvidence::kStrong};
        }
      }
      continue;
    }
    const TitleEvidence evidence = JobTitleEvidence(block.text);
    if (evidence >= least) return {i, block.text, evidence};
  }
  return {};
}

TitleChoice MetadataTitle(const PageOutline& outline) {
  for (const std::string& title : {outline.Meta("og:title"), outline.title}) {
    std::string best;
    TitleEvidence best_evidence = TitleEvidence::kNone;
    for (const std::string& segment : TitleSegments(title)) {
      const TitleEvidence evidence = JobTitleEvidence(segment);
      if (evidence > best_evidence) {
        best = segment;
        best_evidence = evidence;
      }
    }
    if (best_evidence != TitleEvidence::kNone) return {kNoBlock, best, best_evidence};
  }
  return {};
}

TitleChoice ChooseTitle(const PageOutline& outline) {
  TitleChoice choice = HeadingTitle(outline, 1, TitleEvidence::kJobNoun);
  if (choice.block == kNoBlock) choice = HeadingTitle(outline, 2, TitleEvidence::kStrong);
  if (choice.block == kNoBlock) return MetadataTitle(outline);
  const std::size_t from = choice.block >= kAdWordReach ? choice.block - kAdWordReach : 0;
  const std::size_t to = std::min(outline.blocks.size(), choice.block + kAdWordReach + 1);
  for (std::size_t i = from; i < to; ++i) {
    if (NamesAnAd(outline.blocks[i].text)) choice.evidence = TitleEvidence::kStrong;
  }
  return choice;
}

std::size_t AdEnd(const PageOutline& outline, std::size_t start) {
  for (std::size_t i = start + 1; i < outline.blocks.size(); ++i) {
    const OutlineBlock& block = outline.blocks[i];
    const bool heading_like = block.heading > 0 || block.emphasized;
    if (heading_like && IsRelatedJobsHeading(block.text)) return i;
  }
  return outline.blocks.size();
}

struct Evidence {
  int tasks = 0;
  int repeated_sections = 0;  // a section heading written again: several ads
  bool profile = false;
  bool offer = false;
  bool apply = false;
  int job_links = 0;
  int job_headings = 0;
  bool gone = false;
};

void CountSections(const PageOutline& outline, std::size_t start, std::size_t end, Evidence* e) {
  std::set<std::string> headings;
  for (std::size_t i = start; i < end; ++i) {
    const OutlineBlock& block = outline.blocks[i];
    if (block.zone != Zone::kMain) continue;
    const Section section = SectionOf(block.text);
    if ((section == Section::kTasks || section == Section::kProfile) &&
        !headings.insert(Phrase(block.text.substr(0, block.text.find(':')))).second) {
      ++e->repeated_sections;
    }
    switch (section) {
      case Section::kTasks:
        ++e->tasks;
        break;
      case Section::kProfile:
        e->profile = true;
        break;
      case Section::kOffer:
        e->offer = true;
        break;
      default:
        break;
    }
    if (AsksForApplications(block.text)) e->apply = true;
  }
}

bool IsActionZone(Zone zone) {
  return zone == Zone::kMain || zone == Zone::kAside || zone == Zone::kHeader;
}

void CountLinks(const PageOutline& outline, const std::string& title_phrase, std::size_t end,
                Evidence* e) {
  std::set<std::string> job_hrefs;
  for (const OutlineLink& link : outline.links) {
    if (IsActionZone(link.zone) && IsApplyAction(link.text, link.href)) e->apply = true;
    if (link.zone != Zone::kMain || link.block >= end || link.button) continue;
    if (link.href.starts_with("mailto:") || link.href.starts_with("tel:")) continue;
    if (JobTitleEvidence(link.text) == TitleEvidence::kNone) continue;
    if (Phrase(link.text) == title_phrase || IsApplyAction(link.text, "")) continue;
    job_hrefs.insert(link.href);
  }
  e->job_links = static_cast<int>(job_hrefs.size());
}

void CountHeadings(const PageOutline& outline, const TitleChoice& title, std::size_t end,
                   Evidence* e) {
  const std::string title_phrase = Phrase(title.text);
  std::set<std::string> others;
  for (std::size_t i = 0; i < end; ++i) {
    const OutlineBlock& block = outline.blocks[i];
    if (i == title.block || block.zone != Zone::kMain || block.heading == 0 || block.heading > 4) {
      continue;
    }
    const TitleEvidence evidence = JobTitleEvidence(block.text);
    const bool job_like =
        evidence == TitleEvidence::kStrong || (evidence == TitleEvidence::kJobNoun && block.linked);
    const std::string phrase = Phrase(block.text);
    if (job_like && phrase != title_phrase) others.insert(phrase);
  }
  e->job_headings = static_cast<int>(others.size());
}

bool LooksGone(const PageOutline& outline) {
  std::size_t seen = 0;
  for (const OutlineBlock& block : outline.blocks) {
    if (block.zone != Zone::kMain) continue;
    if (++seen > kGoneSearchBlocks) break;
    if (block.text.size() <= kMaxNoticeBytes && SaysAdIsGone(block.text)) return true;
  }
  return false;
}

std::string Describe(const Evidence& e) {
  std::string text;
  const auto add = [&text](bool present, std::string_view name) {
    if (!present) return;
    text += text.empty() ? "" : ", ";
    text += name;
  };
  add(e.tasks > 0, "tasks");
  add(e.profile, "profile");
  add(e.offer, "offer");
  add(e.apply, "apply");
  return text.empty() ? "no sections, no apply action" : text;
}

std::string Rejection(const Evidence& e) {
  if (e.gone) return "no job ad: the page says the ad is gone";
  if (e.job_links >= kMaxSiblingJobLinks) {
    return "no job ad: " + std::to_string(e.job_links) + " links to other jobs";
  }
  if (e.job_headings >= kMaxSiblingJobHeadings) {
    return "no job ad: " + std::to_string(e.job_headings) + " other job headings";
  }
  if (e.repeated_sections > 0) return "no job ad: several ads on one page";
  return "";
}

bool Accepts(const TitleChoice& title, const Evidence& e) {
  const bool strong = title.evidence == TitleEvidence::kStrong;
  const bool tasks = e.tasks > 0;
  const bool core = tasks || e.profile;
  if (title.block == kNoBlock) return tasks && e.profile && e.apply;
  return (tasks && e.profile) || (core && e.offer && (e.apply || strong)) ||
         (core && strong && e.apply);
}

}  // namespace

JobAdAssessment AssessJobAd(const PageOutline& outline) {
  JobAdAssessment assessment;
  const TitleChoice title = ChooseTitle(outline);
  if (title.evidence == TitleEvidence::kNone) {
    assessment.why = "no job ad: no job title in the headings or the page title";
    return assessment;
  }
  const std::size_t start = title.block == kNoBlock ? 0 : title.block;
  const std::size_t end = AdEnd(outline, start);
  Evidence evidence;
  CountSections(outline, start, end, &evidence);
  CountLinks(outline, Phrase(title.text), end, &evidence);
  CountHeadings(outline, title, end, &evidence);
  evidence.gone = LooksGone(outline);
  assessment.title = title.text;
  assessment.title_block = title.block;
  assessment.end_block = end;
  assessment.evidence = title.evidence;
  assessment.why = Rejection(evidence);
  if (!assessment.why.empty()) return assessment;
  assessment.is_ad = Accepts(title, evidence);
  assessment.why = std::string(assessment.is_ad ? "one job ad" : "no job ad") + " (title" +
                   (title.block == kNoBlock ? " from metadata" : "") + ", " + Describe(evidence) +
                   ")";
  return assessment;
}

}  // namespace jobcrawler::parsers::internal
