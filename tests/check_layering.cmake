# Fails when a library includes a library it must not depend on.
#
# Libraries, lowest first; each may include itself and the ones it lists
# (docs/architecture.md). A header is owned by the longest library folder that
# prefixes its path; an include of a path no library owns (tests/, bench/, a
# file left at replay/'s root) is refused too.
#   cmake -DROOT=<source tree> -P check_layering.cmake
cmake_minimum_required(VERSION 3.25)
set(layers
  model sim
  replay/ledger replay/exec replay/kubectl replay/shell replay/vocab
  replay/run replay/judge replay/report replay/diff replay/whatif replay/suite
  cli)
set(allowed_model          "")
set(allowed_sim            "model")
set(allowed_replay/ledger  "model")
set(allowed_replay/exec    "model;sim")
set(allowed_replay/kubectl "model;sim;replay/exec")
set(allowed_replay/shell   "model;sim;replay/exec;replay/kubectl")
set(allowed_replay/vocab   "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell")
set(allowed_replay/run     "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab")
set(allowed_replay/judge   "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab;replay/run")
set(allowed_replay/report  "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab;replay/run;replay/judge")
set(allowed_replay/diff   "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab;replay/run;replay/judge;replay/report")
set(allowed_replay/whatif "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab;replay/run;replay/judge;replay/report;replay/diff")
set(allowed_replay/suite  "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab;replay/run;replay/judge;replay/report;replay/diff;replay/whatif")
set(allowed_cli            "model;sim;replay/ledger;replay/exec;replay/kubectl;replay/shell;replay/vocab;replay/run;replay/judge;replay/report;replay/diff;replay/whatif;replay/suite")

# The library that owns `path` (longest matching folder), or "" if none.
function(owner_of path out)
  set(best "")
  foreach(layer IN LISTS layers)
    string(LENGTH "${layer}/" n)
    string(SUBSTRING "${path}" 0 ${n} head)
    if(head STREQUAL "${layer}/")
      string(LENGTH "${best}" best_n)
      if(n GREATER best_n)
        set(best "${layer}")
      endif()
    endif()
  endforeach()
  set(${out} "${best}" PARENT_SCOPE)
endfunction()

set(violations 0)
foreach(layer IN LISTS layers)
  file(GLOB_RECURSE sources "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.cc")
  foreach(source IN LISTS sources)
    file(RELATIVE_PATH rel "${ROOT}" "${source}")
    owner_of("${rel}" source_owner)
    if(NOT source_owner STREQUAL layer)
      continue()  # belongs to a deeper library, checked with it
    endif()
    file(STRINGS "${source}" includes REGEX "^#include \"(model|sim|replay|cli|tests|bench)/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" header "${line}")
      owner_of("${header}" header_owner)
      if(header_owner STREQUAL layer)
        continue()
      endif()
      if(header_owner STREQUAL "" OR NOT header_owner IN_LIST allowed_${layer})
        message("${rel}: ${layer}/ must not include ${header}")
        math(EXPR violations "${violations} + 1")
      endif()
    endforeach()
  endforeach()
endforeach()
if(violations GREATER 0)
  message(FATAL_ERROR "layering: ${violations} includes against the order")
endif()
list(LENGTH layers n)
message(STATUS "layering: ${n} libraries, no include against the order")
