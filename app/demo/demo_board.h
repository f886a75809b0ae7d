// The bundled sample job board behind `jobcrawler demo`.
//
// A small, invented German job board ("Demo-Stellenmarkt Südwestfalen") that
// is compiled into the binary so the demo works offline. It is built to
// exercise a crawler the way real boards do: paginated listings, tracking
// parameters on some links (canonicalisation), detail pages carrying
// JSON-LD (single object, @graph, top-level array) or only microdata, two
// jobs reachable under a second "Kurzlink" URL (deduplication), a robots.txt
// that disallows /intern/, a sitemap, and many hard negatives for the matcher
// (IT leadership elsewhere, non-IT leadership in Hagen, "Werkstudent
// IT-Leitung", Hagenow, Kopenhagen, Hagen im Bremischen).
//
// Every company, address and ad is invented.
//
// Thread safety: the content is immutable after the first call to DemoJobs()
// (a function-local static), so ServeDemoBoard may be called from any number
// of threads at once.
#ifndef JOBCRAWLER_APP_DEMO_DEMO_BOARD_H_
#define JOBCRAWLER_APP_DEMO_DEMO_BOARD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/demo/http_server.h"

namespace jobcrawler::app {

// How a job's detail page carries its structured data.
enum class DemoMarkup {
  kJsonLd,       // one <script type="application/ld+json"> JobPosting object
  kJsonLdGraph,  // JobPosting inside "@graph" with an Organization and a BreadcrumbList
  kJsonLdArray,  // a top-level JSON array holding the JobPosting
  kMicrodata,    // no JSON-LD; itemscope/itemprop schema.org microdata only
};

// One invented job ad on the board.
struct DemoJob {
  int id = 0;
  std::string title;
  std::string company;
  std::string street;
  std::string postal_code;
  std::string locality;
  std::string region;
  std::string country;  // ISO 3166-1 alpha-2 ("DE", "DK")
  std::optional<double> salary_min;
  std::optional<double> salary_max;
  std::string salary_currency;  // "EUR", "DKK"; empty without a salary
  std::string salary_period;    // schema.org unitText: MONTH, YEAR, HOUR
  std::string employment_type;  // schema.org: FULL_TIME, PART_TIME, ...
  std::string date_posted;      // ISO date
  std::string valid_through;    // ISO date
  std::string description;      // plain German text, paragraphs split by "\n\n"
  // IT leadership in Hagen (postal codes 58089-58135): what a correct crawler
  // exports with the default match rules.
  bool expected_match = false;
  DemoMarkup markup = DemoMarkup::kJsonLd;
};

// The board's jobs in listing order (newest first). Built once, never changes.
const std::vector<DemoJob>& DemoJobs();

// Jobs per listing page (/stellenangebote?seite=N).
inline constexpr int kDemoJobsPerPage = 10;

// The URL slug for a title: lowercase ASCII, ä->ae ö->oe ü->ue ß->ss, every
// run of other characters becomes one '-', no leading or trailing '-'.
// "IT-Leiter (m/w/d)" -> "it-leiter-m-w-d".
std::string DemoSlug(std::string_view title);

// The canonical path of a job's detail page: "/stellenangebote/<id>-<slug>".
std::string DemoJobPath(const DemoJob& job);

// Ids of the jobs also served under the short URL "/job/<id>" (linked from
// the home page's "Top-Jobs" box). Their pages are byte-identical to the
// canonical ones, so a crawler must dedupe them.
const std::vector<int>& DemoKurzlinkIds();

// Answers one request for the board. Only GET and HEAD are allowed (405
// otherwise; the body is sent for HEAD too, the server drops it). Unknown
// paths, unknown ids and out-of-range listing pages get a 404 HTML page.
// `base_url` ("http://127.0.0.1:8123", no trailing slash) prefixes absolute
// URLs: canonical links, JSON-LD "url", robots.txt and the sitemap.
HttpReply ServeDemoBoard(const HttpRequestInfo& request, std::string_view base_url);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_DEMO_DEMO_BOARD_H_
