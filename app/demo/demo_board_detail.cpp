// Detail pages of the demo board: visible HTML, schema.org microdata (for
// jobs with DemoMarkup::kMicrodata) and JSON-LD (for all others).
#include <cmath>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/demo/demo_board.h"
#include "app/demo/demo_board_html.h"

namespace jobcrawler::app::demo_board_internal {
namespace {

using nlohmann::json;

constexpr std::string_view kBoardName = "Demo-Stellenmarkt Südwestfalen";
// Number of links in the "Ähnliche Stellen" box.
constexpr std::size_t kSimilarJobs = 3;

// The description's paragraphs (split at "\n\n") as <p> elements.
std::string DescriptionHtml(std::string_view text) {
  std::string html;
  while (!text.empty()) {
    const std::size_t end = text.find("\n\n");
    html += "<p>" + HtmlEscape(text.substr(0, end)) + "</p>\n";
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
  }
  return html;
}

// The employer's invented web site; ".example" is reserved and never resolves.
std::string CompanyUrl(const DemoJob& job) {
  return "https://www." + DemoSlug(job.company) + ".example/";
}

// 85000 -> "85.000", 18.5 -> "18,50".
std::string GermanAmount(double value) {
  if (value != std::floor(value)) {
    const long cents = std::lround(value * 100);
    const std::string frac = std::to_string(cents % 100);
    return std::to_string(cents / 100) + "," + (frac.size() < 2 ? "0" : "") + frac;
  }
  std::string digits = std::to_string(std::lround(value));
  for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ".");
  }
  return digits;
}

std::string_view PeriodLabel(std::string_view period) {
  if (period == "YEAR") return "pro Jahr";
  if (period == "MONTH") return "pro Monat";
  if (period == "HOUR") return "pro Stunde";
  return "";
}

std::string CurrencySign(std::string_view currency) {
  return currency == "EUR" ? "€" : std::string(currency);
}

// ` itemprop="name"` when the page carries microdata, else nothing.
std::string Prop(bool micro, std::string_view name) {
  return micro ? " itemprop=\"" + std::string(name) + "\"" : "";
}

// ` itemprop="name" itemscope itemtype="https://schema.org/Type"` or nothing.
std::string Scope(bool micro, std::string_view name, std::string_view type) {
  if (!micro) return "";
  return Prop(micro, name) + " itemscope itemtype=\"https://schema.org/" + std::string(type) + "\"";
}

// `<meta itemprop="name" content="value">` or nothing.
std::string Meta(bool micro, std::string_view name, std::string_view value) {
  if (!micro) return "";
  return "<meta itemprop=\"" + std::string(name) + "\" content=\"" + HtmlEscape(value) + "\">";
}

// 85000 -> "85000", 18.5 -> "18.5": the machine-readable form for content="".
std::string AmountMeta(bool micro, std::string_view name, double value) {
  const std::string plain =
      value == std::floor(value) ? std::to_string(std::lround(value)) : json(value).dump();
  return Meta(micro, name, plain);
}

std::string AddressHtml(const DemoJob& job, bool micro) {
  return "<p class=\"ort\"" + Scope(micro, "jobLocation", "Place") + "><span" +
         Scope(micro, "address", "PostalAddress") + "><span" + Prop(micro, "streetAddress") + ">" +
         HtmlEscape(job.street) + "</span>, <span" + Prop(micro, "postalCode") + ">" +
         HtmlEscape(job.postal_code) + "</span> <span" + Prop(micro, "addressLocality") + ">" +
         HtmlEscape(job.locality) + "</span> (<span" + Prop(micro, "addressRegion") + ">" +
         HtmlEscape(job.region) + "</span>)" + Meta(micro, "addressCountry", job.country) +
         "</span></p>\n";
}

std::string SalaryHtml(const DemoJob& job, bool micro) {
  if (!job.salary_min) return "";
  const double max = job.salary_max.value_or(*job.salary_min);
  std::string range = GermanAmount(*job.salary_min);
  if (max != *job.salary_min) range += " – " + GermanAmount(max);
  return "<dt>Gehalt</dt><dd" + Scope(micro, "baseSalary", "MonetaryAmount") + ">" +
         Meta(micro, "currency", job.salary_currency) + "<span" +
         Scope(micro, "value", "QuantitativeValue") + ">" +
         AmountMeta(micro, "minValue", *job.salary_min) + AmountMeta(micro, "maxValue", max) +
         Meta(micro, "unitText", job.salary_period) + range + " " +
         CurrencySign(job.salary_currency) + " " + std::string(PeriodLabel(job.salary_period)) +
         "</span></dd>\n";
}

std::string FactsHtml(const DemoJob& job, bool micro) {
  return "<dl class=\"eckdaten\">\n<dt>Anstellung</dt><dd>" +
         std::string(EmploymentTypeLabel(job.employment_type)) +
         Meta(micro, "employmentType", job.employment_type) +
         "</dd>\n<dt>Veröffentlicht</dt><dd><time" + Prop(micro, "datePosted") + " datetime=\"" +
         job.date_posted + "\">" + GermanDate(job.date_posted) +
         "</time></dd>\n<dt>Bewerbungsschluss</dt><dd><time" + Prop(micro, "validThrough") +
         " datetime=\"" + job.valid_through + "\">" + GermanDate(job.valid_through) +
         "</time></dd>\n" + SalaryHtml(job, micro) + "<dt>Kennziffer</dt><dd>DS-" +
         std::to_string(job.id) + "</dd>\n</dl>\n";
}

// Links to the jobs following this one in the listing, wrapping around.
std::string SimilarJobsHtml(const DemoJob& job) {
  const std::vector<DemoJob>& jobs = DemoJobs();
  std::size_t at = 0;
  while (at < jobs.size() && jobs[at].id != job.id) ++at;
  std::string html = "<aside class=\"aehnlich\">\n<h2>Ähnliche Stellen</h2>\n<ul>\n";
  for (std::size_t i = 1; i <= kSimilarJobs && i < jobs.size(); ++i) {
    const DemoJob& other = jobs[(at + i) % jobs.size()];
    html += "<li><a href=\"" + DemoJobPath(other) +
            "?utm_source=detail&amp;utm_medium=aehnliche_stellen\">" + HtmlEscape(other.title) +
            "</a> – " + HtmlEscape(other.company) + ", " + HtmlEscape(other.locality) + "</li>\n";
  }
  return html + "</ul>\n</aside>\n";
}

std::string ArticleHtml(const DemoJob& job, std::string_view base_url) {
  const bool micro = job.markup == DemoMarkup::kMicrodata;
  const std::string url = std::string(base_url) + DemoJobPath(job);
  std::string html = "<article class=\"stelle\"";
  if (micro) html += " itemscope itemtype=\"https://schema.org/JobPosting\"";
  html += ">\n<h1" + Prop(micro, "title") + ">" + HtmlEscape(job.title) + "</h1>\n";
  html += "<p class=\"firma\"" + Scope(micro, "hiringOrganization", "Organization") + "><span" +
          Prop(micro, "name") + ">" + HtmlEscape(job.company) + "</span>" +
          (micro ? "<link itemprop=\"sameAs\" href=\"" + CompanyUrl(job) + "\">" : "") + "</p>\n";
  html += AddressHtml(job, micro) + FactsHtml(job, micro);
  html += "<div class=\"beschreibung\"" + Prop(micro, "description") + ">\n" +
          DescriptionHtml(job.description) + "</div>\n";
  if (micro) {
    html +=
        "<div itemprop=\"identifier\" itemscope itemtype=\"https://schema.org/PropertyValue\">" +
        Meta(true, "name", "Demo-Stellenmarkt") +
        Meta(true, "value", "DS-" + std::to_string(job.id)) + "</div>\n";
    html += "<link itemprop=\"url\" href=\"" + HtmlEscape(url) + "\">\n";
  }
  html += "<p><a class=\"knopf\" href=\"mailto:bewerbung@demo-stellenmarkt.example?subject=DS-" +
          std::to_string(job.id) + "\">Jetzt bewerben</a></p>\n</article>\n";
  return html;
}

json PostalAddressJson(const DemoJob& job) {
  return {{"@type", "PostalAddress"},      {"streetAddress", job.street},
          {"postalCode", job.postal_code}, {"addressLocality", job.locality},
          {"addressRegion", job.region},   {"addressCountry", job.country}};
}

json JobPostingJson(const DemoJob& job, std::string_view base_url) {
  json posting = {
      {"@type", "JobPosting"},
      {"title", job.title},
      {"description", DescriptionHtml(job.description)},
      {"datePosted", job.date_posted},
      {"validThrough", job.valid_through},
      {"employmentType", job.employment_type},
      {"hiringOrganization",
       {{"@type", "Organization"}, {"name", job.company}, {"sameAs", CompanyUrl(job)}}},
      {"jobLocation", {{"@type", "Place"}, {"address", PostalAddressJson(job)}}},
      {"identifier",
       {{"@type", "PropertyValue"},
        {"name", "Demo-Stellenmarkt"},
        {"value", "DS-" + std::to_string(job.id)}}},
      {"url", std::string(base_url) + DemoJobPath(job)},
  };
  if (job.salary_min) {
    posting["baseSalary"] = {{"@type", "MonetaryAmount"},
                             {"currency", job.salary_currency},
                             {"value",
                              {{"@type", "QuantitativeValue"},
                               {"minValue", *job.salary_min},
                               {"maxValue", job.salary_max.value_or(*job.salary_min)},
                               {"unitText", job.salary_period}}}};
  }
  return posting;
}

json BreadcrumbJson(const DemoJob& job, std::string_view base_url) {
  const std::string base(base_url);
  auto item = [](int position, std::string_view name, const std::string& url) {
    return json{{"@type", "ListItem"}, {"position", position}, {"name", name}, {"item", url}};
  };
  return {{"@type", "BreadcrumbList"},
          {"itemListElement", json::array({item(1, "Startseite", base + "/"),
                                           item(2, "Stellenangebote", base + "/stellenangebote"),
                                           item(3, job.title, base + DemoJobPath(job))})}};
}

json DocumentJson(const DemoJob& job, std::string_view base_url) {
  const std::string base(base_url);
  json posting = JobPostingJson(job, base_url);
  json breadcrumb = BreadcrumbJson(job, base_url);
  if (job.markup == DemoMarkup::kJsonLdGraph) {
    json board = {{"@type", "Organization"},
                  {"@id", base + "/#organisation"},
                  {"name", kBoardName},
                  {"url", base + "/"}};
    return {{"@context", "https://schema.org"},
            {"@graph", json::array({board, breadcrumb, posting})}};
  }
  posting["@context"] = "https://schema.org";
  if (job.markup == DemoMarkup::kJsonLdArray) {
    breadcrumb["@context"] = "https://schema.org";
    return json::array({posting, breadcrumb});
  }
  return posting;
}

}  // namespace

std::string RenderJsonLd(const DemoJob& job, std::string_view base_url) {
  if (job.markup == DemoMarkup::kMicrodata) return "";
  const std::string dumped = DocumentJson(job, base_url).dump(2);
  // "</script>" inside a string would end the element early; "<\/" is the same
  // JSON string and cannot.
  std::string safe;
  safe.reserve(dumped.size());
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    safe += dumped[i];
    if (dumped[i] == '<' && i + 1 < dumped.size() && dumped[i + 1] == '/') safe += '\\';
  }
  return safe;
}

std::string RenderDetailPage(const DemoJob& job, std::string_view base_url) {
  const std::string url = std::string(base_url) + DemoJobPath(job);
  std::string head = "<link rel=\"canonical\" href=\"" + HtmlEscape(url) + "\">\n";
  head += "<meta name=\"description\" content=\"" +
          HtmlEscape(job.title + " bei " + job.company + " in " + job.locality) + "\">\n";
  const std::string json_ld = RenderJsonLd(job, base_url);
  if (!json_ld.empty()) {
    head += "<script type=\"application/ld+json\">\n" + json_ld + "\n</script>\n";
  }
  const std::string crumbs =
      "<nav class=\"brotkrumen\"><a href=\"/\">Startseite</a> › <a "
      "href=\"/stellenangebote\">Stellenangebote</a> › " +
      HtmlEscape(job.title) + "</nav>\n";
  return RenderLayout(job.title + " – " + job.company, head,
                      crumbs + ArticleHtml(job, base_url) + SimilarJobsHtml(job));
}

}  // namespace jobcrawler::app::demo_board_internal
