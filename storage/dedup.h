// Posting identity: the keys under which one job is recognised when it is
// seen again, on another page, another board or in another run, and the
// rules for merging two records of the same job.
//
// A posting has up to three keys, strongest first:
//   "id:"  + FoldCompany(company) + ":" + identifier   the source's own id
//   "url:" + canonical URL (posting.url, else the fallback page URL)
//   "tcl:" + TitleKey(posting) + "|" + FoldCompany(company) + "|" + FoldText(locality)
// Two records are the same job when ANY key is shared. A record that
// shares none may still join by its description (the last rung, below).
//
// Our choices beyond that ladder, each to avoid merging different jobs:
//  - no "id:" key when the company is empty (bare ids such as "17" collide
//    across boards);
//  - no "tcl:" key when the title or the company folds to empty;
//  - a place at the end of the title leaves the title key only when it is
//    the posting's own and set off by a separator (storage/title_place.h):
//    "IT-Leiter (w/m/d) – Hagen" in Hagen is "IT-Leiter (m/w/d)" there,
//    while "Leiter IT Hagen" and "IT-Leiter – Dortmund" in Hagen keep it;
//  - the caller passes an empty fallback URL when a page lists several
//    postings without their own URLs (they would all share the page URL).
//
// Pure functions, thread-safe. Folding knows ASCII and the German letters
// ä ö ü ß (and capitals) in UTF-8; other bytes pass through unchanged.
#ifndef JOBCRAWLER_STORAGE_DEDUP_H_
#define JOBCRAWLER_STORAGE_DEDUP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/posting.h"

namespace jobcrawler::storage {

// Lower-cases ASCII, spells umlauts out (ä→ae, ß→ss), turns ASCII
// punctuation into spaces, collapses spaces and trims.
std::string FoldText(std::string_view text);

// FoldText without gender tags: "(m/w/d)", "(w/m/d)", "m/w/d", "(all
// genders)", "(alle Geschlechter)", and the suffixes "*in", ":in", "_in",
// "/in", "(in)" (also "*innen" etc.).
// "IT-Leiter (m/w/d)" and "IT-Leiter*in" both fold to "it leiter".
std::string FoldTitle(std::string_view title);

// The title part of the "tcl:" key: FoldTitle(posting.title) without a
// trailing place that is the posting's own (see above).
std::string TitleKey(const parsers::Posting& posting);

// The "tcl:" key as it was before trailing places left the title key
// (FoldTitle of the whole title), when it differs from the current one;
// "" otherwise. Databases written before hold postings under such keys, so
// a lookup tries it after the current keys.
std::string LegacyTitleKey(const parsers::Posting& posting);

// The version of the identity keys: raised whenever IdentityKeys computes a
// different key for a stored posting, so that stored postings get the new
// keys (storage/key_refresh.h). 2: trailing places left the title key.
inline constexpr int kIdentityKeyVersion = 2;

// FoldText without legal forms: GmbH, GmbH & Co. KG, AG, SE, KG, KGaA, e.V.,
// mbH, UG (haftungsbeschränkt). "Muster GmbH & Co. KG" → "muster".
std::string FoldCompany(std::string_view company);

// The keys of `posting`, strongest first; `fallback_url` (the page URL)
// stands in for an empty posting.url. May be empty when nothing identifies
// the posting.
std::vector<std::string> IdentityKeys(const parsers::Posting& posting,
                                      std::string_view fallback_url);

// The last rung of the ladder, for a record that shares no key: the same
// job re-posted on another board under another title and URL. It joins an
// existing posting of the same FoldCompany and FoldText(locality) when both
// descriptions have at least kMinSimHashWords words and their SimHashes
// differ in at most kMaxSimHashDistance bits, and never when the titles
// differ in a rank word (SameRank).
//
// Description fingerprint: a 64-bit SimHash (Charikar) of FoldText(text)
// over word 3-shingles, each shingle hashed with 64-bit FNV-1a. A text of
// one or two words is one shingle; an empty text hashes to 0.
struct TextFingerprint {
  std::uint64_t simhash = 0;
  int words = 0;  // words of the folded text
};
TextFingerprint DescriptionFingerprint(std::string_view description);

// Fewer words give SimHashes too noisy to compare.
inline constexpr int kMinSimHashWords = 50;
// Reposts of one ad differ in a date or a contact line; at 64 bits, 3 keeps
// ads that share a company template but differ in their tasks apart.
inline constexpr int kMaxSimHashDistance = 3;

// The number of bits in which `a` and `b` differ.
int HammingDistance(std::uint64_t a, std::uint64_t b);

// True when the folded titles name the same rank: neither has a rank word
// (stellvertretende/deputy/vice, junior, senior, assistenz/assistant,
// trainee, praktikant, werkstudent, interim/kommissarisch) the other lacks.
// "IT-Leiter" and "Stellvertretender IT-Leiter" are different ranks.
bool SameRank(std::string_view title_a, std::string_view title_b);

// SameRank of the postings' TitleKeys: a place at the end of a title is no
// rank ("IT Manager – Vicenza" is no deputy).
bool SameRank(const parsers::Posting& a, const parsers::Posting& b);

// The company-and-place key under which near duplicates are looked for:
// FoldCompany(company) + "|" + FoldText(locality); "" when the company
// folds empty (then there is no near-duplicate rung).
std::string NearKey(const parsers::Posting& posting);

// The number of non-empty fields, used to pick the most complete record.
int Completeness(const parsers::Posting& posting);

// `base` with every empty field taken from `other`.
parsers::Posting FillMissing(parsers::Posting base, const parsers::Posting& other);

}  // namespace jobcrawler::storage

#endif  // JOBCRAWLER_STORAGE_DEDUP_H_
