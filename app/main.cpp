// jobcrawler: finds IT-leadership jobs in a region across job boards and
// career pages. This file only parses the command line; see app/commands.h.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/cli/cli_docs.h"
#include "app/cli/commands.h"
#include "app/cli/report_command.h"
#include "app/config/config.h"

namespace {

using namespace jobcrawler::app;

void AddConfigOptions(CLI::App* command, std::string* config, std::string* database) {
  command->add_option("--config", *config,
                      "config file (default: ./config.toml if present, else the built-in default)");
  if (database) command->add_option("--db", *database, "SQLite database (default: storage.database)");
}

int Dispatch(int argc, char** argv) {
  CLI::App app{"jobcrawler: crawls job boards and career pages for IT-leadership jobs in a region"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jobcrawler " JOBCRAWLER_VERSION);
  // Hidden (empty group): the man page and bash completion, written from
  // this very definition; the build packages their output (app/CMakeLists.txt).
  app.add_flag_callback("--help-man", [&app] {
    WriteManPage(app, JOBCRAWLER_VERSION, std::cout);
    throw CLI::Success();
  })->group("");
  app.add_flag_callback("--help-completion", [&app] {
    WriteBashCompletion(app, std::cout);
    throw CLI::Success();
  })->group("");

  CrawlCommand crawl;
  CLI::App* crawl_cmd = app.add_subcommand("crawl", "crawl the config's sources into the database");
  AddConfigOptions(crawl_cmd, &crawl.config_path, &crawl.database);
  crawl_cmd->add_option("--max-pages", crawl.max_pages, "stop after fetching this many pages")
      ->check(CLI::PositiveNumber);
  crawl_cmd->add_option("--max-duration", crawl.max_duration_seconds,
                        "stop gracefully after this many seconds")
      ->check(CLI::PositiveNumber);
  crawl_cmd->add_flag("--quiet,-q", crawl.quiet, "no progress and no summary");
  crawl_cmd->add_flag("--report-new", crawl.report_new,
                      "print the new and closed matched postings (nothing when there are none; "
                      "for cron mail); implies --quiet");

  ExportCommand exp;
  CLI::App* export_cmd = app.add_subcommand("export", "write postings as CSV or JSON Lines");
  AddConfigOptions(export_cmd, &exp.config_path, &exp.database);
  export_cmd->add_option("--format", exp.format, "csv, jsonl or atom (an Atom 1.0 feed)")
      ->check(CLI::IsMember({"csv", "jsonl", "atom"}));
  export_cmd->add_flag("--all", exp.all, "every posting, not only matched ones");
  export_cmd->add_flag("--new", exp.new_only, "only postings first seen in the latest crawl run");
  export_cmd->add_option("--since", exp.since,
                         "only postings first seen since DATE (2026-11-20, UTC) or run:ID / ID "
                         "(that run or later); with --closed: closed since");
  export_cmd->add_flag("--closed", exp.closed,
                       "only postings closed by the latest crawl run (or since --since)");
  export_cmd->add_option("--feed-url", exp.feed_url,
                         "with --format atom: the URL the feed is published at (rel=self)");
  export_cmd->add_flag("--excel", exp.excel, "CSV for German spreadsheets: UTF-8 BOM and ';'");
  export_cmd->add_option("--output,-o", exp.output, "output file (default: stdout)");

  StatsCommand stats;
  CLI::App* stats_cmd = app.add_subcommand(
      "stats", "postings by status and source, new per week, salaries, top employers");
  AddConfigOptions(stats_cmd, &stats.config_path, &stats.database);

  ExplainCommand explain;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain", "show one posting, every sighting and why they were merged");
  AddConfigOptions(explain_cmd, &explain.config_path, &explain.database);
  explain_cmd->add_option("id", explain.id, "the posting's id (the export's id column)")
      ->required()
      ->check(CLI::PositiveNumber);

  ParseCommand parse;
  CLI::App* parse_cmd =
      app.add_subcommand("parse", "print the postings of one page or feed response as JSON Lines");
  AddConfigOptions(parse_cmd, &parse.config_path, nullptr);
  parse_cmd->add_option("target", parse.target, "an HTML, JSON or XML file or an http(s) URL")
      ->required();
  parse_cmd->add_option("--source", parse.source,
                        "read it as this config source (its type, [sources.extract] selectors, "
                        "company and api_key)");
  parse_cmd->add_option("--type", parse.type,
                        "html (default), arbeitsagentur, personio, greenhouse or lever; a feed's "
                        "diagnostics and paging go to stderr")
      ->check(CLI::IsMember({"html", "arbeitsagentur", "personio", "greenhouse", "lever"}));

  ReportCommand report;
  CLI::App* report_cmd = app.add_subcommand(
      "report", "write one self-contained HTML page: postings, weekly trend, salaries, "
                "employers, source health");
  AddConfigOptions(report_cmd, &report.config_path, &report.database);
  report_cmd->add_option("--output,-o", report.output, "HTML file to write (- for stdout)")
      ->capture_default_str();
  report_cmd->add_flag("--all", report.all, "every open posting, not only matched ones");

  DemoCommand demo;
  CLI::App* demo_cmd = app.add_subcommand(
      "demo", "serve the bundled sample board on 127.0.0.1, crawl it and write a CSV (offline)");
  demo_cmd->add_option("--db", demo.database, "database to create (replaced if present)")
      ->capture_default_str();
  demo_cmd->add_option("--output,-o", demo.output, "CSV to write")->capture_default_str();
  demo_cmd->add_flag("--quiet,-q", demo.quiet, "no progress");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*crawl_cmd) return RunCrawl(crawl, std::cout, std::cerr);
  if (*export_cmd) return RunExport(exp, std::cout, std::cerr);
  if (*stats_cmd) return RunStats(stats, std::cout, std::cerr);
  if (*explain_cmd) return RunExplain(explain, std::cout, std::cerr);
  if (*parse_cmd) return RunParse(parse, std::cout, std::cerr);
  if (*report_cmd) return RunReport(report, std::cout, std::cerr);
  return RunDemo(demo, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Dispatch(argc, argv);
  } catch (const ConfigError& e) {
    std::cerr << "jobcrawler: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "jobcrawler: " << e.what() << '\n';
    return kExitFailure;
  }
}
