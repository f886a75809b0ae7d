// The command-line commands, one function each, returning the exit status.
// main.cpp parses arguments into these structs; everything else is here.
#ifndef JOBCRAWLER_APP_CLI_COMMANDS_H_
#define JOBCRAWLER_APP_CLI_COMMANDS_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "app/config/config.h"

namespace jobcrawler::app {

// Exit statuses, documented in the README.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,  // runtime failure: database, network setup, I/O; crawl: no host reachable
  kExitUsage = 2,    // bad arguments or config; the message names the problem
  kExitLocked = 3,   // another crawl holds the database
  kExitSourceHealth = 4,  // crawl: a source failed or stopped yielding postings
};

// --config given: that file. Otherwise ./config.toml when it exists, else the
// embedded default. Throws ConfigError.
Config LoadConfigForCli(const std::string& explicit_path);

struct CrawlCommand {
  std::string config_path;
  std::string database;  // empty: the config's storage.database
  std::int64_t max_pages = 0;
  std::int64_t max_duration_seconds = 0;
  bool quiet = false;
  // Print the new and closed matched postings of a completed run to `out`
  // (nothing when there are none); implies quiet.
  bool report_new = false;
};
int RunCrawl(const CrawlCommand& command, std::ostream& out, std::ostream& err);

struct ExportCommand {
  std::string config_path;
  std::string database;
  std::string format = "csv";  // csv, jsonl or atom
  bool all = false;            // every posting, not only matched ones
  bool new_only = false;       // first seen in the latest run
  // First seen since: "2026-11-20" (UTC), "run:12" or "12" (that run or
  // later); with `closed`, closed since instead. Empty: no limit.
  std::string since;
  bool closed = false;         // closed by the latest run (or since `since`)
  bool excel = false;          // CSV with BOM and ';'
  std::string output;          // empty or "-": stdout
  std::string feed_url;        // atom: the feed's own URL (rel="self")
};
int RunExport(const ExportCommand& command, std::ostream& out, std::ostream& err);

// Postings by status and source, new per ISO week, salaries, employers.
struct StatsCommand {
  std::string config_path;
  std::string database;
};
int RunStats(const StatsCommand& command, std::ostream& out, std::ostream& err);

// One posting with every sighting and why they were merged. Exit status 1
// when there is no posting with that id.
struct ExplainCommand {
  std::string config_path;
  std::string database;
  std::int64_t id = 0;
};
int RunExplain(const ExplainCommand& command, std::ostream& out, std::ostream& err);

struct ParseCommand {
  std::string config_path;
  std::string target;  // a file path or an http(s) URL
  // Read as this config source: its type, [sources.extract], company and
  // api_key; empty: none.
  std::string source;
  // "html", "arbeitsagentur", "personio", "greenhouse" or "lever"; empty:
  // the source's type, else html.
  std::string type;
};
int RunParse(const ParseCommand& command, std::ostream& out, std::ostream& err);

struct DemoCommand {
  std::string database = "jobcrawler-demo.db";
  std::string output = "hagen-it-jobs.csv";
  bool quiet = false;
};
int RunDemo(const DemoCommand& command, std::ostream& out, std::ostream& err);

// Shared by crawl and demo: crawls `config` into `database`.
int CrawlWithConfig(const Config& config, const std::string& database,
                    const CrawlCommand& limits, std::ostream& out, std::ostream& err);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CLI_COMMANDS_H_
