// Runs another program from a test: the jobcrawler binary to be signalled or
// killed, flock(1) to hold a lock. posix_spawn, never fork(): a fork() of a
// multi-threaded test process could inherit a lock held by another thread
// (the allocator's, under ASan) and hang. Each child gets its own process
// group, so that killing it also ends whatever it started (`flock ... sleep`
// would otherwise hold the test's output pipe open until `sleep` ends).
#ifndef JOBCRAWLER_TESTS_SUPPORT_SPAWN_H_
#define JOBCRAWLER_TESTS_SUPPORT_SPAWN_H_

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

extern char** environ;

namespace jobcrawler::testing {

// Starts `argv` (argv[0] looked up in PATH) in a new process group; its
// stdout and stderr go to `output_file` when given (appended), else they are
// the test's. `environment` ("NAME=value" each) is added to the test's own
// environment, replacing variables of the same name. Returns the pid, or -1
// when it could not be started.
inline pid_t Spawn(std::vector<std::string> argv, const std::string& output_file = {},
                   std::vector<std::string> environment = {}) {
  std::vector<char*> args;
  for (std::string& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** var = environ; *var != nullptr; ++var) {
    const std::string_view entry(*var);
    const std::string_view name = entry.substr(0, entry.find('=') + 1);  // "NAME="
    bool replaced = false;
    for (const std::string& own : environment) replaced |= own.starts_with(name);
    if (!replaced) env.push_back(*var);
  }
  for (std::string& own : environment) env.push_back(own.data());
  env.push_back(nullptr);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!output_file.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output_file.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  }
  pid_t pid = -1;
  if (posix_spawnp(&pid, args[0], &actions, &attr, args.data(), env.data()) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return pid;
}

// Waits for `pid` to end, at most `limit`; its wait status, or nullopt when
// it is still running.
inline std::optional<int> WaitForExit(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 || std::chrono::steady_clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

// Kills `pid`'s whole process group and reaps `pid`.
inline void KillGroup(pid_t pid) {
  kill(-pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_SPAWN_H_
