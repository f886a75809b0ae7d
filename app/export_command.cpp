#include <fstream>
#include <ostream>

#include "app/commands.h"
#include "storage/export.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {
namespace {

// Re-evaluates `matched` with the current [match] rules, so that editing the
// config and exporting again needs no new crawl.
std::vector<storage::PostingRow> Select(std::vector<storage::PostingRow> rows,
                                        const parsers::Matcher& matcher, bool all) {
  std::vector<storage::PostingRow> selected;
  for (storage::PostingRow& row : rows) {
    row.matched = matcher.Match(row.posting).matched();
    if (all || row.matched) selected.push_back(std::move(row));
  }
  return selected;
}

void Write(const ExportCommand& command, const std::vector<storage::PostingRow>& rows,
           std::ostream& out) {
  if (command.format == "jsonl") {
    storage::WriteJsonl(out, rows);
    return;
  }
  storage::CsvOptions options;
  if (command.excel) {
    options.separator = ';';
    options.bom = true;
  }
  storage::WriteCsv(out, rows, options);
}

}  // namespace

int RunExport(const ExportCommand& command, std::ostream& out, std::ostream& err) {
  if (command.format != "csv" && command.format != "jsonl") {
    err << "jobcrawler: --format must be csv or jsonl, got " << command.format << '\n';
    return kExitUsage;
  }
  Config config = LoadConfigForCli(command.config_path);
  std::string database = command.database.empty() ? config.storage.database : command.database;
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  storage::PostingQuery query;
  if (command.new_only) {
    auto latest = store.value()->LatestRun();
    if (!latest.ok()) {
      err << "jobcrawler: " << latest.status().message() << '\n';
      return kExitFailure;
    }
    // No run yet: nothing is new.
    query.first_seen_run = latest.value() ? latest.value()->id : -1;
  }
  auto rows = store.value()->ListPostings(query);
  if (!rows.ok()) {
    err << "jobcrawler: " << rows.status().message() << '\n';
    return kExitFailure;
  }
  std::vector<storage::PostingRow> selected =
      Select(std::move(rows.value()), parsers::Matcher(config.match), command.all);
  if (command.output.empty() || command.output == "-") {
    Write(command, selected, out);
    out.flush();
    return out ? kExitOk : kExitFailure;
  }
  // Write beside the target and rename, so a spreadsheet never opens half a file.
  std::string partial = command.output + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "jobcrawler: cannot write " << partial << '\n';
      return kExitFailure;
    }
    Write(command, selected, file);
    file.close();
    if (!file) {
      err << "jobcrawler: cannot write " << partial << '\n';
      return kExitFailure;
    }
  }
  if (std::rename(partial.c_str(), command.output.c_str()) != 0) {
    err << "jobcrawler: cannot rename " << partial << " to " << command.output << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace jobcrawler::app
