# warnings.cmake - the compiler warnings of targetsim's own targets, set per
# target (no global add_compile_options), so that a project embedding
# targetsim with add_subdirectory, or a consumer of the installed package,
# does not inherit them.
#
#   targetsim_set_warnings(TARGET...)   -Wall -Wextra ... on each TARGET's
#                                       own sources (PRIVATE); with
#                                       TARGETSIM_WERROR=ON also -Werror.
#   targetsim_check_warnings()          at the end of the top-level file:
#                                       fails the configure step if one of
#                                       our compiled targets was left out.
#
# TARGETSIM_WERROR is OFF by default, so a build from source with a newer
# compiler than ours is not stopped by a warning we have not seen yet;
# scripts/setup.sh (the README's commands and CI) turns it ON.

option(TARGETSIM_WERROR "Treat compiler warnings as errors (scripts/setup.sh turns this on)" OFF)

set(TARGETSIM_WARNING_FLAGS -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2)

function(targetsim_set_warnings)
  foreach(target IN LISTS ARGN)
    target_compile_options(${target} PRIVATE ${TARGETSIM_WARNING_FLAGS}
                           $<$<BOOL:${TARGETSIM_WERROR}>:-Werror>)
    set_property(TARGET ${target} PROPERTY TARGETSIM_WARNINGS ON)
  endforeach()
endfunction()

# _targetsim_targets_in(DIR OUT): every target defined in DIR and below.
function(_targetsim_targets_in dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    _targetsim_targets_in(${sub} more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(targetsim_check_warnings)
  _targetsim_targets_in(${PROJECT_SOURCE_DIR} targets)
  set(missing "")
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    get_target_property(sources ${target} SOURCES)
    # Only targets that compile C files of their own; a library made of
    # another target's objects has nothing to warn about.
    set(compiles OFF)
    foreach(source IN LISTS sources)
      if(source MATCHES "\\.c$")
        set(compiles ON)
      endif()
    endforeach()
    get_target_property(marked ${target} TARGETSIM_WARNINGS)
    if(compiles AND NOT marked AND type MATCHES "EXECUTABLE|LIBRARY")
      list(APPEND missing ${target})
    endif()
  endforeach()
  if(missing)
    message(FATAL_ERROR "targetsim_set_warnings() was not called for: ${missing}\n"
                        "(cmake/warnings.cmake: every target of ours gets the warnings)")
  endif()
endfunction()
