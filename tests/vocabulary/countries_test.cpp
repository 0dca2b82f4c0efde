#include "vocabulary/countries.hpp"

#include <gtest/gtest.h>

#include <set>

#include "vocabulary/sort_key.hpp"

namespace waymark::vocabulary {
namespace {

TEST(Countries, FindsByAlpha2Code) {
  EXPECT_EQ(CountryName("GB"), "United Kingdom");
  EXPECT_EQ(CountryName("AL"), "Albania");
  EXPECT_EQ(CountryName("ER"), "Eritrea");
  EXPECT_EQ(CountryName("SD"), "Sudan");
  const Country* gb = FindCountry("GB");
  ASSERT_NE(gb, nullptr);
  EXPECT_EQ(gb->code, "GB");
}

TEST(Countries, UsesTheCommonNameWhereIsoCodesHasOne) {
  // iso-codes 4.15: name "Viet Nam", common_name "Vietnam".
  EXPECT_EQ(CountryName("VN"), "Vietnam");
  // name "Iran, Islamic Republic of", common_name "Iran".
  EXPECT_EQ(CountryName("IR"), "Iran");
}

TEST(Countries, RefusesUnknownAndWronglyCasedCodes) {
  EXPECT_EQ(FindCountry("XX"), nullptr);
  EXPECT_EQ(CountryName("XX"), "");
  EXPECT_EQ(FindCountry("gb"), nullptr);
  EXPECT_EQ(FindCountry("Gb"), nullptr);
  EXPECT_EQ(FindCountry("GBR"), nullptr);
  EXPECT_EQ(FindCountry("G"), nullptr);
  EXPECT_EQ(FindCountry(""), nullptr);
  EXPECT_EQ(CountryName("United Kingdom"), "");
}

TEST(Countries, TheListIsEveryCountrySortedByName) {
  auto countries = Countries();
  EXPECT_GE(countries.size(), 249u);
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < countries.size(); ++i) {
    const Country& country = countries[i];
    EXPECT_TRUE(codes.insert(country.code).second) << "repeated " << country.code;
    // Every listed country is found again by its code, so the by-code table is sorted.
    const Country* found = FindCountry(country.code);
    ASSERT_NE(found, nullptr) << country.code;
    EXPECT_EQ(found->name, country.name);
    if (i > 0) {
      EXPECT_TRUE(NameLess(countries[i - 1].name, country.name)) << country.name;
    }
  }
  EXPECT_EQ(countries.front().name, "Afghanistan");
  EXPECT_EQ(countries[1].name, "\xC3\x85land Islands");  // Åland, folded to "aland"
  EXPECT_EQ(countries.back().name, "Zimbabwe");
}

}  // namespace
}  // namespace waymark::vocabulary
