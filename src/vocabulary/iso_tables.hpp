// Internal to the vocabulary library: the tables iso_codes.cmake generates at build time from
// Debian's iso-codes JSON (the generated iso_tables.cpp is in the build tree). Both tables are
// sorted by code, byte by byte, so lookups can binary-search them.
// Thread safety: constant static data.
#pragma once

#include <span>
#include <string_view>

#include "vocabulary/countries.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::vocabulary::iso_tables {

struct LanguageRecord {
  Language language;
  std::string_view two_letter;  // ISO 639-1 code, or empty
  char type;                    // L living, E extinct, A ancient, H historical, C constructed,
                                // S special
  char scope;                   // I individual, M macrolanguage, S special
};

std::span<const Country> CountriesByCode();
std::span<const LanguageRecord> LanguagesByCode();

}  // namespace waymark::vocabulary::iso_tables
