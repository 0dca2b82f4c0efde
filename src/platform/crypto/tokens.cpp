#include "platform/crypto/tokens.hpp"

#include "platform/crypto/encoding.hpp"
#include "platform/crypto/hashes.hpp"

namespace waymark::crypto {

std::string NewToken() {
  SecretBytes bytes = SecretBytes::Random(32);
  return ToBase64Url(bytes.span());
}

std::string HashToken(std::string_view token) { return Blake2bHex(token); }

}  // namespace waymark::crypto
