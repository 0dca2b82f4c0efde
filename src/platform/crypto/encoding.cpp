#include "platform/crypto/encoding.hpp"

#include <sodium.h>

namespace waymark::crypto {

namespace {

std::string EncodeBase64(std::span<const std::uint8_t> bytes, int variant) {
  EnsureSodium();
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
  out.resize(out.size() - 1);  // sodium writes a terminating NUL
  return out;
}

// Decodes into `out` (sized for the worst case); returns the decoded length or nullopt.
std::optional<std::size_t> DecodeBase64Into(std::string_view text, std::uint8_t* out,
                                            std::size_t capacity) {
  EnsureSodium();
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out, capacity, text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  if (end != text.data() + text.size()) return std::nullopt;  // trailing garbage
  return length;
}

}  // namespace

std::string ToHex(std::span<const std::uint8_t> bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::optional<Bytes> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  Bytes out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]);
    int lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
  }
  return out;
}

std::string ToBase64(std::span<const std::uint8_t> bytes) {
  return EncodeBase64(bytes, sodium_base64_VARIANT_ORIGINAL);
}

std::string ToBase64Url(std::span<const std::uint8_t> bytes) {
  return EncodeBase64(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<Bytes> FromBase64(std::string_view text) {
  Bytes out(text.size() / 4 * 3 + 3);
  auto length = DecodeBase64Into(text, out.data(), out.size());
  if (!length) return std::nullopt;
  out.resize(*length);
  return out;
}

std::optional<SecretBytes> SecretFromBase64(std::string_view text) {
  SecretBytes buffer(text.size() / 4 * 3 + 3);
  auto length = DecodeBase64Into(text, buffer.data(), buffer.size());
  if (!length) return std::nullopt;
  return SecretBytes(buffer.span().first(*length));
}

}  // namespace waymark::crypto
