#include "app/report/report_charts.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/report/html.h"

namespace jobcrawler::app::report {
namespace {

// Geometry in SVG user units (the charts scale with the page).
constexpr double kWeeksWidth = 760;
constexpr double kWeeksHeight = 240;
constexpr double kWeeksLeft = 44;    // room for the y labels
constexpr double kWeeksTop = 28;     // room for the legend
constexpr double kWeeksBottom = 26;  // room for the week labels
constexpr double kWeeksRight = 24;   // room for the last week's label
constexpr int kWeekLabelEvery = 4;
constexpr double kBarsWidth = 760;
constexpr double kBarsLabelWidth = 330;
constexpr double kBarsRowHeight = 24;
constexpr double kBarsCountWidth = 60;  // room for the count after the longest bar
// Labels in bar charts: company names can be very long.
constexpr std::size_t kMaxLabelBytes = 46;

// A round tick step for counts up to `max`: 1, 2 or 5 times a power of ten,
// at most 5 ticks.
int TickStep(int max) {
  for (int power = 1;; power *= 10) {
    for (int factor : {1, 2, 5}) {
      if (max <= 5 * factor * power) return factor * power;
    }
  }
}

std::string Legend(const Texts& texts) {
  return fmt::format(
      "<rect class=\"new\" x=\"{0}\" y=\"6\" width=\"12\" height=\"12\"/>"
      "<text x=\"{1}\" y=\"16\">{2}</text>"
      "<rect class=\"closed\" x=\"{3}\" y=\"6\" width=\"12\" height=\"12\"/>"
      "<text x=\"{4}\" y=\"16\">{5}</text>",
      kWeeksLeft, kWeeksLeft + 16, Escape(texts.weeks_new), kWeeksLeft + 90, kWeeksLeft + 106,
      Escape(texts.weeks_closed));
}

std::string YAxis(int max, double plot_height, Locale locale) {
  const int step = TickStep(std::max(max, 1));
  const int top = (std::max(max, 1) + step - 1) / step * step;
  std::string out;
  for (int tick = 0; tick <= top; tick += step) {
    const double y = kWeeksTop + plot_height * (1 - static_cast<double>(tick) / top);
    out += fmt::format(
        "<line class=\"axis\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
        "<text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
        kWeeksLeft, y, kWeeksWidth - kWeeksRight, y, kWeeksLeft - 6, y + 4,
        FormatInteger(tick, locale));
  }
  return out;
}

std::string Week(const WeekCount& week, std::size_t index, bool label, double slot, double scale,
                 Locale locale) {
  const Texts& texts = TextsFor(locale);
  const double bottom = kWeeksHeight - kWeeksBottom;
  const double bar = slot * 0.38;
  const double x = kWeeksLeft + static_cast<double>(index) * slot + slot * 0.1;
  const double new_height = week.new_postings * scale;
  const double closed_height = week.closed_postings * scale;
  std::string out = fmt::format(
      "<g class=\"week\"><title>{}</title>"
      "<rect class=\"new\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>"
      "<rect class=\"closed\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>",
      Escape(Fill(texts.week_tooltip, {{"week", FormatWeek(week.iso_week, locale)},
                                       {"date", FormatDate(week.start, locale)},
                                       {"new", FormatInteger(week.new_postings, locale)},
                                       {"closed", FormatInteger(week.closed_postings, locale)}})),
      x, bottom - new_height, bar, new_height, x + bar, bottom - closed_height, bar, closed_height);
  if (label) {
    out += fmt::format(
        "<text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", x + bar,
        kWeeksHeight - 8, Escape(FormatWeek(week.iso_week, locale)));
  }
  return out + "</g>";
}

std::string BandLabel(const SalaryBand& band, Locale locale) {
  const Texts& texts = TextsFor(locale);
  if (band.open_below) {
    return Fill(texts.band_below, {{"amount", FormatMoney(band.to, "EUR", locale)}});
  }
  if (band.open_above) {
    return Fill(texts.band_above, {{"amount", FormatMoney(band.from, "EUR", locale)}});
  }
  return FormatMoneyRange(band.from, band.to, "EUR", locale);
}

}  // namespace

std::string WeeksChart(const std::vector<WeekCount>& weeks, Locale locale) {
  const Texts& texts = TextsFor(locale);
  int max = 0;
  for (const WeekCount& week : weeks) {
    max = std::max({max, week.new_postings, week.closed_postings});
  }
  const double plot_height = kWeeksHeight - kWeeksTop - kWeeksBottom;
  const int step = TickStep(std::max(max, 1));
  const int top = (std::max(max, 1) + step - 1) / step * step;
  const double scale = plot_height / top;
  const double slot = (kWeeksWidth - kWeeksLeft - kWeeksRight) /
                      static_cast<double>(std::max<std::size_t>(weeks.size(), 1));
  std::string out = fmt::format(
      "<svg class=\"chart weeks\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\" aria-label=\"{2}\">",
      kWeeksWidth, kWeeksHeight, Escape(texts.weeks_heading));
  out += Legend(texts) + YAxis(max, plot_height, locale);
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    // Counted back from the current week, which is always labelled.
    const bool label = (weeks.size() - 1 - i) % kWeekLabelEvery == 0;
    out += Week(weeks[i], i, label, slot, scale, locale);
  }
  return out + "</svg>";
}

std::string BarChart(const std::vector<Bar>& bars, const std::string& chart_label, Locale locale) {
  if (bars.empty()) return "";
  int max = 1;
  for (const Bar& bar : bars) max = std::max(max, bar.count);
  const double height = kBarsRowHeight * static_cast<double>(bars.size()) + 4;
  const double room = kBarsWidth - kBarsLabelWidth - kBarsCountWidth;
  std::string out = fmt::format(
      "<svg class=\"chart bars\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\" aria-label=\"{2}\">",
      kBarsWidth, height, Escape(chart_label));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = kBarsRowHeight * static_cast<double>(i);
    const double width = room * bars[i].count / max;
    const std::string label = Escape(Truncate(bars[i].label, kMaxLabelBytes));
    const std::string count = FormatInteger(bars[i].count, locale);
    out += fmt::format(
        "<g class=\"row\"><title>{0}: {1}</title>"
        "<text class=\"label\" x=\"{2:.1f}\" y=\"{3:.1f}\" text-anchor=\"end\">{0}</text>"
        "<rect class=\"bar\" x=\"{4:.1f}\" y=\"{5:.1f}\" width=\"{6:.1f}\" height=\"{7:.1f}\"/>"
        "<text class=\"count\" x=\"{8:.1f}\" y=\"{3:.1f}\">{1}</text></g>",
        label, count, kBarsLabelWidth - 8, y + 16, kBarsLabelWidth, y + 4, width,
        kBarsRowHeight - 8, kBarsLabelWidth + width + 6);
  }
  return out + "</svg>";
}

std::vector<Bar> SalaryBars(const std::vector<SalaryBand>& bands, Locale locale) {
  std::vector<Bar> bars;
  for (const SalaryBand& band : bands) bars.push_back({BandLabel(band, locale), band.count});
  return bars;
}

std::vector<Bar> EmployerBars(const std::vector<EmployerCount>& employers) {
  std::vector<Bar> bars;
  for (const EmployerCount& employer : employers) {
    bars.push_back({employer.company, employer.postings});
  }
  return bars;
}

}  // namespace jobcrawler::app::report
