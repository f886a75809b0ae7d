#include <optional>
#include <ostream>

#include "app/cli/commands.h"
#include "app/cli/durable_file.h"
#include "app/monitor/atom_feed.h"
#include "app/monitor/monitor.h"
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

AtomFeedInfo FeedInfo(const ExportCommand& command) {
  AtomFeedInfo info;
  // One id per kind of selection, so that a reader keeps them apart.
  if (command.closed) {
    info.id += "-closed";
    info.title = "jobcrawler: closed postings";
  } else if (command.new_only || !command.since.empty()) {
    info.id += "-new";
    info.title = "jobcrawler: new postings";
  }
  info.self_url = command.feed_url;
  info.updated = NowMillis();
  return info;
}

void Write(const ExportCommand& command, const std::vector<storage::PostingRow>& rows,
           std::ostream& out) {
  if (command.format == "atom") {
    WriteAtomFeed(out, rows, FeedInfo(command));
    return;
  }
  if (command.format == "jsonl") {
    storage::WriteJsonl(out, rows);
    return;
  }
  storage::CsvOptions options;
  if (command.excel) options = storage::ExcelCsvOptions();
  storage::WriteCsv(out, rows, options);
}

// Closed since `since`: the store filters by one closing run only.
std::vector<storage::PostingRow> ClosedSince(std::vector<storage::PostingRow> rows,
                                             const Since& since) {
  std::erase_if(rows, [&](const storage::PostingRow& row) {
    return since.run ? row.closed_run < *since.run : row.closed_at < *since.time;
  });
  return rows;
}

// The query for the command's selection, or an error message for `err`.
storage::Result<storage::PostingQuery> BuildQuery(const ExportCommand& command,
                                                  const std::optional<Since>& since,
                                                  storage::Store& store) {
  storage::PostingQuery query;
  if (command.closed) query.status = "closed";
  if (since && !command.closed) {
    query.first_seen_since = since->time;
    query.first_seen_since_run = since->run;
  }
  if (command.new_only || (command.closed && !since)) {
    auto latest = store.LatestRun();
    if (!latest.ok()) return latest.status();
    // No run yet: nothing is new, nothing was closed.
    const std::int64_t run = latest.value() ? latest.value()->id : -1;
    if (command.new_only) query.first_seen_run = run;
    if (command.closed) query.closed_run = run;
  }
  return query;
}

// "" when the options fit together, else the complaint.
std::string CheckOptions(const ExportCommand& command, const std::optional<Since>& since) {
  if (command.format != "csv" && command.format != "jsonl" && command.format != "atom") {
    return "--format must be csv, jsonl or atom, got " + command.format;
  }
  if (!command.since.empty() && !since) {
    return "--since must be a date (2026-11-20), run:ID or a run id, got \"" + command.since +
           "\"";
  }
  if (command.new_only && (since || command.closed)) {
    return "--new goes with neither --since nor --closed";
  }
  return "";
}

}  // namespace

int RunExport(const ExportCommand& command, std::ostream& out, std::ostream& err) {
  std::optional<Since> since;
  if (!command.since.empty()) since = ParseSince(command.since);
  if (std::string problem = CheckOptions(command, since); !problem.empty()) {
    err << "jobcrawler: " << problem << '\n';
    return kExitUsage;
  }
  Config config = LoadConfigForCli(command.config_path);
  std::string database = command.database.empty() ? config.storage.database : command.database;
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  auto query = BuildQuery(command, since, *store.value());
  if (!query.ok()) {
    err << "jobcrawler: " << query.status().message() << '\n';
    return kExitFailure;
  }
  auto rows = store.value()->ListPostings(query.value());
  if (!rows.ok()) {
    err << "jobcrawler: " << rows.status().message() << '\n';
    return kExitFailure;
  }
  if (command.closed && since) rows = ClosedSince(std::move(rows.value()), *since);
  std::vector<storage::PostingRow> selected =
      Select(std::move(rows.value()), parsers::Matcher(config.match), command.all);
  if (command.output.empty() || command.output == "-") {
    Write(command, selected, out);
    out.flush();
    return out ? kExitOk : kExitFailure;
  }
  // Never half a file, for a spreadsheet, a feed reader or after a crash.
  const storage::Status written = WriteFileDurably(
      command.output, [&](std::ostream& file) { Write(command, selected, file); });
  if (!written.ok()) {
    err << "jobcrawler: " << written.message() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace jobcrawler::app
