// Small text rules for what people type into identity forms.
#pragma once

#include <string>
#include <string_view>

namespace waymark::identity {

std::string Trim(std::string_view text);
size_t CountCharacters(std::string_view utf8);
// ASCII letters only (codes, emails, references); other bytes are kept as they are.
std::string AsciiLower(std::string_view text);
std::string AsciiUpper(std::string_view text);
// Lower-cased and trimmed; staff email addresses are compared this way.
std::string NormaliseEmail(std::string_view email);
// A plausible address: one @, something either side, a dot in the domain, no spaces, 254 max.
bool LooksLikeEmail(std::string_view email);

}  // namespace waymark::identity
