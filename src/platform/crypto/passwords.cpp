#include "platform/crypto/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

namespace waymark::crypto {

namespace {

// The password is first hashed with BLAKE2b keyed by the pepper, and Argon2id hashes that.
// Why: the pepper lives in the key file, outside the database, so someone who copies the
// database alone cannot test guesses offline at all; every guess needs the pepper. libsodium's
// Argon2 API has no secret-key input, hence the keyed pre-hash rather than Argon2's own "K".
// A keyed hash (not concatenation) also gives Argon2 a fixed 32-byte input whatever the
// password's length, and reveals nothing about the pepper. Changing the pepper invalidates every
// stored hash, so the pepper is not rotated with the KEKs.
SecretBytes Prehash(std::string_view password, const SecretBytes& pepper) {
  if (pepper.size() < crypto_generichash_KEYBYTES_MIN ||
      pepper.size() > crypto_generichash_KEYBYTES_MAX) {
    throw std::invalid_argument("a password pepper must be 16 to 64 bytes");
  }
  EnsureSodium();
  SecretBytes prehash(32);
  crypto_generichash(prehash.data(), prehash.size(),
                     reinterpret_cast<const unsigned char*>(password.data()), password.size(),
                     pepper.data(), pepper.size());
  return prehash;
}

}  // namespace

std::string HashPassword(std::string_view password, const SecretBytes& pepper, PasswordCost cost) {
  SecretBytes prehash = Prehash(password, pepper);
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, reinterpret_cast<const char*>(prehash.data()), prehash.size(),
                                 cost.opslimit, cost.memlimit) != 0) {
    throw std::runtime_error("Argon2id could not allocate its memory");
  }
  return out;
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password,
                    const SecretBytes& pepper) {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_argon2id_STRBYTES) return false;
  std::string terminated(stored_hash);  // libsodium reads a NUL-terminated string
  SecretBytes prehash = Prehash(password, pepper);
  return crypto_pwhash_str_verify(terminated.c_str(), reinterpret_cast<const char*>(prehash.data()),
                                  prehash.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored_hash, PasswordCost cost) {
  EnsureSodium();
  std::string terminated(stored_hash);
  return crypto_pwhash_argon2id_str_needs_rehash(terminated.c_str(), cost.opslimit,
                                                 cost.memlimit) != 0;
}

}  // namespace waymark::crypto
