#include "identity/password_policy.hpp"

#include <gtest/gtest.h>

#include "identity/throttle.hpp"

namespace waymark::identity {
namespace {

std::string ErrorOf(std::string_view password, std::string_view email = "sam@example.org") {
  auto result = CheckNewPassword(password, email);
  return result ? "" : result.error().fields.at(0).message;
}

TEST(PasswordPolicy, AcceptsLongUnrelatedWords) {
  EXPECT_EQ(ErrorOf("correct horse battery staple"), "");
  EXPECT_EQ(ErrorOf("kettle-orchard-velvet"), "");
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  EXPECT_EQ(ErrorOf("ééééééééééé"), "Password must be 12 characters or more");  // 11 chars
  EXPECT_EQ(ErrorOf("ééééééééééékj"), "");
}

TEST(PasswordPolicy, RefusesShortEmptyAndHugePasswords) {
  EXPECT_EQ(ErrorOf(""), "Enter a password");
  EXPECT_EQ(ErrorOf("elevenchars"), "Password must be 12 characters or more");
  EXPECT_EQ(ErrorOf(std::string(1025, 'k') + "xyz"), "Password must be 1,024 characters or fewer");
}

TEST(PasswordPolicy, RefusesCommonPasswordsAndTheirDecorations) {
  for (std::string_view weak :
       {"password1234", "Password2024!", "iloveyou12345", "1234567890123", "passwordpassword",
        "aaaaaaaaaaaaaa", "abcabcabcabcabc", "MyWaymarkPassword"}) {
    EXPECT_EQ(ErrorOf(weak), "Password is too easy to guess. Try 3 or more unrelated words")
        << weak;
  }
  EXPECT_TRUE(IsCommonPassword("qwerty"));
  EXPECT_FALSE(IsCommonPassword("kettle-orchard-velvet"));
}

TEST(PasswordPolicy, RefusesTheEmailAddress) {
  EXPECT_EQ(ErrorOf("samantha.jones-2026", "samantha.jones@example.org"),
            "Password must not contain your email address");
}

TEST(PasswordPolicy, NamesTheFieldItWasAskedAbout) {
  auto result = CheckNewPassword("short", "a@b.c", "new_password");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().fields.at(0).field, "new_password");
}

TEST(Throttle, DelaysGrowAndAreCapped) {
  using std::chrono::seconds;
  EXPECT_EQ(ThrottleDelay(kAccountThrottle, 0), seconds(0));
  EXPECT_EQ(ThrottleDelay(kAccountThrottle, 4), seconds(0));
  EXPECT_EQ(ThrottleDelay(kAccountThrottle, 5), seconds(30));
  EXPECT_EQ(ThrottleDelay(kAccountThrottle, 6), seconds(60));
  EXPECT_EQ(ThrottleDelay(kAccountThrottle, 7), seconds(120));
  EXPECT_EQ(ThrottleDelay(kAccountThrottle, 1000), seconds(900));
  EXPECT_EQ(ThrottleDelay(kAddressThrottle, 19), seconds(0));
  EXPECT_EQ(ThrottleDelay(kAddressThrottle, 20), seconds(30));
}

}  // namespace
}  // namespace waymark::identity
