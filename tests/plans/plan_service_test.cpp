// The plan's use cases on both databases: the lifecycle from an empty draft to an approved plan
// and its next version, refusals (incomplete, stale, agreed, four eyes, access), and the audit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/plans/plan_service_fixture.hpp"

namespace waymark::plans::testing {
namespace {

using ::testing::HasSubstr;

class PlanLifecycleTest : public PlanServiceTest {
 protected:
  cases::CaseSection SectionOf(const std::string& case_id) {
    auto view = service().Open(ActorFor(worker_), case_id, origin_);
    if (!view) throw std::runtime_error(view.error().message);
    for (const auto& s : view->sections) {
      if (s.title == "Support and safety plan") return s;
    }
    throw std::runtime_error("no plan section");
  }
  cases::CaseService service() {
    cases::CaseService s(deps());
    AddPlanSection(s);
    return s;
  }
};

TEST_P(PlanLifecycleTest, ADraftIsAgreedApprovedAndRevisedIntoANewVersion) {
  auto c = CreateAmina();
  EXPECT_EQ(SectionOf(c.id).status, "Not started");
  auto none = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_FALSE(none.current);

  StoredPlan draft = CompleteDraft(c.id);
  EXPECT_EQ(draft.plan.status, PlanStatus::kDraft);
  EXPECT_EQ(SectionOf(c.id).status, "Draft");
  EXPECT_EQ(SectionOf(c.id).hint, "Review by 4 June 2024");
  EXPECT_EQ(db().Read([&](db::Tx& tx) { return tx.Query("SELECT 1 FROM case_deadlines").size(); }),
            0u);

  auto check = Ok(plans().CheckAnswers(ActorFor(worker_), c.id, origin_));
  EXPECT_TRUE(check.missing.empty());
  EXPECT_FALSE(check.rows.empty());

  StoredPlan agreed =
      Ok(plans().Agree(ActorFor(worker_), c.id, Agreement(), draft.revision, origin_));
  EXPECT_EQ(agreed.plan.status, PlanStatus::kAgreed);
  EXPECT_EQ(SectionOf(c.id).status, "Agreed, awaiting approval");
  // Once agreed, the plan's review date is kept for "my tasks"; a draft's is not.
  auto review_due = [&] {
    return db().Read([&](db::Tx& tx) {
      auto row = tx.QueryOne(
          "SELECT due_on FROM case_deadlines WHERE case_id = ? AND kind = 'plan.review'", {c.id});
      return row ? row->text(0) : std::string();
    });
  };
  EXPECT_EQ(review_due(), "2024-06-04");

  StoredPlan approved = Ok(plans().Approve(ActorFor(manager_), c.id, agreed.revision, origin_));
  EXPECT_EQ(approved.plan.status, PlanStatus::kApproved);
  auto section = SectionOf(c.id);
  EXPECT_EQ(section.status, "Approved");
  EXPECT_TRUE(section.done);

  // What was stored reads back whole, including how the person agreed.
  auto view = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  ASSERT_TRUE(view.current);
  const Plan& kept = view.current->plan;
  ASSERT_EQ(kept.goals.size(), 1u);
  EXPECT_EQ(kept.goals[0].text, "Move into safe, settled housing");
  ASSERT_EQ(kept.goals[0].actions.size(), 2u);
  EXPECT_EQ(kept.goals[0].actions[1].status, ActionStatus::kInProgress);
  ASSERT_TRUE(kept.EvidenceFor(5) && kept.EvidenceFor(5)->rights);
  EXPECT_EQ(kept.EvidenceFor(5)->rights->format, RightsFormat::kWritten);
  ASSERT_TRUE(kept.agreement);
  EXPECT_EQ(kept.agreement->agreed_by, worker_.id);
  EXPECT_EQ(kept.agreement->language, "sqi");
  EXPECT_TRUE(kept.agreement->interpreter_used);
  ASSERT_TRUE(kept.approval);
  EXPECT_EQ(kept.approval->approved_by, manager_.id);
  EXPECT_EQ(view.in_force_version, 1);
  EXPECT_EQ(view.NameOf(manager_.id), manager_.display_name);

  StoredPlan revised = Ok(plans().Revise(ActorFor(worker_), c.id, approved.revision, origin_));
  EXPECT_EQ(revised.plan.version, 2);
  EXPECT_EQ(revised.plan.status, PlanStatus::kDraft);
  EXPECT_EQ(revised.plan.goals.size(), 1u);
  auto [history_view, versions] = Ok(plans().Versions(ActorFor(worker_), c.id, origin_));
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].plan.status, PlanStatus::kApproved);
  EXPECT_EQ(versions[1].plan.status, PlanStatus::kDraft);
  EXPECT_EQ(history_view.in_force_version, 1);
  EXPECT_EQ(SectionOf(c.id).status, "Draft");

  // The new draft changes; the approved version does not.
  GoalInput work{"Find paid work", {"education_employment"}, {}};
  Ok(plans().SaveGoal(ActorFor(worker_), c.id, std::nullopt, work, revised.revision, origin_));
  auto v1 = Ok(plans().Version(ActorFor(worker_), c.id, 1, origin_));
  EXPECT_EQ(v1.current->plan.goals.size(), 1u);
  auto v2 = Ok(plans().Version(ActorFor(worker_), c.id, 2, origin_));
  EXPECT_EQ(v2.current->plan.goals.size(), 2u);
  EXPECT_EQ(plans().Version(ActorFor(worker_), c.id, 3, origin_).error().kind,
            ProblemKind::kNotFound);

  EXPECT_EQ(CountAudit("plan.agree", "success"), 1);
  EXPECT_EQ(CountAudit("plan.approve", "success"), 1);
  EXPECT_EQ(CountAudit("plan.revise", "success"), 1);
  EXPECT_GE(CountAudit("plan.edit", "success"), 5);
  EXPECT_GE(CountAudit("plan.view", "success"), 4);
}

TEST_P(PlanLifecycleTest, AnIncompletePlanCannotBeAgreedAndNothingChanges) {
  auto c = CreateAmina();
  auto actor = ActorFor(worker_);
  StoredPlan plan = Ok(plans().Start(actor, c.id, origin_));
  plan = Ok(plans().SaveGoal(actor, c.id, std::nullopt, Housing(), plan.revision, origin_));
  auto refused = plans().Agree(actor, c.id, Agreement(), plan.revision, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(refused.error().message, "The plan cannot be agreed yet");
  EXPECT_EQ(MessageFor(refused.error(), "evidence-3"),
            "Record evidence for point 3: Immediate needs met");
  EXPECT_TRUE(MessageFor(refused.error(), "review_on"));
  AgreementInput unknown = Agreement();
  unknown.language = "xqx";
  auto language = plans().Agree(actor, c.id, unknown, plan.revision, origin_);
  ASSERT_FALSE(language);
  EXPECT_TRUE(MessageFor(language.error(), "evidence-3"));
  EXPECT_THAT(MessageFor(language.error(), "language").value_or(""), HasSubstr("ISO 639-3"));
  auto now = Ok(plans().Current(actor, c.id, origin_));
  EXPECT_EQ(now.current->plan.status, PlanStatus::kDraft);
  EXPECT_EQ(now.current->revision, plan.revision);
  EXPECT_EQ(CountAudit("plan.agree", "success"), 0);
}

TEST_P(PlanLifecycleTest, InvalidEditsAreAllReportedAndChangeNothing) {
  auto c = CreateAmina();
  auto actor = ActorFor(worker_);
  StoredPlan plan = Ok(plans().Start(actor, c.id, origin_));
  GoalInput bad{"", {}, {{"Call the GP", "", "2024-02-30", "not_started"}}};
  auto refused = plans().SaveGoal(actor, c.id, std::nullopt, bad, plan.revision, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(MessageFor(refused.error(), "text"), "Enter the goal");
  EXPECT_TRUE(MessageFor(refused.error(), "domains"));
  EXPECT_TRUE(MessageFor(refused.error(), "actions-0-owner"));
  EXPECT_EQ(MessageFor(refused.error(), "actions-0-due_on"),
            "Due date of action 1 must be a real date");

  std::vector<PointInput> points{{3, {"Met", "", ""}}, {5, {"Leaflet", "", "carrier pigeon"}}};
  auto evidence = plans().RecordEvidence(actor, c.id, points, plan.revision, origin_);
  ASSERT_FALSE(evidence);
  EXPECT_TRUE(MessageFor(evidence.error(), "evidence-5-language"));
  EXPECT_TRUE(MessageFor(evidence.error(), "evidence-5-format"));
  std::vector<PointInput> unknown{{5, {"Leaflet", "xqx", "written"}}};
  auto language = plans().RecordEvidence(actor, c.id, unknown, plan.revision, origin_);
  ASSERT_FALSE(language);
  EXPECT_THAT(MessageFor(language.error(), "evidence-5-language").value_or(""),
              HasSubstr("ISO 639-3"));
  auto review = plans().SetReviewDate(actor, c.id, kToday, plan.revision, origin_);
  EXPECT_EQ(MessageFor(review.error(), "review_on"), "Review date must be in the future");

  auto now = Ok(plans().Current(actor, c.id, origin_));
  EXPECT_EQ(now.current->revision, plan.revision);
  EXPECT_TRUE(now.current->plan.goals.empty());
  EXPECT_FALSE(now.current->plan.EvidenceFor(3));  // point 3 was valid, but nothing is kept
}

TEST_P(PlanLifecycleTest, AStaleEditIsRefusedAndTheNewerChangeKept) {
  auto c = CreateAmina();
  auto actor = ActorFor(worker_);
  StoredPlan plan = Ok(plans().Start(actor, c.id, origin_));
  Ok(plans().SaveGoal(actor, c.id, std::nullopt, Housing(), plan.revision, origin_));
  GoalInput other{"Register with a GP", {"physical_health"}, {}};
  auto stale =
      plans().SaveGoal(ActorFor(manager_), c.id, std::nullopt, other, plan.revision, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(stale.error().message, kStalePlan);
  auto now = Ok(plans().Current(actor, c.id, origin_));
  ASSERT_EQ(now.current->plan.goals.size(), 1u);
  EXPECT_EQ(now.current->plan.goals[0].text, "Move into safe, settled housing");
}

TEST_P(PlanLifecycleTest, AnAgreedPlanIsImmutableInTheServiceAndInTheDatabase) {
  auto c = CreateAmina();
  StoredPlan agreed = AgreedPlan(c.id);
  auto changed =
      plans().SaveGoal(ActorFor(worker_), c.id, std::nullopt, Housing(), agreed.revision, origin_);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(changed.error().message, HasSubstr("cannot be changed"));
  EXPECT_EQ(plans().Start(ActorFor(worker_), c.id, origin_).error().message, kPlanExists);
  // Even SQL that bypasses the service cannot rewrite or delete the agreed row.
  EXPECT_ANY_THROW(db().Write([&](db::Tx& tx) {
    tx.Execute("UPDATE plan_versions SET review_on = '2030-01-01' WHERE case_id = ?", {c.id});
  }));
  EXPECT_ANY_THROW(db().Write(
      [&](db::Tx& tx) { tx.Execute("DELETE FROM plan_versions WHERE case_id = ?", {c.id}); }));
  auto now = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_EQ(now.current->plan.review_on, agreed.plan.review_on);
  EXPECT_EQ(now.current->revision, agreed.revision);
}

TEST_P(PlanLifecycleTest, TheWorkerWhoAgreedAPlanCannotApproveIt) {
  auto c = CreateAmina();
  // A service manager who agrees a plan with the person cannot also approve it.
  StoredPlan draft = CompleteDraft(c.id);
  StoredPlan agreed =
      Ok(plans().Agree(ActorFor(manager_), c.id, Agreement(), draft.revision, origin_));
  auto refused = plans().Approve(ActorFor(manager_), c.id, agreed.revision, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kForbidden);
  EXPECT_THAT(refused.error().message, HasSubstr("a different service manager must approve"));
  EXPECT_EQ(CountAudit("plan.approve", "denied"), 1);
  auto now = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_EQ(now.current->plan.status, PlanStatus::kAgreed);
}

TEST_P(PlanLifecycleTest, ASupportWorkerCannotApproveAndTheRefusalIsAudited) {
  auto c = CreateAmina();
  StoredPlan agreed = AgreedPlan(c.id);
  auto view = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_FALSE(view.access.can_approve_plan);
  auto refused = plans().Approve(ActorFor(worker_), c.id, agreed.revision, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(CountAudit("permission.denied", "denied"), 1);
  EXPECT_EQ(CountAudit("plan.approve", "success"), 0);
}

TEST_P(PlanLifecycleTest, PeopleWithoutAccessToTheCaseAreRefusedAndAudited) {
  auto c = CreateAmina();
  StoredPlan draft = CompleteDraft(c.id);
  // An unassigned colleague, an administrator: forbidden. Another provider: not found.
  EXPECT_EQ(plans().Current(ActorFor(colleague_), c.id, origin_).error().kind,
            ProblemKind::kForbidden);
  EXPECT_EQ(
      plans()
          .SaveGoal(ActorFor(colleague_), c.id, std::nullopt, Housing(), draft.revision, origin_)
          .error()
          .kind,
      ProblemKind::kForbidden);
  EXPECT_EQ(plans().Current(ActorFor(admin_), c.id, origin_).error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(plans().Approve(ActorFor(other_manager_), c.id, draft.revision, origin_).error().kind,
            ProblemKind::kNotFound);
  EXPECT_EQ(plans().Current(ActorFor(other_manager_), c.id, origin_).error().kind,
            ProblemKind::kNotFound);
  EXPECT_EQ(CountAudit("permission.denied", "denied"), 5);
  auto now = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_EQ(now.current->revision, draft.revision);
}

TEST_P(PlanLifecycleTest, TheScheduleListsTheReviewAndOpenActionsOfThePlanInForce) {
  auto c = CreateAmina();
  StoredPlan draft = CompleteDraft(c.id);
  auto before = Ok(plans().Schedule(ActorFor(worker_), c.id, origin_));
  EXPECT_FALSE(before.version);  // a draft asks nothing yet
  Ok(plans().Agree(ActorFor(worker_), c.id, Agreement(), draft.revision, origin_));
  auto schedule = Ok(plans().Schedule(ActorFor(manager_), c.id, origin_));
  EXPECT_EQ(schedule.version, 1);
  EXPECT_EQ(schedule.review_on, ParseIsoDate(kReviewOn));
  EXPECT_FALSE(schedule.review_due);
  ASSERT_EQ(schedule.actions.size(), 2u);
  EXPECT_EQ(schedule.actions[0].text, "Refer to the council's housing team");
  EXPECT_FALSE(schedule.actions[0].overdue);
}

WAYMARK_INSTANTIATE_DB_TEST(PlanLifecycleTest);

}  // namespace
}  // namespace waymark::plans::testing
