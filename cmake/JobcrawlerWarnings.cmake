# Warning and sanitizer flags, applied per target (never globally) so that
# third-party headers keep their own settings.
function(jobcrawler_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion)
  # GCC 12 reports -Wrestrict on std::string concatenation at -O2/-O3
  # although nothing overlaps (GCC bug 105651, fixed in GCC 13).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  # With -fsanitize=address GCC warns "may be used uninitialized" inside
  # libstdc++ (std::regex, std::function) where nothing is; the GCC manual
  # says the sanitizers can cause such false positives.
  if(JOBCRAWLER_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(JOBCRAWLER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(JOBCRAWLER_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
