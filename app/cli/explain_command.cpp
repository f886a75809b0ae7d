// `jobcrawler explain ID`: one posting, where it was seen, and why those
// sightings were taken as one job.
#include <fmt/format.h>

#include <ostream>

#include "app/cli/commands.h"
#include "app/monitor/monitor_report.h"
#include "storage/export.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {
namespace {

void WriteRecord(std::ostream& out, const storage::PostingRow& row) {
  const parsers::Posting& p = row.posting;
  out << fmt::format("Posting {}: {}\n", row.id, p.title);
  const std::string details = FormatDetails(p);
  if (!details.empty()) out << "  " << details << '\n';
  out << "  url:         " << row.url << " (" << row.source << ")\n";
  if (!p.identifier.empty()) out << "  identifier:  " << p.identifier << '\n';
  if (!p.date_posted.empty()) out << "  posted:      " << p.date_posted << '\n';
  if (!p.valid_through.empty()) out << "  valid until: " << p.valid_through << '\n';
  out << fmt::format("  first seen:  {} (run {})\n", storage::FormatIsoUtc(row.first_seen),
                     row.first_seen_run);
  out << fmt::format("  last seen:   {} (run {})\n", storage::FormatIsoUtc(row.last_seen),
                     row.last_seen_run);
  out << "  status:      " << row.status;
  if (row.status == "closed") {
    out << fmt::format(" since {} (run {}, {})", storage::FormatIsoUtc(row.closed_at),
                       row.closed_run, ClosedReasonText(row.closed_reason));
  }
  out << '\n';
}

void WriteExplanation(std::ostream& out, const storage::PostingExplanation& explanation) {
  WriteRecord(out, explanation.row);
  out << fmt::format("\nSightings ({}):\n", explanation.sightings.size());
  for (const storage::SightingInfo& s : explanation.sightings) {
    out << "  " << s.url << '\n';
    out << fmt::format("    source {}, first seen {}, last seen {} (run {})\n", s.source,
                       storage::FormatIsoUtc(s.first_seen), storage::FormatIsoUtc(s.last_seen),
                       s.last_run);
    if (!s.page_url.empty() && s.page_url != s.url) out << "    on page " << s.page_url << '\n';
  }
  out << "\nIdentity keys:\n";
  for (const std::string& key : explanation.keys) out << "  " << key << '\n';
  out << "\nWhy these are one job:\n";
  if (explanation.reasons.empty()) out << "  (one sighting, nothing merged)\n";
  for (const std::string& reason : explanation.reasons) out << "  " << reason << '\n';
}

}  // namespace

int RunExplain(const ExplainCommand& command, std::ostream& out, std::ostream& err) {
  Config config = LoadConfigForCli(command.config_path);
  std::string database = command.database.empty() ? config.storage.database : command.database;
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  auto explanation = store.value()->ExplainPosting(command.id);
  if (!explanation.ok()) {
    err << "jobcrawler: " << explanation.status().message() << '\n';
    return kExitFailure;
  }
  if (!explanation.value()) {
    err << "jobcrawler: no posting with id " << command.id << " in " << database << '\n';
    return kExitFailure;
  }
  WriteExplanation(out, *explanation.value());
  out.flush();
  return out ? kExitOk : kExitFailure;
}

}  // namespace jobcrawler::app
