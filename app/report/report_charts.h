// The report's charts as inline SVG, drawn here (no script, no library): a
// bar pair per week for new and closed postings, and horizontal bars with
// their counts for salary bands and employers. Every label is escaped; the
// result is an <svg> element to place in the page.
#ifndef JOBCRAWLER_APP_REPORT_REPORT_CHARTS_H_
#define JOBCRAWLER_APP_REPORT_REPORT_CHARTS_H_

#include <string>
#include <vector>

#include "app/report/report_locale.h"
#include "app/report/report_model.h"

namespace jobcrawler::app::report {

// One <g class="week"> per week, each with a tooltip, two <rect>s (class
// "new" and "closed") and, for the current week and every fourth before it,
// its label.
std::string WeeksChart(const std::vector<WeekCount>& weeks, Locale locale);

// One horizontal bar per entry: its label, the bar, and its count beside it.
struct Bar {
  std::string label;  // unescaped
  int count = 0;
};
// One <g class="row"> per bar; `chart_label` names the chart for screen
// readers. Empty `bars`: an empty string.
std::string BarChart(const std::vector<Bar>& bars, const std::string& chart_label, Locale locale);

// The bars of the salary and employer charts.
std::vector<Bar> SalaryBars(const std::vector<SalaryBand>& bands, Locale locale);
std::vector<Bar> EmployerBars(const std::vector<EmployerCount>& employers);

}  // namespace jobcrawler::app::report

#endif  // JOBCRAWLER_APP_REPORT_REPORT_CHARTS_H_
