#include "platform/crypto/secret_bytes.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>
#include <utility>

namespace waymark::crypto {

void EnsureSodium() {
  // sodium_init() is itself thread-safe and idempotent; the static only avoids repeated calls.
  static const bool ready = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)ready;
}

SecretBytes::SecretBytes(std::size_t size)
    : data_(size == 0 ? nullptr : new std::uint8_t[size]()), size_(size) {}

SecretBytes::SecretBytes(std::span<const std::uint8_t> bytes) : SecretBytes(bytes.size()) {
  if (!bytes.empty()) std::memcpy(data_.get(), bytes.data(), bytes.size());
}

SecretBytes SecretBytes::Random(std::size_t size) {
  EnsureSodium();
  SecretBytes out(size);
  if (size != 0) randombytes_buf(out.data(), size);
  return out;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::move(other.data_)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    Wipe();
    data_ = std::move(other.data_);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBytes::~SecretBytes() { Wipe(); }

SecretBytes SecretBytes::Clone() const { return SecretBytes(span()); }

void SecretBytes::Wipe() noexcept {
  if (data_) sodium_memzero(data_.get(), size_);
  data_.reset();
  size_ = 0;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  // The lengths of what is compared here (hashes, MACs, codes) are public; only contents are not.
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace waymark::crypto
