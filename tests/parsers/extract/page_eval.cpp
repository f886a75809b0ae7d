#include "tests/parsers/extract/page_eval.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/extract/ad_vocabulary.h"
#include "parsers/extract/page_extractor.h"

namespace jobcrawler::parsers {
namespace {

// The day relative dates on the pages count from.
constexpr std::string_view kToday = "2026-11-20";

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<std::string> Alternatives(std::string_view cell) {
  std::vector<std::string> values;
  for (std::string_view value : Split(cell, '|')) values.emplace_back(value);
  return values;
}

bool ParseRow(std::string_view line, int number, PageLabel* label) {
  const std::vector<std::string_view> cells = Split(line, '\t');
  if (cells.size() != 8 || (cells[3] != "0" && cells[3] != "1")) return false;
  if (cells[1] != "dev" && cells[1] != "holdout") return false;
  label->line = number;
  label->file = std::string(cells[0]);
  label->set = std::string(cells[1]);
  label->kind = std::string(cells[2]);
  label->is_ad = cells[3] == "1";
  label->titles = Alternatives(cells[4]);
  label->companies = Alternatives(cells[5]);
  label->postal_codes = Alternatives(cells[6]);
  label->localities = Alternatives(cells[7]);
  return true;
}

// A company compared without its legal form: "Muster GmbH & Co. KG" and
// "Muster" meet.
std::string CompanyKey(std::string_view company) {
  std::string key = internal::Phrase(company);
  static constexpr std::string_view kForms[] = {
      "gmbh", "ggmbh", "mbh", "ag", "se", "kg", "co",  "kgaa",    "ohg", "gbr", "ug",
      "eg",   "e",     "v",   "ev", "k",  "ek", "ltd", "limited", "inc", "llc", "plc"};
  for (bool again = true; again;) {
    again = false;
    for (std::string_view form : kForms) {
      const std::string tail = " " + std::string(form);
      if (key.ends_with(tail)) {
        key.erase(key.size() - tail.size());
        again = true;
      }
    }
  }
  return key;
}

bool AnyEquals(const std::vector<std::string>& accepted, std::string_view value,
               std::string (*key)(std::string_view)) {
  for (const std::string& one : accepted) {
    if (key(one) == key(value)) return true;
  }
  return false;
}

std::string PhraseKey(std::string_view text) { return internal::Phrase(text); }
std::string Exact(std::string_view text) { return std::string(text); }

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

void ScoreAd(const PageLabel& label, const Posting& posting, PageEvalReport* report,
             PageClassScore* score) {
  const bool title = AnyEquals(label.titles, posting.title, PhraseKey);
  const bool company = AnyEquals(label.companies, posting.company, CompanyKey);
  const bool place = AnyEquals(label.postal_codes, posting.postal_code, Exact) &&
                     AnyEquals(label.localities, posting.locality, PhraseKey);
  report->title_right += title;
  report->company_right += company;
  report->place_right += place;
  score->title_right += title;
  score->company_right += company;
  score->place_right += place;
  const std::string where = label.file + ": ";
  if (!title) report->notes.push_back(where + "title " + Quoted(posting.title));
  if (!company) report->notes.push_back(where + "company " + Quoted(posting.company));
  if (!place) {
    report->notes.push_back(where + "place " +
                            Quoted(posting.postal_code + " " + posting.locality));
  }
}

void Score(const PageLabel& label, const PageExtraction& page, PageEvalReport* report) {
  PageClassScore& score = report->by_class[label.kind];
  ++score.pages;
  const bool read_as_ad = !page.postings.empty();
  score.read_as_ad += read_as_ad;
  if (read_as_ad && label.is_ad) {
    ++report->true_positives;
    ScoreAd(label, page.postings.front(), report, &score);
  } else if (read_as_ad) {
    ++report->false_positives;
    report->notes.push_back(label.file + ": read as an ad, " + Quoted(page.postings.front().title) +
                            " (" + page.ad_verdict + ")");
  } else if (label.is_ad) {
    ++report->false_negatives;
    report->notes.push_back(label.file + ": missed (" + page.ad_verdict + ")");
  } else {
    ++report->true_negatives;
  }
}

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 1.0 : static_cast<double>(numerator) / denominator;
}

}  // namespace

double PageEvalReport::Precision() const {
  return Ratio(true_positives, true_positives + false_positives);
}

double PageEvalReport::Recall() const {
  return Ratio(true_positives, true_positives + false_negatives);
}

double PageEvalReport::FieldShare(int right) const { return Ratio(right, true_positives); }

std::vector<PageLabel> ParsePageLabels(std::string_view tsv, std::vector<std::string>* errors) {
  std::vector<PageLabel> labels;
  int number = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.starts_with("file\t")) continue;
    PageLabel label;
    if (ParseRow(line, number, &label)) {
      labels.push_back(std::move(label));
    } else {
      errors->push_back("labels line " + std::to_string(number) + ": malformed row");
    }
  }
  return labels;
}

PageEvalReport EvaluatePages(const std::string& dir, std::string_view labels_tsv,
                             std::string_view set) {
  PageEvalReport report;
  for (const PageLabel& label : ParsePageLabels(labels_tsv, &report.errors)) {
    if (!set.empty() && label.set != set) continue;
    bool ok = false;
    const std::string html = ReadFile(dir + "/" + label.file, &ok);
    if (!ok) {
      report.errors.push_back("cannot read " + label.file);
      continue;
    }
    const PageExtraction page =
        ExtractPage(html, {.profile = nullptr, .today = std::string(kToday)});
    Score(label, page, &report);
  }
  return report;
}

std::string FormatPageReport(std::string_view name, const PageEvalReport& r) {
  char line[256];
  std::string out;
  std::snprintf(line, sizeof line,
                "%s: one job ad?  precision %.3f  recall %.3f  (tp %d fp %d fn %d tn %d)\n",
                std::string(name).c_str(), r.Precision(), r.Recall(), r.true_positives,
                r.false_positives, r.false_negatives, r.true_negatives);
  out += line;
  std::snprintf(
      line, sizeof line, "  fields of the ads found: title %.3f  company %.3f  place %.3f\n",
      r.FieldShare(r.title_right), r.FieldShare(r.company_right), r.FieldShare(r.place_right));
  out += line;
  for (const auto& [kind, s] : r.by_class) {
    if (kind.starts_with("ad")) {
      std::snprintf(line, sizeof line,
                    "  %-15s %2d pages  %2d read as ads  title %2d  company %2d  place %2d\n",
                    kind.c_str(), s.pages, s.read_as_ad, s.title_right, s.company_right,
                    s.place_right);
    } else {
      std::snprintf(line, sizeof line, "  %-15s %2d pages  %2d read as ads\n", kind.c_str(),
                    s.pages, s.read_as_ad);
    }
    out += line;
  }
  for (const std::string& note : r.notes) out += "  " + note + "\n";
  for (const std::string& error : r.errors) out += "  error: " + error + "\n";
  return out;
}

}  // namespace jobcrawler::parsers
