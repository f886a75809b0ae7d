// jobcrawler: finds IT-leadership jobs in a region across job boards and
// career pages. This file only parses the command line; see app/commands.h.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/config.h"

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
  app.set_version_flag("--version", "jobcrawler 0.1.0");

  CrawlCommand crawl;
  CLI::App* crawl_cmd = app.add_subcommand("crawl", "crawl the config's sources into the database");
  AddConfigOptions(crawl_cmd, &crawl.config_path, &crawl.database);
  crawl_cmd->add_option("--max-pages", crawl.max_pages, "stop after fetching this many pages")
      ->check(CLI::PositiveNumber);
  crawl_cmd->add_option("--max-duration", crawl.max_duration_seconds,
                        "stop gracefully after this many seconds")
      ->check(CLI::PositiveNumber);
  crawl_cmd->add_flag("--quiet,-q", crawl.quiet, "no progress and no summary");

  ExportCommand exp;
  CLI::App* export_cmd = app.add_subcommand("export", "write postings as CSV or JSON Lines");
  AddConfigOptions(export_cmd, &exp.config_path, &exp.database);
  export_cmd->add_option("--format", exp.format, "csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  export_cmd->add_flag("--all", exp.all, "every posting, not only matched ones");
  export_cmd->add_flag("--new", exp.new_only, "only postings first seen in the latest crawl run");
  export_cmd->add_flag("--excel", exp.excel, "CSV for German spreadsheets: UTF-8 BOM and ';'");
  export_cmd->add_option("--output,-o", exp.output, "output file (default: stdout)");

  ParseCommand parse;
  CLI::App* parse_cmd = app.add_subcommand("parse", "print the postings of one page as JSON Lines");
  AddConfigOptions(parse_cmd, &parse.config_path, nullptr);
  parse_cmd->add_option("target", parse.target, "an HTML file or an http(s) URL")->required();

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
  if (*parse_cmd) return RunParse(parse, std::cout, std::cerr);
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
