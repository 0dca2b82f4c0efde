// Encryption of sensitive fields (safe addresses, names, notes) with an organisation's data key.
//
// XChaCha20-Poly1305 (IETF) with a random 192-bit nonce. The blob is:
//   version (1 byte, = 1) | key id length (1 byte) | key id | nonce (24) | ciphertext | tag (16)
// The associated data binds table, column, row id and data key id, so a ciphertext copied to
// another row, column or table, or re-labelled with another key id, does not decrypt.
// The key id is in clear so that after a data key rotation a reader can pick the right key.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "platform/crypto/data_key.hpp"
#include "platform/crypto/encoding.hpp"
#include "platform/util/problem.hpp"

namespace waymark::crypto {

// Where a value lives. All three are bound into the ciphertext.
struct FieldContext {
  std::string_view table;
  std::string_view column;
  std::string_view row_id;
};

Bytes EncryptField(const DataKey& key, std::string_view plaintext, const FieldContext& context);

// Fails if the blob is damaged or tampered with, was made for another context, or is under
// another key. The failure is a sign of corruption or tampering: callers should log and audit it.
Result<std::string> DecryptField(const DataKey& key, std::span<const std::uint8_t> blob,
                                 const FieldContext& context);

// DecryptField for a field read back from storage, where a failure is not the caller's to
// handle: the plaintext, or std::runtime_error naming the table and row (the request then fails
// as a server error, as any damaged row does).
std::string DecryptStoredField(const DataKey& key, std::span<const std::uint8_t> blob,
                               const FieldContext& context);

// The data key id a blob was encrypted under, or nullopt if the blob is not a field ciphertext.
std::optional<std::string> FieldKeyId(std::span<const std::uint8_t> blob);

}  // namespace waymark::crypto
