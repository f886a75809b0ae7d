// Decides whether a page without structured data is one job ad, from the
// evidence a person would use. Internal to parsers/extract.
//
// The rule (our choice; precision matters more than recall, because a
// listing, an article or a search page taken for an ad puts a false job in
// front of the user, while a missed ad is usually also on a board):
//  1. A title: the first <h1> outside navigation, footer, sidebars and
//     banners that reads like a job title (ad_vocabulary.h: kJobNoun or
//     kStrong); else, when no <h1> does, the first <h2> with kStrong
//     evidence; else a segment of og:title or <title>. "Stellenangebot",
//     "Job-ID" or "Kennziffer" in the three blocks around the title make it
//     kStrong.
//  2. The ad is the title's block up to a heading of other jobs ("Ähnliche
//     Stellen") or the end of the page. In it, in the main zone: section
//     headings (tasks, profile, offer), an apply action (a link or button,
//     also in a sidebar, or text asking for applications).
//  3. It is one ad when the title is a heading and
//       tasks and profile sections are both there, or
//       one of them and an offer section, with an apply action or a kStrong title, or
//       one of them, an apply action and a kStrong title;
//     and, for a title from metadata only, tasks, profile and an apply action.
//  4. Never an ad: a page with kMaxSiblingJobLinks or more links to other
//     job-like titles before the ad's end, kMaxSiblingJobHeadings or more
//     other job-like headings, a tasks or profile heading written twice
//     (several ads on one page), or text near the top saying the ad is gone.
// Pure, thread-safe.
#ifndef JOBCRAWLER_PARSERS_EXTRACT_JOB_AD_DETECTOR_H_
#define JOBCRAWLER_PARSERS_EXTRACT_JOB_AD_DETECTOR_H_

#include <cstddef>
#include <string>

#include "parsers/extract/ad_vocabulary.h"
#include "parsers/extract/page_outline.h"

namespace jobcrawler::parsers::internal {

inline constexpr int kMaxSiblingJobLinks = 3;
inline constexpr int kMaxSiblingJobHeadings = 2;
inline constexpr std::size_t kNoBlock = static_cast<std::size_t>(-1);

struct JobAdAssessment {
  bool is_ad = false;
  // One line for diagnostics: "one job ad (title, tasks, profile, apply)" or
  // "no job ad: 7 links to other jobs".
  std::string why;
  std::string title;                   // as the page writes it
  std::size_t title_block = kNoBlock;  // kNoBlock: the title came from metadata
  std::size_t end_block = 0;           // one past the ad's last block
  TitleEvidence evidence = TitleEvidence::kNone;
};

JobAdAssessment AssessJobAd(const PageOutline& outline);

}  // namespace jobcrawler::parsers::internal

#endif  // JOBCRAWLER_PARSERS_EXTRACT_JOB_AD_DETECTOR_H_
