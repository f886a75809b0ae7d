// A main for fuzz targets built without libFuzzer: runs every input named on
// the command line through LLVMFuzzerTestOneInput, so a saved crash re-runs
// under gcc, ASan or a debugger. A directory stands for every regular file
// below it, in name order. A path that does not exist is noted and skipped
// (a target may have no regression inputs yet); finding no input at all is
// an error, so a misspelt corpus path cannot pass silently.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> InputsBelow(const fs::path& path) {
  std::vector<fs::path> inputs;
  if (fs::is_regular_file(path)) {
    inputs.push_back(path);
  } else if (fs::is_directory(path)) {
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
  } else {
    std::fprintf(stderr, "replay: %s does not exist; skipped\n", path.c_str());
  }
  return inputs;
}

bool Replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
    return false;
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Printed first, so that a crash names its input.
  std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path& file : InputsBelow(argv[i])) {
      if (!Replay(file)) return 1;
      ++replayed;
    }
  }
  std::fprintf(stderr, "replay: %d input(s), no invariant broken\n", replayed);
  return replayed > 0 ? 0 : 1;
}
