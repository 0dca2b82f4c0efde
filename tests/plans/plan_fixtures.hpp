// Test helpers: plans built through the real editing rules, and the message for one field.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plans/editing.hpp"
#include "plans/lifecycle.hpp"

namespace waymark::plans::testing {

using namespace std::chrono;

inline const Date kToday = sys_days(2025y / March / 10);

inline std::optional<std::string> MessageFor(const Problem& problem, std::string_view field) {
  for (const auto& error : problem.fields) {
    if (error.field == field) return error.message;
  }
  return std::nullopt;
}

inline GoalInput HousingGoal() {
  return {"Move into safe, settled housing",
          {"accommodation", "safety"},
          {{"Refer to the council's housing team", "Support worker", "2025-04-01", "not_started"},
           {"Attend the housing appointment", "Ana", "2025-04-15", "not_started"}}};
}

inline EvidenceInput EvidenceForPoint(int point) {
  EvidenceInput input{"Evidence for point " + std::to_string(point), "", ""};
  if (point == kRightsInformationPoint) {
    input.language = "sqi";
    input.format = "written";
  }
  return input;
}

// A draft with everything agreeing needs: a goal with actions, all twenty points, a review.
inline Plan CompleteDraft() {
  Plan plan;
  plan = AddGoal(plan, HousingGoal()).value();
  for (int point = 1; point <= kSfjbms05PointCount; ++point) {
    plan = RecordEvidence(plan, point, EvidenceForPoint(point)).value();
  }
  plan = SetReviewDate(plan, "2025-06-10", kToday).value();
  return plan;
}

inline AgreementInput ValidAgreement() { return {"2025-03-10", "in_person", "sqi", "yes"}; }

inline Plan AgreedPlan() {
  return Agree(CompleteDraft(), ValidAgreement(), "worker-1", kToday).value();
}

inline Plan ApprovedPlan() { return Approve(AgreedPlan(), "manager-1", kToday).value(); }

}  // namespace waymark::plans::testing
