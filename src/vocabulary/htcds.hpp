// Picklists of the IOM Human Trafficking Case Data Standard 2.0 (HTCDS, CC BY 4.0), the
// vocabulary case records use for trafficking facts, so Waymark's data can be compared with
// and reported to others who use the standard. The tables are transcribed from
// ../shared/standards/htcds-2.0/htcds-field-standards-2.0.csv in the standard's order, with
// the stray spaces and non-breaking spaces of the source cells trimmed; htcds_test.cpp checks
// every code and label against that file. Codes are kept as the standard spells them, even
// "Unaquainted".
// Thread safety: static tables and pure functions; safe from any thread.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary/term.hpp"

namespace waymark::vocabulary {

enum class Vocabulary {
  kTypeOfExploitation,        // vic_TypeOfExploitation, multi-select
  kForcedLabourIndustry,      // vic_ForcedLabourIndustry (ISIC sections A to U)
  kMethodsOfControl,          // vic_MethodsOfControl, multi-select
  kMethodOfRecruitment,       // vic_MethodOfRecruitment, multi-select
  kRelationshipToTrafficker,  // vic_RelationshipToTrafficker
  kTypeOfSexExploitation,     // vic_TypeOfSexExploitation, multi-select
  kVulnerabilities,           // vic_Vulnerabilities, multi-select
  kGender,                    // prs_Gender
  kCaseStatus,                // cas_Status
};

inline constexpr std::array kAllVocabularies = {
    Vocabulary::kTypeOfExploitation,
    Vocabulary::kForcedLabourIndustry,
    Vocabulary::kMethodsOfControl,
    Vocabulary::kMethodOfRecruitment,
    Vocabulary::kRelationshipToTrafficker,
    Vocabulary::kTypeOfSexExploitation,
    Vocabulary::kVulnerabilities,
    Vocabulary::kGender,
    Vocabulary::kCaseStatus,
};

// The list's terms in the standard's order (the order to show them in).
std::span<const Term> Terms(Vocabulary vocabulary);

// The HTCDS field name including its prefix, e.g. "vic_TypeOfExploitation".
std::string_view FieldName(Vocabulary vocabulary);

// True for the standard's "Multiselect Picklist" fields, where a record holds several codes.
bool AllowsSeveral(Vocabulary vocabulary);

const Term* FindTerm(Vocabulary vocabulary, std::string_view code);
std::string_view TermLabel(Vocabulary vocabulary, std::string_view code);
std::vector<std::string_view> UnknownCodes(Vocabulary vocabulary,
                                           std::span<const std::string_view> codes);

// CheckCodes (term.hpp) for this list, plus: a single-select field accepts at most one code.
// `field` is the form field to attach an error to.
Result<std::vector<std::string_view>> CheckCodes(Vocabulary vocabulary,
                                                 std::span<const std::string_view> codes,
                                                 std::string field);

}  // namespace waymark::vocabulary
