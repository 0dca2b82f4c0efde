#include "platform/crypto/totp.hpp"

#include <gtest/gtest.h>

#include "platform/crypto/encoding.hpp"

namespace waymark::crypto {
namespace {

using std::chrono::seconds;

TimePoint At(std::int64_t unix_seconds) { return TimePoint(seconds(unix_seconds)); }

// RFC 6238 appendix B, SHA-1 rows. The T = 20000000000 row is left out: that instant is past
// what std::chrono::system_clock (nanoseconds, 64-bit) can represent.
TEST(Totp, MatchesRfc6238Sha1Vectors) {
  std::span<const std::uint8_t> secret = AsBytes("12345678901234567890");
  struct Row {
    std::int64_t time;
    const char* code;
  };
  for (Row row : {Row{59, "94287082"}, Row{1111111109, "07081804"}, Row{1111111111, "14050471"},
                  Row{1234567890, "89005924"}, Row{2000000000, "69279037"}}) {
    EXPECT_EQ(TotpCode(secret, At(row.time), 8), row.code) << row.time;
    // Six-digit codes are the low six digits of the same value.
    EXPECT_EQ(TotpCode(secret, At(row.time)), std::string(row.code).substr(2)) << row.time;
  }
}

TEST(Totp, StepIsFloorOfThirtySeconds) {
  EXPECT_EQ(TotpStep(At(0)), 0);
  EXPECT_EQ(TotpStep(At(29)), 0);
  EXPECT_EQ(TotpStep(At(30)), 1);
  EXPECT_EQ(TotpStep(At(59) + std::chrono::milliseconds(999)), 1);
  EXPECT_EQ(TotpStep(At(-1)), -1);
}

TEST(Totp, AcceptsOneStepOfDriftEitherSide) {
  SecretBytes secret = NewTotpSecret();
  EXPECT_EQ(secret.size(), 20u);
  TimePoint now = At(1'700'000'000);
  std::int64_t step = TotpStep(now);
  EXPECT_EQ(VerifyTotp(secret.span(), TotpCode(secret.span(), now), now, std::nullopt), step);
  EXPECT_EQ(
      VerifyTotp(secret.span(), TotpCode(secret.span(), now - seconds(30)), now, std::nullopt),
      step - 1);
  EXPECT_EQ(
      VerifyTotp(secret.span(), TotpCode(secret.span(), now + seconds(30)), now, std::nullopt),
      step + 1);
  for (int off_by : {-90, -60, 60, 90}) {
    EXPECT_FALSE(VerifyTotp(secret.span(), TotpCode(secret.span(), now + seconds(off_by)), now,
                            std::nullopt))
        << off_by;
  }
}

TEST(Totp, RefusesReplayOfAUsedStep) {
  SecretBytes secret = NewTotpSecret();
  TimePoint now = At(1'700'000'000);
  std::string code = TotpCode(secret.span(), now);
  auto step = VerifyTotp(secret.span(), code, now, std::nullopt);
  ASSERT_TRUE(step.has_value());
  EXPECT_FALSE(VerifyTotp(secret.span(), code, now, step));
  EXPECT_FALSE(VerifyTotp(secret.span(), code, now + seconds(10), step));
  // An older code within the drift window is refused once a later step was used.
  std::string previous = TotpCode(secret.span(), now - seconds(30));
  EXPECT_FALSE(VerifyTotp(secret.span(), previous, now, step));
  // The next step's code is still fine.
  std::string next = TotpCode(secret.span(), now + seconds(30));
  EXPECT_EQ(VerifyTotp(secret.span(), next, now + seconds(30), step), *step + 1);
}

TEST(Totp, RefusesWrongSecretAndMalformedCodes) {
  SecretBytes secret = NewTotpSecret();
  TimePoint now = At(1'700'000'000);
  std::string code = TotpCode(secret.span(), now);
  EXPECT_FALSE(VerifyTotp(NewTotpSecret().span(), code, now, std::nullopt));
  EXPECT_FALSE(VerifyTotp(secret.span(), code.substr(1), now, std::nullopt));
  EXPECT_FALSE(VerifyTotp(secret.span(), code + "0", now, std::nullopt));
  EXPECT_FALSE(VerifyTotp(secret.span(), " " + code.substr(1), now, std::nullopt));
  EXPECT_FALSE(VerifyTotp(secret.span(), "", now, std::nullopt));
}

TEST(Totp, Base32AndOtpauthUri) {
  EXPECT_EQ(Base32(AsBytes("12345678901234567890")), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(Base32(AsBytes("f")), "MY");  // RFC 4648 vector, padding removed
  EXPECT_EQ(OtpauthUri("Waymark Hull", "sam@example.org", AsBytes("12345678901234567890")),
            "otpauth://totp/Waymark%20Hull:sam%40example.org"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Waymark%20Hull"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(OtpauthUri("A&B", "x:y?z", AsBytes("f")),
            "otpauth://totp/A%26B:x%3Ay%3Fz?secret=MY&issuer=A%26B"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace waymark::crypto
