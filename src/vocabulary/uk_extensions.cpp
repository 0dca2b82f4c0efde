#include "vocabulary/uk_extensions.hpp"

#include <stdexcept>
#include <utility>

namespace waymark::vocabulary {
namespace {

// Where the exploitation took place, as the Home Office's NRM statistics report it (UK,
// overseas, both, not known); HTCDS records only countries.
constexpr Term kExploitationLocationTerms[] = {
    {"uk", "In the UK"},
    {"overseas", "Outside the UK"},
    {"both", "Both in the UK and outside the UK"},
    {"unknown", "Not known"},
};

// Why support ended. HTCDS has only the statuses Closed and ClosedReferred.
constexpr Term kClosureReasonTerms[] = {
    {"support_completed", "Support completed"},
    {"moved_on", "Moved on from support"},
    {"referred_to_other_service", "Referred to another service"},
    {"disengaged", "Stopped engaging with support"},
    {"left_the_uk", "Left the UK"},
    {"transferred_to_other_provider", "Transferred to another support provider"},
    {"died", "Died"},
    {"other", "Other"},
};

}  // namespace

std::span<const Term> Terms(UkVocabulary vocabulary) {
  switch (vocabulary) {
    case UkVocabulary::kExploitationLocation:
      return kExploitationLocationTerms;
    case UkVocabulary::kClosureReason:
      return kClosureReasonTerms;
  }
  throw std::logic_error("unknown UK vocabulary " + std::to_string(static_cast<int>(vocabulary)));
}

std::string_view FieldName(UkVocabulary vocabulary) {
  switch (vocabulary) {
    case UkVocabulary::kExploitationLocation:
      return "wmk_ExploitationLocation";
    case UkVocabulary::kClosureReason:
      return "wmk_ClosureReason";
  }
  throw std::logic_error("unknown UK vocabulary " + std::to_string(static_cast<int>(vocabulary)));
}

const Term* FindTerm(UkVocabulary vocabulary, std::string_view code) {
  return FindTerm(Terms(vocabulary), code);
}

std::string_view TermLabel(UkVocabulary vocabulary, std::string_view code) {
  return TermLabel(Terms(vocabulary), code);
}

Result<std::vector<std::string_view>> CheckCodes(UkVocabulary vocabulary,
                                                 std::span<const std::string_view> codes,
                                                 std::string field) {
  auto chosen = CheckCodes(Terms(vocabulary), codes, field);
  if (chosen && chosen->size() > 1) {
    return Fail(Problem::Invalid(std::move(field), "Select one option"));
  }
  return chosen;
}

std::string_view CaseStatusForClosure(std::string_view reason) {
  if (FindTerm(kClosureReasonTerms, reason) == nullptr) return {};
  if (reason == "referred_to_other_service" || reason == "transferred_to_other_provider") {
    return "ClosedReferred";
  }
  return "Closed";
}

}  // namespace waymark::vocabulary
