#include "vocabulary/sort_key.hpp"

namespace waymark::vocabulary {
namespace {

using namespace std::string_view_literals;

// Base letters of U+00C0..U+00FF, lower case; '\0' marks the two signs (U+00D7 multiplication,
// U+00F7 division) that are not letters and keep their bytes. Ligatures and Icelandic letters
// fold to one letter; that affects order only among names that differ there.
constexpr std::string_view kLatin1Base =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"sv;
static_assert(kLatin1Base.size() == 64);

}  // namespace

std::string NameSortKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
      continue;
    }
    // U+00C0..U+00FF is encoded 0xC3 0x80..0xBF.
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF && kLatin1Base[next - 0x80] != '\0') {
        key += kLatin1Base[next - 0x80];
        ++i;
        continue;
      }
    }
    key += static_cast<char>(c);
  }
  return key;
}

bool NameLess(std::string_view a, std::string_view b) {
  std::string key_a = NameSortKey(a);
  std::string key_b = NameSortKey(b);
  if (key_a != key_b) return key_a < key_b;
  return a < b;
}

}  // namespace waymark::vocabulary
