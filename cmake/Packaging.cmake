# Packaging (docs/runtime.md, "Using the runtime in a program"):
#  - build/lib/pkgconfig/initcheck{,-keep-exit}.pc, usable uninstalled
#    (absolute paths into the source and build trees);
#  - build/lib/cmake/initcheck/initcheckConfig.cmake for find_package from
#    the build tree (CMAKE_PREFIX_PATH=build, or initcheck_DIR);
#  - `cmake --install`: the same files for the install prefix.
# Install layout (GNUInstallDirs): the plugin and the clang-tidy module in
# lib/ (as build/lib; the initcheck-tidy hook finds the module at ../lib from
# its bin/), the tool and hooks in bin/, libinitcheck-rt.a in LIBDIR, the
# headers in INCLUDEDIR/initcheck, the linker scripts in DATADIR/initcheck,
# the .pc files in LIBDIR/pkgconfig, the CMake package in
# LIBDIR/cmake/initcheck.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# A GNUInstallDirs value under the reference ${prefix} (as written into a
# generated file), or as given when it is absolute (-DCMAKE_INSTALL_LIBDIR=/x).
function(initcheck_under_prefix out prefix dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()

set(INITCHECK_PLUGIN_INSTALL_DIR lib)
set(INITCHECK_SCRIPT_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/initcheck)
set(INITCHECK_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/initcheck)
set(INITCHECK_PC_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(TARGETS initcheck-rt ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${CMAKE_SOURCE_DIR}/runtime/include/initcheck/init.h
              ${CMAKE_SOURCE_DIR}/runtime/include/initcheck/module.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/initcheck)
install(FILES ${CMAKE_SOURCE_DIR}/runtime/ld/initcheck.ld
              ${CMAKE_SOURCE_DIR}/runtime/ld/initcheck-keep-exit.ld
              ${CMAKE_SOURCE_DIR}/runtime/ld/initcheck-module.ld
        DESTINATION ${INITCHECK_SCRIPT_INSTALL_DIR})

# --- pkg-config: one .pc per linker script mode.
set(INITCHECK_PC_VARIANTS initcheck initcheck-keep-exit)
set(INITCHECK_PC_DESCRIPTION_initcheck
    "initcheck runtime: init memory freed after boot, exit code discarded (built in)")
set(INITCHECK_PC_DESCRIPTION_initcheck-keep-exit
    "initcheck runtime: init memory freed after boot, exit calls run at exit")

# Uninstalled: absolute paths, written at configure time.
foreach(INITCHECK_PC_NAME ${INITCHECK_PC_VARIANTS})
  set(INITCHECK_PC_SCRIPT ${INITCHECK_PC_NAME})
  set(INITCHECK_PC_DESCRIPTION "${INITCHECK_PC_DESCRIPTION_${INITCHECK_PC_NAME}}")
  set(INITCHECK_PC_PREFIX ${CMAKE_BINARY_DIR})
  set(INITCHECK_PC_INCLUDEDIR ${CMAKE_SOURCE_DIR}/runtime/include)
  set(INITCHECK_PC_LIBDIR ${CMAKE_BINARY_DIR}/lib)
  set(INITCHECK_PC_SCRIPTDIR ${CMAKE_SOURCE_DIR}/runtime/ld)
  set(INITCHECK_PC_PLUGIN ${CMAKE_BINARY_DIR}/lib/initcheck.so)
  set(INITCHECK_PC_TIDY_MODULE ${CMAKE_BINARY_DIR}/lib/initcheck-tidy.so)
  set(INITCHECK_PC_TOOL ${CMAKE_BINARY_DIR}/bin/initcheck)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/initcheck.pc.in
                 ${CMAKE_BINARY_DIR}/lib/pkgconfig/${INITCHECK_PC_NAME}.pc @ONLY)

  # Installed: relative to ${prefix}, which is filled in at install time so
  # that `cmake --install build --prefix P` writes P (the prefix configured
  # may not be the one installed to).
  set(INITCHECK_PC_PREFIX "@INITCHECK_INSTALL_PREFIX@")
  initcheck_under_prefix(INITCHECK_PC_INCLUDEDIR "\${prefix}" ${CMAKE_INSTALL_INCLUDEDIR})
  initcheck_under_prefix(INITCHECK_PC_LIBDIR "\${prefix}" ${CMAKE_INSTALL_LIBDIR})
  initcheck_under_prefix(INITCHECK_PC_SCRIPTDIR "\${prefix}" ${INITCHECK_SCRIPT_INSTALL_DIR})
  set(INITCHECK_PC_PLUGIN "\${prefix}/${INITCHECK_PLUGIN_INSTALL_DIR}/initcheck.so")
  set(INITCHECK_PC_TIDY_MODULE "\${prefix}/${INITCHECK_PLUGIN_INSTALL_DIR}/initcheck-tidy.so")
  initcheck_under_prefix(INITCHECK_PC_TOOL "\${prefix}" ${CMAKE_INSTALL_BINDIR}/initcheck)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/initcheck.pc.in
                 ${CMAKE_BINARY_DIR}/cmake/install/${INITCHECK_PC_NAME}.pc.in @ONLY)
  initcheck_under_prefix(pc_destination "\${CMAKE_INSTALL_PREFIX}" ${INITCHECK_PC_INSTALL_DIR})
  # Generated in a directory of its own per destination: two installs from
  # one build tree at once (to different prefixes) must not swap files.
  install(CODE "
    set(INITCHECK_INSTALL_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
    string(MD5 initcheck_tag \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
    set(initcheck_pc \"${CMAKE_BINARY_DIR}/cmake/install/\${initcheck_tag}/${INITCHECK_PC_NAME}.pc\")
    configure_file(\"${CMAKE_BINARY_DIR}/cmake/install/${INITCHECK_PC_NAME}.pc.in\"
                   \"\${initcheck_pc}\" @ONLY)
    file(INSTALL DESTINATION \"${pc_destination}\" TYPE FILE FILES \"\${initcheck_pc}\")")
endforeach()

# --- CMake package.
# Build tree: absolute paths into the source and build trees.
set(INITCHECK_CONFIG_KIND "build tree ${CMAKE_BINARY_DIR}")
set(INITCHECK_CONFIG_PREFIX_CODE "")
set(INITCHECK_CONFIG_INCLUDE_DIR ${CMAKE_SOURCE_DIR}/runtime/include)
set(INITCHECK_CONFIG_RUNTIME_LIBRARY ${CMAKE_BINARY_DIR}/lib/libinitcheck-rt.a)
set(INITCHECK_CONFIG_SCRIPT_DIR ${CMAKE_SOURCE_DIR}/runtime/ld)
set(INITCHECK_CONFIG_PLUGIN ${CMAKE_BINARY_DIR}/lib/initcheck.so)
set(INITCHECK_CONFIG_TIDY_MODULE ${CMAKE_BINARY_DIR}/lib/initcheck-tidy.so)
set(INITCHECK_CONFIG_TOOL ${CMAKE_BINARY_DIR}/bin/initcheck)
configure_file(${CMAKE_CURRENT_LIST_DIR}/initcheckConfig.cmake.in
               ${CMAKE_BINARY_DIR}/lib/cmake/initcheck/initcheckConfig.cmake @ONLY)

# Install prefix: relocatable, every path relative to the config file's own
# directory, so a moved (or DESTDIR-staged) install still finds itself.
# (With an absolute LIBDIR the config file cannot find the prefix from
# where it is: it names the configured one.)
set(INITCHECK_CONFIG_KIND "install prefix")
if(IS_ABSOLUTE "${INITCHECK_CMAKE_INSTALL_DIR}")
  set(INITCHECK_CONFIG_PREFIX_CODE
      "set(_initcheck_prefix \"${CMAKE_INSTALL_PREFIX}\")")
else()
  file(RELATIVE_PATH INITCHECK_CONFIG_UP
       /prefix/${INITCHECK_CMAKE_INSTALL_DIR} /prefix)
  set(INITCHECK_CONFIG_PREFIX_CODE
      "get_filename_component(_initcheck_prefix \"\${CMAKE_CURRENT_LIST_DIR}/${INITCHECK_CONFIG_UP}\" ABSOLUTE)")
endif()
set(P "\${_initcheck_prefix}")
initcheck_under_prefix(INITCHECK_CONFIG_INCLUDE_DIR "${P}" ${CMAKE_INSTALL_INCLUDEDIR})
initcheck_under_prefix(INITCHECK_CONFIG_RUNTIME_LIBRARY "${P}" ${CMAKE_INSTALL_LIBDIR}/libinitcheck-rt.a)
initcheck_under_prefix(INITCHECK_CONFIG_SCRIPT_DIR "${P}" ${INITCHECK_SCRIPT_INSTALL_DIR})
set(INITCHECK_CONFIG_PLUGIN "${P}/${INITCHECK_PLUGIN_INSTALL_DIR}/initcheck.so")
set(INITCHECK_CONFIG_TIDY_MODULE "${P}/${INITCHECK_PLUGIN_INSTALL_DIR}/initcheck-tidy.so")
initcheck_under_prefix(INITCHECK_CONFIG_TOOL "${P}" ${CMAKE_INSTALL_BINDIR}/initcheck)
unset(P)
configure_file(${CMAKE_CURRENT_LIST_DIR}/initcheckConfig.cmake.in
               ${CMAKE_BINARY_DIR}/cmake/install/initcheckConfig.cmake @ONLY)

# Any 0.x asks for the same major; the runtime is plain C with no ABI to pin.
write_basic_package_version_file(
  ${CMAKE_BINARY_DIR}/lib/cmake/initcheck/initcheckConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/install/initcheckConfig.cmake
              ${CMAKE_BINARY_DIR}/lib/cmake/initcheck/initcheckConfigVersion.cmake
        DESTINATION ${INITCHECK_CMAKE_INSTALL_DIR})
