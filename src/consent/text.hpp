// Small text rules for what people type into consent and disclosure forms. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "platform/util/text.hpp"

namespace waymark::consent {

// Longest organisation name, and longest free text (notes, what was shared, reasons), counted in
// characters (UTF-8 code points), not bytes. The HTTP form layer has already refused invalid
// UTF-8 and control characters other than tab, CR and LF.
inline constexpr size_t kMaxNameCharacters = 200;
inline constexpr size_t kMaxTextCharacters = 2000;

// Trim and CountCharacters are platform/util/text.hpp's.

// The key two organisation names are compared by: trimmed, runs of white space as one space,
// ASCII letters in lower case ("  British  Red Cross " == "british red cross"). Letters outside
// ASCII compare exactly: util has no ICU, and a mismatch only ever refuses, never permits.
std::string OrganisationKey(std::string_view name);
bool SameOrganisation(std::string_view a, std::string_view b);

// A count as people read it in a message: 2000 as "2,000".
std::string WithThousands(size_t n);

}  // namespace waymark::consent
