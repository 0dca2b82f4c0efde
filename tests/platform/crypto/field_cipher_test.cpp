#include "platform/crypto/field_cipher.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace waymark::crypto {
namespace {

const FieldContext kHome{"person", "home_address", "row-1"};

TEST(FieldCipher, RoundTrips) {
  DataKey key = DataKey::Generate();
  Bytes blob = EncryptField(key, "12 Safe Street", kHome);
  auto plain = DecryptField(key, blob, kHome);
  ASSERT_TRUE(plain.has_value()) << plain.error().message;
  EXPECT_EQ(*plain, "12 Safe Street");
  EXPECT_EQ(FieldKeyId(blob), key.id());
}

TEST(FieldCipher, RoundTripsEmptyAndBinaryValues) {
  DataKey key = DataKey::Generate();
  EXPECT_EQ(DecryptField(key, EncryptField(key, "", kHome), kHome).value(), "");
  std::string binary("a\0b\xff", 4);
  EXPECT_EQ(DecryptField(key, EncryptField(key, binary, kHome), kHome).value(), binary);
}

TEST(FieldCipher, CiphertextHidesPlaintextAndNonceIsFresh) {
  DataKey key = DataKey::Generate();
  Bytes a = EncryptField(key, "distinctive-canary-value", kHome);
  Bytes b = EncryptField(key, "distinctive-canary-value", kHome);
  EXPECT_NE(a, b);
  std::string as_text(a.begin(), a.end());
  EXPECT_EQ(as_text.find("canary"), std::string::npos);
}

TEST(FieldCipher, MovingToAnotherRowColumnOrTableFails) {
  DataKey key = DataKey::Generate();
  Bytes blob = EncryptField(key, "12 Safe Street", kHome);
  EXPECT_FALSE(DecryptField(key, blob, {"person", "home_address", "row-2"}).has_value());
  EXPECT_FALSE(DecryptField(key, blob, {"person", "work_address", "row-1"}).has_value());
  EXPECT_FALSE(DecryptField(key, blob, {"contact", "home_address", "row-1"}).has_value());
  // Shifting the separator between parts must not help either.
  EXPECT_FALSE(DecryptField(key, blob, {"person|home_address", "", "row-1"}).has_value());
  auto moved = DecryptField(key, blob, {"person", "home_address", "row-2"});
  ASSERT_FALSE(moved.has_value());
  EXPECT_NE(moved.error().message.find("person.home_address"), std::string::npos);
}

// A stored field that does not decrypt is a server error naming where it is, never its text.
TEST(FieldCipher, AStoredFieldThatDoesNotDecryptThrowsNamingTheRow) {
  DataKey key = DataKey::Generate();
  Bytes blob = EncryptField(key, "12 Safe Street", kHome);
  EXPECT_EQ(DecryptStoredField(key, blob, kHome), "12 Safe Street");
  try {
    DecryptStoredField(key, blob, {"person", "home_address", "row-2"});
    ADD_FAILURE() << "a field moved to another row decrypted";
  } catch (const std::runtime_error& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("person row-2"), std::string::npos) << message;
    EXPECT_EQ(message.find("Safe Street"), std::string::npos) << message;
  }
}

TEST(FieldCipher, WrongKeyFails) {
  DataKey key = DataKey::Generate();
  Bytes blob = EncryptField(key, "secret", kHome);
  DataKey other = DataKey::Generate();
  EXPECT_FALSE(DecryptField(other, blob, kHome).has_value());
  // Same id, different key material: the tag check catches it.
  DataKey impostor(key.id(), SecretBytes::Random(DataKey::kSize));
  EXPECT_FALSE(DecryptField(impostor, blob, kHome).has_value());
}

TEST(FieldCipher, TamperingFails) {
  DataKey key = DataKey::Generate();
  Bytes blob = EncryptField(key, "secret value", kHome);
  for (std::size_t i = 0; i < blob.size(); ++i) {
    Bytes tampered = blob;
    tampered[i] ^= 0x80;
    EXPECT_FALSE(DecryptField(key, tampered, kHome).has_value()) << "byte " << i;
  }
  Bytes truncated(blob.begin(), blob.end() - 1);
  EXPECT_FALSE(DecryptField(key, truncated, kHome).has_value());
  EXPECT_FALSE(DecryptField(key, Bytes{}, kHome).has_value());
  EXPECT_FALSE(DecryptField(key, Bytes{1, 0}, kHome).has_value());
}

}  // namespace
}  // namespace waymark::crypto
