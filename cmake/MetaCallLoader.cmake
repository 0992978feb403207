# metacall_add_loader(<tag> SOURCES <files...> [NO_INSTALL])
#
# Builds the loader plug-in lib<tag>_loader.so into the build tree's plug-in folder (and installs it
# into <libdir>/metacall unless NO_INSTALL). The target is named <tag>_loader.
function(metacall_add_loader tag)
  cmake_parse_arguments(ARG "NO_INSTALL" "" "SOURCES" ${ARGN})
  set(target ${tag}_loader)
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE metacall::metacall)
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${tag}_loader
    PREFIX lib
    LIBRARY_OUTPUT_DIRECTORY ${METACALL_PLUGIN_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(NOT ARG_NO_INSTALL)
    install(TARGETS ${target} LIBRARY DESTINATION ${METACALL_PLUGIN_INSTALL_DIR})
  endif()
endfunction()
