#include "platform/crypto/hashes.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace waymark::crypto {

namespace {

const unsigned char* Data(std::string_view bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  EnsureSodium();
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> hash;
  crypto_hash_sha256(hash.data(), Data(bytes), bytes.size());
  return ToHex(hash);
}

std::string Blake2bHex(std::string_view bytes) {
  EnsureSodium();
  std::array<std::uint8_t, 32> hash;
  crypto_generichash(hash.data(), hash.size(), Data(bytes), bytes.size(), nullptr, 0);
  return ToHex(hash);
}

std::string MacHex(const SecretBytes& key, std::string_view bytes) {
  if (key.size() < crypto_generichash_KEYBYTES_MIN ||
      key.size() > crypto_generichash_KEYBYTES_MAX) {
    throw std::invalid_argument("a MAC key must be 16 to 64 bytes");
  }
  EnsureSodium();
  std::array<std::uint8_t, 32> mac;
  crypto_generichash(mac.data(), mac.size(), Data(bytes), bytes.size(), key.data(), key.size());
  return ToHex(mac);
}

Bytes Sign(const SecretBytes& signing_seed, std::string_view message) {
  if (signing_seed.size() != crypto_sign_SEEDBYTES) {
    throw std::invalid_argument("an Ed25519 seed must be 32 bytes");
  }
  EnsureSodium();
  std::array<std::uint8_t, crypto_sign_PUBLICKEYBYTES> public_key;
  SecretBytes secret_key(crypto_sign_SECRETKEYBYTES);
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), signing_seed.data());
  Bytes signature(crypto_sign_BYTES);
  crypto_sign_detached(signature.data(), nullptr, Data(message), message.size(), secret_key.data());
  return signature;
}

bool VerifySignature(std::span<const std::uint8_t> public_key, std::string_view message,
                     std::span<const std::uint8_t> signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  EnsureSodium();
  return crypto_sign_verify_detached(signature.data(), Data(message), message.size(),
                                     public_key.data()) == 0;
}

}  // namespace waymark::crypto
