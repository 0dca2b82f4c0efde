// Record ids and the short references people see. Neither carries personal data.
#pragma once

#include <string>
#include <string_view>

namespace waymark {

// A random 128-bit id as 32 lowercase hex characters.
std::string NewId();
bool IsId(std::string_view text);

// "WM-7K3Q-9D2F": 40 random bits in Crockford base32 (no I, L, O, U), for people to read aloud.
std::string NewShortReference();
bool IsShortReference(std::string_view text);

}  // namespace waymark
