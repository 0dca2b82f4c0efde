// ValidateRiskAssessment: see model.hpp for the rules.
#include <array>

#include "assessments/form_rules.hpp"
#include "assessments/model.hpp"

namespace waymark::assessments {

namespace {

constexpr size_t kRiskKindCount = 6;

std::string Field(RiskKind kind, std::string_view part) {
  return "risks-" + std::string(Code(kind)) + "-" + std::string(part);
}

std::string Capitalised(std::string_view phrase) {
  std::string out(phrase);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// Reads the ratings into one slot per kind; a slot stays empty when its rating is missing
// or invalid.
std::array<std::optional<RiskRating>, kRiskKindCount> ReadRatings(
    FieldErrors& errors, const std::vector<RiskInput>& inputs) {
  std::array<std::optional<RiskRating>, kRiskKindCount> ratings;
  std::array<bool, kRiskKindCount> seen{};
  for (const auto& input : inputs) {
    std::string code = Trim(input.kind);
    std::optional<RiskKind> kind = ParseRiskKind(code);
    if (!kind) {
      errors.Add("risks", "The form sent an unknown risk (" + code.substr(0, 40) +
                              "): reload the page and try again");
      continue;
    }
    size_t slot = static_cast<size_t>(*kind);
    if (seen[slot]) {
      errors.Add(Field(*kind, "level"),
                 Capitalised(Phrase(*kind)) + " was sent twice: reload the page and try again");
      ratings[slot].reset();
      continue;
    }
    seen[slot] = true;
    auto level = ReadChoice<RiskLevel>(errors, Field(*kind, "level"), input.level, ParseRiskLevel,
                                       "Select the level of " + std::string(Phrase(*kind)));
    // A medium or high risk needs words: what the risk is and what keeps the person safe.
    bool serious = level && *level >= RiskLevel::kMedium;
    std::string notes = ReadText(errors, Field(*kind, "notes"), input.notes,
                                 "Notes on " + std::string(Phrase(*kind)), kMaxRiskNotes,
                                 serious ? "Describe " + std::string(Phrase(*kind)) : "");
    if (level) ratings[slot] = RiskRating{*kind, *level, std::move(notes)};
  }
  for (RiskKind kind : AllRiskKinds()) {
    if (!seen[static_cast<size_t>(kind)]) {
      errors.Add(Field(kind, "level"), "Select the level of " + std::string(Phrase(kind)));
    }
  }
  return ratings;
}

}  // namespace

Result<RiskAssessment> ValidateRiskAssessment(const RiskAssessmentInput& input, Date today,
                                              const RiskReviewPolicyTable& policies) {
  FieldErrors errors;
  RiskAssessment out{};

  auto assessed_on = ReadDate(errors, "assessed_on", input.assessed_on, "Date of the assessment",
                              "Enter the date of the assessment");
  std::optional<RiskReviewPolicy> policy;
  if (assessed_on && *assessed_on > today) {
    errors.Add("assessed_on", "Date of the assessment must be today or in the past");
  } else if (assessed_on) {
    policy = policies.On(*assessed_on);
    if (!policy) {
      errors.Add("assessed_on", "Date of the assessment must be on or after " +
                                    FormatDateForPeople(policies.rows().front().in_force_from) +
                                    ", when the review policy starts");
    }
  }

  auto ratings = ReadRatings(errors, input.risks);
  for (const auto& rating : ratings) {
    if (rating) out.risks.push_back(*rating);
  }

  auto overall = ReadChoice<OverallRisk>(errors, "overall", input.overall, ParseOverallRisk,
                                         "Select the overall level of risk");
  if (overall) {
    // The first rating at the highest level names the reason in the message.
    const RiskRating* highest = nullptr;
    for (const auto& rating : out.risks) {
      if (!highest || rating.level > highest->level) highest = &rating;
    }
    if (highest && AsRiskLevel(*overall) < highest->level) {
      std::string level(Code(highest->level));
      errors.Add("overall",
                 "Overall risk must be " +
                     std::string(highest->level == RiskLevel::kHigh ? "high" : "medium or high") +
                     ", because " + std::string(Phrase(highest->kind)) + " is " + level);
    }
  }

  auto review_on = ReadDate(errors, "review_on", input.review_on, "Review date",
                            "Enter the date of the next review");
  if (review_on && assessed_on) {
    if (*review_on <= *assessed_on) {
      errors.Add("review_on", "Review date must be after the date of the assessment");
    } else if (policy && overall) {
      Date latest = LatestReviewDate(*policy, *assessed_on, *overall);
      if (*review_on > latest) {
        int months = policy->MaxMonths(*overall);
        errors.Add("review_on", "Review date must be on or before " + FormatDateForPeople(latest) +
                                    ": " + std::string(Code(*overall)) +
                                    " overall risk is reviewed within " + std::to_string(months) +
                                    (months == 1 ? " month" : " months"));
      }
    }
  }

  if (!errors.empty()) return Fail(errors.ToProblem());
  out.assessed_on = *assessed_on;
  out.overall = *overall;
  out.review_on = *review_on;
  return out;
}

}  // namespace waymark::assessments
