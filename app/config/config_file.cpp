// LoadConfigFile: reading the file; parsing is in config.cpp.
#include "app/config/config.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace jobcrawler::app {

Config LoadConfigFile(const std::string& path) {
  std::error_code error;
  // A directory opens fine on Linux and then reads as empty: refuse it here.
  if (std::filesystem::is_directory(path, error)) {
    throw ConfigError("cannot read config file " + path + ": is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError("cannot read config file " + path + ": " +
                      std::generic_category().message(errno));
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw ConfigError("cannot read config file " + path + ": read error");
  return ParseConfig(text, path);
}

}  // namespace jobcrawler::app
