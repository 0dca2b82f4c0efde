// An owning buffer for key material that is zeroed when it is destroyed or moved from.
// Ownership: move-only, so a secret has one owner and no stray copies. Use Clone() where a second
// copy is truly needed (it is explicit, so a reviewer sees it).
// Thread safety: like std::vector; concurrent const access is safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace waymark::crypto {

class SecretBytes {
 public:
  SecretBytes() = default;
  // `size` zero bytes.
  explicit SecretBytes(std::size_t size);
  // A copy of `bytes`; the caller remains responsible for zeroing its own copy.
  explicit SecretBytes(std::span<const std::uint8_t> bytes);
  // `size` bytes from the operating system's CSPRNG (libsodium randombytes).
  static SecretBytes Random(std::size_t size);

  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes();

  SecretBytes Clone() const;

  std::uint8_t* data() { return data_.get(); }
  const std::uint8_t* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const std::uint8_t> span() const { return {data_.get(), size_}; }
  // The bytes as a string_view, for APIs that take bytes that way. Do not copy it into a
  // std::string that outlives the call: that copy would not be zeroed.
  std::string_view view() const { return {reinterpret_cast<const char*>(data_.get()), size_}; }

 private:
  void Wipe() noexcept;

  std::unique_ptr<std::uint8_t[]> data_;
  std::size_t size_ = 0;
};

// Compares in time that depends only on the lengths, never on the contents.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

// Calls sodium_init() once; every function in this folder calls it, so callers need not.
void EnsureSodium();

}  // namespace waymark::crypto
