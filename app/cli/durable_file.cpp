// WriteFileDurably: write beside, fsync, rename, fsync the directory.
#include "app/cli/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <streambuf>
#include <vector>

namespace jobcrawler::app {
namespace {

// A stream buffer over a file descriptor that remembers the errno of the
// first failed write; the stream then goes bad, and every later write is
// dropped.
class FdStreamBuf final : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd), buffer_(kBufferBytes) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

  // errno of the first failure, 0 when none.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  static constexpr std::size_t kBufferBytes = 64 * 1024;

  // Writes out the buffer; false after any failure.
  bool Drain() {
    const char* next = pbase();
    while (error_ == 0 && next < pptr()) {
      const ssize_t written = ::write(fd_, next, static_cast<std::size_t>(pptr() - next));
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        error_ = written < 0 ? errno : EIO;
        break;
      }
      next += written;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// Owns the new file until it has become `path`: closes it and removes it
// on every way out that does not get that far, exceptions included.
class PendingFile {
 public:
  explicit PendingFile(std::string path) : path_(std::move(path)) {}
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && fd_ != -1) ::unlink(path_.c_str());
  }

  // O_EXCL: never truncate a file someone else is writing.
  bool Create() {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    return fd_ >= 0;
  }
  // fsync and close; false (errno set) when either fails.
  bool SyncAndClose() {
    const bool synced = ::fsync(fd_) == 0;
    const int saved = errno;
    const bool closed = ::close(fd_) == 0;
    fd_ = -2;  // closed, still ours to remove
    if (!synced) errno = saved;
    return synced && closed;
  }
  void Committed() { committed_ = true; }

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;  // -1: never created; -2: closed
  bool committed_ = false;
};

// "out.csv.partial-1234-0": beside the target, unique per process and call.
std::string PartialName(const std::string& path) {
  static int counter = 0;
  return path + ".partial-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

// fsync of the directory holding `path`, so that a rename into it is on
// disk. File systems that cannot sync a directory (EINVAL) are accepted.
bool SyncDirectoryOf(const std::string& path) {
  std::string directory = std::filesystem::path(path).parent_path().string();
  if (directory.empty()) directory = ".";
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return synced;
}

storage::Status Failure(std::string_view what, const std::string& path, int error) {
  return storage::Status::Error(std::string(what) + " " + path + ": " + std::strerror(error) +
                                "; " + path + " is unchanged");
}

}  // namespace

storage::Status WriteFileDurably(const std::string& path,
                                 const std::function<void(std::ostream&)>& write) {
  PendingFile pending(PartialName(path));
  if (!pending.Create()) return Failure("cannot create a file beside", path, errno);
  FdStreamBuf buffer(pending.fd());
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0) return Failure("cannot write", path, buffer.error());
  if (!out) return Failure("cannot write", path, EIO);
  if (!pending.SyncAndClose()) return Failure("cannot write", path, errno);
  if (::rename(pending.path().c_str(), path.c_str()) != 0) {
    return Failure("cannot replace", path, errno);
  }
  pending.Committed();
  if (!SyncDirectoryOf(path)) {
    return storage::Status::Error("wrote " + path + " but cannot sync its directory: " +
                                  std::strerror(errno));
  }
  return storage::Status::Ok();
}

}  // namespace jobcrawler::app
