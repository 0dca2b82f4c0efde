# Shared build helpers and third-party targets for every folder.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(tl-expected REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(GTest REQUIRED)

# Source folders are found relative to src/, so includes read "platform/db/db.hpp".
set(WAYMARK_SRC ${PROJECT_SOURCE_DIR}/src)

# waymark_library(NAME SOURCES a.cpp b.cpp DEPS other_target ...)
function(waymark_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${WAYMARK_SRC})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# waymark_test(NAME SOURCES a_test.cpp DEPS lib ... [LABELS unit])
# Each test binary is one CTest entry; gtest_discover_tests would multiply start-up costs.
function(waymark_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  else()
    set_tests_properties(${name} PROPERTIES LABELS unit)
  endif()
endfunction()
