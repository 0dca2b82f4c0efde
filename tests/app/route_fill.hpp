// Filling a route pattern's captures, for tests that walk the router's routes.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace waymark::app::testing {

// One capture of a pattern: "{name:type}" ("any" when no type is given), and the path filled so
// far, up to the capture's "/".
struct Capture {
  std::string_view name;
  std::string_view type;
  std::string_view before;
};

// `pattern` with each capture replaced by value(capture).
inline std::string FillCaptures(std::string_view pattern,
                                const std::function<std::string(const Capture&)>& value) {
  std::string out;
  std::size_t at = 0;
  while (at < pattern.size()) {
    std::size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) {
      out += pattern.substr(at);
      break;
    }
    out += pattern.substr(at, open - at);
    std::size_t close = pattern.find('}', open);
    std::string_view capture = pattern.substr(open + 1, close - open - 1);
    std::size_t colon = capture.find(':');
    Capture c{capture.substr(0, colon),
              colon == std::string_view::npos ? "any" : capture.substr(colon + 1), out};
    out += value(c);
    at = close + 1;
  }
  return out;
}

}  // namespace waymark::app::testing
