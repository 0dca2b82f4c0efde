// Waymark's own lists for UK case facts that HTCDS 2.0 has no field for. These are NOT part
// of the IOM standard: their field names carry the prefix "wmk_" so an export can never pass
// them off as HTCDS data. The codes are stored in records; never change or reuse one.
// Thread safety: static tables and pure functions; safe from any thread.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary/term.hpp"

namespace waymark::vocabulary {

enum class UkVocabulary {
  kExploitationLocation,  // wmk_ExploitationLocation: uk, overseas, both, unknown
  kClosureReason,         // wmk_ClosureReason: why a case reached cas_Status Closed/ClosedReferred
};

inline constexpr std::array kAllUkVocabularies = {
    UkVocabulary::kExploitationLocation,
    UkVocabulary::kClosureReason,
};

std::span<const Term> Terms(UkVocabulary vocabulary);

// "wmk_ExploitationLocation" or "wmk_ClosureReason".
std::string_view FieldName(UkVocabulary vocabulary);

const Term* FindTerm(UkVocabulary vocabulary, std::string_view code);
std::string_view TermLabel(UkVocabulary vocabulary, std::string_view code);

// Both lists are single-select: at most one code.
Result<std::vector<std::string_view>> CheckCodes(UkVocabulary vocabulary,
                                                 std::span<const std::string_view> codes,
                                                 std::string field);

// The HTCDS cas_Status code a case closed for `reason` takes: "ClosedReferred" when someone
// else now supports the person (referred_to_other_service, transferred_to_other_provider),
// "Closed" for every other reason, and empty for an unknown reason.
std::string_view CaseStatusForClosure(std::string_view reason);

}  // namespace waymark::vocabulary
