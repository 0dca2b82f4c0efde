#include "vocabulary/term.hpp"

#include <gtest/gtest.h>

#include <string>

namespace waymark::vocabulary {
namespace {

constexpr Term kColours[] = {{"red", "Red"}, {"green", "Green"}, {"blue", "Blue"}};

TEST(Term, FindsByExactCode) {
  ASSERT_NE(FindTerm(kColours, "green"), nullptr);
  EXPECT_EQ(FindTerm(kColours, "green")->label, "Green");
  EXPECT_EQ(FindTerm(kColours, "Green"), nullptr);
  EXPECT_EQ(FindTerm(kColours, ""), nullptr);
  EXPECT_EQ(TermLabel(kColours, "blue"), "Blue");
  EXPECT_EQ(TermLabel(kColours, "pink"), "");
}

TEST(Term, UnknownCodesKeepTheirOrderAndAppearOnce) {
  std::vector<std::string_view> sent = {"pink", "red", "teal", "pink"};
  EXPECT_EQ(UnknownCodes(kColours, sent), (std::vector<std::string_view>{"pink", "teal"}));
  std::vector<std::string_view> known = {"red"};
  EXPECT_TRUE(UnknownCodes(kColours, known).empty());
}

TEST(Term, CheckedCodesViewTheStaticTable) {
  std::string sent_text = "blue";
  std::vector<std::string_view> sent = {sent_text, "red"};
  auto chosen = CheckCodes(kColours, sent, "colour");
  ASSERT_TRUE(chosen);
  sent_text = "XXXX";  // the request's buffer goes away; the chosen codes must not
  EXPECT_EQ(*chosen, (std::vector<std::string_view>{"red", "blue"}));
  EXPECT_EQ((*chosen)[1].data(), kColours[2].code.data());
}

TEST(Term, ErrorNamesAFewShortenedCodes) {
  std::string long_code(100, 'x');
  // An "é" straddling the 40-byte cut must not be split.
  std::string accented = std::string(39, 'a') + "\xC3\xA9" + "zzz";
  std::vector<std::string_view> sent = {long_code, accented, "a", "b", "c", "d", "e"};
  auto chosen = CheckCodes(kColours, sent, "colour");
  ASSERT_FALSE(chosen);
  EXPECT_EQ(chosen.error().fields[0].message,
            "Select from the options shown (not recognised: \"" + std::string(40, 'x') +
                "...\", \"" + std::string(39, 'a') + "...\", \"a\", \"b\", \"c\" and 2 more)");
}

}  // namespace
}  // namespace waymark::vocabulary
