// QR codes for TOTP enrolment, as a matrix of modules. Rendering (SVG) belongs to the HTML layer's
// typed builder, so no markup is produced here.
// Thread safety: pure function (libqrencode's encoder is reentrant).
#pragma once

#include <string_view>
#include <vector>

#include "platform/util/problem.hpp"

namespace waymark::crypto {

struct QrMatrix {
  int size = 0;            // modules per side, without the quiet zone (renderers add 4)
  std::vector<bool> dark;  // size * size, row-major: dark[y * size + x]

  bool IsDark(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Byte mode, error correction level M. Fails if the text is too long for any QR version.
Result<QrMatrix> EncodeQr(std::string_view text);

}  // namespace waymark::crypto
