// The jobcrawler binary as cron runs it: options, stdout, stderr and exit
// statuses of the monitoring commands.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "storage/sqlite_store.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

struct Invocation {
  int status = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class CliTest : public ::testing::Test {
 protected:
  // Runs the binary with `args` (already shell-quoted where needed) in the
  // temporary directory, so that no ./config.toml of the developer is read.
  // `shell` runs first in the same shell ("ulimit ...; exec ").
  Invocation Jobcrawler(const std::string& args, const std::string& shell = "") {
    const std::string out = dir_.File("stdout"), err = dir_.File("stderr");
    const std::string command = "cd '" + dir_.path().string() + "' && " + shell +
                                "'" JOBCRAWLER_BINARY "' " + args + " >'" + out + "' 2>'" + err +
                                "'";
    const int raw = std::system(command.c_str());
    Invocation run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = ReadFile(out);
    run.err = ReadFile(err);
    return run;
  }

  // A config whose only source is a closed port on this machine.
  std::string DeadSourceConfig() {
    const std::string path = dir_.File("dead.toml");
    std::ofstream(path) << "[crawler]\nper_host_delay_ms = 0\nmax_attempts = 1\n"
                           "connect_timeout_seconds = 2\n"
                           "[[sources]]\nname = \"dead\"\nstart_urls = [\"http://127.0.0.1:9/\"]\n";
    return path;
  }

  // A database in the temporary directory with `count` postings of one run.
  void FillDatabase(const std::string& name, int count) {
    auto opened = storage::SqliteStore::Open(dir_.File(name));
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    storage::SqliteStore& store = *opened.value();
    const std::int64_t run = store.BeginRun(1000).value();
    ASSERT_TRUE(store.AddToFrontier(run, {{"https://board.example/liste",
                                           "https://board.example:443", "board", 0, 0}})
                    .ok());
    const std::vector<storage::FrontierEntry> leased =
        store.LeaseFrontier(run, 1, 1, 1000, {}).value();
    ASSERT_EQ(leased.size(), 1u);
    storage::PageWrite write;
    write.page.frontier_id = leased[0].id;
    write.page.url = write.page.final_url = leased[0].url;
    write.page.source = "board";
    write.page.http_status = 200;
    write.page.fetched_at = 1000;
    for (int i = 0; i < count; ++i) {
      parsers::Posting posting;
      posting.title = "Leiter IT-Infrastruktur (m/w/d) Nr. " + std::to_string(i);
      posting.company = "Muster GmbH " + std::to_string(i);
      posting.locality = "Hagen";
      posting.url = "https://board.example/stellen/" + std::to_string(i);
      write.sightings.push_back({posting, leased[0].url, true});
    }
    ASSERT_TRUE(store.RecordPage(run, write).ok());
    ASSERT_TRUE(store.FinishRun(run, storage::RunStatus::kCompleted, {}, 2000).ok());
  }

  // Files in the temporary directory whose names start with `prefix`.
  std::vector<std::string> FilesStartingWith(const std::string& prefix) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(prefix)) names.push_back(name);
    }
    return names;
  }

  TempDir dir_;
};

TEST_F(CliTest, HelpListsTheMonitoringCommands) {
  Invocation run = Jobcrawler("--help");
  EXPECT_EQ(run.status, kExitOk);
  EXPECT_THAT(run.out, HasSubstr("stats"));
  EXPECT_THAT(run.out, HasSubstr("explain"));
  Invocation crawl = Jobcrawler("crawl --help");
  EXPECT_THAT(crawl.out, HasSubstr("--report-new"));
  Invocation exp = Jobcrawler("export --help");
  EXPECT_THAT(exp.out, HasSubstr("--since"));
  EXPECT_THAT(exp.out, HasSubstr("--closed"));
  EXPECT_THAT(exp.out, HasSubstr("atom"));
}

TEST_F(CliTest, BadExportOptionsExitWithTwo) {
  EXPECT_EQ(Jobcrawler("export --format xml --db x.db").status, kExitUsage);
  Invocation since = Jobcrawler("export --since yesterday --db x.db");
  EXPECT_EQ(since.status, kExitUsage);
  EXPECT_THAT(since.err, HasSubstr("--since must be a date (2026-11-20), run:ID or a run id"));
}

TEST_F(CliTest, ExplainNeedsAPositiveIdAndFailsForAnUnknownOne) {
  EXPECT_EQ(Jobcrawler("explain --db x.db").status, kExitUsage);
  EXPECT_EQ(Jobcrawler("explain abc --db x.db").status, kExitUsage);
  Invocation unknown = Jobcrawler("explain 5 --db x.db");
  EXPECT_EQ(unknown.status, kExitFailure);
  EXPECT_THAT(unknown.err, HasSubstr("no posting with id 5"));
}

TEST_F(CliTest, ParseReadsAJobAdWithoutStructuredDataAndSaysWhy) {
  std::ofstream(dir_.File("ad.html"))
      << "<title>IT-Koordinator (m/w/d) | Muster GmbH</title><h1>IT-Koordinator (m/w/d)</h1>"
         "<p>Standorte: 58095 Hagen und 44135 Dortmund</p><h2>Ihre Aufgaben</h2><p>a</p>"
         "<h2>Ihr Profil</h2><p>b</p><a href=/bewerben>Jetzt bewerben</a>";
  Invocation run = Jobcrawler("parse ad.html");
  EXPECT_EQ(run.status, kExitOk) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"format\":\"html-generic\""));
  EXPECT_THAT(run.out, HasSubstr("\"company\":\"Muster GmbH\""));
  EXPECT_THAT(run.out, HasSubstr("\"other_locations\":[{\"country\":\"\",\"location\":\"Dortmund\","
                                 "\"postal_code\":\"44135\",\"region\":\"\"}]"));
  EXPECT_THAT(run.err, HasSubstr("page without structured data: one job ad (title, tasks, "
                                 "profile, apply)"));
}

TEST_F(CliTest, ParseDropsAPlaceholderSalaryWithANote) {
  std::ofstream(dir_.File("ld.html"))
      << "<script type=application/ld+json>{\"@type\": \"JobPosting\", \"title\": \"CIO\","
         " \"baseSalary\": {\"currency\": \"EUR\", \"value\": {\"minValue\": 1,"
         " \"maxValue\": 1000000, \"unitText\": \"YEAR\"}}}</script>";
  Invocation run = Jobcrawler("parse ld.html");
  EXPECT_EQ(run.status, kExitOk) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"salary_min\":null"));
  EXPECT_THAT(run.err, HasSubstr("note: posting \"CIO\": salary 1\xE2\x80\x93" "1000000 EUR/YEAR "
                                 "dropped as a placeholder (an amount of 1)"));
}

TEST_F(CliTest, ParseTakesAFeedTypeAndRefusesAnUnknownOne) {
  const std::string feed = std::string(JOBCRAWLER_TEST_DATA_DIR) + "/feeds/greenhouse.json";
  Invocation run = Jobcrawler("parse --type greenhouse '" + feed + "'");
  EXPECT_EQ(run.status, kExitOk) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"url\":\"https://boards.greenhouse.io/ennepetalsoftware/jobs/"
                                 "4012345\""));
  EXPECT_THAT(run.err, HasSubstr("in the greenhouse response (shape ok)"));
  EXPECT_EQ(Jobcrawler("parse --type rss '" + feed + "'").status, kExitUsage);
}

TEST_F(CliTest, StatsOfAnEmptyDatabase) {
  Invocation run = Jobcrawler("stats --db empty.db");
  EXPECT_EQ(run.status, kExitOk) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Postings: 0 (0 active, 0 closed)"));
  EXPECT_THAT(run.out, HasSubstr("New per week"));
}

TEST_F(CliTest, ReportNewWithADeadSourceWarnsOnStderrOnlyAndExitsWithFour) {
  Invocation run =
      Jobcrawler("crawl --report-new --db dead.db --config '" + DeadSourceConfig() + "'");
  EXPECT_EQ(run.status, kExitSourceHealth) << run.err;
  EXPECT_EQ(run.out, "") << "cron mails stdout: nothing new, nothing printed";
  EXPECT_THAT(run.err, HasSubstr("WARNING: source dead"));
}

TEST_F(CliTest, ExportThatCannotBeWrittenExitsWithOneAndKeepsTheOldFile) {
  FillDatabase("jobs.db", 500);
  std::ofstream(dir_.File("out.csv")) << "old\n";
  // A file size limit of 50 KiB (ulimit counts 512-byte blocks) makes writes
  // fail with EFBIG, as a full disk makes them fail with ENOSPC. SIGXFSZ is
  // ignored, or the limit would kill the process instead. SQLite's 32 KiB
  // shared-memory file still fits.
  for (const std::string format : {"csv", "atom"}) {
    Invocation run =
        Jobcrawler("export --all --format " + format + " --db jobs.db --output out.csv",
                   "trap '' XFSZ; ulimit -f 100; exec ");
    EXPECT_EQ(run.status, kExitFailure) << format;
    EXPECT_THAT(run.err, HasSubstr("jobcrawler: cannot write out.csv: File too large"));
    EXPECT_EQ(ReadFile(dir_.File("out.csv")), "old\n") << format;
    EXPECT_THAT(FilesStartingWith("out.csv"), ::testing::ElementsAre("out.csv")) << format;
  }
  Invocation unlimited = Jobcrawler("export --all --db jobs.db --output out.csv");
  EXPECT_EQ(unlimited.status, kExitOk) << unlimited.err;
  EXPECT_GT(ReadFile(dir_.File("out.csv")).size(), 100u * 512);
  EXPECT_THAT(FilesStartingWith("out.csv"), ::testing::ElementsAre("out.csv"));
}

TEST_F(CliTest, ExportIntoAMissingDirectoryExitsWithOneAndCreatesNothing) {
  Invocation run = Jobcrawler("export --all --db jobs.db --output no/such/out.csv");
  EXPECT_EQ(run.status, kExitFailure);
  EXPECT_THAT(run.err, HasSubstr("no/such/out.csv: No such file or directory"));
  EXPECT_FALSE(std::filesystem::exists(dir_.File("no")));
}

TEST_F(CliTest, ExportAtomOfAnEmptyDatabaseIsAFeedWithoutEntries) {
  Invocation run = Jobcrawler("export --format atom --new --db empty.db");
  EXPECT_EQ(run.status, kExitOk) << run.err;
  EXPECT_THAT(run.out, HasSubstr("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("<entry>")));
}

}  // namespace
}  // namespace jobcrawler::app
