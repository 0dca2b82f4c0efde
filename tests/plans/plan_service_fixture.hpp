// The case fixture plus the plan service, and a plan built through it to the point of agreement.
#pragma once

#include <string>
#include <vector>

#include "plans/service.hpp"
#include "tests/cases/case_fixture.hpp"
#include "tests/plans/plan_fixtures.hpp"

namespace waymark::plans::testing {

using testing::MessageFor;

class PlanServiceTest : public cases::testing::CaseTest {
 protected:
  // The fixture's clock starts on 4 March 2024.
  static constexpr std::string_view kToday = "2024-03-04";
  static constexpr std::string_view kReviewOn = "2024-06-04";

  PlanService plans() { return PlanService(deps()); }

  static GoalInput Housing() {
    return {"Move into safe, settled housing",
            {"accommodation", "safety"},
            {{"Refer to the council's housing team", "Support worker", "2024-03-20", "not_started"},
             {"Attend the housing appointment", "Amina", "2024-04-02", "in_progress"}}};
  }

  static std::vector<PointInput> AllPoints(std::string_view text = "Recorded evidence") {
    std::vector<PointInput> points;
    for (int point = 1; point <= kSfjbms05PointCount; ++point) {
      EvidenceInput input{std::string(text) + " for point " + std::to_string(point), "", ""};
      if (point == kRightsInformationPoint) input = {std::string(text), "sqi", "written"};
      points.push_back({point, input});
    }
    return points;
  }

  static AgreementInput Agreement() { return {std::string(kToday), "in_person", "sqi", "yes"}; }

  template <class T>
  static T Ok(Result<T> result) {
    if (!result) throw std::runtime_error("expected success: " + result.error().message);
    return std::move(*result);
  }

  // A draft with a goal, all twenty points and a review date, by the worker.
  StoredPlan CompleteDraft(const std::string& case_id) {
    auto actor = ActorFor(worker_);
    StoredPlan plan = Ok(plans().Start(actor, case_id, origin_));
    plan = Ok(plans().SaveGoal(actor, case_id, std::nullopt, Housing(), plan.revision, origin_));
    plan = Ok(plans().RecordEvidence(actor, case_id, AllPoints(), plan.revision, origin_));
    return Ok(plans().SetReviewDate(actor, case_id, kReviewOn, plan.revision, origin_));
  }

  StoredPlan AgreedPlan(const std::string& case_id) {
    StoredPlan draft = CompleteDraft(case_id);
    return Ok(plans().Agree(ActorFor(worker_), case_id, Agreement(), draft.revision, origin_));
  }

  int64_t CountAudit(std::string_view action, std::string_view outcome) {
    int64_t n = 0;
    for (const auto& row : AuditRows()) n += row.action == action && row.outcome == outcome;
    return n;
  }
};

}  // namespace waymark::plans::testing
