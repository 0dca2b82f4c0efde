#include "plans/lifecycle.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "plan_fixtures.hpp"

namespace waymark::plans {
namespace {

using namespace std::chrono;
using testing::AgreedPlan;
using testing::ApprovedPlan;
using testing::CompleteDraft;
using testing::HousingGoal;
using testing::kToday;
using testing::MessageFor;
using testing::ValidAgreement;

Problem AgreeProblem(const Plan& plan, const AgreementInput& input = ValidAgreement()) {
  auto result = Agree(plan, input, "worker-1", kToday);
  EXPECT_FALSE(result.has_value());
  return result ? Problem{} : result.error();
}

TEST(AgreePlan, RecordsHowThePersonAgreedIt) {
  Plan draft = CompleteDraft();
  auto agreed = Agree(draft, {" 2025-03-09 ", "video", "TIR", "no"}, "worker-1", kToday);
  ASSERT_TRUE(agreed) << agreed.error().fields.front().message;
  EXPECT_EQ(agreed->status, PlanStatus::kAgreed);
  ASSERT_TRUE(agreed->agreement);
  EXPECT_EQ(agreed->agreement->agreed_on, sys_days(2025y / March / 9));
  EXPECT_EQ(agreed->agreement->mode, MeetingMode::kVideo);
  EXPECT_EQ(agreed->agreement->language, "tir");
  EXPECT_FALSE(agreed->agreement->interpreter_used);
  EXPECT_EQ(agreed->agreement->agreed_by, "worker-1");
  EXPECT_FALSE(agreed->approval);
  EXPECT_EQ(agreed->version, draft.version);
  EXPECT_EQ(draft.status, PlanStatus::kDraft);  // the input is untouched
}

TEST(AgreePlan, OnlyADraftCanBeAgreed) {
  auto again = Agree(AgreedPlan(), ValidAgreement(), "worker-1", kToday);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(again.error().message, "This plan has already been agreed with the person");
  auto approved = Agree(ApprovedPlan(), ValidAgreement(), "worker-1", kToday);
  ASSERT_FALSE(approved);
  EXPECT_EQ(approved.error().message, "This plan has already been approved");
}

TEST(AgreePlan, AnEmptyDraftListsEverythingMissing) {
  Problem problem = AgreeProblem(Plan{});
  EXPECT_EQ(problem.kind, ProblemKind::kInvalid);
  EXPECT_EQ(problem.message, "The plan cannot be agreed yet");
  EXPECT_EQ(MessageFor(problem, "goals"), "Add at least one goal");
  EXPECT_EQ(MessageFor(problem, "evidence-1"), "Record evidence for point 1: Actions taken so far");
  EXPECT_EQ(MessageFor(problem, "evidence-5"),
            "Record evidence for point 5: Information on rights");
  EXPECT_EQ(MessageFor(problem, "evidence-20"), "Record evidence for point 20: Records kept");
  for (int point = 1; point <= 20; ++point) {
    EXPECT_TRUE(MessageFor(problem, "evidence-" + std::to_string(point))) << point;
  }
  EXPECT_EQ(MessageFor(problem, "review_on"), "Enter a review date");
  EXPECT_EQ(problem.fields.size(), 22u);
}

TEST(AgreePlan, EachOfTheTwentyPointsIsRequired) {
  for (int point = 1; point <= 20; ++point) {
    Plan plan = CompleteDraft();
    plan.evidence[static_cast<size_t>(point - 1)].reset();
    Problem problem = AgreeProblem(plan);
    ASSERT_EQ(problem.fields.size(), 1u) << point;
    EXPECT_EQ(problem.fields[0].field, "evidence-" + std::to_string(point));
  }
}

TEST(AgreePlan, NeedsAGoalWithAnAction) {
  Plan plan = CompleteDraft();
  plan.goals[0].actions.clear();
  EXPECT_EQ(MessageFor(AgreeProblem(plan), "goals-0-actions"), "Add at least one action to a goal");
  // One goal with an action is enough, even beside a goal without.
  plan = AddGoal(CompleteDraft(), {"Feel part of a community", {"social_connection"}, {}}).value();
  EXPECT_TRUE(Agree(plan, ValidAgreement(), "worker-1", kToday));
}

TEST(AgreePlan, PointFiveNeedsItsLanguageAndFormat) {
  Plan plan = CompleteDraft();
  plan.evidence[4]->rights.reset();  // as a plan loaded from elsewhere might be
  Problem problem = AgreeProblem(plan);
  EXPECT_EQ(MessageFor(problem, "evidence-5-language"),
            "Record the language the rights information was given in");
  EXPECT_EQ(MessageFor(problem, "evidence-5-format"),
            "Record the format the rights information was given in");

  plan = CompleteDraft();
  plan.evidence[4]->rights->language = "Albanian";
  problem = AgreeProblem(plan);
  EXPECT_TRUE(MessageFor(problem, "evidence-5-language"));
  EXPECT_FALSE(MessageFor(problem, "evidence-5-format"));
}

TEST(AgreePlan, ReportsEveryAgreementProblemAtOnce) {
  Problem problem = AgreeProblem(CompleteDraft(), {"", "", "", ""});
  EXPECT_EQ(MessageFor(problem, "agreed_on"), "Enter the date the plan was agreed");
  EXPECT_EQ(MessageFor(problem, "mode"), "Select how the person agreed the plan");
  EXPECT_EQ(MessageFor(problem, "language"), "Enter the language the plan was agreed in");
  EXPECT_EQ(MessageFor(problem, "interpreter_used"), "Select whether an interpreter was used");
  EXPECT_EQ(problem.fields.size(), 4u);
}

TEST(AgreePlan, RefusesBadAgreementValues) {
  Problem problem = AgreeProblem(CompleteDraft(), {"2025-02-30", "letter", "albanian", "maybe"});
  EXPECT_EQ(MessageFor(problem, "agreed_on"), "Date the plan was agreed must be a real date");
  EXPECT_EQ(MessageFor(problem, "mode"), "Select how the person agreed the plan");
  EXPECT_EQ(MessageFor(problem, "language"),
            "Enter the language as a 3-letter ISO 639-3 code, like vie for Vietnamese");
  EXPECT_EQ(MessageFor(problem, "interpreter_used"), "Select whether an interpreter was used");
}

TEST(AgreePlan, TheAgreementDateIsNotInTheFuture) {
  auto input = ValidAgreement();
  input.agreed_on = "2025-03-11";
  EXPECT_EQ(MessageFor(AgreeProblem(CompleteDraft(), input), "agreed_on"),
            "Date the plan was agreed must be today or in the past");
}

TEST(AgreePlan, TheReviewDateComesAfterTheAgreement) {
  Plan plan = CompleteDraft();
  plan.review_on = sys_days(2025y / March / 10);  // carried over by a revision, say
  EXPECT_EQ(MessageFor(AgreeProblem(plan), "review_on"),
            "Review date must be after the date the plan was agreed");
  plan.review_on = sys_days(2025y / March / 11);
  EXPECT_TRUE(Agree(plan, ValidAgreement(), "worker-1", kToday));
}

TEST(AgreePlan, NeedsTheWorkersId) {
  EXPECT_THROW((void)Agree(CompleteDraft(), ValidAgreement(), "", kToday), std::invalid_argument);
}

TEST(ApprovePlan, RecordsWhoApprovedAndWhen) {
  Plan agreed = AgreedPlan();
  auto approved = Approve(agreed, "manager-1", sys_days(2025y / March / 12));
  ASSERT_TRUE(approved);
  EXPECT_EQ(approved->status, PlanStatus::kApproved);
  ASSERT_TRUE(approved->approval);
  EXPECT_EQ(approved->approval->approved_by, "manager-1");
  EXPECT_EQ(approved->approval->approved_on, sys_days(2025y / March / 12));
  EXPECT_EQ(approved->agreement->agreed_by, "worker-1");
  EXPECT_EQ(agreed.status, PlanStatus::kAgreed);
}

TEST(ApprovePlan, OnlyAnAgreedPlanCanBeApproved) {
  auto draft = Approve(CompleteDraft(), "manager-1", kToday);
  ASSERT_FALSE(draft);
  EXPECT_EQ(draft.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(draft.error().message,
            "This plan has not been agreed with the person yet. Only an agreed plan can be "
            "approved.");
  auto twice = Approve(ApprovedPlan(), "manager-2", kToday);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(twice.error().message, "This plan has already been approved");
}

TEST(ApprovePlan, NotByTheWorkerWhoAgreedIt) {
  auto result = Approve(AgreedPlan(), "worker-1", kToday);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(result.error().message,
            "You agreed this plan with the person, so a different service manager must approve "
            "it");
}

TEST(ApprovePlan, NotBeforeTheDateItWasAgreed) {
  auto result = Approve(AgreedPlan(), "manager-1", sys_days(2025y / March / 9));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(result.error().message,
            "A plan cannot be approved before the date it was agreed (10 March 2025)");
  EXPECT_TRUE(Approve(AgreedPlan(), "manager-1", sys_days(2025y / March / 10)));
}

TEST(ApprovePlan, NeedsTheManagersId) {
  EXPECT_THROW((void)Approve(AgreedPlan(), "", kToday), std::invalid_argument);
}

TEST(RevisePlan, StartsTheNextDraftWithTheSameContent) {
  for (const Plan& old : {AgreedPlan(), ApprovedPlan()}) {
    auto revised = Revise(old);
    ASSERT_TRUE(revised);
    EXPECT_EQ(revised->version, old.version + 1);
    EXPECT_EQ(revised->status, PlanStatus::kDraft);
    EXPECT_FALSE(revised->agreement);
    EXPECT_FALSE(revised->approval);
    ASSERT_EQ(revised->goals.size(), old.goals.size());
    EXPECT_EQ(revised->goals[0].text, old.goals[0].text);
    EXPECT_EQ(revised->goals[0].actions.size(), old.goals[0].actions.size());
    EXPECT_EQ(revised->EvidenceFor(5)->rights->language, "sqi");
    EXPECT_EQ(revised->EvidenceFor(20)->text, old.EvidenceFor(20)->text);
    EXPECT_EQ(revised->review_on, old.review_on);
    EXPECT_NE(old.status, PlanStatus::kDraft);  // the old version stays as it was
  }
}

TEST(RevisePlan, TheNewDraftCanBeChangedAndAgreedAgain) {
  Plan v2 = Revise(ApprovedPlan()).value();
  v2 = AddGoal(v2, HousingGoal()).value();
  v2 = SetReviewDate(v2, "2025-09-01", kToday).value();
  auto agreed = Agree(v2, ValidAgreement(), "worker-2", kToday);
  ASSERT_TRUE(agreed);
  EXPECT_EQ(agreed->version, 2);
  EXPECT_EQ(agreed->goals.size(), 2u);
}

TEST(RevisePlan, ADraftIsChangedDirectly) {
  auto result = Revise(CompleteDraft());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(result.error().message, "This plan is already a draft, so you can change it directly");
}

}  // namespace
}  // namespace waymark::plans
