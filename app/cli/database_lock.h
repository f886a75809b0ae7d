// An exclusive lock on a database for the length of a crawl, so that two
// cron runs never crawl the same database at once.
//
// Uses flock(2) on "<database>.lock": the kernel drops the lock when the
// process dies, even by SIGKILL, so a stale lock file never blocks a run.
#ifndef JOBCRAWLER_APP_CLI_DATABASE_LOCK_H_
#define JOBCRAWLER_APP_CLI_DATABASE_LOCK_H_

#include <optional>
#include <string>

namespace jobcrawler::app {

class DatabaseLock {
 public:
  // Takes the lock without waiting. nullopt with `*error` set when another
  // process holds it (or the lock file cannot be opened).
  static std::optional<DatabaseLock> Acquire(const std::string& database, std::string* error);

  DatabaseLock(DatabaseLock&& other) noexcept;
  DatabaseLock& operator=(DatabaseLock&&) = delete;
  DatabaseLock(const DatabaseLock&) = delete;
  ~DatabaseLock();

 private:
  explicit DatabaseLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CLI_DATABASE_LOCK_H_
