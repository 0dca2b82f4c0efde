#include "vocabulary/languages.hpp"

#include <algorithm>
#include <vector>

#include "vocabulary/iso_tables.hpp"
#include "vocabulary/sort_key.hpp"

namespace waymark::vocabulary {

const Language* FindLanguage(std::string_view code) {
  auto table = iso_tables::LanguagesByCode();
  auto it = std::lower_bound(table.begin(), table.end(), code,
                             [](const iso_tables::LanguageRecord& record, std::string_view wanted) {
                               return record.language.code < wanted;
                             });
  if (it == table.end() || it->language.code != code) return nullptr;
  return &it->language;
}

std::string_view LanguageName(std::string_view code) {
  const Language* language = FindLanguage(code);
  return language ? language->name : std::string_view();
}

std::span<const Language> LanguagesForPicking() {
  static const std::vector<Language> picking = [] {
    std::vector<Language> languages;
    for (const iso_tables::LanguageRecord& record : iso_tables::LanguagesByCode()) {
      bool living = record.type == 'L' && (record.scope == 'I' || record.scope == 'M');
      if (living && !record.two_letter.empty()) languages.push_back(record.language);
    }
    std::sort(languages.begin(), languages.end(), [](const Language& a, const Language& b) {
      return NameLess(a.name, b.name) || (a.name == b.name && a.code < b.code);
    });
    return languages;
  }();
  return picking;
}

}  // namespace waymark::vocabulary
