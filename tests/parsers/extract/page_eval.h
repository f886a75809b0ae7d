// Scores ExtractPage against the labelled pages of tests/data/pages/ (see
// labels.tsv there): is each page one job ad, and are the title, company and
// place of each ad read right. Shared by the page_eval tool and the PageEval
// test.
#ifndef JOBCRAWLER_TESTS_PARSERS_EXTRACT_PAGE_EVAL_H_
#define JOBCRAWLER_TESTS_PARSERS_EXTRACT_PAGE_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {

struct PageLabel {
  int line = 0;
  std::string file;
  std::string set;   // "dev" or "holdout"
  std::string kind;  // "ad-cms", "listing", ...
  bool is_ad = false;
  // Accepted values ('|'-separated in the file).
  std::vector<std::string> titles;
  std::vector<std::string> companies;
  std::vector<std::string> postal_codes;
  std::vector<std::string> localities;
};

// Per class: pages, pages read as an ad, and of the ads the fields read right.
struct PageClassScore {
  int pages = 0;
  int read_as_ad = 0;
  int title_right = 0;
  int company_right = 0;
  int place_right = 0;
};

struct PageEvalReport {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  int true_negatives = 0;
  int title_right = 0;  // of the true positives
  int company_right = 0;
  int place_right = 0;
  std::map<std::string, PageClassScore> by_class;
  std::vector<std::string> notes;   // every miss and wrong field, one line each
  std::vector<std::string> errors;  // unreadable rows or pages

  double Precision() const;            // 1.0 when nothing was read as an ad
  double Recall() const;               // 1.0 when nothing is labelled an ad
  double FieldShare(int right) const;  // right / true positives (1.0 for none)
};

// Parses labels.tsv: '#' lines and the header are skipped, malformed rows go
// to `errors`.
std::vector<PageLabel> ParsePageLabels(std::string_view tsv, std::vector<std::string>* errors);

// Runs ExtractPage on every labelled page in `dir` whose set is `set` (all
// when empty) and scores it.
PageEvalReport EvaluatePages(const std::string& dir, std::string_view labels_tsv,
                             std::string_view set);

// Precision and recall, field accuracy, one line per class and the notes.
std::string FormatPageReport(std::string_view name, const PageEvalReport& report);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_TESTS_PARSERS_EXTRACT_PAGE_EVAL_H_
