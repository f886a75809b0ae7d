// Writing an output file so that readers find the old contents or the new,
// never part of either, even across a crash or a full disk.
//
// WriteFileDurably writes to a new file beside `path` (same directory, so
// the rename cannot cross file systems), fsyncs it, renames it over `path`
// and fsyncs the directory, so that the rename itself survives a crash. On
// any failure the new file is removed and `path` is left as it was. Made for
// export files and feeds, which a spreadsheet, a feed reader or a web server
// may open at any moment. Not thread-safe with respect to other writers of
// the same `path`: the last rename wins, whole.
#ifndef JOBCRAWLER_APP_CLI_DURABLE_FILE_H_
#define JOBCRAWLER_APP_CLI_DURABLE_FILE_H_

#include <functional>
#include <iosfwd>
#include <string>

#include "storage/status.h"

namespace jobcrawler::app {

// Calls `write` with a stream into the new file, then makes it `path` as
// described above. Returns Ok, or an error naming `path` and the system's
// reason ("cannot write out.csv: File too large; out.csv is unchanged").
// The new file is created with mode 0666 minus the umask.
storage::Status WriteFileDurably(const std::string& path,
                                 const std::function<void(std::ostream&)>& write);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CLI_DURABLE_FILE_H_
