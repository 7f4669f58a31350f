# install.cmake - what `cmake --install` adds beyond the binary, the data
# and the templates: the man page, the docs and the embedding examples, the
# libraries with their headers, the CMake package (find_package(targetsim))
# and the pkg-config files.

install(FILES ${PROJECT_BINARY_DIR}/man/targetsim.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES README.md docs/architecture.md docs/input-format.md docs/report-format.md docs/methodology.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES examples/embed.c DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES examples/find_package/CMakeLists.txt
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/find_package)

# The libraries and the headers (the generated version.h among them).
install(TARGETS targetsim_engine targetsim_shared EXPORT targetsimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY sim/include/targetsim DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/targetsim/version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/targetsim)

# The CMake package: lib/cmake/targetsim/targetsimConfig.cmake finds GSL,
# threads and cJSON, then imports targetsim::targetsim (static) and
# targetsim::targetsim_shared from targetsimTargets.cmake. All its paths
# are relative to its own folder, so the prefix can be moved.
include(CMakePackageConfigHelpers)
set(TARGETSIM_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/targetsim)
install(EXPORT targetsimTargets NAMESPACE targetsim:: DESTINATION ${TARGETSIM_CMAKE_DIR})
set(TARGETSIM_PKGDATADIR ${CMAKE_INSTALL_DATADIR}/targetsim)
configure_package_config_file(cmake/targetsimConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/targetsimConfig.cmake
  INSTALL_DESTINATION ${TARGETSIM_CMAKE_DIR}
  PATH_VARS TARGETSIM_PKGDATADIR)
# One ABI per major version, as the shared library's SOVERSION says.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/targetsimConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/targetsimConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/targetsimConfigVersion.cmake
        DESTINATION ${TARGETSIM_CMAKE_DIR})

# targetsim.pc (the static library, as before: a program linked with it runs
# without libtargetsim on the loader's path) and targetsim-shared.pc
# (-ltargetsim, the shared library). Both are relocatable: prefix is found
# from the .pc file's own folder, ${pcfiledir}, as many ../ up as
# LIBDIR/pkgconfig is deep, so the install prefix can be moved (or staged
# with DESTDIR) and the files still name the right folders. Only an
# absolute CMAKE_INSTALL_LIBDIR ties them to the configured prefix.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(TS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  set(TS_PC_PREFIX "\${pcfiledir}")
  string(REGEX REPLACE "[^/]+" ".." up "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
  string(REGEX REPLACE "/+$" "" up "${up}")
  string(APPEND TS_PC_PREFIX "/${up}")
endif()
foreach(kind LIBDIR INCLUDEDIR DATADIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(TS_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(TS_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
set(TS_PC_NAME targetsim)
set(TS_PC_DESCRIPTION "static library")
set(TS_PC_LIBS "\${libdir}/libtargetsim.a -lm -pthread")
set(TS_PC_REQUIRES "gsl libcjson")
if(TARGETSIM_XLSX_ENABLED)
  string(APPEND TS_PC_REQUIRES " xlsxwriter") # report.xlsx
endif()
set(TS_PC_REQUIRES_PRIVATE "${TS_PC_REQUIRES}")
configure_file(cmake/targetsim.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/targetsim.pc @ONLY)
set(TS_PC_NAME targetsim-shared)
set(TS_PC_DESCRIPTION "shared library")
set(TS_PC_LIBS "-L\${libdir} -ltargetsim")
set(TS_PC_REQUIRES "")
configure_file(cmake/targetsim.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/targetsim-shared.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/targetsim.pc
              ${PROJECT_BINARY_DIR}/pkgconfig/targetsim-shared.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
