#include "platform/html/inline_script.hpp"

#include <sodium.h>

#include <stdexcept>

namespace waymark::html {

std::string CspSha256(std::string_view text) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  return "'sha256-" + std::string(b64) + "'";
}

const std::vector<std::string>& InlineScriptCspHashes() {
  static const std::vector<std::string> hashes = {CspSha256(kBodyClassScript.view())};
  return hashes;
}

}  // namespace waymark::html
