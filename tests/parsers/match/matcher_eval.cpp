#include "tests/parsers/match/matcher_eval.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace jobcrawler::parsers {
namespace {

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool ParseRow(std::string_view line, int number, EvalRow* row) {
  const std::vector<std::string_view> cells = Split(line, '\t');
  if (cells.size() != 4) return false;
  if (cells[0] == "title") {
    row->kind = EvalKind::kTitle;
  } else if (cells[0] == "location") {
    row->kind = EvalKind::kLocation;
  } else {
    return false;
  }
  if (cells[2] != "0" && cells[2] != "1") return false;
  row->line = number;
  row->text = std::string(cells[1]);
  row->expected = cells[2] == "1";
  row->note = std::string(cells[3]);
  return true;
}

void Score(const EvalRow& row, bool predicted, EvalScore* score) {
  if (predicted && row.expected) ++score->true_positives;
  if (predicted && !row.expected) ++score->false_positives;
  if (!predicted && row.expected) ++score->false_negatives;
  if (!predicted && !row.expected) ++score->true_negatives;
  if (predicted == row.expected) return;
  score->misclassified.push_back("line " + std::to_string(row.line) + ": " +
                                 row.text + " (expected " +
                                 (row.expected ? "1" : "0") + "; " + row.note +
                                 ")");
}

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 1.0
                          : static_cast<double>(numerator) / denominator;
}

std::string FormatScore(std::string_view name, const EvalScore& score) {
  char line[160];
  std::snprintf(line, sizeof line,
                "%-9s precision %.3f  recall %.3f  (tp %d fp %d fn %d tn %d)\n",
                std::string(name).c_str(), score.Precision(), score.Recall(),
                score.true_positives, score.false_positives,
                score.false_negatives, score.true_negatives);
  std::string out = line;
  for (const std::string& miss : score.misclassified) {
    out += "  " + miss + "\n";
  }
  return out;
}

}  // namespace

double EvalScore::Precision() const {
  return Ratio(true_positives, true_positives + false_positives);
}

double EvalScore::Recall() const {
  return Ratio(true_positives, true_positives + false_negatives);
}

std::vector<EvalRow> ParseEvalRows(std::string_view tsv,
                                   std::vector<std::string>* errors) {
  std::vector<EvalRow> rows;
  int number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.starts_with("kind\t")) continue;
    EvalRow row;
    if (ParseRow(line, number, &row)) {
      rows.push_back(std::move(row));
    } else {
      errors->push_back("line " + std::to_string(number) + ": malformed row");
    }
  }
  return rows;
}

Posting LocationPosting(std::string_view text) {
  const std::vector<std::string_view> parts = Split(text, '|');
  Posting posting;
  posting.postal_code = std::string(parts[0]);
  if (parts.size() > 1) posting.locality = std::string(parts[1]);
  if (parts.size() > 2) posting.country = std::string(parts[2]);
  return posting;
}

EvalReport Evaluate(const Matcher& matcher, std::string_view tsv) {
  EvalReport report;
  for (const EvalRow& row : ParseEvalRows(tsv, &report.errors)) {
    if (row.kind == EvalKind::kTitle) {
      Score(row, matcher.TitleMatches(row.text), &report.titles);
    } else {
      Score(row, matcher.RegionMatches(LocationPosting(row.text)),
            &report.locations);
    }
  }
  return report;
}

std::string FormatReport(const EvalReport& report) {
  std::string out = FormatScore("titles", report.titles) +
                    FormatScore("locations", report.locations);
  for (const std::string& error : report.errors) out += error + "\n";
  return out;
}

}  // namespace jobcrawler::parsers
