#include "platform/crypto/passwords.hpp"

#include <gtest/gtest.h>

namespace waymark::crypto {
namespace {

// Cheap parameters so the suite stays fast; one test checks the production default.
constexpr PasswordCost kTestCost{1, 8 * 1024 * 1024};

TEST(Passwords, VerifiesRightPasswordOnlyWithRightPepper) {
  SecretBytes pepper = SecretBytes::Random(32);
  std::string hash = HashPassword("correct horse battery staple", pepper, kTestCost);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery staple", pepper));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery stapler", pepper));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery staple", SecretBytes::Random(32)));
  EXPECT_FALSE(VerifyPassword("", "x", pepper));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "x", pepper));
  // A fresh salt each time.
  EXPECT_NE(hash, HashPassword("correct horse battery staple", pepper, kTestCost));
}

TEST(Passwords, DefaultIsArgon2id64MiBThreePassesAndNeedsNoRehash) {
  SecretBytes pepper = SecretBytes::Random(32);
  std::string hash = HashPassword("pw", pepper);
  EXPECT_NE(hash.find("$argon2id$v=19$m=65536,t=3,p=1$"), std::string::npos) << hash;
  EXPECT_TRUE(VerifyPassword(hash, "pw", pepper));
  EXPECT_FALSE(PasswordNeedsRehash(hash));
}

TEST(Passwords, WeakerHashesNeedRehash) {
  SecretBytes pepper = SecretBytes::Random(32);
  std::string cheap = HashPassword("pw", pepper, kTestCost);
  EXPECT_TRUE(PasswordNeedsRehash(cheap));
  EXPECT_FALSE(PasswordNeedsRehash(cheap, kTestCost));
  EXPECT_TRUE(PasswordNeedsRehash("not a hash"));
}

}  // namespace
}  // namespace waymark::crypto
