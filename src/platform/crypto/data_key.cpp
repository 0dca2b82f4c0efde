#include "platform/crypto/data_key.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace waymark::crypto {

namespace {

constexpr std::uint8_t kWrapVersion = 1;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kBlobSize = 1 + kNonceSize + DataKey::kSize + kTagSize;

// crypto_kdf contexts are exactly 8 characters; sub-key ids make each key distinct per context.
constexpr char kKdfContext[] = "WaymarkD";
static_assert(sizeof kKdfContext == crypto_kdf_CONTEXTBYTES + 1);
constexpr std::uint64_t kFieldSubkey = 1;
constexpr std::uint64_t kBlindIndexSubkey = 2;

SecretBytes DeriveSubkey(const SecretBytes& key, std::uint64_t subkey_id) {
  SecretBytes subkey(32);
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), subkey_id, kKdfContext, key.data());
  return subkey;
}

std::string WrapAssociatedData(std::string_view org_id, std::string_view kek_id,
                               std::string_view key_id) {
  return BindParts({"waymark.data-key.v1", org_id, kek_id, key_id});
}

Problem UnwrapProblem(std::string message) {
  return Problem{ProblemKind::kInvalid, std::move(message), {}};
}

}  // namespace

std::string BindParts(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) {
    std::uint32_t size = static_cast<std::uint32_t>(part.size());
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(size >> shift));
    out.append(part);
  }
  return out;
}

DataKey DataKey::Generate() {
  EnsureSodium();
  std::array<std::uint8_t, 8> id;
  randombytes_buf(id.data(), id.size());
  return DataKey(ToHex(id), SecretBytes::Random(kSize));
}

DataKey::DataKey(std::string id, SecretBytes key) : id_(std::move(id)), key_(std::move(key)) {
  if (key_.size() != kSize) throw std::invalid_argument("a data key must be 32 bytes");
  EnsureSodium();
  field_key_ = DeriveSubkey(key_, kFieldSubkey);
  blind_index_key_ = DeriveSubkey(key_, kBlindIndexSubkey);
}

WrappedKey WrapDataKey(const Keyring& keyring, std::string_view org_id, const DataKey& key) {
  EnsureSodium();
  const Kek& kek = keyring.current_kek();
  WrappedKey wrapped{key.id(), kek.id, Bytes(kBlobSize)};
  std::uint8_t* out = wrapped.blob.data();
  out[0] = kWrapVersion;
  randombytes_buf(out + 1, kNonceSize);
  std::string ad = WrapAssociatedData(org_id, kek.id, key.id());
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + 1 + kNonceSize, &length, key.key().data(),
                                             key.key().size(),
                                             reinterpret_cast<const unsigned char*>(ad.data()),
                                             ad.size(), nullptr, out + 1, kek.key.data());
  return wrapped;
}

WrappedKey WrapNewDataKey(const Keyring& keyring, std::string_view org_id) {
  return WrapDataKey(keyring, org_id, DataKey::Generate());
}

Result<DataKey> UnwrapDataKey(const Keyring& keyring, std::string_view org_id,
                              const WrappedKey& wrapped) {
  EnsureSodium();
  const Kek* kek = keyring.FindKek(wrapped.kek_id);
  if (kek == nullptr) {
    return Fail(UnwrapProblem(
        "The data key of organisation " + std::string(org_id) +
        " is wrapped under key-encryption key \"" + wrapped.kek_id +
        "\", which is not in the key file. Restore the key file that holds it; it was removed "
        "before this data key was rewrapped."));
  }
  const Bytes& blob = wrapped.blob;
  if (blob.size() != kBlobSize || blob[0] != kWrapVersion) {
    return Fail(UnwrapProblem("The wrapped data key of organisation " + std::string(org_id) +
                              " is damaged (wrong length or unknown version)"));
  }
  SecretBytes key(DataKey::kSize);
  std::string ad = WrapAssociatedData(org_id, wrapped.kek_id, wrapped.key_id);
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          key.data(), &length, nullptr, blob.data() + 1 + kNonceSize, blob.size() - 1 - kNonceSize,
          reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), blob.data() + 1,
          kek->key.data()) != 0) {
    return Fail(UnwrapProblem("The wrapped data key of organisation " + std::string(org_id) +
                              " failed authentication: it was altered, or belongs to another "
                              "organisation or key"));
  }
  return DataKey(wrapped.key_id, std::move(key));
}

Result<WrappedKey> RewrapDataKey(const Keyring& keyring, std::string_view org_id,
                                 const WrappedKey& wrapped) {
  auto key = UnwrapDataKey(keyring, org_id, wrapped);
  if (!key) return Fail(key.error());
  return WrapDataKey(keyring, org_id, *key);
}

}  // namespace waymark::crypto
