#include "platform/crypto/blind_index.hpp"

#include <sodium.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <stdexcept>

namespace waymark::crypto {

std::string NormaliseForSearch(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normaliser = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFKC_Casefold data unavailable: ") +
                             u_errorName(status));
  }
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  icu::UnicodeString folded = normaliser->normalize(input, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
  }
  // Whitespace is handled after folding, as NFKC turns some spaces (no-break space) into U+0020.
  icu::UnicodeString collapsed;
  bool pending_space = false;
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    UChar32 c = folded.char32At(i);
    if (u_isUWhiteSpace(c)) {
      pending_space = !collapsed.isEmpty();
      continue;
    }
    if (pending_space) collapsed.append(static_cast<UChar>(u' '));
    pending_space = false;
    collapsed.append(c);
  }
  std::string out;
  collapsed.toUTF8String(out);
  return out;
}

std::int64_t BlindIndex(const DataKey& key, std::string_view purpose, std::string_view value,
                        int bits) {
  if (bits < 1 || bits > 63) throw std::invalid_argument("blind index bits must be 1..63");
  EnsureSodium();
  std::string input = BindParts({"waymark.blind-index.v1", purpose, NormaliseForSearch(value)});
  std::array<std::uint8_t, crypto_generichash_BYTES_MIN> hash;
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), key.blind_index_key().data(), key.blind_index_key().size());
  sodium_memzero(input.data(), input.size());
  std::uint64_t number = 0;
  for (int i = 0; i < 8; ++i) number = number << 8 | hash[i];
  return static_cast<std::int64_t>(number >> (64 - bits));
}

}  // namespace waymark::crypto
