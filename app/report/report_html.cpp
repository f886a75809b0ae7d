#include "app/report/report_html.h"

#include <fmt/format.h>

#include "app/report/html.h"
#include "app/report/report_assets.h"
#include "app/report/report_charts.h"

namespace jobcrawler::app::report {
namespace {

constexpr storage::UnixMillis kDayMillis = 24LL * 3600 * 1000;

// Only the page's own style sheet and script; images only as data: URLs
// (the favicon placeholder); no fetch, form, frame or <base>.
std::string ContentSecurityPolicy() {
  return fmt::format(
      "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src data:; "
      "base-uri 'none'; form-action 'none'",
      HexToBase64(ReportStyleSha256()), HexToBase64(ReportScriptSha256()));
}

std::string Head(const ReportModel& model, const Texts& texts, Locale locale) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"generator\" content=\"jobcrawler\">\n"
      "<title>{} – {}</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{}</style>\n"
      "</head>\n",
      Escape(texts.lang), Escape(ContentSecurityPolicy()), Escape(texts.title),
      Escape(FormatDate(model.generated_at, locale)), ReportStyle());
}

std::string RunLine(const ReportModel& model, const Texts& texts, Locale locale) {
  if (!model.latest_run) return std::string(texts.no_run);
  const storage::RunInfo& run = *model.latest_run;
  const storage::UnixMillis when = run.finished_at > 0 ? run.finished_at : run.started_at;
  return fmt::format("{}: #{}, {}, {}", texts.latest_run, run.id,
                     texts.run_status[static_cast<int>(run.status)], FormatDateTime(when, locale));
}

std::string Header(const ReportModel& model, const Texts& texts, Locale locale) {
  return fmt::format(
      "<body>\n<header><h1>{}</h1><p>{}: {} · {}</p></header>\n"
      "<nav><a href=\"#postings\">{}</a><a href=\"#weeks\">{}</a><a href=\"#salaries\">{}</a>"
      "<a href=\"#employers\">{}</a><a href=\"#sources\">{}</a></nav>\n",
      Escape(texts.title), Escape(texts.generated),
      Escape(FormatDateTime(model.generated_at, locale)), Escape(RunLine(model, texts, locale)),
      Escape(model.all ? texts.postings_all : texts.postings_matched), Escape(texts.weeks_heading),
      Escape(texts.salary_heading), Escape(texts.employers_heading), Escape(texts.sources_heading));
}

std::string TitleCell(const TablePosting& posting) {
  const std::string title = Escape(Truncate(posting.title, kMaxTitleBytes));
  const std::string href = SafeHref(posting.url);
  if (href.empty()) return title;
  return fmt::format("<a href=\"{}\">{}</a>", Escape(href), title);
}

std::string SourcesText(const std::vector<std::string>& sources) {
  std::string joined;
  for (const std::string& source : sources) {
    if (!joined.empty()) joined += ", ";
    joined += source;
  }
  return joined;
}

// One row; the end tags </td> and </tr> are implied (HTML's optional tags),
// which keeps 10,000 rows small. data-v holds the sort keys of the numeric
// columns: the monthly midpoint and the day (since the epoch).
void AppendRow(const TablePosting& posting, bool hidden, Locale locale, std::string& out) {
  std::string salary_key, salary;
  if (posting.salary) {
    salary_key = fmt::format("{:.0f}", posting.salary->Midpoint());
    salary = FormatMoneyRange(posting.salary->min, posting.salary->max, posting.salary->currency,
                              locale);
  }
  fmt::format_to(std::back_inserter(out),
                 "<tr{}><td>{}<td>{}<td>{}<td data-v=\"{}\">{}<td data-v=\"{}\">{}<td>{}\n",
                 hidden ? " hidden" : "", TitleCell(posting),
                 Escape(Truncate(posting.company, kMaxCellBytes)),
                 Escape(Truncate(posting.place, kMaxCellBytes)), salary_key,
                 Escape(Truncate(salary, kMaxCellBytes)), posting.first_seen / kDayMillis,
                 Escape(FormatDate(posting.first_seen, locale)),
                 Escape(Truncate(SourcesText(posting.sources), kMaxCellBytes)));
}

std::string PostingsSection(const ReportModel& model, const Texts& texts, Locale locale) {
  const std::string total = FormatInteger(static_cast<double>(model.postings.size()), locale);
  std::string out = fmt::format(
      "<section id=\"postings\"><h2>{}</h2>\n<div class=\"filter\"><label>{} "
      "<input id=\"filter\" type=\"search\" placeholder=\"{}\" autocomplete=\"off\" disabled>"
      "</label><span id=\"count\" data-template=\"{}\">{}</span></div>\n"
      "<table id=\"postings-table\" class=\"sortable\" "
      "data-page=\"{}\"><thead><tr><th>{}</th><th>{}</th>"
      "<th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n"
      "<tbody>\n",
      Escape(model.all ? texts.postings_all : texts.postings_matched), Escape(texts.filter_label),
      Escape(texts.filter_placeholder), Escape(texts.count_template),
      Escape(Fill(texts.count_template, {{"shown", total}, {"total", total}})), kPageRows,
      Escape(texts.column_title), Escape(texts.column_company), Escape(texts.column_place),
      Escape(texts.column_salary), Escape(texts.column_first_seen), Escape(texts.column_sources));
  for (std::size_t i = 0; i < model.postings.size(); ++i) {
    AppendRow(model.postings[i], i >= kPageRows, locale, out);
  }
  out += "</tbody></table>\n";
  if (model.postings.empty()) {
    out += fmt::format("<p class=\"note\">{}</p>\n", Escape(texts.no_postings));
  }
  const bool paged = model.postings.size() > kPageRows;
  out += fmt::format(
      "<p><button id=\"show-all\" type=\"button\" data-template=\"{}\"{}>{}</button></p>\n",
      Escape(texts.show_all), paged ? "" : " hidden",
      Escape(Fill(texts.show_all, {{"count", total}})));
  if (paged) {
    out += fmt::format(
        "<noscript><p class=\"note\">{}</p></noscript>\n",
        Escape(Fill(texts.paged_no_js,
                    {{"page", FormatInteger(static_cast<double>(kPageRows), locale)}})));
  }
  return out + "</section>\n";
}

std::string WeeksSection(const ReportModel& model, const Texts& texts, Locale locale) {
  int new_total = 0, closed_total = 0;
  for (const WeekCount& week : model.weeks) {
    new_total += week.new_postings;
    closed_total += week.closed_postings;
  }
  return fmt::format(
      "<section id=\"weeks\"><h2>{}</h2>\n{}\n<p class=\"note\">{}</p></section>\n",
      Escape(texts.weeks_heading), WeeksChart(model.weeks, locale),
      Escape(Fill(texts.weeks_summary, {{"new", FormatInteger(new_total, locale)},
                                        {"closed", FormatInteger(closed_total, locale)},
                                        {"weeks", FormatInteger(kReportWeeks, locale)}})));
}

std::string SalariesSection(const ReportModel& model, const Texts& texts, Locale locale) {
  const SalarySummary& salaries = model.salaries;
  std::string out =
      fmt::format("<section id=\"salaries\"><h2>{}</h2>\n", Escape(texts.salary_heading));
  if (salaries.with_salary == 0) {
    return out + fmt::format("<p class=\"note\">{}</p></section>\n", Escape(texts.no_salaries));
  }
  out += BarChart(SalaryBars(salaries.bands, locale), std::string(texts.salary_heading), locale);
  out += fmt::format(
      "\n<p>{}</p><p class=\"note\">{}</p></section>\n",
      Escape(Fill(texts.salary_summary, {{"min", FormatMoney(salaries.min, "EUR", locale)},
                                         {"median", FormatMoney(salaries.median, "EUR", locale)},
                                         {"max", FormatMoney(salaries.max, "EUR", locale)}})),
      Escape(Fill(texts.salary_note, {{"with", FormatInteger(salaries.with_salary, locale)},
                                      {"total", FormatInteger(salaries.postings, locale)}})));
  return out;
}

std::string EmployersSection(const ReportModel& model, const Texts& texts, Locale locale) {
  std::string out =
      fmt::format("<section id=\"employers\"><h2>{}</h2>\n", Escape(texts.employers_heading));
  if (model.employers.empty()) {
    return out + fmt::format("<p class=\"note\">{}</p></section>\n", Escape(texts.no_employers));
  }
  return out +
         BarChart(EmployerBars(model.employers), std::string(texts.employers_heading), locale) +
         "\n</section>\n";
}

std::string SourceRow(const SourceHealth& source, const Texts& texts, Locale locale) {
  std::string last = std::string(texts.never), last_key;
  if (source.last_success) {
    last = FormatDateTime(source.last_success->finished_at, locale) +
           fmt::format(" (#{})", source.last_success->run_id);
    last_key = std::to_string(source.last_success->run_id);
  }
  std::string pages = FormatInteger(static_cast<double>(source.pages), locale);
  if (source.pages_failed > 0) {
    pages += " (" +
             Fill(texts.pages_failed,
                  {{"failed", FormatInteger(static_cast<double>(source.pages_failed), locale)}}) +
             ")";
  }
  return fmt::format(
      "<tr><td>{}<td data-v=\"{}\">{}<td data-v=\"{}\">{}<td data-v=\"{}\">{}<td class=\"warn\">{}"
      "\n",
      Escape(Truncate(source.source, kMaxCellBytes)), last_key, Escape(last), source.pages,
      Escape(pages), source.postings,
      Escape(FormatInteger(static_cast<double>(source.postings), locale)),
      Escape(Truncate(source.warning, kMaxTitleBytes)));
}

std::string SourcesSection(const ReportModel& model, const Texts& texts, Locale locale) {
  std::string out = fmt::format(
      "<section id=\"sources\"><h2>{}</h2>\n<table id=\"sources-table\" class=\"sortable\">"
      "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>"
      "<th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
      Escape(texts.sources_heading), Escape(texts.column_source), Escape(texts.column_last_success),
      Escape(texts.column_pages), Escape(texts.column_postings), Escape(texts.column_warnings));
  for (const SourceHealth& source : model.sources) out += SourceRow(source, texts, locale);
  out += "</tbody></table>\n";
  if (model.sources.empty())
    out += fmt::format("<p class=\"note\">{}</p>\n", Escape(texts.no_sources));
  if (model.latest_completed_run) {
    out +=
        fmt::format("<p class=\"note\">{}</p>\n",
                    Escape(Fill(texts.sources_note,
                                {{"run", "#" + std::to_string(model.latest_completed_run->id)}})));
  }
  return out + "</section>\n";
}

}  // namespace

std::string RenderReport(const ReportModel& model, Locale locale) {
  const Texts& texts = TextsFor(locale);
  std::string out = Head(model, texts, locale) + Header(model, texts, locale);
  out += PostingsSection(model, texts, locale);
  out += WeeksSection(model, texts, locale);
  out += SalariesSection(model, texts, locale);
  out += EmployersSection(model, texts, locale);
  out += SourcesSection(model, texts, locale);
  out += fmt::format("<footer class=\"note\">jobcrawler</footer>\n<script>{}</script>\n",
                     ReportScript());
  return out + "</body>\n</html>\n";
}

}  // namespace jobcrawler::app::report
