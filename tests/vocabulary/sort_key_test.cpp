#include "vocabulary/sort_key.hpp"

#include <gtest/gtest.h>

namespace waymark::vocabulary {
namespace {

TEST(SortKey, FoldsCaseAndLatinAccents) {
  EXPECT_EQ(NameSortKey("\xC3\x85land Islands"), "aland islands");  // Åland
  EXPECT_EQ(NameSortKey("C\xC3\xB4te d'Ivoire"), "cote d'ivoire");  // Côte
  EXPECT_EQ(NameSortKey("T\xC3\xBCrkiye"), "turkiye");              // Türkiye
  EXPECT_EQ(NameSortKey("Norwegian Bokm\xC3\xA5l"), "norwegian bokmal");
  EXPECT_EQ(NameSortKey("Stra\xC3\x9F"
                        "e"),
            "strase");  // ß folds to one letter
}

TEST(SortKey, LeavesOtherCharactersAlone) {
  EXPECT_EQ(NameSortKey("a\xC3\x97"
                        "b"),
            "a\xC3\x97"
            "b");                                  // × is not a letter
  EXPECT_EQ(NameSortKey("\xC5\x8B"), "\xC5\x8B");  // ŋ is outside U+00C0..U+00FF
  EXPECT_EQ(NameSortKey("\xC3"), "\xC3");          // a cut-off sequence stays as is
}

TEST(SortKey, OrdersNamesAsPeopleExpect) {
  EXPECT_TRUE(NameLess("Afghanistan", "\xC3\x85land Islands"));
  EXPECT_TRUE(NameLess("\xC3\x85land Islands", "Albania"));
  EXPECT_TRUE(NameLess("Costa Rica", "C\xC3\xB4te d'Ivoire"));
  EXPECT_TRUE(NameLess("C\xC3\xB4te d'Ivoire", "Croatia"));
  EXPECT_TRUE(NameLess("albania", "Algeria"));
  // Names equal but for accents still have one order, and a name is not less than itself.
  EXPECT_NE(NameLess("Cote", "C\xC3\xB4te"), NameLess("C\xC3\xB4te", "Cote"));
  EXPECT_FALSE(NameLess("Chad", "Chad"));
}

}  // namespace
}  // namespace waymark::vocabulary
