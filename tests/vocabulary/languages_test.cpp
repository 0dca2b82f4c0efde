#include "vocabulary/languages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "vocabulary/sort_key.hpp"

namespace waymark::vocabulary {
namespace {

bool InPickingList(std::string_view code) {
  auto list = LanguagesForPicking();
  return std::any_of(list.begin(), list.end(),
                     [&](const Language& language) { return language.code == code; });
}

TEST(Languages, FindsIso6393Codes) {
  EXPECT_EQ(LanguageName("sqi"), "Albanian");
  EXPECT_EQ(LanguageName("vie"), "Vietnamese");
  EXPECT_EQ(LanguageName("tir"), "Tigrinya");
  EXPECT_EQ(LanguageName("apd"), "Sudanese Arabic");
  EXPECT_EQ(LanguageName("eng"), "English");
  EXPECT_EQ(LanguageName("und"), "Undetermined");
  const Language* tigrinya = FindLanguage("tir");
  ASSERT_NE(tigrinya, nullptr);
  EXPECT_EQ(tigrinya->code, "tir");
}

TEST(Languages, RefusesUnknownAndOtherForms) {
  EXPECT_EQ(FindLanguage("xxq"), nullptr);
  EXPECT_EQ(LanguageName("xxq"), "");
  EXPECT_EQ(FindLanguage("en"), nullptr);   // ISO 639-1: not stored
  EXPECT_EQ(FindLanguage("ENG"), nullptr);  // codes are exact
  EXPECT_EQ(FindLanguage("alb"), nullptr);  // ISO 639-2/B bibliographic code
  EXPECT_EQ(FindLanguage("engl"), nullptr);
  EXPECT_EQ(FindLanguage(""), nullptr);
}

TEST(Languages, PickingListHoldsLivingLanguagesWithATwoLetterCode) {
  EXPECT_TRUE(InPickingList("eng"));
  EXPECT_TRUE(InPickingList("tir"));
  EXPECT_TRUE(InPickingList("vie"));
  // Macrolanguages are how people name their language.
  EXPECT_TRUE(InPickingList("sqi"));
  EXPECT_TRUE(InPickingList("ara"));
  EXPECT_TRUE(InPickingList("fas"));
  // No 639-1 code: found, but not in the short list.
  EXPECT_NE(FindLanguage("apd"), nullptr);
  EXPECT_FALSE(InPickingList("apd"));
  // Has a 639-1 code but is not living: Latin (ancient), Church Slavic (ancient).
  EXPECT_NE(FindLanguage("lat"), nullptr);
  EXPECT_FALSE(InPickingList("lat"));
  EXPECT_FALSE(InPickingList("chu"));
  // Constructed: Esperanto.
  EXPECT_FALSE(InPickingList("epo"));
}

TEST(Languages, PickingListIsSortedWithoutRepeats) {
  auto list = LanguagesForPicking();
  EXPECT_GT(list.size(), 150u);
  EXPECT_LT(list.size(), 200u);
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_TRUE(codes.insert(list[i].code).second) << "repeated code " << list[i].code;
    EXPECT_TRUE(names.insert(list[i].name).second) << "repeated name " << list[i].name;
    const Language* found = FindLanguage(list[i].code);
    ASSERT_NE(found, nullptr) << list[i].code;
    EXPECT_EQ(found->name, list[i].name);
    if (i > 0) {
      EXPECT_TRUE(NameLess(list[i - 1].name, list[i].name)) << list[i].name;
    }
  }
}

}  // namespace
}  // namespace waymark::vocabulary
