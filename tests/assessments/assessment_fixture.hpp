// A case opened by a support worker of Harbour (see case_fixture.hpp), the assessment service,
// and a needs and a risk assessment as a form would send them, on SQLite and PostgreSQL.
// The manual clock starts on Monday 4 March 2024 (London), so "today" is 2024-03-04.
#pragma once

#include <string>

#include "assessments/service.hpp"
#include "tests/cases/case_fixture.hpp"

namespace waymark::assessments::testing {

class AssessmentTest : public cases::testing::CaseTest {
 protected:
  void SetUp() override {
    CaseTest::SetUp();
    if (IsSkipped()) return;
    case_ = CreateAmina();
  }

  AssessmentService service() { return AssessmentService(deps()); }
  cases::CaseService case_service() { return cases::CaseService(deps()); }

  static NeedsAssessmentInput SomeNeeds() {
    NeedsAssessmentInput in;
    in.kind = "full";
    in.mode = "in_person";
    in.assessed_on = "2024-03-04";
    in.needs = {
        {"safety", "immediate", "A safe place away from the house where she was held", "no"},
        {"legal_immigration", "short_term", "Advice from an immigration solicitor", "no"},
        {"mental_health", "long_term", "Counselling in Albanian", "yes"},
        {"safety", "short_term", "A phone the exploiters do not know", "yes"},
    };
    in.strengths = "Speaks three languages and is determined to work";
    return in;
  }

  // Every kind rated; re-trafficking at `top` (with notes), the others low or none.
  static RiskAssessmentInput SomeRisk(std::string top = "high",
                                      std::string review_on = "2024-05-31") {
    RiskAssessmentInput in;
    in.assessed_on = "2024-03-04";
    for (RiskKind kind : AllRiskKinds()) {
      in.risks.push_back({std::string(Code(kind)), kind == RiskKind::kHealth ? "none" : "low", ""});
    }
    in.risks[0].level = top;
    in.risks[0].notes = "Her former recruiter has been seen near the station";
    in.overall = top;
    in.review_on = std::move(review_on);
    return in;
  }

  StoredNeeds RecordNeeds(const identity::User& user, const NeedsAssessmentInput& in,
                          int based_on) {
    auto saved = service().RecordNeeds(ActorFor(user), case_.id, in, based_on, origin_);
    if (!saved) throw std::runtime_error("record needs: " + saved.error().message);
    return *saved;
  }

  StoredRisk RecordRisk(const identity::User& user, const RiskAssessmentInput& in, int based_on) {
    auto saved = service().RecordRisk(ActorFor(user), case_.id, in, based_on, origin_);
    if (!saved) throw std::runtime_error("record risk: " + saved.error().message);
    return *saved;
  }

  std::string StoredRiskLevel() {
    return db().Read([&](db::Tx& tx) {
      return tx.QueryOne("SELECT risk_level FROM cases WHERE id = ?", {case_.id})->text(0);
    });
  }

  int64_t AssessmentRows() {
    return Count("needs_assessments") + Count("needs_assessment_needs") +
           Count("risk_assessments") + Count("risk_assessment_ratings");
  }

  cases::Case case_;
};

}  // namespace waymark::assessments::testing
