#include "platform/crypto/qr.hpp"

#include <string>

#include <gtest/gtest.h>

namespace waymark::crypto {
namespace {

// A QR symbol has a 7x7 finder pattern in three corners: a dark ring, a light ring, a dark 3x3.
void ExpectFinderAt(const QrMatrix& qr, int left, int top) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      EXPECT_EQ(qr.IsDark(left + x, top + y), ring || centre) << x << "," << y;
    }
  }
}

TEST(Qr, EncodesAnOtpauthUri) {
  auto qr = EncodeQr(
      "otpauth://totp/Waymark:sam%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
      "&issuer=Waymark&algorithm=SHA1&digits=6&period=30");
  ASSERT_TRUE(qr.has_value()) << qr.error().message;
  EXPECT_GE(qr->size, 21);
  EXPECT_EQ((qr->size - 17) % 4, 0);  // sizes are 17 + 4 * version
  EXPECT_EQ(qr->dark.size(), static_cast<std::size_t>(qr->size * qr->size));
  ExpectFinderAt(*qr, 0, 0);
  ExpectFinderAt(*qr, qr->size - 7, 0);
  ExpectFinderAt(*qr, 0, qr->size - 7);
}

TEST(Qr, LongerTextNeedsALargerSymbol) {
  auto small = EncodeQr("a");
  auto large = EncodeQr(std::string(500, 'a'));
  ASSERT_TRUE(small.has_value());
  ASSERT_TRUE(large.has_value());
  EXPECT_EQ(small->size, 21);
  EXPECT_GT(large->size, small->size);
}

TEST(Qr, RefusesTextTooLongForAnySymbol) {
  auto qr = EncodeQr(std::string(5000, 'x'));
  ASSERT_FALSE(qr.has_value());
  EXPECT_EQ(qr.error().kind, ProblemKind::kInvalid);
}

}  // namespace
}  // namespace waymark::crypto
