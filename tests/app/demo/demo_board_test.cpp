#include "app/demo/demo_board.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kBase = "http://127.0.0.1:8123";

HttpReply Request(std::string method, std::string target) {
  HttpRequestInfo request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.host = "127.0.0.1:8123";
  return ServeDemoBoard(request, kBase);
}

HttpReply Get(std::string target) { return Request("GET", std::move(target)); }

std::string HeaderOf(const HttpReply& reply, std::string_view name) {
  for (const auto& [key, value] : reply.headers) {
    if (key == name) return value;
  }
  return "";
}

// The text between <script type="application/ld+json"> and </script>, or "".
std::string JsonLdOf(const std::string& html) {
  const std::string open = "<script type=\"application/ld+json\">";
  const std::size_t start = html.find(open);
  if (start == std::string::npos) return "";
  const std::size_t end = html.find("</script>", start);
  return html.substr(start + open.size(), end - start - open.size());
}

// The JobPosting node of a JSON-LD document: the object, in @graph or in the array.
nlohmann::json FindPosting(const nlohmann::json& doc) {
  const nlohmann::json& nodes =
      doc.is_array() ? doc : doc.value("@graph", nlohmann::json::array({doc}));
  for (const nlohmann::json& node : nodes) {
    if (node.value("@type", "") == "JobPosting") return node;
  }
  return nullptr;
}

// Listing entry links (<h2><a href="...">), without query strings.
std::vector<std::string> ListingLinks(const std::string& html) {
  static const RE2 kLink("<h2><a href=\"(/stellenangebote/[^\"?]+)");
  std::vector<std::string> links;
  re2::StringPiece rest(html);
  std::string link;
  while (RE2::FindAndConsume(&rest, kLink, &link)) links.push_back(link);
  return links;
}

const DemoJob& JobById(int id) {
  for (const DemoJob& job : DemoJobs()) {
    if (job.id == id) return job;
  }
  throw std::runtime_error("no job " + std::to_string(id));
}

TEST(DemoBoard, HoldsFortyEightJobsWithUniqueIds) {
  std::set<int> ids;
  for (const DemoJob& job : DemoJobs()) ids.insert(job.id);
  EXPECT_EQ(DemoJobs().size(), 48u);
  EXPECT_EQ(ids.size(), DemoJobs().size());
}

TEST(DemoBoard, ExpectsNineMatchesAllInHagenPostalCodes) {
  int matches = 0;
  for (const DemoJob& job : DemoJobs()) {
    if (!job.expected_match) continue;
    ++matches;
    const int code = std::stoi(job.postal_code);
    EXPECT_TRUE(code >= 58089 && code <= 58135) << job.title;
    EXPECT_TRUE(job.locality.starts_with("Hagen")) << job.title;
    EXPECT_EQ(job.country, "DE");
  }
  EXPECT_EQ(matches, 9);
}

TEST(DemoBoard, HasHardNegativesInTownsNamedLikeHagen) {
  std::set<std::string> localities;
  for (const DemoJob& job : DemoJobs()) {
    if (!job.expected_match) localities.insert(job.locality);
  }
  EXPECT_TRUE(localities.count("Hagenow"));
  EXPECT_TRUE(localities.count("Hagen im Bremischen"));
  EXPECT_TRUE(localities.count("Kopenhagen"));
  EXPECT_TRUE(localities.count("Hagen"));
}

TEST(DemoBoard, JobsAreDatedAroundNovember2026WithTwoToFourParagraphs) {
  for (const DemoJob& job : DemoJobs()) {
    EXPECT_TRUE(job.date_posted.starts_with("2026-1")) << job.id;
    EXPECT_LT(job.date_posted, job.valid_through) << job.id;
    const auto breaks = std::count(job.description.begin(), job.description.end(), '\n') / 2;
    EXPECT_GE(breaks, 1) << job.id;
    EXPECT_LE(breaks, 3) << job.id;
    EXPECT_EQ(job.salary_min.has_value(), !job.salary_currency.empty()) << job.id;
  }
}

TEST(DemoBoard, SlugIsLowercaseAsciiWithUmlautsSpelledOut) {
  EXPECT_EQ(DemoSlug("IT-Leiter (m/w/d)"), "it-leiter-m-w-d");
  EXPECT_EQ(DemoSlug("Leiter IT & Digitalisierung (w/m/d)"), "leiter-it-digitalisierung-w-m-d");
  EXPECT_EQ(DemoSlug("Märkische Straße Übach Öl"), "maerkische-strasse-uebach-oel");
  EXPECT_EQ(DemoSlug("  --CIO / Leiter--  "), "cio-leiter");
  EXPECT_EQ(DemoSlug(""), "");
}

TEST(DemoBoard, JobPathIsIdDashSlug) {
  EXPECT_EQ(DemoJobPath(JobById(2417)), "/stellenangebote/2417-it-leiter-m-w-d");
}

TEST(DemoBoard, ListingPagesCoverEveryJobExactlyOnce) {
  std::map<std::string, int> seen;
  std::string target = "/stellenangebote";
  int pages = 0;
  static const RE2 kNext("<link rel=\"next\" href=\"([^\"]+)\">");
  for (; !target.empty() && pages < 20; ++pages) {
    const HttpReply reply = Get(target);
    ASSERT_EQ(reply.status, 200) << target;
    for (const std::string& link : ListingLinks(reply.body)) ++seen[link];
    std::string next;
    target = RE2::PartialMatch(reply.body, kNext, &next) ? next : "";
    EXPECT_EQ(target.empty(), reply.body.find("Weiter »") == std::string::npos);
  }
  EXPECT_EQ(pages, 5);
  EXPECT_EQ(seen.size(), DemoJobs().size());
  for (const DemoJob& job : DemoJobs()) EXPECT_EQ(seen[DemoJobPath(job)], 1) << job.id;
}

TEST(DemoBoard, SomeListingLinksCarryTrackingParameters) {
  EXPECT_THAT(Get("/stellenangebote?seite=2").body,
              HasSubstr("?utm_source=liste&amp;utm_medium=board\""));
}

TEST(DemoBoard, FirstListingPageIsTheSameWithOrWithoutSeite) {
  EXPECT_EQ(Get("/stellenangebote?seite=1").body, Get("/stellenangebote").body);
}

TEST(DemoBoard, OutOfRangeOrMalformedListingPageIsNotFound) {
  for (const char* target :
       {"/stellenangebote?seite=0", "/stellenangebote?seite=6", "/stellenangebote?seite=-1",
        "/stellenangebote?seite=zwei", "/stellenangebote?seite="}) {
    EXPECT_EQ(Get(target).status, 404) << target;
  }
}

TEST(DemoBoard, EveryJsonLdDetailPageParsesAndCarriesTitleAndIdentifier) {
  for (const DemoJob& job : DemoJobs()) {
    if (job.markup == DemoMarkup::kMicrodata) continue;
    const HttpReply reply = Get(DemoJobPath(job));
    ASSERT_EQ(reply.status, 200) << job.id;
    const std::string script = JsonLdOf(reply.body);
    EXPECT_THAT(script, Not(HasSubstr("</"))) << job.id;
    const nlohmann::json doc = nlohmann::json::parse(script);
    const nlohmann::json posting = FindPosting(doc);
    ASSERT_TRUE(posting.is_object()) << job.id;
    EXPECT_EQ(posting["title"], job.title);
    EXPECT_EQ(posting["identifier"]["value"], "DS-" + std::to_string(job.id));
    EXPECT_EQ(posting["url"], std::string(kBase) + DemoJobPath(job));
    EXPECT_EQ(posting["jobLocation"]["address"]["postalCode"], job.postal_code);
    EXPECT_EQ(posting.contains("baseSalary"), job.salary_min.has_value()) << job.id;
  }
}

TEST(DemoBoard, UsesEveryMarkupKind) {
  std::map<DemoMarkup, int> counts;
  for (const DemoJob& job : DemoJobs()) ++counts[job.markup];
  EXPECT_GE(counts[DemoMarkup::kJsonLdGraph], 3);
  EXPECT_GE(counts[DemoMarkup::kJsonLdArray], 3);
  EXPECT_GE(counts[DemoMarkup::kMicrodata], 4);
}

TEST(DemoBoard, MicrodataPagesCarryItempropsAndNoJsonLd) {
  for (const DemoJob& job : DemoJobs()) {
    if (job.markup != DemoMarkup::kMicrodata) continue;
    const std::string body = Get(DemoJobPath(job)).body;
    EXPECT_EQ(JsonLdOf(body), "") << job.id;
    EXPECT_THAT(body, HasSubstr("itemtype=\"https://schema.org/JobPosting\""));
    EXPECT_THAT(body, HasSubstr("<span itemprop=\"postalCode\">" + job.postal_code + "<"));
    EXPECT_THAT(
        body, HasSubstr("<meta itemprop=\"value\" content=\"DS-" + std::to_string(job.id) + "\">"));
  }
}

TEST(DemoBoard, DetailPageHasCanonicalLinkAndThreeSimilarJobs) {
  const DemoJob& job = JobById(2404);
  const std::string body = Get(DemoJobPath(job) + "?utm_source=liste&utm_medium=board").body;
  EXPECT_THAT(body, HasSubstr("<link rel=\"canonical\" href=\"" + std::string(kBase) +
                              DemoJobPath(job) + "\">"));
  EXPECT_THAT(body, HasSubstr("<meta charset=\"utf-8\">"));
  const std::size_t box = body.find("Ähnliche Stellen");
  ASSERT_NE(box, std::string::npos);
  int links = 0;
  for (std::size_t at = body.find("<li><a href=", box); at != std::string::npos;
       at = body.find("<li><a href=", at + 1)) {
    ++links;
  }
  EXPECT_EQ(links, 3);
}

TEST(DemoBoard, DetailPageIgnoresTrackingParameters) {
  const std::string path = DemoJobPath(JobById(2391));
  EXPECT_EQ(Get(path + "?utm_source=liste&utm_medium=board").body, Get(path).body);
}

TEST(DemoBoard, DetailPathWithWrongSlugOrUnknownIdIsNotFound) {
  EXPECT_EQ(Get("/stellenangebote/2417-head-of-it").status, 404);
  EXPECT_EQ(Get("/stellenangebote/9999-it-leiter-m-w-d").status, 404);
  EXPECT_EQ(Get("/stellenangebote/").status, 404);
}

TEST(DemoBoard, KurzlinkPagesAreIdenticalToCanonicalPages) {
  ASSERT_EQ(DemoKurzlinkIds().size(), 2u);
  const std::string home = Get("/").body;
  for (int id : DemoKurzlinkIds()) {
    const HttpReply kurz = Get("/job/" + std::to_string(id));
    EXPECT_EQ(kurz.status, 200);
    EXPECT_EQ(kurz.body, Get(DemoJobPath(JobById(id))).body);
    EXPECT_THAT(home, HasSubstr("<a href=\"/job/" + std::to_string(id) + "\">"));
  }
}

TEST(DemoBoard, KurzlinkOfAnOrdinaryJobIsNotFound) {
  EXPECT_EQ(Get("/job/2417").status, 404);
  EXPECT_EQ(Get("/job/").status, 404);
}

TEST(DemoBoard, RobotsTxtDisallowsInternAndNamesTheSitemap) {
  const HttpReply reply = Get("/robots.txt");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(HeaderOf(reply, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_THAT(reply.body, HasSubstr("User-agent: *\nDisallow: /intern/\n"));
  EXPECT_THAT(reply.body, HasSubstr("Sitemap: http://127.0.0.1:8123/sitemap.xml\n"));
}

TEST(DemoBoard, InternAreaExistsAndIsLinkedFromTheFooter) {
  EXPECT_EQ(Get("/intern/").status, 200);
  EXPECT_THAT(Get("/").body, HasSubstr("<a href=\"/intern/\">Mitarbeiterbereich</a>"));
}

TEST(DemoBoard, SitemapListsListingAndDetailUrls) {
  const HttpReply reply = Get("/sitemap.xml");
  EXPECT_EQ(HeaderOf(reply, "Content-Type"), "application/xml");
  EXPECT_THAT(reply.body, HasSubstr("<loc>http://127.0.0.1:8123/stellenangebote?seite=5</loc>"));
  for (const DemoJob& job : DemoJobs()) {
    EXPECT_THAT(reply.body, HasSubstr("<loc>" + std::string(kBase) + DemoJobPath(job) + "</loc>"));
  }
}

TEST(DemoBoard, StaticPagesAreServedAsUtf8Html) {
  for (const char* path : {"/", "/ueber-uns", "/impressum", "/datenschutz"}) {
    const HttpReply reply = Get(path);
    EXPECT_EQ(reply.status, 200) << path;
    EXPECT_EQ(HeaderOf(reply, "Content-Type"), "text/html; charset=utf-8") << path;
  }
}

TEST(DemoBoard, UnknownPathIsHtmlNotFound) {
  const HttpReply reply = Get("/gibt-es-nicht");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(HeaderOf(reply, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(reply.body, HasSubstr("Seite nicht gefunden"));
}

TEST(DemoBoard, MethodsOtherThanGetAndHeadAreNotAllowed) {
  const HttpReply reply = Request("POST", "/stellenangebote");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(HeaderOf(reply, "Allow"), "GET, HEAD");
  EXPECT_EQ(Request("DELETE", "/").status, 405);
}

TEST(DemoBoard, HeadIsAnsweredLikeGet) {
  EXPECT_EQ(Request("HEAD", "/stellenangebote").status, 200);
  EXPECT_EQ(Request("HEAD", "/stellenangebote").body, Get("/stellenangebote").body);
}

}  // namespace
}  // namespace jobcrawler::app
