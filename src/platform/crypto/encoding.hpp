// Text encodings of bytes (hex, base64, base64url), so keys, tokens and hashes can live in text
// files, cookies and logs. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/crypto/secret_bytes.hpp"

namespace waymark::crypto {

// Ciphertexts and signatures. A distinct type from std::string so the database layer binds them as
// BLOB/bytea, never as text (PostgreSQL text refuses NUL bytes and invalid UTF-8).
using Bytes = std::vector<std::uint8_t>;

inline std::span<const std::uint8_t> AsBytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// Lowercase hex.
std::string ToHex(std::span<const std::uint8_t> bytes);
std::optional<Bytes> FromHex(std::string_view hex);

// RFC 4648 base64 with padding (key files).
std::string ToBase64(std::span<const std::uint8_t> bytes);
// nullopt on any character outside the alphabet, or bad padding.
std::optional<Bytes> FromBase64(std::string_view text);
// The same, decoded straight into zeroed-on-destruction storage.
std::optional<SecretBytes> SecretFromBase64(std::string_view text);

// RFC 4648 base64url without padding (tokens in cookies and URLs).
std::string ToBase64Url(std::span<const std::uint8_t> bytes);

}  // namespace waymark::crypto
