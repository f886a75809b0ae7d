// `jobcrawler report` on a real database: what ends up in the file.
#include "app/cli/report_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "app/cli/commands.h"
#include "app/monitor/monitor.h"
#include "tests/app/report/report_fixture.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t PostingRows(const std::string& html) {
  const std::size_t begin = html.find("<table id=\"postings-table\"");
  const std::size_t end = html.find("</table>", begin);
  const std::string table = html.substr(begin, end - begin);
  std::size_t count = 0;
  for (std::size_t at = table.find("\n<tr"); at != std::string::npos;
       at = table.find("\n<tr", at + 1)) {
    ++count;
  }
  return count;
}

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.ok()); }

  // Runs the command; returns its exit status, the page in `html_`.
  int Report(const std::string& database, bool all = false, const std::string& locale = "en") {
    ReportCommand command;
    command.config_path = testing::WriteFixtureConfig(dir_.File("config.toml"), locale);
    command.database = database;
    command.output = dir_.File("report.html");
    command.all = all;
    const int status = RunReport(command, out_, err_);
    html_ = ReadFile(command.output);
    return status;
  }

  std::string Seeded() {
    const std::string path = dir_.File("jobs.db");
    testing::SeedReportFixture(path, NowMillis());
    return path;
  }

  testing::TempDir dir_;
  std::ostringstream out_, err_;
  std::string html_;
};

TEST_F(ReportCommandTest, AMissingDatabaseIsAnErrorAndCreatesNothing) {
  const std::string missing = dir_.File("nothing-here.db");
  EXPECT_EQ(Report(missing), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("no database at " + missing));
  EXPECT_FALSE(std::filesystem::exists(missing));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("report.html")));
}

TEST_F(ReportCommandTest, AnEmptyDatabaseGivesACompleteEmptyReport) {
  const std::string path = dir_.File("empty.db");
  ASSERT_TRUE(storage::SqliteStore::Open(path).ok());
  ASSERT_EQ(Report(path), kExitOk) << err_.str();
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(PostingRows(html_), 0u);
  EXPECT_THAT(html_, HasSubstr("No open postings."));
  EXPECT_THAT(html_, HasSubstr("<td>alpha<td data-v=\"\">never"));  // configured, never reached
  EXPECT_THAT(html_, HasSubstr("</html>"));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.File(""))) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("report.html.partial"))
        << entry.path();
  }
}

TEST_F(ReportCommandTest, ShowsTheOpenMatchedPostingsAndWhereTheyWereSeen) {
  ASSERT_EQ(Report(Seeded()), kExitOk) << err_.str();
  EXPECT_EQ(PostingRows(html_), static_cast<std::size_t>(testing::FixtureOpen(false)));
  EXPECT_THAT(html_, HasSubstr(">CIO</a><td>Enervie AG<td>58093 Hagen<td data-v=\"\">"));
  EXPECT_THAT(html_, HasSubstr("<td>alpha, beta\n"));
  EXPECT_THAT(html_, HasSubstr("€7,083–8,750"));      // 85,000–105,000 a year
  EXPECT_THAT(html_, Not(HasSubstr("Koch")));         // not matched
  EXPECT_THAT(html_, Not(HasSubstr("IT-Leiterin")));  // closed
  EXPECT_THAT(html_, HasSubstr("1 closed in the last 26 weeks"));
  EXPECT_THAT(html_, HasSubstr("Latest crawl: #2, completed"));
}

TEST_F(ReportCommandTest, AllAddsTheUnmatchedOpenPostings) {
  ASSERT_EQ(Report(Seeded(), true), kExitOk) << err_.str();
  EXPECT_EQ(PostingRows(html_), static_cast<std::size_t>(testing::FixtureOpen(true)));
  EXPECT_THAT(html_, HasSubstr("Koch (m/w/d)"));
  EXPECT_THAT(html_, HasSubstr("All open postings"));
}

TEST_F(ReportCommandTest, SourceHealthNamesTheLastSuccessfulRun) {
  ASSERT_EQ(Report(Seeded()), kExitOk) << err_.str();
  EXPECT_THAT(html_, HasSubstr("<td>alpha<td data-v=\"2\">"));
  EXPECT_THAT(html_, HasSubstr("<td>beta<td data-v=\"2\">"));
  EXPECT_THAT(html_, HasSubstr("latest completed crawl (run #2)"));
}

TEST_F(ReportCommandTest, ScrapedInjectionStaysText) {
  ASSERT_EQ(Report(Seeded()), kExitOk) << err_.str();
  EXPECT_THAT(html_, Not(HasSubstr("<img")));
  EXPECT_THAT(html_, Not(HasSubstr("<svg onload")));
  EXPECT_THAT(html_, Not(HasSubstr("javascript:")));
  EXPECT_THAT(html_, Not(HasSubstr("<script>window")));
  EXPECT_THAT(html_, HasSubstr("&lt;b&gt;Böse&lt;/b&gt; &amp; Co"));
}

TEST_F(ReportCommandTest, GermanLocaleFromTheConfig) {
  ASSERT_EQ(Report(Seeded(), false, "de"), kExitOk) << err_.str();
  EXPECT_THAT(html_, HasSubstr("<html lang=\"de\">"));
  EXPECT_THAT(html_, HasSubstr("7.083–8.750 €"));
  EXPECT_THAT(html_, HasSubstr("Letzter Crawl: #2, abgeschlossen"));
}

TEST_F(ReportCommandTest, DashWritesToStdout) {
  const std::string path = dir_.File("empty.db");
  ASSERT_TRUE(storage::SqliteStore::Open(path).ok());
  ReportCommand command;
  command.config_path = testing::WriteFixtureConfig(dir_.File("config.toml"), "en");
  command.database = path;
  command.output = "-";
  ASSERT_EQ(RunReport(command, out_, err_), kExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("<!DOCTYPE html>"));
}

TEST_F(ReportCommandTest, AnUnwritableOutputIsAnError) {
  const std::string path = dir_.File("empty.db");
  ASSERT_TRUE(storage::SqliteStore::Open(path).ok());
  ReportCommand command;
  command.config_path = testing::WriteFixtureConfig(dir_.File("config.toml"), "en");
  command.database = path;
  command.output = dir_.File("no-such-dir/report.html");
  EXPECT_EQ(RunReport(command, out_, err_), kExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("no-such-dir/report.html: No such file or directory"));
}

}  // namespace
}  // namespace jobcrawler::app
