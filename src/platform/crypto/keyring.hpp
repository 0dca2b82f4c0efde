// The keys that live outside the database: key-encryption keys (KEKs) that wrap each
// organisation's data key, the password pepper, the audit MAC key and the audit anchor's Ed25519
// signing key. See key_file.hpp for how a keyring is stored.
//
// KEK rotation is three crash-safe steps, each of which leaves a usable key file:
//   1. AddKek() then SaveKeyring(): new data keys are wrapped under the new KEK, old ones still
//      unwrap under the old KEK, which is kept.
//   2. RewrapDataKey() every organisation's data key (data_key.hpp) and store the results.
//   3. RemoveKek(old id) then SaveKeyring(), once no stored data key names the old KEK.
//
// Thread safety: const methods are safe to call concurrently; AddKek/RemoveKek need exclusive
// access (rotation is an offline administrative command).
// Ownership: the keyring owns its secrets (SecretBytes); it is move-only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "platform/crypto/encoding.hpp"
#include "platform/crypto/secret_bytes.hpp"
#include "platform/util/problem.hpp"

namespace waymark::crypto {

struct Kek {
  std::string id;   // letters, digits, '.', '_' or '-'; at most 64 characters
  SecretBytes key;  // 32 bytes, an XChaCha20-Poly1305 key
};

class Keyring {
 public:
  static constexpr std::size_t kKekSize = 32;
  static constexpr std::size_t kPepperSize = 32;
  static constexpr std::size_t kAuditMacKeySize = 32;
  static constexpr std::size_t kSigningSeedSize = 32;  // an Ed25519 seed

  // A new keyring with fresh random keys and one KEK.
  static Keyring Generate();

  // Assembles a keyring, refusing wrong key lengths, bad or duplicate KEK ids, no KEKs, or a
  // current id that names no KEK. Messages are written for an administrator.
  static Result<Keyring> FromParts(std::vector<Kek> keks, std::string current_kek_id,
                                   SecretBytes password_pepper, SecretBytes audit_mac_key,
                                   SecretBytes audit_signing_seed);

  const std::vector<Kek>& keks() const { return keks_; }
  const std::string& current_kek_id() const { return current_kek_id_; }
  const Kek& current_kek() const;
  // nullptr if the keyring holds no KEK with this id.
  const Kek* FindKek(std::string_view id) const;

  const SecretBytes& password_pepper() const { return password_pepper_; }
  const SecretBytes& audit_mac_key() const { return audit_mac_key_; }
  const SecretBytes& audit_signing_seed() const { return audit_signing_seed_; }
  // The Ed25519 public key that verifies audit anchors (32 bytes).
  Bytes audit_public_key() const;

  // Generates a KEK, makes it current and keeps the others; returns its id.
  const std::string& AddKek();
  // Removes a KEK that is not current. The caller must first rewrap every data key wrapped
  // under it: a data key whose KEK is gone can never be unwrapped again.
  Result<void> RemoveKek(std::string_view id);

 private:
  Keyring() = default;

  std::vector<Kek> keks_;
  std::string current_kek_id_;
  SecretBytes password_pepper_;
  SecretBytes audit_mac_key_;
  SecretBytes audit_signing_seed_;
};

// True if `id` is acceptable as a KEK id (also used when parsing key files).
bool IsValidKekId(std::string_view id);

}  // namespace waymark::crypto
