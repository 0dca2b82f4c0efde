#include "platform/html/qr_svg.hpp"

#include <stdexcept>
#include <string>

namespace waymark::html {

Node QrSvg(int size, const std::vector<bool>& dark, std::string_view label) {
  if (size <= 0 || dark.size() != static_cast<std::size_t>(size) * static_cast<std::size_t>(size)) {
    throw std::invalid_argument("QrSvg: dark must hold size*size modules");
  }
  constexpr int kQuiet = 4;
  const std::string full = std::to_string(size + 2 * kQuiet);
  // One path of unit squares keeps the markup small (a 33x33 code is ~600 dark modules).
  std::string d;
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      if (!dark[static_cast<std::size_t>(y) * size + x]) continue;
      d += 'M';
      d += std::to_string(x + kQuiet);
      d += ' ';
      d += std::to_string(y + kQuiet);
      d += "h1v1h-1z";
    }
  }
  return El("svg")
      .Attr("xmlns", "http://www.w3.org/2000/svg")
      .Attr("viewBox", "0 0 " + full + " " + full)
      .Attr("class", "waymark-qr")
      .Attr("role", "img")
      .Attr("aria-label", label)
      .Attr("shape-rendering", "crispEdges")
      .Add({El("rect").Attr("width", full).Attr("height", full).Attr("fill", "#ffffff"),
            El("path").Attr("d", d).Attr("fill", "#0b0c0c")});
}

}  // namespace waymark::html
