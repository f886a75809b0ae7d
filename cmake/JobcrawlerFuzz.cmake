# Fuzzing (tests/fuzz/). Every target is one LLVMFuzzerTestOneInput and is
# built one of two ways:
#   - JOBCRAWLER_FUZZ=ON (clang only; scripts/fuzz builds it in build-fuzz/):
#     a libFuzzer binary under AddressSanitizer and UndefinedBehaviorSanitizer.
#     Every library is compiled with -fsanitize=fuzzer-no-link, so coverage of
#     our own code guides the search; system libraries are not instrumented.
#   - otherwise, with the tests (any compiler): the same source with a replay
#     main (tests/fuzz/replay_main.cpp), and a ctest that runs every seed and
#     every saved regression input through it.
option(JOBCRAWLER_FUZZ "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)

if(JOBCRAWLER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "JOBCRAWLER_FUZZ needs clang with libFuzzer, e.g. "
                        "-DCMAKE_CXX_COMPILER=clang++-14 (Debian: clang-14, libclang-rt-14-dev); "
                        "got ${CMAKE_CXX_COMPILER_ID}")
  endif()
  if(JOBCRAWLER_SANITIZE)
    message(FATAL_ERROR "JOBCRAWLER_FUZZ brings its own sanitizers; leave JOBCRAWLER_SANITIZE off")
  endif()
  # -fno-sanitize-recover: a UBSan finding is a crash libFuzzer keeps, not a
  # message it scrolls past. -O1 and line tables only (what OSS-Fuzz uses):
  # enough for stack traces, and CI builds all of it from scratch.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined -O1 -gline-tables-only)
  add_link_options(-fsanitize=address,undefined)
endif()
