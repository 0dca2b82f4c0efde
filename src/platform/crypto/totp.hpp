// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) via liboath,
// and the otpauth:// URI that authenticator apps read from the enrolment QR code.
// Secrets are the raw bytes (pass SecretBytes::span(), or AsBytes() of a decrypted field).
// Thread safety: pure functions (liboath is initialised once, thread-safely).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "platform/crypto/secret_bytes.hpp"
#include "platform/util/clock.hpp"

namespace waymark::crypto {

inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// 20 random bytes (160 bits, the HMAC-SHA-1 block-size recommendation of RFC 4226).
SecretBytes NewTotpSecret();

// RFC 4648 base32, upper case, without padding: the form authenticator apps accept.
std::string Base32(std::span<const std::uint8_t> secret);

// otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
// with issuer and account percent-encoded (everything but RFC 3986 unreserved characters).
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::span<const std::uint8_t> secret);

// The 30-second step that `t` falls in (floor of Unix seconds / 30).
std::int64_t TotpStep(TimePoint t);

// The code for the step containing `at`. `digits` is 6 except in tests against RFC vectors.
std::string TotpCode(std::span<const std::uint8_t> secret, TimePoint at, int digits = kTotpDigits);

// Accepts `code` for the step of `now` or one step either side (clock drift), but never a step
// at or before `last_used_step` (replay). Returns the matched step, which the caller stores as the
// new last_used_step in the same transaction as the sign-in; nullopt if the code is refused.
std::optional<std::int64_t> VerifyTotp(std::span<const std::uint8_t> secret, std::string_view code,
                                       TimePoint now, std::optional<std::int64_t> last_used_step);

}  // namespace waymark::crypto
