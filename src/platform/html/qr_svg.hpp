// Renders a QR code (e.g. from libqrencode) as inline SVG built with the typed builder.
#pragma once

#include <string_view>
#include <vector>

#include "platform/html/node.hpp"

namespace waymark::html {

// `dark` holds size*size modules, row by row, true for dark. Adds the 4-module quiet zone the
// QR specification asks for. `label` is the accessible name (role="img"). The svg has class
// "waymark-qr" (200px square in our stylesheet). Throws std::invalid_argument when
// size <= 0 or dark.size() != size*size.
Node QrSvg(int size, const std::vector<bool>& dark, std::string_view label = "QR code");

}  // namespace waymark::html
