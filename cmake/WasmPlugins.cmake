# WebAssembly plug-ins written in C, compiled for wasm32-wasi with Debian's toolchain (clang-14,
# wasi-libc, lld-14, libclang-rt-14-dev-wasm32; scripts/install-deps.sh installs them).
#   metacall_wasm_toolchain(<var>): <var> is TRUE when a test compile works (cached once it does;
#     a missing toolchain is probed again at the next configure, so installing it is enough).
#   metacall_add_wasm_plugin(<target> OUTPUT <file.wasm> SOURCES <c files> [COMMAND] [DEPENDS ...]):
#     builds <file.wasm> (a reactor, or with COMMAND a command module with main) as target <target>.
include_guard(GLOBAL)

function(metacall_wasm_toolchain result)
  if(NOT METACALL_WASM_TOOLCHAIN_WORKS)
    find_program(METACALL_WASM_CLANG NAMES clang-14)
    set(_works FALSE)
    if(METACALL_WASM_CLANG)
      set(_probe ${CMAKE_BINARY_DIR}/CMakeFiles/wasm_probe)
      file(WRITE ${_probe}.c "#include <stdio.h>\nint main(void) { puts(\"wasm\"); return 0; }\n")
      execute_process(COMMAND ${METACALL_WASM_CLANG} --target=wasm32-wasi -O2 -fuse-ld=lld ${_probe}.c -o ${_probe}.wasm
                      RESULT_VARIABLE _status OUTPUT_QUIET ERROR_VARIABLE _errors)
      if(_status EQUAL 0)
        set(_works TRUE)
      else()
        message(STATUS "wasm plug-ins in C: ${METACALL_WASM_CLANG} cannot build for wasm32-wasi: ${_errors}")
      endif()
    endif()
    if(_works)
      set(METACALL_WASM_TOOLCHAIN_WORKS TRUE CACHE INTERNAL "clang-14 builds wasm32-wasi programs")
    endif()
    set(${result} ${_works} PARENT_SCOPE)
    return()
  endif()
  set(${result} ${METACALL_WASM_TOOLCHAIN_WORKS} PARENT_SCOPE)
endfunction()

function(metacall_add_wasm_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 _plugin "COMMAND" "OUTPUT" "SOURCES;DEPENDS")
  set(_model -mexec-model=reactor)
  if(_plugin_COMMAND)
    set(_model)
  endif()
  set(_sources)
  foreach(_source ${_plugin_SOURCES})
    get_filename_component(_source ${_source} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND _sources ${_source})
  endforeach()
  add_custom_command(OUTPUT ${_plugin_OUTPUT}
    COMMAND ${METACALL_WASM_CLANG} --target=wasm32-wasi -O2 ${_model} -fuse-ld=lld -Wall -Wextra
            ${_sources} -o ${_plugin_OUTPUT}
    DEPENDS ${_sources} ${_plugin_DEPENDS}
    COMMENT "Building the wasm32-wasi plug-in ${_plugin_OUTPUT}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${_plugin_OUTPUT})
endfunction()
