# Writes OUT, a C++ file embedding every file listed in DIST/manifest.txt.
# Run as: cmake -DDIST=<web/dist> -DOUT=<file.cpp> -P embed_assets.cmake
# Skips the work when the manifest is unchanged since the last run.
if(NOT EXISTS "${DIST}/manifest.txt")
  message(FATAL_ERROR
    "web assets not built: ${DIST}/manifest.txt is missing.\n"
    "Run web/build.sh (scripts/build does it; scripts/install-deps installs its node modules).")
endif()

file(READ "${DIST}/manifest.txt" manifest)
set(stamp "${OUT}.manifest")
if(EXISTS "${OUT}" AND EXISTS "${stamp}")
  file(READ "${stamp}" previous)
  if(previous STREQUAL manifest)
    return()
  endif()
endif()

string(REPLACE "\n" ";" lines "${manifest}")
set(data "")
set(table "")
set(index 0)
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REPLACE " " ";" fields "${line}")
  list(GET fields 0 logical)
  list(GET fields 1 hashed)
  set(path "${DIST}/${hashed}")
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "web/dist/manifest.txt names ${hashed}, which is missing: rerun web/build.sh")
  endif()
  if(hashed MATCHES "\\.css$")
    set(type "text/css; charset=utf-8")
  elseif(hashed MATCHES "\\.js$")
    set(type "text/javascript; charset=utf-8")
  elseif(hashed MATCHES "\\.svg$")
    set(type "image/svg+xml")
  elseif(hashed MATCHES "\\.png$")
    set(type "image/png")
  elseif(hashed MATCHES "\\.ico$")
    set(type "image/x-icon")
  elseif(hashed MATCHES "\\.woff2$")
    set(type "font/woff2")
  else()
    message(FATAL_ERROR "no content type known for web/dist/${hashed}")
  endif()
  file(READ "${path}" hex HEX)
  file(SIZE "${path}" size)
  # Escaped string literals compile much faster than brace lists of bytes.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(APPEND data "const char kData${index}[] = \"${escaped}\";\n")
  string(APPEND table
    "    {\"${hashed}\", \"${logical}\", \"${type}\", std::string_view(kData${index}, ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()

if(index EQUAL 0)
  message(FATAL_ERROR "web/dist/manifest.txt lists no assets: rerun web/build.sh")
endif()

file(WRITE "${OUT}.tmp" "// Generated from web/dist by embed_assets.cmake. Do not edit.
#include \"platform/assets/assets_generated.hpp\"

namespace waymark::assets::generated {
namespace {
${data}
const Asset kTable[] = {
${table}};
}  // namespace

std::span<const Asset> Table() { return kTable; }

}  // namespace waymark::assets::generated
")
file(RENAME "${OUT}.tmp" "${OUT}")
file(WRITE "${stamp}" "${manifest}")
