// Byte-level text checks shared by the request, form and cookie parsers.
// Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace waymark::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as HTML forms encode).
// Returns nullopt for a malformed escape such as "%4" or "%zz".
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Well-formed UTF-8: no overlong forms, surrogates or code points above U+10FFFF.
bool IsValidUtf8(std::string_view text);

// True when `text` holds an ASCII control character other than tab, CR and LF.
bool HasControlCharacter(std::string_view text);

}  // namespace waymark::http
