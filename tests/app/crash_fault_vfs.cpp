// libjobcrawler_fault_vfs.so: an SQLite VFS shim for the crash and full-disk
// tests (tests/app/crash_test.cpp), loaded into the real jobcrawler binary
// with LD_PRELOAD. It is built only with the tests; the jobcrawler binary
// knows nothing of it.
//
// Loaded, it registers a VFS that wraps SQLite's default one and makes
// itself the default, so that every file the process opens through SQLite
// (the database, its WAL, journals, temporary files) goes through it. It
// counts write calls and the bytes by which they grow files, and, as the
// environment says:
//   JOBCRAWLER_FAULT_KILL_AT_WRITE=N  on the Nth write call (from 1, all
//       files together) writes the first JOBCRAWLER_FAULT_KILL_PREFIX bytes of
//       it (default 0, clipped to the write's size) and sends the process
//       SIGKILL: a kill in the middle of the database write path, with a
//       torn last write, as a kill during a multi-page write(2) can leave.
//   JOBCRAWLER_FAULT_KILL_AT_CLOSE_WRITE=N  the same at the Nth write after
//       the database file was locked EXCLUSIVE while its WAL was open. In WAL
//       mode SQLite does that only when the last connection closes, to copy
//       the WAL into the database and remove it: a kill in that checkpoint,
//       after the run was recorded, wherever it falls in the count of writes.
//   JOBCRAWLER_FAULT_FULL_AFTER_BYTES=B  the disk is full once files have
//       grown by B bytes: a write that would grow a file further writes what
//       fits and fails with SQLITE_FULL, as SQLite's own unix VFS reports
//       ENOSPC. Overwriting bytes inside a file still works, as it does on
//       a full disk; shrinking or deleting a file frees its bytes again.
//   JOBCRAWLER_FAULT_STATS=PATH  at a normal exit, writes
//       "writes=<calls> peak=<bytes> close_writes=<calls>" to PATH: the write
//       calls, the most bytes the files took up at once (beyond what they had
//       at the start), and the write calls of the closing checkpoint.
// Without any of them it registers nothing.
//
// Not counted: the -shm file, which SQLite maps into memory rather than
// writes (its size is set inside the wrapped VFS's xShmMap).
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

struct Settings {
  std::int64_t kill_at_write = 0;        // 0: never
  std::int64_t kill_at_close_write = 0;  // 0: never
  std::int64_t kill_prefix = 0;
  std::int64_t full_after = -1;  // -1: never full
  const char* stats_path = nullptr;
};

Settings settings;
std::atomic<std::int64_t> writes{0};
std::atomic<std::int64_t> grown{0};  // net bytes files grew by
std::atomic<std::int64_t> peak{0};   // the most `grown` has been
std::atomic<int> open_wals{0};
std::atomic<bool> closing{false};  // the database locked EXCLUSIVE with its WAL open
std::atomic<std::int64_t> close_writes{0};

void Grow(std::int64_t bytes) {
  const std::int64_t now = grown.fetch_add(bytes) + bytes;
  std::int64_t before = peak.load();
  while (now > before && !peak.compare_exchange_weak(before, now)) {
  }
}
sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs fault_vfs;

// The wrapped file lives right behind ours, in the space szOsFile adds.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
  int flags;  // SQLITE_OPEN_* of xOpen
};

int Flags(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->flags; }

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

std::int64_t EnvNumber(const char* name, std::int64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::strtoll(text, nullptr, 10) : fallback;
}

int Write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  sqlite3_file* real = Real(file);
  const std::int64_t n = writes.fetch_add(1) + 1;
  const std::int64_t at_close = closing ? close_writes.fetch_add(1) + 1 : 0;
  if (n == settings.kill_at_write || (at_close > 0 && at_close == settings.kill_at_close_write)) {
    const int prefix = static_cast<int>(std::clamp<std::int64_t>(settings.kill_prefix, 0, amount));
    if (prefix > 0) real->pMethods->xWrite(real, data, prefix, offset);
    kill(getpid(), SIGKILL);
    pause();  // SIGKILL cannot be caught; this is never reached
  }
  sqlite3_int64 size = 0;
  if (int rc = real->pMethods->xFileSize(real, &size); rc != SQLITE_OK) return rc;
  const std::int64_t growth = std::max<std::int64_t>(0, offset + amount - size);
  const std::int64_t room = settings.full_after < 0
                                ? growth
                                : std::max<std::int64_t>(0, settings.full_after - grown.load());
  if (growth <= room) {
    int rc = real->pMethods->xWrite(real, data, amount, offset);
    if (rc == SQLITE_OK) Grow(growth);
    return rc;
  }
  // Full: what fits is written, as a short write(2) would.
  const std::int64_t fits = std::clamp<std::int64_t>(size + room - offset, 0, amount);
  if (fits > 0 && real->pMethods->xWrite(real, data, static_cast<int>(fits), offset) == SQLITE_OK) {
    Grow(std::max<std::int64_t>(0, offset + fits - size));
  }
  return SQLITE_FULL;
}

int Truncate(sqlite3_file* file, sqlite3_int64 new_size) {
  sqlite3_file* real = Real(file);
  sqlite3_int64 size = 0;
  if (real->pMethods->xFileSize(real, &size) != SQLITE_OK) size = new_size;
  int rc = real->pMethods->xTruncate(real, new_size);
  if (rc == SQLITE_OK) Grow(new_size - size);  // negative when it shrinks
  return rc;
}

// Everything else goes to the wrapped file unchanged.
constexpr sqlite3_io_methods MakeMethods(int version) {
  sqlite3_io_methods m{};
  m.iVersion = version;
  m.xClose = [](sqlite3_file* f) {
    if (Flags(f) & SQLITE_OPEN_WAL) --open_wals;
    return Real(f)->pMethods->xClose(Real(f));
  };
  m.xRead = [](sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
    return Real(f)->pMethods->xRead(Real(f), data, amount, offset);
  };
  m.xWrite = Write;
  m.xTruncate = Truncate;
  m.xSync = [](sqlite3_file* f, int flags) { return Real(f)->pMethods->xSync(Real(f), flags); };
  m.xFileSize = [](sqlite3_file* f, sqlite3_int64* size) {
    return Real(f)->pMethods->xFileSize(Real(f), size);
  };
  m.xLock = [](sqlite3_file* f, int lock) {
    const int rc = Real(f)->pMethods->xLock(Real(f), lock);
    if (rc == SQLITE_OK && lock == SQLITE_LOCK_EXCLUSIVE && (Flags(f) & SQLITE_OPEN_MAIN_DB) &&
        open_wals > 0) {
      closing = true;
    }
    return rc;
  };
  m.xUnlock = [](sqlite3_file* f, int lock) { return Real(f)->pMethods->xUnlock(Real(f), lock); };
  m.xCheckReservedLock = [](sqlite3_file* f, int* out) {
    return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
  };
  m.xFileControl = [](sqlite3_file* f, int op, void* arg) {
    return Real(f)->pMethods->xFileControl(Real(f), op, arg);
  };
  m.xSectorSize = [](sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); };
  m.xDeviceCharacteristics = [](sqlite3_file* f) {
    return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
  };
  if (version < 2) return m;
  m.xShmMap = [](sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
  };
  m.xShmLock = [](sqlite3_file* f, int offset, int n, int flags) {
    return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
  };
  m.xShmBarrier = [](sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); };
  m.xShmUnmap = [](sqlite3_file* f, int remove) {
    return Real(f)->pMethods->xShmUnmap(Real(f), remove);
  };
  if (version < 3) return m;
  m.xFetch = [](sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    return Real(f)->pMethods->xFetch(Real(f), offset, amount, out);
  };
  m.xUnfetch = [](sqlite3_file* f, sqlite3_int64 offset, void* page) {
    return Real(f)->pMethods->xUnfetch(Real(f), offset, page);
  };
  return m;
}

constexpr sqlite3_io_methods kMethods[] = {MakeMethods(1), MakeMethods(2), MakeMethods(3)};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* fault = reinterpret_cast<FaultFile*>(file);
  fault->base.pMethods = nullptr;  // until the wrapped file is open
  fault->real = reinterpret_cast<sqlite3_file*>(fault + 1);
  fault->flags = flags;
  int rc = real_vfs->xOpen(real_vfs, name, fault->real, flags, out_flags);
  if (fault->real->pMethods != nullptr) {
    const int version = std::clamp(fault->real->pMethods->iVersion, 1, 3);
    fault->base.pMethods = &kMethods[version - 1];
    if (flags & SQLITE_OPEN_WAL) ++open_wals;  // until its xClose
  }
  return rc;
}

// The VFS: xOpen is ours, the rest is the wrapped VFS's.
void Register() {
  real_vfs = sqlite3_vfs_find(nullptr);
  if (real_vfs == nullptr) return;
  fault_vfs = *real_vfs;
  fault_vfs.iVersion = std::min(real_vfs->iVersion, 3);
  fault_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
  fault_vfs.pNext = nullptr;
  fault_vfs.zName = "jobcrawler-fault";
  fault_vfs.pAppData = nullptr;
  fault_vfs.xOpen = Open;
  fault_vfs.xDelete = [](sqlite3_vfs*, const char* name, int sync_dir) {
    struct stat file {};
    const bool known = stat(name, &file) == 0;
    int rc = real_vfs->xDelete(real_vfs, name, sync_dir);
    if (rc == SQLITE_OK && known) Grow(-file.st_size);  // its bytes are free again
    return rc;
  };
  fault_vfs.xAccess = [](sqlite3_vfs*, const char* name, int flags, int* out) {
    return real_vfs->xAccess(real_vfs, name, flags, out);
  };
  fault_vfs.xFullPathname = [](sqlite3_vfs*, const char* name, int n, char* out) {
    return real_vfs->xFullPathname(real_vfs, name, n, out);
  };
  fault_vfs.xDlOpen = [](sqlite3_vfs*, const char* name) {
    return real_vfs->xDlOpen(real_vfs, name);
  };
  fault_vfs.xDlError = [](sqlite3_vfs*, int n, char* out) { real_vfs->xDlError(real_vfs, n, out); };
  fault_vfs.xDlSym = [](sqlite3_vfs*, void* handle, const char* symbol) {
    return real_vfs->xDlSym(real_vfs, handle, symbol);
  };
  fault_vfs.xDlClose = [](sqlite3_vfs*, void* handle) { real_vfs->xDlClose(real_vfs, handle); };
  fault_vfs.xRandomness = [](sqlite3_vfs*, int n, char* out) {
    return real_vfs->xRandomness(real_vfs, n, out);
  };
  fault_vfs.xSleep = [](sqlite3_vfs*, int micros) { return real_vfs->xSleep(real_vfs, micros); };
  fault_vfs.xCurrentTime = [](sqlite3_vfs*, double* out) {
    return real_vfs->xCurrentTime(real_vfs, out);
  };
  fault_vfs.xGetLastError = [](sqlite3_vfs*, int n, char* out) {
    return real_vfs->xGetLastError(real_vfs, n, out);
  };
  if (fault_vfs.iVersion >= 2) {
    fault_vfs.xCurrentTimeInt64 = [](sqlite3_vfs*, sqlite3_int64* out) {
      return real_vfs->xCurrentTimeInt64(real_vfs, out);
    };
  }
  if (fault_vfs.iVersion >= 3) {
    fault_vfs.xSetSystemCall = [](sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call) {
      return real_vfs->xSetSystemCall(real_vfs, name, call);
    };
    fault_vfs.xGetSystemCall = [](sqlite3_vfs*, const char* name) {
      return real_vfs->xGetSystemCall(real_vfs, name);
    };
    fault_vfs.xNextSystemCall = [](sqlite3_vfs*, const char* name) {
      return real_vfs->xNextSystemCall(real_vfs, name);
    };
  }
  sqlite3_vfs_register(&fault_vfs, /*makeDflt=*/1);
}

__attribute__((constructor)) void Load() {
  settings.kill_at_write = EnvNumber("JOBCRAWLER_FAULT_KILL_AT_WRITE", 0);
  settings.kill_at_close_write = EnvNumber("JOBCRAWLER_FAULT_KILL_AT_CLOSE_WRITE", 0);
  settings.kill_prefix = EnvNumber("JOBCRAWLER_FAULT_KILL_PREFIX", 0);
  settings.full_after = EnvNumber("JOBCRAWLER_FAULT_FULL_AFTER_BYTES", -1);
  settings.stats_path = std::getenv("JOBCRAWLER_FAULT_STATS");
  if (settings.kill_at_write > 0 || settings.kill_at_close_write > 0 || settings.full_after >= 0 ||
      settings.stats_path != nullptr) {
    Register();
  }
}

__attribute__((destructor)) void Unload() {
  if (settings.stats_path == nullptr || real_vfs == nullptr) return;
  if (std::FILE* out = std::fopen(settings.stats_path, "w")) {
    std::fprintf(out, "writes=%lld peak=%lld close_writes=%lld\n",
                 static_cast<long long>(writes.load()), static_cast<long long>(peak.load()),
                 static_cast<long long>(close_writes.load()));
    std::fclose(out);
  }
}

}  // namespace
