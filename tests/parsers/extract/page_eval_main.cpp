// page_eval [labels.tsv]: prints, for the labelled pages of tests/data/pages/
// (all, then the dev and the holdout set), precision and recall of "is this
// page one job ad", the share of ads whose title, company and place were read
// right, one line per class, and every miss. Exits 1 when the labels or a
// page cannot be read.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "tests/parsers/extract/page_eval.h"

int main(int argc, char** argv) {
  const std::string dir = JOBCRAWLER_TEST_DATA_DIR "/pages";
  const std::string path = argc > 1 ? argv[1] : dir + "/labels.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "page_eval: cannot read " << path << "\n";
    return 1;
  }
  std::ostringstream labels;
  labels << in.rdbuf();
  int status = 0;
  for (const char* set : {"", "dev", "holdout"}) {
    const auto report = jobcrawler::parsers::EvaluatePages(dir, labels.str(), set);
    std::cout << jobcrawler::parsers::FormatPageReport(*set == '\0' ? "all" : set, report) << "\n";
    if (!report.errors.empty()) status = 1;
  }
  return status;
}
