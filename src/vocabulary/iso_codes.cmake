# Turns Debian iso-codes' ISO 3166-1 and ISO 639-3 JSON into iso_tables.cpp (see
# iso_tables.hpp). Invoked with -DCOUNTRIES= -DLANGUAGES= -DOUTPUT=.
#
# string(JSON) re-parses its whole input on every call, so reading 7,900 languages member by
# member from the full file would take minutes. Instead the flat entry objects ({...} with no
# nested braces) are cut out with a regex and each is parsed as JSON on its own; the count is
# checked against the array's JSON length, so a file this cutting misreads fails loudly.

# ';' splits CMake lists and '[' ']' stop ';' from splitting them, so in the file's text each
# becomes a JSON escape of a control character that no name contains; cxx_literal() turns
# those back into the characters.
string(ASCII 29 open_bracket_stand_in)
string(ASCII 30 close_bracket_stand_in)
string(ASCII 31 semicolon_stand_in)

# Sets out_var to the list of entry objects of array `key` in `file`.
function(read_entries file key out_var)
  file(READ "${file}" json)
  string(JSON expected ERROR_VARIABLE error LENGTH "${json}" "${key}")
  if(error)
    message(FATAL_ERROR "${file}: no \"${key}\" array (${error}); is it Debian iso-codes JSON?")
  endif()
  string(REPLACE ";" "\\u001f" json "${json}")
  string(REPLACE "[" "\\u001d" json "${json}")
  string(REPLACE "]" "\\u001e" json "${json}")
  string(REGEX MATCHALL "{[^{}]*}" entries "${json}")
  list(LENGTH entries found)
  if(NOT found EQUAL expected)
    message(FATAL_ERROR "${file}: read ${found} entries but \"${key}\" has ${expected}; "
                        "the file's layout changed and iso_codes.cmake needs updating")
  endif()
  foreach(entry IN LISTS entries)
    string(JSON type ERROR_VARIABLE error TYPE "${entry}")
    if(error OR NOT type STREQUAL "OBJECT")
      message(FATAL_ERROR "${file}: cannot read entry ${entry} (${error})")
    endif()
  endforeach()
  set(${out_var} "${entries}" PARENT_SCOPE)
endfunction()

# Sets out_var to member `name` of `entry` ("" when absent), or stops if `required`.
function(member entry name required out_var)
  string(JSON value ERROR_VARIABLE error GET "${entry}" "${name}")
  if(error)
    if(required)
      message(FATAL_ERROR "iso-codes entry without \"${name}\": ${entry}")
    endif()
    set(value "")
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

# Sets out_var to `text` as a C++ string literal. ';', '[' and ']' become octal escapes so the
# literal can sit in a CMake list.
function(cxx_literal text out_var)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\n" "\\n" text "${text}")
  string(REPLACE "${semicolon_stand_in}" "\\073" text "${text}")
  string(REPLACE "${open_bracket_stand_in}" "\\133" text "${text}")
  string(REPLACE "${close_bracket_stand_in}" "\\135" text "${text}")
  set(${out_var} "\"${text}\"" PARENT_SCOPE)
endfunction()

read_entries("${COUNTRIES}" "3166-1" country_entries)
set(countries "")
foreach(entry IN LISTS country_entries)
  member("${entry}" alpha_2 TRUE code)
  member("${entry}" name TRUE name)
  member("${entry}" common_name FALSE common_name)
  if(NOT code MATCHES "^[A-Z][A-Z]$")
    message(FATAL_ERROR "${COUNTRIES}: \"${code}\" is not an ISO 3166-1 alpha-2 code")
  endif()
  if(NOT common_name STREQUAL "")
    set(name "${common_name}")
  endif()
  cxx_literal("${name}" name)
  list(APPEND countries "${code}|    {\"${code}\", ${name}},\n")
endforeach()

read_entries("${LANGUAGES}" "639-3" language_entries)
set(languages "")
foreach(entry IN LISTS language_entries)
  member("${entry}" alpha_3 TRUE code)
  member("${entry}" name TRUE name)
  member("${entry}" alpha_2 FALSE two_letter)
  member("${entry}" type TRUE type)
  member("${entry}" scope TRUE scope)
  if(NOT code MATCHES "^[a-z][a-z][a-z]$")
    message(FATAL_ERROR "${LANGUAGES}: \"${code}\" is not an ISO 639-3 code")
  endif()
  if(NOT two_letter MATCHES "^([a-z][a-z])?$" OR NOT type MATCHES "^[LEAHCS]$"
     OR NOT scope MATCHES "^[IMS]$")
    message(FATAL_ERROR "${LANGUAGES}: unexpected values in ${entry}")
  endif()
  cxx_literal("${name}" name)
  list(APPEND languages "${code}|    {{\"${code}\", ${name}}, \"${two_letter}\", '${type}', '${scope}'},\n")
endforeach()

# Sorted by code for binary search; codes are fixed-length ASCII, so the "code|" prefix decides.
# A repeated code would make lookups ambiguous.
function(table_body rows file out_var)
  list(SORT rows)
  set(body "")
  set(previous "")
  foreach(row IN LISTS rows)
    string(FIND "${row}" "|" bar)
    string(SUBSTRING "${row}" 0 ${bar} code)
    if(code STREQUAL previous)
      message(FATAL_ERROR "${file}: code \"${code}\" appears twice")
    endif()
    set(previous "${code}")
    math(EXPR start "${bar} + 1")
    string(SUBSTRING "${row}" ${start} -1 line)
    string(APPEND body "${line}")
  endforeach()
  set(${out_var} "${body}" PARENT_SCOPE)
endfunction()

table_body("${countries}" "${COUNTRIES}" country_body)
table_body("${languages}" "${LANGUAGES}" language_body)

file(WRITE "${OUTPUT}.tmp" "// Generated by src/vocabulary/iso_codes.cmake from
// ${COUNTRIES} and
// ${LANGUAGES} (Debian iso-codes); do not edit.
#include \"vocabulary/iso_tables.hpp\"

namespace waymark::vocabulary::iso_tables {
namespace {

constexpr Country kCountries[] = {
${country_body}};

constexpr LanguageRecord kLanguages[] = {
${language_body}};

}  // namespace

std::span<const Country> CountriesByCode() { return kCountries; }
std::span<const LanguageRecord> LanguagesByCode() { return kLanguages; }

}  // namespace waymark::vocabulary::iso_tables
")
# Replace only on success, so a failed run leaves no half-written source behind.
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
