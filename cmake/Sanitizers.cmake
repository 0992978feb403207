# METACALL_SANITIZE: AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer for every
# target of the build, so plug-ins and tests are checked together with the core.
# Link-time optimization of the call path's libraries (their INTERPROCEDURAL_OPTIMIZATION): not in
# the fuzz build, whose clang objects the system linker cannot read as bitcode.
set(METACALL_LTO ON)
if(METACALL_FUZZ)
  set(METACALL_SANITIZE ON) # the targets that adapt to the sanitizers (no vptr check on V8) see it
  set(METACALL_LTO OFF)
endif()
if(METACALL_SANITIZE)
  # What an uninstrumented interpreter (python3, node) preloads to load the instrumented library:
  # the ports' tests run that way in sanitizer builds.
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                  OUTPUT_VARIABLE _metacall_asan OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libubsan.so
                  OUTPUT_VARIABLE _metacall_ubsan OUTPUT_STRIP_TRAILING_WHITESPACE)
  # PYTHONMALLOC=malloc: Python's objects in malloc'd memory, which LeakSanitizer scans, so that a
  # value a Python object still holds at exit is not taken for a leak (pymalloc's arenas are not).
  set(METACALL_SANITIZER_PRELOAD "LD_PRELOAD=${_metacall_asan} ${_metacall_ubsan}" PYTHONMALLOC=malloc)
  set(_metacall_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined
                               -fno-omit-frame-pointer)
  add_compile_options(${_metacall_sanitize_flags})
  add_link_options(${_metacall_sanitize_flags})
endif()

# METACALL_FUZZ: the libFuzzer build (tests/fuzz). Needs clang; implies METACALL_SANITIZE. Every
# target is instrumented for libFuzzer's coverage (fuzzer-no-link); the fuzz targets link libFuzzer.
if(METACALL_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "METACALL_FUZZ needs clang (CC=clang CXX=clang++)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
  add_link_options(-fsanitize=fuzzer-no-link)
endif()

# METACALL_TSAN: ThreadSanitizer for every target (scripts/test.sh's build-tsan/ runs the
# concurrency tests there). Not together with METACALL_SANITIZE: the two runtimes exclude each other.
if(METACALL_TSAN)
  if(METACALL_SANITIZE)
    message(FATAL_ERROR "METACALL_TSAN and METACALL_SANITIZE (or METACALL_FUZZ) exclude each other")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
