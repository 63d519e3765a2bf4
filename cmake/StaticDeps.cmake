# Static linking of the third-party libraries, for process start-up time.
#
# A replay is a short process (docs/concepts.md: under 10 ms for 100 steps), and
# resolving ~35 shared abseil libraries plus yaml-cpp and libstdc++ costs
# about 3 ms of it (docs/benchmarks.md, "Whole-process replay"). Debian's
# libabsl-dev and libyaml-cpp-dev ship the static archives next to the shared
# ones, but their CMake packages import only the shared libraries; this module
# points the imported targets at the archives instead.
#
# All or nothing: mixing a static and a shared copy of abseil in one process
# would duplicate its globals, so when any archive is missing every target
# keeps its shared library.

# kreplay_prefer_static_archives(): for every imported shared library target of
# this directory whose name starts with absl:: or is yaml-cpp, links the
# sibling lib<name>.a instead of lib<name>.so.<version>.
function(kreplay_prefer_static_archives)
  get_directory_property(imported IMPORTED_TARGETS)
  set(targets)
  set(archives)
  foreach(target IN LISTS imported)
    if(NOT target MATCHES "^absl::" AND NOT target STREQUAL "yaml-cpp")
      continue()
    endif()
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "SHARED_LIBRARY")
      continue()
    endif()
    get_target_property(shared ${target} IMPORTED_LOCATION_NONE)
    if(NOT shared)
      message(STATUS "kreplay: ${target} has no IMPORTED_LOCATION_NONE; linking shared libraries")
      return()
    endif()
    string(REGEX REPLACE "\\.so(\\.[0-9]+)*$" ".a" archive "${shared}")
    if(NOT EXISTS "${archive}")
      message(STATUS "kreplay: ${archive} not found; linking shared libraries")
      return()
    endif()
    list(APPEND targets ${target})
    list(APPEND archives "${archive}")
  endforeach()
  foreach(target archive IN ZIP_LISTS targets archives)
    set_target_properties(${target} PROPERTIES
      IMPORTED_LOCATION_NONE "${archive}" IMPORTED_LOCATION "${archive}")
  endforeach()
  list(LENGTH targets count)
  message(STATUS "kreplay: linking ${count} abseil/yaml-cpp libraries statically")
endfunction()
