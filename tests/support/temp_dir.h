// A fresh directory under the system temp dir (mkdtemp), removed with
// everything in it when the TempDir goes away.
#ifndef JOBCRAWLER_TESTS_SUPPORT_TEMP_DIR_H_
#define JOBCRAWLER_TESTS_SUPPORT_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace jobcrawler::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "jobcrawler-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }

  bool ok() const { return !path_.empty(); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace jobcrawler::testing

#endif  // JOBCRAWLER_TESTS_SUPPORT_TEMP_DIR_H_
