// Routing and the non-detail pages of the demo board: home, listings, static
// pages, the /intern/ area, robots.txt, sitemap.xml and error pages.
#include "app/demo/demo_board.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "app/demo/demo_board_html.h"

namespace jobcrawler::app {
namespace {

using demo_board_internal::EmploymentTypeLabel;
using demo_board_internal::GermanDate;
using demo_board_internal::HtmlEscape;
using demo_board_internal::RenderDetailPage;
using demo_board_internal::RenderLayout;

constexpr std::string_view kHtmlType = "text/html; charset=utf-8";
constexpr std::string_view kListingPath = "/stellenangebote";
constexpr std::string_view kDetailPrefix = "/stellenangebote/";
constexpr std::string_view kKurzlinkPrefix = "/job/";
// Every third listing entry carries tracking parameters, as boards that
// measure their own list clicks do; the crawler must canonicalise them away.
constexpr std::size_t kTrackedEvery = 3;
// Newest jobs shown on the home page.
constexpr std::size_t kHomeNewest = 5;

HttpReply Reply(int status, std::string_view content_type, std::string body) {
  HttpReply reply;
  reply.status = status;
  reply.headers.emplace_back("Content-Type", std::string(content_type));
  reply.body = std::move(body);
  return reply;
}

HttpReply NotFound() {
  return Reply(404, kHtmlType,
               RenderLayout("Seite nicht gefunden", "<meta name=\"robots\" content=\"noindex\">\n",
                            "<h1>Seite nicht gefunden</h1>\n<p>Die angeforderte Seite gibt es "
                            "nicht (mehr). Vielleicht ist die Stelle bereits besetzt.</p>\n"
                            "<p><a href=\"/stellenangebote\">Zu allen Stellenangeboten</a></p>\n"));
}

HttpReply MethodNotAllowed() {
  HttpReply reply = Reply(405, kHtmlType,
                          RenderLayout("Methode nicht erlaubt", "",
                                       "<h1>Methode nicht erlaubt</h1>\n<p>Diese Seite "
                                       "unterstützt nur GET und HEAD.</p>\n"));
  reply.headers.emplace_back("Allow", "GET, HEAD");
  return reply;
}

int PageCount() {
  const int jobs = static_cast<int>(DemoJobs().size());
  return (jobs + kDemoJobsPerPage - 1) / kDemoJobsPerPage;
}

std::string ListingPagePath(int page) {
  return page == 1 ? std::string(kListingPath)
                   : std::string(kListingPath) + "?seite=" + std::to_string(page);
}

// Parses a whole string of decimal digits; false on anything else.
bool ParseNumber(std::string_view text, int* out) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

// The value of `name` in a query string ("a=1&seite=2"), or nullopt.
std::optional<std::string_view> QueryParam(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    }
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return std::nullopt;
}

const DemoJob* FindJob(int id) {
  for (const DemoJob& job : DemoJobs()) {
    if (job.id == id) return &job;
  }
  return nullptr;
}

std::string ListingEntry(const DemoJob& job, bool tracked) {
  std::string href = DemoJobPath(job);
  if (tracked) href += "?utm_source=liste&amp;utm_medium=board";
  return "<article class=\"treffer\">\n<h2><a href=\"" + href + "\">" + HtmlEscape(job.title) +
         "</a></h2>\n<p class=\"firma\">" + HtmlEscape(job.company) + " · " +
         HtmlEscape(job.postal_code) + " " + HtmlEscape(job.locality) + "</p>\n<p class=\"meta\">" +
         std::string(EmploymentTypeLabel(job.employment_type)) + " · veröffentlicht am " +
         GermanDate(job.date_posted) + "</p>\n</article>\n";
}

std::string PaginationHtml(int page, int pages) {
  std::string html = "<nav class=\"seiten\" aria-label=\"Seitennavigation\">\n<ol>";
  for (int p = 1; p <= pages; ++p) {
    html += p == page
                ? "<li><span aria-current=\"page\">" + std::to_string(p) + "</span></li>"
                : "<li><a href=\"" + ListingPagePath(p) + "\">" + std::to_string(p) + "</a></li>";
  }
  html += "</ol>\n";
  if (page > 1) html += "<a rel=\"prev\" href=\"" + ListingPagePath(page - 1) + "\">« Zurück</a>\n";
  if (page < pages) {
    html += "<a rel=\"next\" href=\"" + ListingPagePath(page + 1) + "\">Weiter »</a>\n";
  }
  return html + "</nav>\n";
}

HttpReply ListingPage(int page, std::string_view base_url) {
  const int pages = PageCount();
  if (page < 1 || page > pages) return NotFound();
  const std::vector<DemoJob>& jobs = DemoJobs();
  const std::size_t first = static_cast<std::size_t>((page - 1) * kDemoJobsPerPage);
  const std::size_t last = std::min(jobs.size(), first + kDemoJobsPerPage);
  std::string head =
      "<link rel=\"canonical\" href=\"" + std::string(base_url) + ListingPagePath(page) + "\">\n";
  if (page > 1) head += "<link rel=\"prev\" href=\"" + ListingPagePath(page - 1) + "\">\n";
  if (page < pages) head += "<link rel=\"next\" href=\"" + ListingPagePath(page + 1) + "\">\n";
  std::string main = "<h1>Stellenangebote</h1>\n<p>" + std::to_string(jobs.size()) +
                     " Stellen in Hagen und Umgebung – Seite " + std::to_string(page) + " von " +
                     std::to_string(pages) + "</p>\n";
  for (std::size_t i = first; i < last; ++i) {
    main += ListingEntry(jobs[i], i % kTrackedEvery == 0);
  }
  main += PaginationHtml(page, pages);
  return Reply(200, kHtmlType,
               RenderLayout("Stellenangebote – Seite " + std::to_string(page), head, main));
}

HttpReply Listing(std::string_view query, std::string_view base_url) {
  const std::optional<std::string_view> seite = QueryParam(query, "seite");
  if (!seite) return ListingPage(1, base_url);
  int page = 0;
  if (!ParseNumber(*seite, &page)) return NotFound();
  return ListingPage(page, base_url);
}

HttpReply HomePage(std::string_view base_url) {
  std::string main =
      "<h1>Willkommen beim Demo-Stellenmarkt Südwestfalen</h1>\n"
      "<p>Aktuelle Stellenangebote aus Hagen, dem Ennepe-Ruhr-Kreis und dem Märkischen Kreis "
      "– von der Ausbildung bis zur Geschäftsleitung.</p>\n"
      "<p><a href=\"/stellenangebote\">Alle Stellenangebote ansehen</a></p>\n"
      "<section class=\"top-jobs\">\n<h2>Top-Jobs</h2>\n<ul>\n";
  for (int id : DemoKurzlinkIds()) {
    const DemoJob* job = FindJob(id);
    main += "<li><a href=\"/job/" + std::to_string(id) + "\">" + HtmlEscape(job->title) +
            "</a> – " + HtmlEscape(job->company) + "</li>\n";
  }
  main += "</ul>\n</section>\n<section class=\"neu\">\n<h2>Neu eingetroffen</h2>\n<ul>\n";
  const std::vector<DemoJob>& jobs = DemoJobs();
  for (std::size_t i = 0; i < kHomeNewest && i < jobs.size(); ++i) {
    main += "<li><a href=\"" + DemoJobPath(jobs[i]) + "\">" + HtmlEscape(jobs[i].title) +
            "</a> – " + HtmlEscape(jobs[i].locality) + "</li>\n";
  }
  main += "</ul>\n</section>\n";
  const std::string head = "<link rel=\"canonical\" href=\"" + std::string(base_url) + "/\">\n";
  return Reply(200, kHtmlType, RenderLayout("Startseite", head, main));
}

HttpReply StaticPage(std::string_view title, std::string_view body_html) {
  return Reply(
      200, kHtmlType,
      RenderLayout(title, "", "<h1>" + HtmlEscape(title) + "</h1>\n" + std::string(body_html)));
}

// What /intern/ serves: a login form, nothing a crawler could use.
HttpReply InternalArea() {
  return Reply(200, kHtmlType,
               RenderLayout("Mitarbeiterbereich", "<meta name=\"robots\" content=\"noindex\">\n",
                            "<h1>Mitarbeiterbereich</h1>\n<p>Bitte melden Sie sich an.</p>\n"
                            "<form method=\"post\" action=\"/intern/anmeldung\">\n"
                            "<label>Benutzername <input name=\"benutzer\"></label>\n"
                            "<label>Passwort <input name=\"passwort\" type=\"password\"></label>\n"
                            "<button type=\"submit\">Anmelden</button>\n</form>\n"));
}

HttpReply RobotsTxt(std::string_view base_url) {
  return Reply(200, "text/plain; charset=utf-8",
               "# Demo-Stellenmarkt Südwestfalen\nUser-agent: *\nDisallow: /intern/\n\n"
               "Sitemap: " +
                   std::string(base_url) + "/sitemap.xml\n");
}

HttpReply Sitemap(std::string_view base_url) {
  const std::string base(base_url);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (int page = 1; page <= PageCount(); ++page) {
    xml += "<url><loc>" + HtmlEscape(base + ListingPagePath(page)) + "</loc></url>\n";
  }
  for (const DemoJob& job : DemoJobs()) {
    xml += "<url><loc>" + HtmlEscape(base + DemoJobPath(job)) + "</loc><lastmod>" +
           job.date_posted + "</lastmod></url>\n";
  }
  return Reply(200, "application/xml", xml + "</urlset>\n");
}

// "/stellenangebote/<id>-<slug>" (exactly the canonical path) or "/job/<id>"
// for a Kurzlink job; nullptr for anything else.
const DemoJob* JobForPath(std::string_view path) {
  if (path.starts_with(kKurzlinkPrefix)) {
    int id = 0;
    if (!ParseNumber(path.substr(kKurzlinkPrefix.size()), &id)) return nullptr;
    for (int kurz : DemoKurzlinkIds()) {
      if (kurz == id) return FindJob(id);
    }
    return nullptr;
  }
  if (!path.starts_with(kDetailPrefix)) return nullptr;
  const std::string_view rest = path.substr(kDetailPrefix.size());
  int id = 0;
  if (!ParseNumber(rest.substr(0, rest.find('-')), &id)) return nullptr;
  const DemoJob* job = FindJob(id);
  return job != nullptr && DemoJobPath(*job) == path ? job : nullptr;
}

HttpReply Route(std::string_view path, std::string_view query, std::string_view base_url) {
  if (path == "/") return HomePage(base_url);
  if (path == kListingPath) return Listing(query, base_url);
  if (path == "/robots.txt") return RobotsTxt(base_url);
  if (path == "/sitemap.xml") return Sitemap(base_url);
  if (path == "/ueber-uns") {
    return StaticPage("Über uns",
                      "<p>Der Demo-Stellenmarkt Südwestfalen bündelt Stellenangebote "
                      "aus der Region. Er dient als Beispiel für jobcrawler; alle Anzeigen sind "
                      "erfunden.</p>\n");
  }
  if (path == "/impressum") {
    return StaticPage("Impressum",
                      "<p>Demo-Stellenmarkt Südwestfalen (fiktiv)<br>Musterweg 1<br>58095 "
                      "Hagen</p>\n<p>E-Mail: kontakt@demo-stellenmarkt.example</p>\n");
  }
  if (path == "/datenschutz") {
    return StaticPage("Datenschutz",
                      "<p>Diese Demo-Seite speichert keine personenbezogenen Daten und setzt "
                      "keine Cookies.</p>\n");
  }
  if (path == "/intern" || path.starts_with("/intern/")) return InternalArea();
  if (const DemoJob* job = JobForPath(path)) {
    return Reply(200, kHtmlType, RenderDetailPage(*job, base_url));
  }
  return NotFound();
}

// "ä"/"Ä" -> "ae" and so on for the two UTF-8 bytes at the start of `two`;
// "" when they are not a German umlaut or ß.
std::string_view UmlautSpelling(std::string_view two) {
  if (two == "ä" || two == "Ä") return "ae";
  if (two == "ö" || two == "Ö") return "oe";
  if (two == "ü" || two == "Ü") return "ue";
  if (two == "ß") return "ss";
  return "";
}

}  // namespace

std::string DemoSlug(std::string_view title) {
  std::string slug;
  bool dash = false;  // a '-' is pending before the next letter or digit
  auto append = [&](std::string_view piece) {
    if (dash && !slug.empty()) slug += '-';
    dash = false;
    slug += piece;
  };
  for (std::size_t i = 0; i < title.size(); ++i) {
    const char c = title[i];
    const std::string_view two = title.substr(i, 2);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      append(std::string_view(&c, 1));
    } else if (c >= 'A' && c <= 'Z') {
      const char lower = static_cast<char>(c - 'A' + 'a');
      append(std::string_view(&lower, 1));
    } else if (const std::string_view spelled = UmlautSpelling(two); !spelled.empty()) {
      append(spelled);
      ++i;  // the umlaut's second UTF-8 byte
    } else {
      dash = true;
    }
  }
  return slug;
}

std::string DemoJobPath(const DemoJob& job) {
  return std::string(kDetailPrefix) + std::to_string(job.id) + "-" + DemoSlug(job.title);
}

const std::vector<int>& DemoKurzlinkIds() {
  // One expected match (which the default export must list once) and one
  // negative.
  static const std::vector<int> ids = {2412, 2413};
  return ids;
}

HttpReply ServeDemoBoard(const HttpRequestInfo& request, std::string_view base_url) {
  if (request.method != "GET" && request.method != "HEAD") return MethodNotAllowed();
  std::string_view target = request.target;
  target = target.substr(0, target.find('#'));
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  return Route(path, query, base_url);
}

}  // namespace jobcrawler::app
