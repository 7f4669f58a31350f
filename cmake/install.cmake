# install.cmake - what `cmake --install` adds beyond the binary, the data
# and the templates: the man page, the docs and the embedding example, the
# library with its headers, and targetsim.pc.

install(FILES ${PROJECT_BINARY_DIR}/man/targetsim.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES README.md docs/input-format.md docs/report-format.md docs/methodology.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES examples/embed.c DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# targetsim.pc names the prefix the files are installed to, which is only
# known at install time (`cmake --install build --prefix /tmp/x`): the
# template is filled at configure time except for the prefix, and filled
# again by install(CODE), where CMAKE_INSTALL_PREFIX is the --prefix value.
# A DESTDIR staging install keeps the real prefix, as packages need.
foreach(kind LIBDIR INCLUDEDIR DATADIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(TS_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(TS_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
set(TS_PC_PREFIX "@TS_PC_PREFIX@") # kept for the second pass
configure_file(${CMAKE_CURRENT_LIST_DIR}/targetsim.pc.in
               ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/targetsim.pc.stage @ONLY)
install(CODE "
  set(TS_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/targetsim.pc.stage\"
                 \"${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/targetsim.pc\" @ONLY)
")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig/targetsim.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
