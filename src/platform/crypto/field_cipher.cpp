#include "platform/crypto/field_cipher.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace waymark::crypto {

namespace {

constexpr std::uint8_t kFieldVersion = 1;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;

std::string FieldAssociatedData(const FieldContext& context, std::string_view key_id) {
  return BindParts({"waymark.field.v1", context.table, context.column, context.row_id, key_id});
}

Problem DecryptProblem(const FieldContext& context, std::string_view why) {
  return Problem{ProblemKind::kInvalid,
                 "Encrypted value in " + std::string(context.table) + "." +
                     std::string(context.column) + " for row " + std::string(context.row_id) +
                     " could not be decrypted: " + std::string(why),
                 {}};
}

}  // namespace

Bytes EncryptField(const DataKey& key, std::string_view plaintext, const FieldContext& context) {
  EnsureSodium();
  const std::string& key_id = key.id();
  if (key_id.size() > 255) throw std::invalid_argument("data key id longer than 255 bytes");
  std::size_t header = 2 + key_id.size();
  Bytes blob(header + kNonceSize + plaintext.size() + kTagSize);
  blob[0] = kFieldVersion;
  blob[1] = static_cast<std::uint8_t>(key_id.size());
  std::copy(key_id.begin(), key_id.end(), blob.begin() + 2);
  std::uint8_t* nonce = blob.data() + header;
  randombytes_buf(nonce, kNonceSize);
  std::string ad = FieldAssociatedData(context, key_id);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      nonce + kNonceSize, &length, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
      nonce, key.field_key().data());
  return blob;
}

std::optional<std::string> FieldKeyId(std::span<const std::uint8_t> blob) {
  if (blob.size() < 2 || blob[0] != kFieldVersion) return std::nullopt;
  std::size_t id_size = blob[1];
  if (blob.size() < 2 + id_size + kNonceSize + kTagSize) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(blob.data() + 2), id_size);
}

Result<std::string> DecryptField(const DataKey& key, std::span<const std::uint8_t> blob,
                                 const FieldContext& context) {
  EnsureSodium();
  std::optional<std::string> key_id = FieldKeyId(blob);
  if (!key_id) return Fail(DecryptProblem(context, "it is damaged or of an unknown version"));
  if (*key_id != key.id()) {
    return Fail(DecryptProblem(context, "it is under data key " + *key_id + ", not " + key.id()));
  }
  std::size_t header = 2 + key_id->size();
  const std::uint8_t* nonce = blob.data() + header;
  std::size_t cipher_size = blob.size() - header - kNonceSize;
  std::string plaintext(cipher_size - kTagSize, '\0');
  std::string ad = FieldAssociatedData(context, *key_id);
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()),
                                                 &length, nullptr, nonce + kNonceSize, cipher_size,
                                                 reinterpret_cast<const unsigned char*>(ad.data()),
                                                 ad.size(), nonce, key.field_key().data()) != 0) {
    return Fail(DecryptProblem(context,
                               "it was altered, or belongs to another row, column or "
                               "table"));
  }
  plaintext.resize(length);
  return plaintext;
}

std::string DecryptStoredField(const DataKey& key, std::span<const std::uint8_t> blob,
                               const FieldContext& context) {
  auto plain = DecryptField(key, blob, context);
  if (!plain) {
    throw std::runtime_error(std::string(context.table) + " " + std::string(context.row_id) + ": " +
                             plain.error().message);
  }
  return std::move(*plain);
}

}  // namespace waymark::crypto
