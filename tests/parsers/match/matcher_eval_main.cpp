// matcher_eval [file.tsv ...]: prints precision and recall of the default
// Matcher for titles and locations, and every misclassified row, for each
// file; without arguments for the tuned set tests/data/matcher_eval.tsv and
// the held-back set tests/data/matcher_holdout.tsv. Exits 1 when a file
// cannot be read or has malformed rows.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/match/matcher.h"
#include "tests/parsers/match/matcher_eval.h"

int main(int argc, char** argv) {
  using jobcrawler::parsers::Evaluate;
  using jobcrawler::parsers::FormatReport;
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.empty()) {
    paths = {JOBCRAWLER_TEST_DATA_DIR "/matcher_eval.tsv",
             JOBCRAWLER_TEST_DATA_DIR "/matcher_holdout.tsv"};
  }
  const jobcrawler::parsers::Matcher matcher{jobcrawler::parsers::MatchRules{}};
  int status = 0;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "matcher_eval: cannot read " << path << "\n";
      status = 1;
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const auto report = Evaluate(matcher, text.str());
    std::cout << path << "\n" << FormatReport(report);
    if (!report.errors.empty()) status = 1;
  }
  return status;
}
