#include "app/monitor/monitor_report.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <ostream>

namespace jobcrawler::app {
namespace {

// Amounts beyond this are nonsense from a page; printed plainly, not grouped.
constexpr double kMaxGroupedAmount = 1e12;

}  // namespace

std::string FormatAmount(double value) {
  if (!std::isfinite(value) || std::fabs(value) >= kMaxGroupedAmount) {
    return fmt::format("{}", value);
  }
  const long long cents = std::llround(std::fabs(value) * 100);
  std::string digits = std::to_string(cents / 100);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  if (cents % 100 != 0) grouped += fmt::format(",{:02}", cents % 100);
  return (value < 0 ? "-" : "") + grouped;
}

namespace {

std::string PeriodText(const std::string& period) {
  if (period == "YEAR") return "Jahr";
  if (period == "MONTH") return "Monat";
  if (period == "WEEK") return "Woche";
  if (period == "DAY") return "Tag";
  if (period == "HOUR") return "Stunde";
  return period;
}

void AppendPart(std::string& text, const std::string& part) {
  if (part.empty()) return;
  if (!text.empty()) text += " · ";
  text += part;
}

}  // namespace

std::string FormatSalary(const parsers::Posting& p) {
  std::string amount;
  if (p.salary_min && p.salary_max && *p.salary_min != *p.salary_max) {
    amount = FormatAmount(*p.salary_min) + "–" + FormatAmount(*p.salary_max);
  } else if (p.salary_min && p.salary_max) {
    amount = FormatAmount(*p.salary_min);
  } else if (p.salary_min) {
    amount = "ab " + FormatAmount(*p.salary_min);
  } else if (p.salary_max) {
    amount = "bis " + FormatAmount(*p.salary_max);
  } else {
    return "";
  }
  if (!p.salary_currency.empty()) amount += " " + p.salary_currency;
  if (!p.salary_period.empty()) amount += "/" + PeriodText(p.salary_period);
  return amount;
}

std::string FormatPlace(const parsers::Posting& p) {
  if (!p.locality.empty()) {
    return p.postal_code.empty() ? p.locality : p.postal_code + " " + p.locality;
  }
  if (!p.postal_code.empty()) return p.postal_code;
  if (!p.region.empty() && !p.country.empty()) return p.region + ", " + p.country;
  return !p.region.empty() ? p.region : p.country;
}

std::string FormatDetails(const parsers::Posting& p) {
  std::string text;
  AppendPart(text, p.company);
  AppendPart(text, FormatPlace(p));
  AppendPart(text, FormatSalary(p));
  return text;
}

std::string ClosedReasonText(const std::string& reason) {
  if (reason == "unseen") return "no longer listed";
  if (reason == "gone") return "page gone";
  return reason;
}

void WriteNewReport(std::ostream& out, std::int64_t run_id,
                    const std::vector<storage::PostingRow>& new_rows,
                    const std::vector<storage::PostingRow>& closed_rows) {
  if (new_rows.empty() && closed_rows.empty()) return;
  out << fmt::format("jobcrawler run {}: {} new, {} closed\n", run_id, new_rows.size(),
                     closed_rows.size());
  for (const storage::PostingRow& row : new_rows) {
    out << "\n" << row.posting.title << "\n";
    const std::string details = FormatDetails(row.posting);
    if (!details.empty()) out << "  " << details << "\n";
    out << "  " << row.url << "\n";
  }
  if (!closed_rows.empty()) out << "\n";
  for (const storage::PostingRow& row : closed_rows) {
    std::string line = "Closed: " + row.posting.title;
    const std::string details = FormatDetails(row.posting);
    if (!details.empty()) line += " — " + details;
    if (!row.closed_reason.empty()) line += " (" + ClosedReasonText(row.closed_reason) + ")";
    out << line << "\n  " << row.url << "\n";
  }
}

}  // namespace jobcrawler::app
