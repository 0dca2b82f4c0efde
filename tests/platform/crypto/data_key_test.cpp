#include "platform/crypto/data_key.hpp"

#include <gtest/gtest.h>

namespace waymark::crypto {
namespace {

TEST(DataKey, WrapsAndUnwrapsForItsOrganisation) {
  Keyring keyring = Keyring::Generate();
  WrappedKey wrapped = WrapNewDataKey(keyring, "org-a");
  EXPECT_EQ(wrapped.kek_id, keyring.current_kek_id());
  auto key = UnwrapDataKey(keyring, "org-a", wrapped);
  ASSERT_TRUE(key.has_value()) << key.error().message;
  EXPECT_EQ(key->id(), wrapped.key_id);
  EXPECT_EQ(key->key().size(), DataKey::kSize);
  // Two unwraps give the same key.
  EXPECT_EQ(UnwrapDataKey(keyring, "org-a", wrapped)->key().view(), key->key().view());
}

TEST(DataKey, SubKeysDifferFromEachOtherAndTheKey) {
  DataKey key = DataKey::Generate();
  EXPECT_NE(key.field_key().view(), key.blind_index_key().view());
  EXPECT_NE(key.field_key().view(), key.key().view());
  DataKey same(key.id(), key.key().Clone());
  EXPECT_EQ(same.field_key().view(), key.field_key().view());  // derivation is deterministic
}

TEST(DataKey, CannotBeMovedToAnotherOrganisation) {
  Keyring keyring = Keyring::Generate();
  WrappedKey wrapped = WrapNewDataKey(keyring, "org-a");
  auto moved = UnwrapDataKey(keyring, "org-b", wrapped);
  ASSERT_FALSE(moved.has_value());
  EXPECT_NE(moved.error().message.find("org-b"), std::string::npos);
}

TEST(DataKey, RefusesTamperingWithBlobOrLabels) {
  Keyring keyring = Keyring::Generate();
  WrappedKey wrapped = WrapNewDataKey(keyring, "org-a");

  WrappedKey flipped = wrapped;
  flipped.blob[flipped.blob.size() / 2] ^= 0x01;
  EXPECT_FALSE(UnwrapDataKey(keyring, "org-a", flipped).has_value());

  WrappedKey relabelled = wrapped;
  relabelled.key_id = "0000000000000000";
  EXPECT_FALSE(UnwrapDataKey(keyring, "org-a", relabelled).has_value());

  WrappedKey truncated = wrapped;
  truncated.blob.pop_back();
  EXPECT_FALSE(UnwrapDataKey(keyring, "org-a", truncated).has_value());

  WrappedKey empty = wrapped;
  empty.blob.clear();
  EXPECT_FALSE(UnwrapDataKey(keyring, "org-a", empty).has_value());
}

TEST(DataKey, RefusesAnotherKeyringAndAnUnknownKek) {
  Keyring keyring = Keyring::Generate();
  Keyring other = Keyring::Generate();
  WrappedKey wrapped = WrapNewDataKey(keyring, "org-a");
  auto unknown = UnwrapDataKey(other, "org-a", wrapped);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find(wrapped.kek_id), std::string::npos);
  EXPECT_NE(unknown.error().message.find("Restore the key file"), std::string::npos);
}

TEST(DataKey, RotationRewrapsUnderTheNewKekAndOldKekCanGo) {
  Keyring keyring = Keyring::Generate();
  std::string old_kek = keyring.current_kek_id();
  WrappedKey wrapped = WrapNewDataKey(keyring, "org-a");
  auto original = UnwrapDataKey(keyring, "org-a", wrapped);
  ASSERT_TRUE(original.has_value());

  std::string new_kek = keyring.AddKek();
  // Step 1 done: the old wrapping still unwraps.
  ASSERT_TRUE(UnwrapDataKey(keyring, "org-a", wrapped).has_value());
  auto rewrapped = RewrapDataKey(keyring, "org-a", wrapped);
  ASSERT_TRUE(rewrapped.has_value());
  EXPECT_EQ(rewrapped->kek_id, new_kek);
  EXPECT_EQ(rewrapped->key_id, wrapped.key_id);

  ASSERT_TRUE(keyring.RemoveKek(old_kek).has_value());
  auto after = UnwrapDataKey(keyring, "org-a", *rewrapped);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->key().view(), original->key().view());
  EXPECT_FALSE(UnwrapDataKey(keyring, "org-a", wrapped).has_value());
  EXPECT_FALSE(RewrapDataKey(keyring, "org-b", *rewrapped).has_value());
}

TEST(BindParts, IsUnambiguous) {
  EXPECT_NE(BindParts({"a|b", "c"}), BindParts({"a", "b|c"}));
  EXPECT_NE(BindParts({"ab", ""}), BindParts({"a", "b"}));
}

}  // namespace
}  // namespace waymark::crypto
