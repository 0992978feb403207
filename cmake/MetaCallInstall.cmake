# Install and export rules: what `cmake --install <build> [--prefix <dir>]` lays out.
#
#   <prefix>/include/metacall/*.h                       the public headers (metacall_version.h generated)
#   <prefix>/<libdir>/libmetacall.so.<version>          the library, soname libmetacall.so.<major>
#   <prefix>/<libdir>/metacall/lib<tag>_loader.so       the loader plug-ins (cmake/MetaCallLoader.cmake)
#   <prefix>/<libdir>/cmake/MetaCall/MetaCallConfig.cmake  find_package(MetaCall) -> metacall::metacall
#   <prefix>/<libdir>/pkgconfig/metacall.pc             pkg-config --cflags --libs metacall
#
# The CMake package is relocatable (paths relative to its own folder); metacall.pc is written at
# install time with the prefix actually installed to, so `--prefix` and DESTDIR both work.
include(CMakePackageConfigHelpers)

set(METACALL_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/MetaCall)
set(METACALL_PKGCONFIG_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# ---- The library and its headers ----
install(TARGETS metacall
  EXPORT MetaCallTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/metacall
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/metacall/metacall_version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/metacall)

# The plug-in folder <libdir>/metacall is created by the loaders installed into it
# (metacall_add_loader): the core only looks for files there, so an empty folder is not needed.

# ---- CMake package: find_package(MetaCall) ----
install(EXPORT MetaCallTargets
  NAMESPACE metacall::
  FILE MetaCallTargets.cmake
  DESTINATION ${METACALL_CMAKE_INSTALL_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/MetaCallConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/MetaCallConfig.cmake
  INSTALL_DESTINATION ${METACALL_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR METACALL_PLUGIN_INSTALL_DIR)

# Before 1.0 a minor release may break the API (0.1 and 0.2 are incompatible); from 1.0 on, the
# major version decides.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_metacall_compatibility SameMinorVersion)
else()
  set(_metacall_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/MetaCallConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY ${_metacall_compatibility})

install(FILES
    ${PROJECT_BINARY_DIR}/cmake/MetaCallConfig.cmake
    ${PROJECT_BINARY_DIR}/cmake/MetaCallConfigVersion.cmake
  DESTINATION ${METACALL_CMAKE_INSTALL_DIR})

# ---- pkg-config: metacall.pc ----
# Paths in the .pc file are relative to ${prefix} unless the install dirs were given absolute.
foreach(_dir IN ITEMS LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${_dir}}")
    set(METACALL_PC_${_dir} "${CMAKE_INSTALL_${_dir}}")
  else()
    set(METACALL_PC_${_dir} "\${prefix}/${CMAKE_INSTALL_${_dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${METACALL_PLUGIN_INSTALL_DIR}")
  set(METACALL_PC_PLUGINDIR "${METACALL_PLUGIN_INSTALL_DIR}")
else()
  set(METACALL_PC_PLUGINDIR "\${prefix}/${METACALL_PLUGIN_INSTALL_DIR}")
endif()

# First pass now (everything but the prefix), second pass at install time (the prefix).
set(METACALL_PC_PREFIX "@METACALL_PC_PREFIX@")
configure_file(${PROJECT_SOURCE_DIR}/cmake/metacall.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/metacall.pc.in @ONLY)
install(CODE "
  set(METACALL_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${PROJECT_BINARY_DIR}/pkgconfig/metacall.pc.in\"
                 \"${PROJECT_BINARY_DIR}/pkgconfig/metacall.pc\" @ONLY)
")
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/metacall.pc DESTINATION ${METACALL_PKGCONFIG_INSTALL_DIR})
