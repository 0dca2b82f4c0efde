// Small text rules for what people type, shared by every feature's forms. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace waymark {

// Without leading and trailing white space (space, tab, line breaks, form feed, vertical tab).
std::string Trim(std::string_view text);
// Unicode code points in UTF-8 (what a person counts as characters, near enough): every code
// point has exactly one byte that is not a continuation byte (10xxxxxx).
size_t CountCharacters(std::string_view utf8);
// ASCII letters only (codes, emails, references); other bytes are kept as they are.
std::string AsciiLower(std::string_view text);
std::string AsciiUpper(std::string_view text);

}  // namespace waymark
