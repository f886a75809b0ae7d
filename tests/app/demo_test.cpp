// `jobcrawler demo` end to end: the bundled board, crawled offline, gives
// exactly the jobs the board says a correct crawler must find.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "app/cli/commands.h"
#include "app/demo/demo_board.h"
#include "tests/support/csv.h"
#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

TEST(Demo, WritesACsvOfExactlyTheExpectedJobs) {
  testing::TempDir dir;
  DemoCommand command;
  command.database = dir.File("demo.db");
  command.output = dir.File("hagen-it-jobs.csv");
  command.quiet = true;
  std::ostringstream out, err;
  ASSERT_EQ(RunDemo(command, out, err), kExitOk) << err.str();

  std::ifstream file(command.output, std::ios::binary);
  std::stringstream csv;
  csv << file.rdbuf();
  auto rows = testing::ParseCsv(csv.str());
  ASSERT_FALSE(rows.empty());
  std::multiset<std::string> found;
  for (std::size_t i = 1; i < rows.size(); ++i) found.insert(rows[i][1] + " @ " + rows[i][4]);
  std::multiset<std::string> expected;
  for (const DemoJob& job : DemoJobs()) {
    if (job.expected_match) expected.insert(job.title + " @ " + job.postal_code);
  }
  EXPECT_EQ(found, expected);
  EXPECT_NE(out.str().find("IT-leadership job(s)"), std::string::npos) << out.str();
}

TEST(Demo, ReplacesAnExistingDatabaseSoEveryRunStartsFresh) {
  testing::TempDir dir;
  DemoCommand command;
  command.database = dir.File("demo.db");
  command.output = dir.File("out.csv");
  command.quiet = true;
  std::ostringstream out, err;
  ASSERT_EQ(RunDemo(command, out, err), kExitOk) << err.str();
  std::ifstream first(command.output);
  std::stringstream first_csv;
  first_csv << first.rdbuf();
  ASSERT_EQ(RunDemo(command, out, err), kExitOk) << err.str();
  std::ifstream second(command.output);
  std::stringstream second_csv;
  second_csv << second.rdbuf();
  EXPECT_EQ(testing::ParseCsv(first_csv.str()).size(), testing::ParseCsv(second_csv.str()).size());
}

}  // namespace
}  // namespace jobcrawler::app
