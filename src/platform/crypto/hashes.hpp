// Plain hashes, keyed MACs and Ed25519 signatures, for the audit chain and its anchor.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "platform/crypto/encoding.hpp"
#include "platform/crypto/secret_bytes.hpp"

namespace waymark::crypto {

// SHA-256, 64 lowercase hex characters (for interoperable checksums, e.g. migrations).
std::string Sha256Hex(std::string_view bytes);
// Unkeyed BLAKE2b-256, 64 lowercase hex characters.
std::string Blake2bHex(std::string_view bytes);
// Keyed BLAKE2b-256 (a MAC), 64 lowercase hex characters. `key` must be 16..64 bytes
// (throws std::invalid_argument otherwise). Compare MACs with ConstantTimeEqual.
std::string MacHex(const SecretBytes& key, std::string_view bytes);

// Ed25519 signature (64 bytes) of `message` by the key whose 32-byte seed is `signing_seed`
// (Keyring::audit_signing_seed). Throws std::invalid_argument on a wrong seed length.
Bytes Sign(const SecretBytes& signing_seed, std::string_view message);
// True only if `signature` is a valid Ed25519 signature of `message` under `public_key`
// (Keyring::audit_public_key). Wrong lengths give false.
bool VerifySignature(std::span<const std::uint8_t> public_key, std::string_view message,
                     std::span<const std::uint8_t> signature);

}  // namespace waymark::crypto
