// The labelled page set (tests/data/pages/labels.tsv): generic job-ad
// extraction must never take a non-ad for an ad, and must find most ads.
#include "tests/parsers/extract/page_eval.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace jobcrawler::parsers {
namespace {

std::string Labels() {
  std::ifstream in(JOBCRAWLER_TEST_DATA_DIR "/pages/labels.tsv", std::ios::binary);
  EXPECT_TRUE(in) << "cannot read labels.tsv";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

PageEvalReport Evaluate(std::string_view set) {
  return EvaluatePages(JOBCRAWLER_TEST_DATA_DIR "/pages", Labels(), set);
}

TEST(PageEval, TheSetHasSixtyPagesWithHardNegatives) {
  const PageEvalReport report = Evaluate("");
  EXPECT_TRUE(report.errors.empty());
  const int pages = report.true_positives + report.false_positives + report.false_negatives +
                    report.true_negatives;
  EXPECT_GE(pages, 60);
  EXPECT_GE(report.false_positives + report.true_negatives, 25);
  EXPECT_GE(report.by_class.size(), 12u);
}

TEST(PageEval, NoPageThatIsNotOneAdIsReadAsAnAd) {
  const PageEvalReport report = Evaluate("");
  SCOPED_TRACE(FormatPageReport("all", report));
  EXPECT_EQ(report.false_positives, 0);
  EXPECT_EQ(report.Precision(), 1.0);
}

// Floors just below the measured figures (see README), so that a change that
// loses ads or fields fails here.
TEST(PageEval, FindsMostAdsAndReadsTheirFields) {
  const PageEvalReport report = Evaluate("");
  std::printf("%s", FormatPageReport("all", report).c_str());
  EXPECT_GE(report.Recall(), 0.95);
  EXPECT_GE(report.FieldShare(report.title_right), 0.97);
  EXPECT_GE(report.FieldShare(report.company_right), 0.95);
  EXPECT_GE(report.FieldShare(report.place_right), 0.90);
}

TEST(PageEval, ReportsMalformedLabelRows) {
  std::vector<std::string> errors;
  const auto labels = ParsePageLabels(
      "file\tset\tclass\tis_ad\ttitle\tcompany\tpostal_code\tlocality\n"
      "a.html\tdev\tad-cms\t1\tT\tC\t58095\tHagen\nb.html\tdev\tnews\t2\t\t\t\t\n",
      &errors);
  EXPECT_EQ(labels.size(), 1u);
  EXPECT_EQ(errors.size(), 1u);
}

}  // namespace
}  // namespace jobcrawler::parsers
