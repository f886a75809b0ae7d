# ThreadSanitizer (scripts/test --tsan builds it in build-tsan/ with clang).
# Clang rather than GCC: GCC 12's TSan does not model the
# std::atomic_thread_fence that Asio's handler hand-off relies on and reports
# races there that are none (GCC says so itself with -Wtsan). System libraries
# (libcurl, SQLite, gumbo) are not instrumented; TSan still sees their
# pthread locking through its interceptors.
option(JOBCRAWLER_TSAN "Build with ThreadSanitizer (clang recommended)" OFF)

if(JOBCRAWLER_TSAN)
  if(JOBCRAWLER_SANITIZE OR JOBCRAWLER_FUZZ)
    message(FATAL_ERROR "JOBCRAWLER_TSAN cannot be combined with JOBCRAWLER_SANITIZE or JOBCRAWLER_FUZZ")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=thread)
endif()
