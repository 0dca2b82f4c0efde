// ISO 3166-1 countries: the two-letter code records store ("GB") and the English name pages
// show. The list is generated at build time from Debian's iso-codes package
// (/usr/share/iso-codes/json/iso_3166-1.json) by iso_codes.cmake; the name is iso-codes'
// common name where it has one ("Vietnam", "Iran"), else its ISO name ("United Kingdom").
// Codes are matched exactly: "GB" is a code, "gb" is not.
// Thread safety: static tables; the first call to Countries() sorts once (a thread-safe static).
#pragma once

#include <span>
#include <string_view>

namespace waymark::vocabulary {

struct Country {
  std::string_view code;  // ISO 3166-1 alpha-2, upper case
  std::string_view name;  // English
};

// Every country, sorted by name (accents folded, see sort_key.hpp) for a select box.
std::span<const Country> Countries();

// The country with exactly this alpha-2 code, or nullptr.
const Country* FindCountry(std::string_view code);

// The country's name, or empty for an unknown code.
std::string_view CountryName(std::string_view code);

}  // namespace waymark::vocabulary
