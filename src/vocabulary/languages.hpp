// ISO 639-3 languages: the three-letter code records store ("tir", "apd") and the English
// name pages show. ISO 639-3 rather than 639-1 because the languages survivors need
// interpreters for are often individual languages with no two-letter code (Sudanese Arabic
// "apd" inside the macrolanguage Arabic "ara"). Generated at build time from Debian's iso-codes
// package (/usr/share/iso-codes/json/iso_639-3.json) by iso_codes.cmake.
// Codes are matched exactly: "eng" is a code, "ENG" and "en" are not.
// Thread safety: static tables; the first call to LanguagesForPicking() builds its list once
// (a thread-safe static).
#pragma once

#include <span>
#include <string_view>

namespace waymark::vocabulary {

struct Language {
  std::string_view code;  // ISO 639-3, lower case
  std::string_view name;  // English, as iso-codes names it
};

// Any ISO 639-3 code (individual languages, macrolanguages, and the special codes such as
// "und" Undetermined), or nullptr.
const Language* FindLanguage(std::string_view code);

// The language's name, or empty for an unknown code.
std::string_view LanguageName(std::string_view code);

// A short list for a select box: the living languages that also have an ISO 639-1 two-letter
// code, sorted by name (accents folded, see sort_key.hpp), each with its 639-3 code. It keeps
// macrolanguages such as Albanian "sqi", Arabic "ara", Chinese "zho" and Persian "fas": they are
// how most people name their language. Any other code is reachable through FindLanguage.
std::span<const Language> LanguagesForPicking();

}  // namespace waymark::vocabulary
