#include "vocabulary/countries.hpp"

#include <algorithm>
#include <vector>

#include "vocabulary/iso_tables.hpp"
#include "vocabulary/sort_key.hpp"

namespace waymark::vocabulary {

std::span<const Country> Countries() {
  static const std::vector<Country> by_name = [] {
    auto table = iso_tables::CountriesByCode();
    std::vector<Country> countries(table.begin(), table.end());
    std::sort(countries.begin(), countries.end(), [](const Country& a, const Country& b) {
      return NameLess(a.name, b.name) || (a.name == b.name && a.code < b.code);
    });
    return countries;
  }();
  return by_name;
}

const Country* FindCountry(std::string_view code) {
  auto table = iso_tables::CountriesByCode();
  auto it =
      std::lower_bound(table.begin(), table.end(), code,
                       [](const Country& c, std::string_view wanted) { return c.code < wanted; });
  if (it == table.end() || it->code != code) return nullptr;
  return &*it;
}

std::string_view CountryName(std::string_view code) {
  const Country* country = FindCountry(code);
  return country ? country->name : std::string_view();
}

}  // namespace waymark::vocabulary
