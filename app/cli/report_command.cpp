#include "app/cli/report_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>

#include "app/cli/commands.h"
#include "app/monitor/monitor.h"
#include "app/report/report_html.h"
#include "app/report/report_load.h"
#include "storage/sqlite_store.h"

namespace jobcrawler::app {
namespace {

std::string SystemError(const std::string& what) { return what + ": " + std::strerror(errno); }

// Writes all of `data` to `fd` and syncs it; "" or the error.
std::string WriteAndSync(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    const ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return SystemError("cannot write " + path);
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd) != 0) return SystemError("cannot write " + path);
  return "";
}

// `data` into `path` via `path`.partial and rename; the directory is synced
// so that the rename survives a power cut. "" or the error.
std::string WriteFileDurably(const std::string& path, std::string_view data) {
  const std::string partial = path + ".partial";
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return SystemError("cannot write " + partial);
  std::string error = WriteAndSync(fd, data, partial);
  if (::close(fd) != 0 && error.empty()) error = SystemError("cannot write " + partial);
  if (error.empty() && std::rename(partial.c_str(), path.c_str()) != 0) {
    error = SystemError("cannot rename " + partial + " to " + path);
  }
  if (!error.empty()) {
    std::remove(partial.c_str());
    return error;
  }
  std::string directory = std::filesystem::path(path).parent_path().string();
  if (directory.empty()) directory = ".";
  const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);  // best effort: the file itself is complete either way
    ::close(dir);
  }
  return "";
}

}  // namespace

int RunReport(const ReportCommand& command, std::ostream& out, std::ostream& err) {
  const Config config = LoadConfigForCli(command.config_path);
  const std::string database =
      command.database.empty() ? config.storage.database : command.database;
  std::error_code ignored;
  if (!std::filesystem::exists(database, ignored)) {
    err << "jobcrawler: no database at " << database << " (run jobcrawler crawl first)\n";
    return kExitFailure;
  }
  auto store = storage::SqliteStore::Open(database);
  if (!store.ok()) {
    err << "jobcrawler: " << store.status().message() << '\n';
    return kExitFailure;
  }
  auto model = report::LoadReport(*store.value(), config, command.all, NowMillis());
  if (!model.ok()) {
    err << "jobcrawler: " << model.status().message() << '\n';
    return kExitFailure;
  }
  const std::string html =
      report::RenderReport(model.value(), report::LocaleFromName(config.report.locale));
  if (command.output == "-") {
    out << html;
    out.flush();
    return out ? kExitOk : kExitFailure;
  }
  if (std::string error = WriteFileDurably(command.output, html); !error.empty()) {
    err << "jobcrawler: " << error << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace jobcrawler::app
