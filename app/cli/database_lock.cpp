#include "app/cli/database_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace jobcrawler::app {

std::optional<DatabaseLock> DatabaseLock::Acquire(const std::string& database,
                                                  std::string* error) {
  std::string path = database + ".lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot open lock file " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int saved = errno;
    ::close(fd);
    *error = saved == EWOULDBLOCK
                 ? "another jobcrawler crawl is using " + database + " (lock " + path + ")"
                 : "cannot lock " + path + ": " + std::strerror(saved);
    return std::nullopt;
  }
  return DatabaseLock(fd);
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DatabaseLock::~DatabaseLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

}  // namespace jobcrawler::app
