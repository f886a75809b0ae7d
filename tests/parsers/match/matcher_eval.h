// Scores a Matcher against the labelled rows of tests/data/matcher_eval.tsv.
// Shared by the matcher_eval tool and the MatcherEval test.
#ifndef JOBCRAWLER_TESTS_PARSERS_MATCH_MATCHER_EVAL_H_
#define JOBCRAWLER_TESTS_PARSERS_MATCH_MATCHER_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "parsers/match/matcher.h"
#include "parsers/core/posting.h"

namespace jobcrawler::parsers {

enum class EvalKind { kTitle, kLocation };

struct EvalRow {
  int line = 0;
  EvalKind kind = EvalKind::kTitle;
  std::string text;  // a title, or "postal_code|locality[|country]"
  bool expected = false;
  std::string note;
};

struct EvalScore {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  int true_negatives = 0;
  std::vector<std::string> misclassified;  // "line 12: ... (expected 1)"

  double Precision() const;  // 1.0 when nothing was predicted positive
  double Recall() const;     // 1.0 when nothing was labelled positive
};

struct EvalReport {
  EvalScore titles;
  EvalScore locations;
  std::vector<std::string> errors;  // unreadable rows
};

// Parses the TSV text: "#" lines and the header are skipped, malformed rows
// are reported in `errors`.
std::vector<EvalRow> ParseEvalRows(std::string_view tsv,
                                   std::vector<std::string>* errors);

// "58095|Hagen|DE" -> postal_code, locality, country.
Posting LocationPosting(std::string_view text);

EvalReport Evaluate(const Matcher& matcher, std::string_view tsv);

// Precision, recall and every misclassified row, one per line.
std::string FormatReport(const EvalReport& report);

}  // namespace jobcrawler::parsers

#endif  // JOBCRAWLER_TESTS_PARSERS_MATCH_MATCHER_EVAL_H_
