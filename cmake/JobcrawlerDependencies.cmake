# Every dependency comes from Debian 12 packages; .ci/run installs them.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS url)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
# RE2 (libre2-dev): linear-time regular expressions for follow patterns.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# xxHash (libxxhash-dev): a page body's content hash at memory speed.
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
