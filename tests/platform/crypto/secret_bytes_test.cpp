#include "platform/crypto/secret_bytes.hpp"

#include <gtest/gtest.h>

#include "platform/crypto/encoding.hpp"

namespace waymark::crypto {
namespace {

TEST(SecretBytes, RandomHasRequestedSizeAndDiffers) {
  SecretBytes a = SecretBytes::Random(32);
  SecretBytes b = SecretBytes::Random(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_FALSE(ConstantTimeEqual(a.view(), b.view()));
}

TEST(SecretBytes, MoveLeavesSourceEmpty) {
  SecretBytes a = SecretBytes::Random(16);
  std::string copy(a.view());
  SecretBytes b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the contract under test
  EXPECT_EQ(b.view(), copy);
}

TEST(SecretBytes, CloneIsEqualButIndependent) {
  SecretBytes a = SecretBytes::Random(8);
  SecretBytes b = a.Clone();
  EXPECT_EQ(a.view(), b.view());
  b.data()[0] ^= 1;
  EXPECT_NE(a.view(), b.view());
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEqual("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEqual("", ""));
  EXPECT_FALSE(ConstantTimeEqual("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEqual("abc", "abcd"));
}

TEST(Encoding, HexRoundTripsAndRefusesBadInput) {
  Bytes bytes{0x00, 0x7f, 0xff, 0x10};
  EXPECT_EQ(ToHex(bytes), "007fff10");
  EXPECT_EQ(FromHex("007FFF10"), bytes);
  EXPECT_FALSE(FromHex("abc").has_value());
  EXPECT_FALSE(FromHex("zz").has_value());
}

TEST(Encoding, Base64RoundTripsAndRefusesBadInput) {
  Bytes bytes{'h', 'e', 'l', 'l', 'o'};
  EXPECT_EQ(ToBase64(bytes), "aGVsbG8=");
  EXPECT_EQ(FromBase64("aGVsbG8="), bytes);
  EXPECT_FALSE(FromBase64("aGVsbG8").has_value());     // missing padding
  EXPECT_FALSE(FromBase64("aGVs*G8=").has_value());    // outside the alphabet
  EXPECT_FALSE(FromBase64("aGVsbG8=xx").has_value());  // trailing garbage
  auto secret = SecretFromBase64("aGVsbG8=");
  ASSERT_TRUE(secret.has_value());
  EXPECT_EQ(secret->view(), "hello");
}

TEST(Encoding, Base64UrlHasNoPaddingOrUnsafeCharacters) {
  Bytes bytes{0xfb, 0xff, 0xfe};
  EXPECT_EQ(ToBase64Url(bytes), "-__-");
  EXPECT_EQ(ToBase64Url(Bytes{'a'}), "YQ");
}

}  // namespace
}  // namespace waymark::crypto
