// Page content that broke things end to end: a listing of thousands of
// unclosed anchors, a page nested too deeply to read whole, and scraped
// text that a spreadsheet would run as a formula.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <string>

#include "app/cli/commands.h"
#include "app/demo/http_server.h"
#include "crawler/crawler.h"
#include "storage/sqlite_store.h"
#include "tests/storage/store_test_util.h"
#include "tests/support/sqlite_probe.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;

// A listing whose anchors are never closed, the way some boards write them.
constexpr int kUnclosedAnchors = 3000;
// Far beyond the nesting pre-scan's depth limit (parsers/html/html_nesting.h).
constexpr int kDeepDivs = 5000;

std::string UnclosedListing() {
  std::string html = "<!doctype html><html><body><ul>";
  for (int i = 0; i < kUnclosedAnchors; ++i) {
    html += fmt::format("<li><a href=\"/jobs/{}\">Stelle {}", i, i);
  }
  return html + "</ul></body></html>";
}

std::string DeepPage() {
  std::string html = "<!doctype html><html><body><a href=\"/jobs/shallow\">x</a>";
  for (int i = 0; i < kDeepDivs; ++i) html += "<div>";
  return html + "<a href=\"/jobs/deep\">y</a></body></html>";
}

class HostileContentTest : public ::testing::Test {
 protected:
  HostileContentTest()
      : server_("127.0.0.1", 0, [this](const HttpRequestInfo& request) { return Serve(request); }) {
    config_.crawler.per_host_delay_ms = 0;
    config_.crawler.per_host_concurrency = 8;
    config_.crawler.concurrency = 8;
    config_.crawler.max_attempts = 1;
    config_.crawler.max_pages = 2 * kUnclosedAnchors;
  }

  HttpReply Serve(const HttpRequestInfo& request) {
    if (request.target == "/robots.txt") return HttpReply::Text("", 404);
    if (request.target == "/") return HttpReply::Html(UnclosedListing());
    if (request.target == "/deep") return HttpReply::Html(DeepPage());
    if (request.target.starts_with("/jobs/")) {
      ++job_requests_;
      return HttpReply::Html("<!doctype html><html><body><p>Stelle</p></body></html>");
    }
    return HttpReply::Html("", 404);
  }

  storage::RunStatus Crawl(const std::string& start_path) {
    config_.sources = {
        {.name = "board", .start_urls = {server_.base_url() + start_path}, .follow = {}}};
    auto store = storage::SqliteStore::Open(database_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    parsers::Matcher matcher(config_.match);
    crawler::Crawler crawler(config_.crawler, config_.sources, *store.value(), matcher);
    crawler::CrawlLimits limits;
    limits.handle_signals = false;
    return crawler.Run(limits).status;
  }

  // pages.error of the page at `path`.
  std::string PageError(const std::string& path) {
    auto rows = jobcrawler::testing::QueryDatabase(
        database_, "SELECT error FROM pages WHERE url = '" + server_.base_url() + path + "'");
    return rows.size() == 1 ? rows[0][0] : "<no page>";
  }

  jobcrawler::testing::TempDir dir_;
  std::string database_ = dir_.File("jobs.db");
  std::atomic<int> job_requests_{0};
  HttpServer server_;
  Config config_;
};

// Regression: the nesting pre-scan counted every unclosed <a> as a level and
// cut the listing at about a thousand links, silently.
TEST_F(HostileContentTest, EveryLinkOfAListingWithUnclosedAnchorsIsFollowed) {
  ASSERT_EQ(Crawl("/"), storage::RunStatus::kCompleted);
  EXPECT_EQ(job_requests_.load(), kUnclosedAnchors);
  EXPECT_EQ(PageError("/"), "");
}

TEST_F(HostileContentTest, APageCutForNestingTooDeeplyIsRecordedAsSuch) {
  ASSERT_EQ(Crawl("/deep"), storage::RunStatus::kCompleted);
  EXPECT_THAT(PageError("/deep"), HasSubstr("nests elements too deeply"));
  EXPECT_EQ(job_requests_.load(), 1) << "the link before the cut only";
}

// A posting whose scraped text begins like a spreadsheet formula.
TEST_F(HostileContentTest, ExcelExportNeutralisesFormulasFromPages) {
  {
    auto store = storage::SqliteStore::Open(database_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::int64_t run = store.value()->BeginRun(1000).value();
    const std::string url = "https://h/job/1";
    parsers::Posting posting = storage::testing::Job(
        R"x(=HYPERLINK("http://evil.example","IT-Leiter (m/w/d)"))x", "@SUM(1)", "Hagen", url);
    posting.salary_min = 85000;
    storage::testing::Record(*store.value(), run, url, {storage::testing::Seen(posting, url)});
  }
  ExportCommand command;
  command.database = database_;
  command.all = true;
  command.excel = true;
  std::ostringstream out, err;
  ASSERT_EQ(RunExport(command, out, err), kExitOk) << err.str();
  EXPECT_THAT(
      out.str(),
      HasSubstr(
          R"x(;"'=HYPERLINK(""http://evil.example"",""IT-Leiter (m/w/d)"")";'@SUM(1);Hagen;)x"));
  EXPECT_THAT(out.str(), HasSubstr(";85000;"));

  command.excel = false;
  std::ostringstream plain;
  ASSERT_EQ(RunExport(command, plain, err), kExitOk) << err.str();
  EXPECT_THAT(plain.str(), HasSubstr(",@SUM(1),Hagen,")) << "plain CSV keeps the text";
}

}  // namespace
}  // namespace jobcrawler::app
