// Per-organisation data keys, stored in the database wrapped (encrypted) under a KEK from the
// keyring. A data key never leaves memory unwrapped. Field encryption and blind indexes use
// sub-keys derived from it (crypto_kdf), never the data key itself.
//
// Wrapping is XChaCha20-Poly1305 with associated data binding the organisation id, the KEK id
// and the data key id: a wrapped key copied to another organisation's row does not unwrap.
//
// Thread safety: DataKey is immutable after construction; share it freely across threads.
// Ownership: DataKey owns its secrets and is move-only.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "platform/crypto/encoding.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/crypto/secret_bytes.hpp"
#include "platform/util/problem.hpp"

namespace waymark::crypto {

class DataKey {
 public:
  static constexpr std::size_t kSize = 32;

  // A fresh random key with a new id (16 hex characters).
  static DataKey Generate();
  // `key` must be kSize bytes (throws std::invalid_argument otherwise: a programming error).
  DataKey(std::string id, SecretBytes key);

  // Stored beside each ciphertext and wrapped key, so that when an organisation's data key is
  // rotated the reader knows which key a value needs.
  const std::string& id() const { return id_; }
  const SecretBytes& key() const { return key_; }
  // Sub-keys: independent keys for independent uses, so no two purposes share a key.
  const SecretBytes& field_key() const { return field_key_; }
  const SecretBytes& blind_index_key() const { return blind_index_key_; }

 private:
  std::string id_;
  SecretBytes key_;
  SecretBytes field_key_;
  SecretBytes blind_index_key_;
};

struct WrappedKey {
  std::string key_id;  // DataKey::id()
  std::string kek_id;  // the KEK it is wrapped under
  Bytes blob;          // version byte, nonce, ciphertext and tag
};

// Wraps `key` for `org_id` under the keyring's current KEK.
WrappedKey WrapDataKey(const Keyring& keyring, std::string_view org_id, const DataKey& key);
// Generates a data key for `org_id` and returns it wrapped under the current KEK.
WrappedKey WrapNewDataKey(const Keyring& keyring, std::string_view org_id);
// Fails (with an administrator's message) if the KEK is not in the keyring, or the blob was
// tampered with, belongs to another organisation or names another key id.
Result<DataKey> UnwrapDataKey(const Keyring& keyring, std::string_view org_id,
                              const WrappedKey& wrapped);
// Unwraps and wraps again under the current KEK (KEK rotation, step 2 in keyring.hpp).
Result<WrappedKey> RewrapDataKey(const Keyring& keyring, std::string_view org_id,
                                 const WrappedKey& wrapped);

// Associated data for AEAD: each part length-prefixed, so no choice of parts can collide with
// another (a plain "a|b" join would let "a|b" + "c" equal "a" + "b|c").
std::string BindParts(std::initializer_list<std::string_view> parts);

}  // namespace waymark::crypto
