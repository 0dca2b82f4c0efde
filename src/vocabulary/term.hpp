// A coded value from a controlled list, and the checks every list shares. Records store the
// code (stable, language-neutral); pages show the label. Codes are matched exactly: "Active"
// is a code, "active" is not, so a stored value means one thing forever.
// Thread safety: pure functions over static tables; safe from any thread.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/util/problem.hpp"

namespace waymark::vocabulary {

struct Term {
  std::string_view code;   // stored in records and sent by forms
  std::string_view label;  // shown to people
};

// The term with exactly this code, or nullptr.
const Term* FindTerm(std::span<const Term> terms, std::string_view code);

// The label for `code`, or empty if the list has no such code.
std::string_view TermLabel(std::span<const Term> terms, std::string_view code);

// The codes in `codes` that the list lacks, in the order given, each once. Empty means every
// code is known.
std::vector<std::string_view> UnknownCodes(std::span<const Term> terms,
                                           std::span<const std::string_view> codes);

// Checks the codes a form sent for one field (a multi-select sends several). On success: the
// chosen codes in the list's own order, each once, viewing the list's static strings (so they
// outlive the request). On failure: Problem::Invalid for `field` naming the unknown codes.
// An empty choice is valid here; whether an answer is required is the caller's rule.
Result<std::vector<std::string_view>> CheckCodes(std::span<const Term> terms,
                                                 std::span<const std::string_view> codes,
                                                 std::string field);

}  // namespace waymark::vocabulary
