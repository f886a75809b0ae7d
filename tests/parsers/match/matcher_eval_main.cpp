// matcher_eval [path/to/matcher_eval.tsv]: prints precision and recall of the
// default Matcher for titles and locations, and every misclassified row.
// Exits 1 when the file cannot be read or has malformed rows.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "parsers/match/matcher.h"
#include "tests/parsers/match/matcher_eval.h"

int main(int argc, char** argv) {
  using jobcrawler::parsers::Evaluate;
  using jobcrawler::parsers::FormatReport;
  const std::string path =
      argc > 1 ? argv[1] : JOBCRAWLER_TEST_DATA_DIR "/matcher_eval.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "matcher_eval: cannot read " << path << "\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const jobcrawler::parsers::Matcher matcher{jobcrawler::parsers::MatchRules{}};
  const auto report = Evaluate(matcher, text.str());
  std::cout << path << "\n" << FormatReport(report);
  return report.errors.empty() ? 0 : 1;
}
