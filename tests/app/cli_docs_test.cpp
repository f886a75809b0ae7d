// The man page and bash completion come from the same definition as --help:
// every command and option --help shows is in both.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>

#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::HasSubstr;

const char* const kCommands[] = {"crawl", "export", "stats", "explain", "parse", "report", "demo"};

class CliDocsTest : public ::testing::Test {
 protected:
  // Runs a shell command in the temporary directory; its stdout.
  std::string Run(const std::string& command, int* status = nullptr) {
    const std::string out = dir_.File("stdout");
    const int raw = std::system(
        ("cd '" + dir_.path().string() + "' && (" + command + ") >'" + out + "' 2>&1").c_str());
    if (status) *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream in(out, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  std::string Jobcrawler(const std::string& args, int* status = nullptr) {
    return Run("'" JOBCRAWLER_BINARY "' " + args, status);
  }

  // The long options a command's --help lists.
  std::set<std::string> HelpOptions(const std::string& command) {
    const std::string help = Jobcrawler(command + " --help");
    std::set<std::string> options;
    const std::regex option("--[a-z][a-z-]*");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it) {
      options.insert(it->str());
    }
    return options;
  }

  testing::TempDir dir_;
};

TEST_F(CliDocsTest, ManPageListsEveryCommandAndOptionOfHelp) {
  int status = -1;
  const std::string man = Jobcrawler("--help-man", &status);
  EXPECT_EQ(status, 0);
  EXPECT_THAT(man, HasSubstr(".TH JOBCRAWLER 1"));
  for (const char* command : kCommands) {
    EXPECT_THAT(man, HasSubstr(".SS \"" + std::string(command) + "\"")) << command;
    const std::set<std::string> options = HelpOptions(command);
    EXPECT_GT(options.size(), 1u) << command;
    for (const std::string& option : options) {
      std::string roff;
      for (char c : option) roff += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_THAT(man, HasSubstr(roff)) << command << " " << option;
    }
  }
  // Hidden options stay hidden.
  EXPECT_THAT(man, ::testing::Not(HasSubstr("help\\-man")));
}

TEST_F(CliDocsTest, ManPageRendersWithoutWarnings) {
  int status = -1;
  Run("command -v groff", &status);
  if (status != 0) GTEST_SKIP() << "groff is not installed";
  std::ofstream(dir_.File("jobcrawler.1")) << Jobcrawler("--help-man");
  const std::string warnings = Run("groff -man -Tutf8 -ww -z jobcrawler.1");
  EXPECT_EQ(warnings, "");
  EXPECT_THAT(Run("groff -man -Tutf8 -P-cbou jobcrawler.1"), HasSubstr("report"));
}

TEST_F(CliDocsTest, BashCompletionCompletesCommandsOptionsAndValues) {
  int status = -1;
  std::ofstream(dir_.File("completion.bash")) << Jobcrawler("--help-completion", &status);
  ASSERT_EQ(status, 0);
  Run("bash -n completion.bash", &status);
  ASSERT_EQ(status, 0) << "syntax";
  // Completes `words` with the cursor on the last one.
  const auto complete = [&](const std::string& words) {
    return Run("bash -c 'source ./completion.bash; COMP_WORDS=(" + words +
               "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _jobcrawler; echo \"${COMPREPLY[*]}\"'");
  };
  EXPECT_EQ(complete("jobcrawler rep"), "report\n");
  EXPECT_EQ(complete("jobcrawler report --o"), "--output\n");
  EXPECT_EQ(complete("jobcrawler export --format \"\""), "csv jsonl atom\n");
  EXPECT_THAT(complete("jobcrawler crawl \"\""), HasSubstr("--report-new"));
  std::ofstream(dir_.File("mydb.sqlite")) << "";
  EXPECT_EQ(complete("jobcrawler report --db my"), "mydb.sqlite\n");
}

}  // namespace
}  // namespace jobcrawler::app
