// Small text rules for what people type into identity forms.
#pragma once

#include <string>
#include <string_view>

#include "platform/util/text.hpp"

namespace waymark::identity {

// Trim, CountCharacters, AsciiLower and AsciiUpper are platform/util/text.hpp's.
// Lower-cased and trimmed; staff email addresses are compared this way.
std::string NormaliseEmail(std::string_view email);
// A plausible address: one @, something either side, a dot in the domain, no spaces, 254 max.
bool LooksLikeEmail(std::string_view email);

}  // namespace waymark::identity
