#include "platform/crypto/totp.hpp"

#include <liboath/oath.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace waymark::crypto {

namespace {

void EnsureOath() {
  static const bool ready = [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath could not be initialised");
    return true;
  }();
  (void)ready;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    }
  }
  return out;
}

std::string CodeForStep(std::span<const std::uint8_t> secret, std::int64_t step, int digits) {
  EnsureOath();
  if (digits < 6 || digits > 8) throw std::invalid_argument("TOTP codes have 6 to 8 digits");
  char code[9] = {};
  int rc = oath_totp_generate(reinterpret_cast<const char*>(secret.data()), secret.size(),
                              static_cast<time_t>(step * kTotpStepSeconds), kTotpStepSeconds,
                              OATH_TOTP_DEFAULT_START_TIME, static_cast<unsigned>(digits), code);
  if (rc != OATH_OK) {
    throw std::runtime_error(std::string("liboath could not compute a TOTP code: ") +
                             oath_strerror(rc));
  }
  return code;
}

}  // namespace

SecretBytes NewTotpSecret() { return SecretBytes::Random(20); }

std::string Base32(std::span<const std::uint8_t> secret) {
  EnsureOath();
  char* encoded = nullptr;
  std::size_t length = 0;
  int rc = oath_base32_encode(reinterpret_cast<const char*>(secret.data()), secret.size(), &encoded,
                              &length);
  std::unique_ptr<char, decltype(&std::free)> owned(encoded, &std::free);
  if (rc != OATH_OK) throw std::runtime_error("liboath could not base32-encode");
  std::string out(encoded, length);
  out.erase(out.find_last_not_of('=') + 1);
  return out;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::span<const std::uint8_t> secret) {
  std::string encoded_issuer = PercentEncode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + PercentEncode(account) +
         "?secret=" + Base32(secret) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

std::int64_t TotpStep(TimePoint t) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
  auto step = seconds / kTotpStepSeconds;
  if (seconds % kTotpStepSeconds < 0) --step;  // floor, also before 1970
  return step;
}

std::string TotpCode(std::span<const std::uint8_t> secret, TimePoint at, int digits) {
  return CodeForStep(secret, TotpStep(at), digits);
}

std::optional<std::int64_t> VerifyTotp(std::span<const std::uint8_t> secret, std::string_view code,
                                       TimePoint now, std::optional<std::int64_t> last_used_step) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::int64_t current = TotpStep(now);
  for (std::int64_t step = current - 1; step <= current + 1; ++step) {
    if (last_used_step && step <= *last_used_step) continue;
    if (ConstantTimeEqual(code, CodeForStep(secret, step, kTotpDigits))) return step;
  }
  return std::nullopt;
}

}  // namespace waymark::crypto
