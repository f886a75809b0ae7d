// Shared HTML helpers and the page layout of the demo board.
#include "app/demo/demo_board_html.h"

#include <string>
#include <string_view>

namespace jobcrawler::app::demo_board_internal {
namespace {

// Small enough to inline in every page; real boards do the same for their
// critical CSS.
constexpr std::string_view kStyle =
    "body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#1d2733;background:#f4f6f8}"
    "header.kopf{background:#0b4f6c;color:#fff;padding:1em 2em}"
    "header.kopf a{color:#fff;text-decoration:none}"
    ".logo{font-size:1.4em;font-weight:bold}"
    "nav.haupt ul{list-style:none;margin:.5em 0 0;padding:0}"
    "nav.haupt li{display:inline;margin-right:1.5em}"
    "main{max-width:60em;margin:1.5em auto;background:#fff;padding:1.5em 2em}"
    "article.treffer{border-bottom:1px solid #dde3e8;padding:.8em 0}"
    ".firma,.meta{color:#55626f;margin:.2em 0}"
    "nav.seiten ol{list-style:none;padding:0}nav.seiten li{display:inline;margin-right:.6em}"
    "aside.aehnlich{background:#eef3f6;padding:1em;margin-top:2em}"
    "footer{text-align:center;color:#55626f;font-size:.9em;padding:2em}";

constexpr std::string_view kHeader =
    "<header class=\"kopf\">\n"
    "<a class=\"logo\" href=\"/\">Demo-Stellenmarkt Südwestfalen</a>\n"
    "<nav class=\"haupt\"><ul>"
    "<li><a href=\"/\">Startseite</a></li>"
    "<li><a href=\"/stellenangebote\">Stellenangebote</a></li>"
    "<li><a href=\"/ueber-uns\">Über uns</a></li>"
    "</ul></nav>\n"
    "</header>\n";

constexpr std::string_view kFooter =
    "<footer>\n"
    "<p><a href=\"/impressum\">Impressum</a> · <a href=\"/datenschutz\">Datenschutz</a>"
    " · <a href=\"/intern/\">Mitarbeiterbereich</a></p>\n"
    "<p>© 2026 Demo-Stellenmarkt Südwestfalen. Alle Unternehmen und Anzeigen auf "
    "dieser Seite sind frei erfunden.</p>\n"
    "</footer>\n";

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderLayout(std::string_view title, std::string_view head_extra,
                         std::string_view main_html) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  page += HtmlEscape(title);
  page += " – Demo-Stellenmarkt Südwestfalen</title>\n";
  page += head_extra;
  page += "<style>";
  page += kStyle;
  page += "</style>\n</head>\n<body>\n";
  page += kHeader;
  page += "<main>\n";
  page += main_html;
  page += "</main>\n";
  page += kFooter;
  page += "</body>\n</html>\n";
  return page;
}

std::string GermanDate(std::string_view iso_date) {
  // "YYYY-MM-DD" only; the board's data has nothing else.
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') {
    return std::string(iso_date);
  }
  std::string out;
  out.append(iso_date.substr(8, 2)).append(".");
  out.append(iso_date.substr(5, 2)).append(".");
  out.append(iso_date.substr(0, 4));
  return out;
}

std::string_view EmploymentTypeLabel(std::string_view type) {
  if (type == "FULL_TIME") return "Vollzeit";
  if (type == "PART_TIME") return "Teilzeit";
  if (type == "TEMPORARY") return "Befristet";
  if (type == "INTERN") return "Praktikum";
  return type;
}

}  // namespace jobcrawler::app::demo_board_internal
