// The report page: self-contained, escaped, small, and complete with no, one
// and 10,000 postings.
#include "app/report/report_html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "app/report/html.h"
#include "app/report/report_assets.h"
#include "tests/app/report/report_fixture.h"
#include "tests/app/report/sha256.h"

namespace jobcrawler::app::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr storage::UnixMillis kNow = 1796904000000;  // 2026-12-10 12:00 UTC
constexpr storage::UnixMillis kDay = 24LL * 3600 * 1000;

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

// The rows of the postings table.
std::size_t PostingRows(const std::string& html) {
  const std::size_t begin = html.find("<table id=\"postings-table\"");
  const std::size_t end = html.find("</table>", begin);
  return Count(html.substr(begin, end - begin), "\n<tr");
}

ReportModel Model(std::vector<TablePosting> postings) {
  ReportModel model;
  model.generated_at = kNow;
  model.postings = std::move(postings);
  model.weeks = CountWeeks({}, kNow);
  return model;
}

TablePosting Posting(std::string title, std::string url, std::string company = "Muster GmbH") {
  TablePosting posting;
  posting.id = 1;
  posting.title = std::move(title);
  posting.url = std::move(url);
  posting.company = std::move(company);
  posting.place = "58095 Hagen";
  posting.first_seen = kNow - 3 * kDay;
  posting.sources = {"alpha", "beta"};
  return posting;
}

TEST(Sha256, MatchesTheFipsExamples) {
  EXPECT_EQ(testing::Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(testing::Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(testing::Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(ReportHtml, ContentSecurityPolicyAllowsExactlyTheEmbeddedStyleAndScript) {
  const std::string html = RenderReport(Model({}), Locale::kEnglish);
  EXPECT_EQ(ReportScriptSha256(), testing::Sha256Hex(ReportScript()));
  EXPECT_EQ(ReportStyleSha256(), testing::Sha256Hex(ReportStyle()));
  const std::string csp = "default-src &#39;none&#39;; style-src &#39;sha256-" +
                          HexToBase64(testing::Sha256Hex(ReportStyle())) +
                          "&#39;; script-src &#39;sha256-" +
                          HexToBase64(testing::Sha256Hex(ReportScript())) + "&#39;; img-src data:;";
  EXPECT_THAT(html, HasSubstr("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp));
  // Before anything that could load or run: only <meta charset> precedes it.
  EXPECT_LT(html.find("Content-Security-Policy"), html.find("<title>"));
  EXPECT_LT(html.find("Content-Security-Policy"), html.find("<style>"));
  // The hashed texts are embedded byte for byte.
  EXPECT_THAT(html, HasSubstr("<style>" + std::string(ReportStyle()) + "</style>"));
  EXPECT_THAT(html, HasSubstr("<script>" + std::string(ReportScript()) + "</script>"));
}

TEST(ReportHtml, LoadsNothingFromAnywhere) {
  TablePosting posting = Posting("IT-Leiter", "https://example.org/jobs/1");
  const std::string html = RenderReport(Model({posting}), Locale::kEnglish);
  // The only URL in the page is the posting's link.
  const std::string without_link =
      std::regex_replace(html, std::regex("<a href=\"https://example.org/jobs/1\">"), "");
  EXPECT_THAT(without_link, Not(HasSubstr("http:")));
  EXPECT_THAT(without_link, Not(HasSubstr("https:")));
  for (const char* loader : {" src=", "url(", "@import", "<link rel=\"stylesheet", "<iframe",
                             "<object", "<embed", "fetch(", "XMLHttpRequest", "<img"}) {
    EXPECT_THAT(html, Not(HasSubstr(loader))) << loader;
  }
}

TEST(ReportHtml, AnEmptyReportSaysSoAndStillHasItsCharts) {
  const std::string html = RenderReport(Model({}), Locale::kEnglish);
  EXPECT_EQ(PostingRows(html), 0u);
  EXPECT_THAT(html, HasSubstr("No open postings."));
  EXPECT_THAT(html, HasSubstr("No crawl has run yet."));
  EXPECT_EQ(Count(html, "<g class=\"week\">"), static_cast<std::size_t>(kReportWeeks));
  EXPECT_THAT(html, HasSubstr("No posting states a salary in EUR."));
  EXPECT_THAT(html, HasSubstr("0 of 0 postings"));
  EXPECT_THAT(html, HasSubstr("<button id=\"show-all\" type=\"button\" data-template=\"Show all "
                              "{count}\" hidden>"));
  EXPECT_THAT(html, Not(HasSubstr("<noscript>")));
  EXPECT_THAT(html, HasSubstr("</html>\n"));
}

TEST(ReportHtml, OnePostingIsOneLinkedRow) {
  TablePosting posting = Posting("IT-Leiter (m/w/d)", "https://example.org/jobs/1?a=1&b=2");
  posting.salary = MonthlySalary{7083.33, 8750, "EUR"};
  const std::string html = RenderReport(Model({posting}), Locale::kEnglish);
  EXPECT_EQ(PostingRows(html), 1u);
  EXPECT_THAT(html, HasSubstr("<tr><td><a href=\"https://example.org/jobs/1?a=1&amp;b=2\">"
                              "IT-Leiter (m/w/d)</a><td>Muster GmbH<td>58095 Hagen"
                              "<td data-v=\"7917\">€7,083–8,750<td data-v=\"20794\">7 Dec 2026"
                              "<td>alpha, beta\n"));
  EXPECT_THAT(html, HasSubstr("1 of 1 postings"));
}

TEST(ReportHtml, HostileTextNeverBecomesMarkup) {
  TablePosting injected =
      Posting(testing::kImgTitle, "https://example.org/jobs/1", testing::kSvgCompany);
  injected.place = "<!--";
  injected.sources = {"</td><script>x()</script>"};
  TablePosting script = Posting(testing::kScriptTitle, testing::kScriptUrl);
  ReportModel model = Model({injected, script});
  model.employers = {{"<svg onload=alert(1)>", 2}};
  model.sources = {{"<b>src</b>", std::nullopt, 1, 0, 0, "WARN </script><script>y()</script>"}};
  const std::string html = RenderReport(model, Locale::kEnglish);
  EXPECT_EQ(PostingRows(html), 2u);
  for (const char* raw : {"<img", "<svg onload", "<script>x", "<script>window", "<script>y", "<b>",
                          "<!--", "javascript:"}) {
    EXPECT_THAT(html, Not(HasSubstr(raw))) << raw;
  }
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(Count(html, "</script>"), 1u);
  EXPECT_THAT(html, HasSubstr("IT-Leiter &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;"));
  // The javascript: URL is not linked; its title is plain text.
  EXPECT_THAT(html, HasSubstr("<tr><td>Leiter IT &lt;/script&gt;&lt;script&gt;"));
}

TEST(ReportHtml, GermanLocaleWritesGermanNumbersDatesAndLabels) {
  TablePosting posting = Posting("IT-Leiter", "https://example.org/1");
  posting.salary = MonthlySalary{7083.33, 8750, "EUR"};
  ReportModel model = Model({posting});
  model.salaries.postings = 1;
  model.salaries.with_salary = 1;
  model.salaries.min = model.salaries.median = model.salaries.max = 7916.67;
  model.salaries.bands = SalaryBands({7916.67});
  const std::string html = RenderReport(model, Locale::kGerman);
  EXPECT_THAT(html, HasSubstr("<html lang=\"de\">"));
  EXPECT_THAT(html, HasSubstr("7.083–8.750 €"));
  EXPECT_THAT(html, HasSubstr("07.12.2026"));
  EXPECT_THAT(html, HasSubstr("Passende offene Stellen"));
  EXPECT_THAT(html, HasSubstr("1 von 1 Stellen"));
  EXPECT_THAT(html, HasSubstr("KW 50"));
  EXPECT_THAT(html, HasSubstr("Median 7.917 €"));
  EXPECT_THAT(html, HasSubstr("<g class=\"row\">"));  // the salary chart
}

TEST(ReportHtml, TenThousandPostingsAreWrittenOnceAndStaySmall) {
  std::vector<TablePosting> postings;
  std::size_t text_bytes = 0;
  for (int i = 0; i < 10'000; ++i) {
    TablePosting posting =
        Posting("IT-Leiter (m/w/d) Nr. " + std::to_string(i),
                "https://www.example-jobboard.de/stellenangebote/it-leiter-" + std::to_string(i),
                "Stadtwerke Muster " + std::to_string(i % 300) + " GmbH");
    posting.id = i + 1;
    posting.salary = MonthlySalary{6000.0 + i % 40 * 100, 9000, "EUR"};
    text_bytes += posting.title.size() + posting.url.size() + posting.company.size() +
                  posting.place.size() + 12 /* "alpha, beta" */ + 28 /* salary and date */;
    postings.push_back(std::move(posting));
  }
  const std::string empty = RenderReport(Model({}), Locale::kEnglish);
  const std::string html = RenderReport(Model(std::move(postings)), Locale::kEnglish);
  EXPECT_EQ(PostingRows(html), 10'000u);
  EXPECT_EQ(Count(html, "it-leiter-9999\""), 1u);  // each posting once
  // The first page is shown, the rest waits for "show all".
  EXPECT_EQ(Count(html, "\n<tr><td>"), kPageRows);
  EXPECT_EQ(Count(html, "\n<tr hidden><td>"), 10'000 - kPageRows);
  EXPECT_THAT(html, HasSubstr("<button id=\"show-all\" type=\"button\" "
                              "data-template=\"Show all {count}\">Show all 10,000</button>"));
  EXPECT_THAT(html, HasSubstr("<noscript><p class=\"note\">Without JavaScript only the first 250"));
  // Markup per row beyond its text: a fixed, small amount.
  const double overhead = static_cast<double>(html.size() - empty.size() - text_bytes) / 10'000;
  EXPECT_LT(overhead, 100) << "bytes of markup per row";
  EXPECT_LT(html.size() / 10'000, 250u) << "bytes per posting";
}

}  // namespace
}  // namespace jobcrawler::app::report
