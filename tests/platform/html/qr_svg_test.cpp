#include "platform/html/qr_svg.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace waymark::html {
namespace {

TEST(QrSvg, DrawsOneSquarePerDarkModuleInsideAQuietZone) {
  // 2x2: dark at (0,0) and (1,1).
  const std::string svg = QrSvg(2, {true, false, false, true}).Render();
  EXPECT_NE(svg.find("viewBox=\"0 0 10 10\""), std::string::npos);
  EXPECT_NE(svg.find("d=\"M4 4h1v1h-1zM5 5h1v1h-1z\""), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"QR code\""), std::string::npos);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(QrSvg, EscapesTheLabel) {
  const std::string svg = QrSvg(1, {true}, "a\"<b>").Render();
  EXPECT_NE(svg.find("aria-label=\"a&quot;&lt;b&gt;\""), std::string::npos);
}

TEST(QrSvg, RefusesModulesThatDoNotFitTheSize) {
  EXPECT_THROW(QrSvg(2, {true, false, true}), std::invalid_argument);
  EXPECT_THROW(QrSvg(0, {}), std::invalid_argument);
}

}  // namespace
}  // namespace waymark::html
