#include "platform/crypto/keyring.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace waymark::crypto {

namespace {

Problem KeyringProblem(std::string message) {
  return Problem{ProblemKind::kInvalid, std::move(message), {}};
}

std::string NewKekId(const std::vector<Kek>& existing) {
  for (;;) {
    std::array<std::uint8_t, 8> random;
    randombytes_buf(random.data(), random.size());
    std::string id = "kek-" + ToHex(random);
    bool taken =
        std::any_of(existing.begin(), existing.end(), [&](const Kek& kek) { return kek.id == id; });
    if (!taken) return id;
  }
}

Result<void> CheckLength(const SecretBytes& key, std::size_t expected, std::string_view what) {
  if (key.size() == expected) return {};
  return Fail(KeyringProblem(std::string(what) + " must be " + std::to_string(expected) +
                             " bytes but is " + std::to_string(key.size()) +
                             " bytes; the key file is damaged or was edited by hand"));
}

}  // namespace

bool IsValidKekId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

Keyring Keyring::Generate() {
  EnsureSodium();
  Keyring keyring;
  std::string id = NewKekId(keyring.keks_);
  keyring.keks_.push_back(Kek{id, SecretBytes::Random(kKekSize)});
  keyring.current_kek_id_ = std::move(id);
  keyring.password_pepper_ = SecretBytes::Random(kPepperSize);
  keyring.audit_mac_key_ = SecretBytes::Random(kAuditMacKeySize);
  keyring.audit_signing_seed_ = SecretBytes::Random(kSigningSeedSize);
  return keyring;
}

Result<Keyring> Keyring::FromParts(std::vector<Kek> keks, std::string current_kek_id,
                                   SecretBytes password_pepper, SecretBytes audit_mac_key,
                                   SecretBytes audit_signing_seed) {
  if (keks.empty()) return Fail(KeyringProblem("the key file holds no key-encryption key"));
  for (std::size_t i = 0; i < keks.size(); ++i) {
    const Kek& kek = keks[i];
    if (!IsValidKekId(kek.id)) {
      return Fail(KeyringProblem("key-encryption key id \"" + kek.id +
                                 "\" is not valid: use 1 to 64 letters, digits, '.', '_' or '-'"));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (keks[j].id == kek.id) {
        return Fail(KeyringProblem("key-encryption key id \"" + kek.id + "\" appears twice"));
      }
    }
    auto ok = CheckLength(kek.key, kKekSize, "key-encryption key \"" + kek.id + "\"");
    if (!ok) return Fail(ok.error());
  }
  for (auto [key, size, what] :
       {std::tuple{&password_pepper, kPepperSize, "password_pepper"},
        std::tuple{&audit_mac_key, kAuditMacKeySize, "audit_mac_key"},
        std::tuple{&audit_signing_seed, kSigningSeedSize, "audit_signing_seed"}}) {
    auto ok = CheckLength(*key, size, what);
    if (!ok) return Fail(ok.error());
  }
  Keyring keyring;
  keyring.keks_ = std::move(keks);
  if (keyring.FindKek(current_kek_id) == nullptr) {
    return Fail(KeyringProblem("current_kek \"" + current_kek_id +
                               "\" names no key-encryption key in the key file"));
  }
  keyring.current_kek_id_ = std::move(current_kek_id);
  keyring.password_pepper_ = std::move(password_pepper);
  keyring.audit_mac_key_ = std::move(audit_mac_key);
  keyring.audit_signing_seed_ = std::move(audit_signing_seed);
  return keyring;
}

const Kek& Keyring::current_kek() const {
  const Kek* kek = FindKek(current_kek_id_);
  // FromParts, Generate and RemoveKek keep the current id valid; anything else is a bug.
  if (kek == nullptr) throw std::logic_error("keyring has no current key-encryption key");
  return *kek;
}

const Kek* Keyring::FindKek(std::string_view id) const {
  for (const Kek& kek : keks_) {
    if (kek.id == id) return &kek;
  }
  return nullptr;
}

Bytes Keyring::audit_public_key() const {
  EnsureSodium();
  Bytes public_key(crypto_sign_PUBLICKEYBYTES);
  SecretBytes secret_key(crypto_sign_SECRETKEYBYTES);
  crypto_sign_seed_keypair(public_key.data(), secret_key.data(), audit_signing_seed_.data());
  return public_key;
}

const std::string& Keyring::AddKek() {
  EnsureSodium();
  std::string id = NewKekId(keks_);
  keks_.push_back(Kek{id, SecretBytes::Random(kKekSize)});
  current_kek_id_ = std::move(id);
  return current_kek_id_;
}

Result<void> Keyring::RemoveKek(std::string_view id) {
  if (id == current_kek_id_) {
    return Fail(KeyringProblem("key-encryption key \"" + std::string(id) +
                               "\" is the current one and cannot be removed; add a new key "
                               "and rewrap the data keys first"));
  }
  auto it = std::find_if(keks_.begin(), keks_.end(), [&](const Kek& kek) { return kek.id == id; });
  if (it == keks_.end()) {
    return Fail(
        Problem::NotFound("the key file holds no key-encryption key \"" + std::string(id) + "\""));
  }
  keks_.erase(it);
  return {};
}

}  // namespace waymark::crypto
