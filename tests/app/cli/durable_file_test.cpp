// Tests for app/cli/durable_file.h: the old file or the new, never a part,
// and nothing left beside it.
#include "app/cli/durable_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace jobcrawler::app {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> Entries(const TempDir& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Lowers this process's file size limit (RLIMIT_FSIZE) for its lifetime, so
// that writes past it fail with EFBIG, as on a full disk; SIGXFSZ, which
// would otherwise kill the process, is ignored meanwhile.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = signal(SIGXFSZ, SIG_IGN);
    rlimit lowered = saved_;
    lowered.rlim_cur = bytes;
    ok_ = setrlimit(RLIMIT_FSIZE, &lowered) == 0;
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;
  bool ok() const { return ok_; }

 private:
  rlimit saved_{};
  sighandler_t previous_handler_ = SIG_DFL;
  bool ok_ = false;
};

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(DurableFile, ReplacesTheOldFileAndLeavesNothingBeside) {
  TempDir dir;
  const std::string path = dir.File("out.csv");
  WriteText(path, "old\n");
  const storage::Status status =
      WriteFileDurably(path, [](std::ostream& out) { out << "new\n" << std::string(200000, 'x'); });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(ReadFile(path), "new\n" + std::string(200000, 'x'));
  EXPECT_THAT(Entries(dir), ElementsAre("out.csv"));
}

TEST(DurableFile, CreatesAFileThatDidNotExist) {
  TempDir dir;
  ASSERT_TRUE(WriteFileDurably(dir.File("feed.atom"), [](std::ostream& out) { out << "<feed/>"; })
                  .ok());
  EXPECT_EQ(ReadFile(dir.File("feed.atom")), "<feed/>");
}

TEST(DurableFile, WriteThatFailsMidwayLeavesTheOldFileAndNoPartialFile) {
  TempDir dir;
  const std::string path = dir.File("out.csv");
  WriteText(path, "old\n");
  storage::Status status = storage::Status::Ok();
  {
    FileSizeLimit limit(16 * 1024);
    ASSERT_TRUE(limit.ok());
    status = WriteFileDurably(
        path, [](std::ostream& out) { out << std::string(1024 * 1024, 'x'); });
  }
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("cannot write " + path + ": File too large"));
  EXPECT_THAT(status.message(), HasSubstr(path + " is unchanged"));
  EXPECT_EQ(ReadFile(path), "old\n");
  EXPECT_THAT(Entries(dir), ElementsAre("out.csv"));
}

TEST(DurableFile, MissingDirectoryIsAnErrorThatCreatesNothing) {
  TempDir dir;
  const std::string path = dir.File("no/such/dir/out.csv");
  const storage::Status status = WriteFileDurably(path, [](std::ostream& out) { out << "x"; });
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("No such file or directory"));
  EXPECT_TRUE(Entries(dir).empty());
}

TEST(DurableFile, TargetThatIsADirectoryIsLeftAloneAndNothingElseRemains) {
  TempDir dir;
  std::filesystem::create_directory(dir.File("out.csv"));
  const storage::Status status =
      WriteFileDurably(dir.File("out.csv"), [](std::ostream& out) { out << "x"; });
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr("cannot replace"));
  EXPECT_TRUE(std::filesystem::is_directory(dir.File("out.csv")));
  EXPECT_THAT(Entries(dir), ElementsAre("out.csv"));
}

TEST(DurableFile, WriterThatThrowsLeavesNoPartialFile) {
  TempDir dir;
  WriteText(dir.File("out.csv"), "old\n");
  EXPECT_THROW(WriteFileDurably(dir.File("out.csv"),
                                [](std::ostream& out) {
                                  out << "half";
                                  throw std::runtime_error("writer failed");
                                }),
               std::runtime_error);
  EXPECT_EQ(ReadFile(dir.File("out.csv")), "old\n");
  EXPECT_THAT(Entries(dir), ElementsAre("out.csv"));
}

}  // namespace
}  // namespace jobcrawler::app
