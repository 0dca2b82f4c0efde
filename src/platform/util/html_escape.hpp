// The one HTML escaper for attribute values and any text placed where quotes matter: &, <, >, "
// and ' become entities. The typed builder (platform/html) uses it for attributes; the HTTP
// layer uses it for its plain error pages, which are built before any page layout exists.
#pragma once

#include <string>
#include <string_view>

namespace waymark {

std::string EscapeHtml(std::string_view text);
// The same, appended to `out` (the page renderer writes into one buffer).
void AppendEscapedHtml(std::string& out, std::string_view text);

}  // namespace waymark
