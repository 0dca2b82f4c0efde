#include "plans/editing.hpp"

#include <gtest/gtest.h>

#include "plan_fixtures.hpp"

namespace waymark::plans {
namespace {

using namespace std::chrono;
using testing::AgreedPlan;
using testing::ApprovedPlan;
using testing::CompleteDraft;
using testing::EvidenceForPoint;
using testing::HousingGoal;
using testing::kToday;
using testing::MessageFor;

Problem GoalProblem(const GoalInput& input) {
  auto result = ValidateGoal(input);
  EXPECT_FALSE(result.has_value());
  return result ? Problem{} : result.error();
}

TEST(PlanGoals, AValidGoalIsTrimmedAndTyped) {
  GoalInput input = HousingGoal();
  input.text = "  Move into safe, settled housing ";
  input.domains = {"accommodation", "safety", "accommodation"};
  input.actions[1].status = "in_progress";
  auto goal = ValidateGoal(input);
  ASSERT_TRUE(goal);
  EXPECT_EQ(goal->text, "Move into safe, settled housing");
  EXPECT_EQ(goal->domains,
            (std::vector<NeedDomain>{NeedDomain::kAccommodation, NeedDomain::kSafety}));
  ASSERT_EQ(goal->actions.size(), 2u);
  EXPECT_EQ(goal->actions[0].text, "Refer to the council's housing team");
  EXPECT_EQ(goal->actions[0].owner, "Support worker");
  EXPECT_EQ(goal->actions[0].due_on, sys_days(2025y / April / 1));
  EXPECT_EQ(goal->actions[0].status, ActionStatus::kNotStarted);
  EXPECT_EQ(goal->actions[1].status, ActionStatus::kInProgress);
}

TEST(PlanGoals, AGoalMayHaveNoActionsWhileADraft) {
  auto goal = ValidateGoal({"Feel safe in the community", {"social_connection"}, {}});
  ASSERT_TRUE(goal);
  EXPECT_TRUE(goal->actions.empty());
}

TEST(PlanGoals, ReportsEveryProblemAtOnce) {
  Problem problem = GoalProblem({"", {}, {{"", "", "", ""}}});
  EXPECT_EQ(problem.kind, ProblemKind::kInvalid);
  EXPECT_EQ(MessageFor(problem, "text"), "Enter the goal");
  EXPECT_EQ(MessageFor(problem, "domains"), "Select the needs this goal addresses");
  EXPECT_EQ(MessageFor(problem, "actions-0-text"), "Enter a description of action 1");
  EXPECT_EQ(MessageFor(problem, "actions-0-owner"), "Enter who is responsible for action 1");
  EXPECT_EQ(MessageFor(problem, "actions-0-due_on"), "Enter the date action 1 is due");
  EXPECT_EQ(MessageFor(problem, "actions-0-status"), "Select the status of action 1");
  EXPECT_EQ(problem.fields.size(), 6u);
}

TEST(PlanGoals, RefusesUnknownCodesAndUnrealDates) {
  GoalInput input = HousingGoal();
  input.domains = {"safety", "housing"};
  input.actions[1].due_on = "2025-04-31";
  input.actions[1].status = "finished";
  Problem problem = GoalProblem(input);
  EXPECT_EQ(MessageFor(problem, "domains"), "Select the needs this goal addresses");
  EXPECT_EQ(MessageFor(problem, "actions-1-due_on"), "Due date of action 2 must be a real date");
  EXPECT_EQ(MessageFor(problem, "actions-1-status"), "Select the status of action 2");
  EXPECT_FALSE(MessageFor(problem, "actions-0-status"));
}

TEST(PlanGoals, LimitsLengthsAndTheNumberOfActions) {
  GoalInput input = HousingGoal();
  input.text = std::string(kMaxGoalText, 'g');
  input.actions[0].text = std::string(kMaxActionText, 'a');
  input.actions[0].owner = std::string(kMaxOwner, 'o');
  EXPECT_TRUE(ValidateGoal(input));
  input.text += "g";
  input.actions[0].text += "a";
  input.actions[0].owner += "o";
  Problem problem = GoalProblem(input);
  EXPECT_EQ(MessageFor(problem, "text"), "Goal must be 500 characters or fewer");
  EXPECT_EQ(MessageFor(problem, "actions-0-text"), "Action 1 must be 500 characters or fewer");
  EXPECT_EQ(MessageFor(problem, "actions-0-owner"),
            "Owner of action 1 must be 100 characters or fewer");

  input = HousingGoal();
  input.actions.assign(kMaxActionsPerGoal, input.actions[0]);
  EXPECT_TRUE(ValidateGoal(input));
  input.actions.push_back(input.actions[0]);
  EXPECT_EQ(MessageFor(GoalProblem(input), "actions"), "A goal can have up to 20 actions");
}

TEST(PlanGoals, AddReplaceAndRemoveReturnChangedCopies) {
  Plan empty;
  Plan one = AddGoal(empty, HousingGoal()).value();
  EXPECT_TRUE(empty.goals.empty());
  ASSERT_EQ(one.goals.size(), 1u);

  GoalInput health{"Register with a GP", {"physical_health"}, {}};
  Plan two = AddGoal(one, health).value();
  ASSERT_EQ(two.goals.size(), 2u);
  EXPECT_EQ(two.goals[1].text, "Register with a GP");

  Plan replaced = ReplaceGoal(two, 0, health).value();
  EXPECT_EQ(replaced.goals[0].text, "Register with a GP");
  EXPECT_EQ(two.goals[0].text, "Move into safe, settled housing");

  Plan removed = RemoveGoal(two, 0).value();
  ASSERT_EQ(removed.goals.size(), 1u);
  EXPECT_EQ(removed.goals[0].text, "Register with a GP");
}

TEST(PlanGoals, AnInvalidGoalChangesNothing) {
  Plan plan = AddGoal(Plan{}, HousingGoal()).value();
  EXPECT_EQ(AddGoal(plan, {"", {}, {}}).error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(MessageFor(ReplaceGoal(plan, 0, {"x", {}, {}}).error(), "domains"),
            "Select the needs this goal addresses");
}

TEST(PlanGoals, AGoalOutOfRangeIsNotFound) {
  Plan plan = AddGoal(Plan{}, HousingGoal()).value();
  auto replaced = ReplaceGoal(plan, 1, HousingGoal());
  ASSERT_FALSE(replaced);
  EXPECT_EQ(replaced.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(replaced.error().message, "This plan has no goal 2");
  auto removed = RemoveGoal(plan, 5);
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().message, "This plan has no goal 6");
}

TEST(PlanGoals, APlanHasAtMostThirtyGoals) {
  Plan plan;
  for (size_t i = 0; i < kMaxGoals; ++i) plan = AddGoal(plan, HousingGoal()).value();
  auto one_more = AddGoal(plan, HousingGoal());
  ASSERT_FALSE(one_more);
  EXPECT_EQ(MessageFor(one_more.error(), "goals"), "A plan can have up to 30 goals");
}

TEST(PlanEvidence, RecordsTextForAPoint) {
  Plan plan =
      RecordEvidence(Plan{}, 7, {"  Account recorded in the first needs assessment ", "", ""})
          .value();
  ASSERT_TRUE(plan.EvidenceFor(7));
  EXPECT_EQ(plan.EvidenceFor(7)->text, "Account recorded in the first needs assessment");
  EXPECT_FALSE(plan.EvidenceFor(7)->rights);
  Plan again = RecordEvidence(plan, 7, {"Updated", "", ""}).value();
  EXPECT_EQ(again.EvidenceFor(7)->text, "Updated");
}

TEST(PlanEvidence, TextIsRequiredAndLimited) {
  auto missing = RecordEvidence(Plan{}, 12, {" ", "", ""});
  ASSERT_FALSE(missing);
  EXPECT_EQ(MessageFor(missing.error(), "text"), "Enter the evidence for point 12");
  EXPECT_TRUE(RecordEvidence(Plan{}, 12, {std::string(kMaxEvidence, 'e'), "", ""}));
  auto too_long = RecordEvidence(Plan{}, 12, {std::string(kMaxEvidence + 1, 'e'), "", ""});
  ASSERT_FALSE(too_long);
  EXPECT_EQ(MessageFor(too_long.error(), "text"), "Evidence must be 4000 characters or fewer");
}

TEST(PlanEvidence, PointFiveRecordsLanguageAndFormat) {
  Plan plan =
      RecordEvidence(Plan{}, 5, {"Rights leaflet read together", " VIE ", "easy_read"}).value();
  ASSERT_TRUE(plan.EvidenceFor(5)->rights);
  EXPECT_EQ(plan.EvidenceFor(5)->rights->language, "vie");
  EXPECT_EQ(plan.EvidenceFor(5)->rights->format, RightsFormat::kEasyRead);

  auto missing = RecordEvidence(Plan{}, 5, {"Leaflet", "", ""});
  ASSERT_FALSE(missing);
  EXPECT_EQ(MessageFor(missing.error(), "language"),
            "Enter the language the rights information was given in");
  EXPECT_EQ(MessageFor(missing.error(), "format"),
            "Select the format the rights information was given in");

  auto wrong = RecordEvidence(Plan{}, 5, {"Leaflet", "vi", "pamphlet"});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(MessageFor(wrong.error(), "language"),
            "Enter the language as a 3-letter ISO 639-3 code, like vie for Vietnamese");
  EXPECT_EQ(MessageFor(wrong.error(), "format"),
            "Select the format the rights information was given in");
}

TEST(PlanEvidence, OtherPointsRecordNoLanguageOrFormat) {
  auto result = RecordEvidence(Plan{}, 6, {"Explained with a picture guide", "sqi", "written"});
  ASSERT_FALSE(result);
  EXPECT_EQ(MessageFor(result.error(), "language"), "Only point 5 records a language");
  EXPECT_EQ(MessageFor(result.error(), "format"), "Only point 5 records a format");
}

TEST(PlanEvidence, APointOutsideTheStandardIsNotFound) {
  for (int point : {0, 21}) {
    auto result = RecordEvidence(Plan{}, point, EvidenceForPoint(1));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ProblemKind::kNotFound);
    EXPECT_EQ(result.error().message, "SFJBMS05 has no point " + std::to_string(point));
  }
}

TEST(PlanReviewDate, MustBeARealDateInTheFuture) {
  EXPECT_EQ(MessageFor(SetReviewDate(Plan{}, "", kToday).error(), "review_on"),
            "Enter the review date");
  EXPECT_EQ(MessageFor(SetReviewDate(Plan{}, "2025-13-01", kToday).error(), "review_on"),
            "Review date must be a real date");
  EXPECT_EQ(MessageFor(SetReviewDate(Plan{}, "2025-03-10", kToday).error(), "review_on"),
            "Review date must be in the future");
  auto tomorrow = SetReviewDate(Plan{}, "2025-03-11", kToday);
  ASSERT_TRUE(tomorrow);
  EXPECT_EQ(tomorrow->review_on, sys_days(2025y / March / 11));
}

void ExpectEveryEditRefused(const Plan& plan, const std::string& message) {
  EXPECT_EQ(CheckEditable(plan).error().message, message);
  std::vector<Result<Plan>> attempts{
      AddGoal(plan, HousingGoal()),
      ReplaceGoal(plan, 0, HousingGoal()),
      RemoveGoal(plan, 0),
      RecordEvidence(plan, 1, EvidenceForPoint(1)),
      SetReviewDate(plan, "2025-07-01", kToday),
  };
  for (const auto& attempt : attempts) {
    ASSERT_FALSE(attempt);
    EXPECT_EQ(attempt.error().kind, ProblemKind::kConflict);
    EXPECT_EQ(attempt.error().message, message);
  }
}

TEST(PlanEditing, OnlyADraftCanBeChanged) {
  EXPECT_TRUE(CheckEditable(CompleteDraft()));
  ExpectEveryEditRefused(AgreedPlan(),
                         "This plan has been agreed with the person, so it cannot be changed. "
                         "Start a new version to change it.");
  ExpectEveryEditRefused(ApprovedPlan(),
                         "This plan has been approved, so it cannot be changed. Start a new "
                         "version to change it.");
}

}  // namespace
}  // namespace waymark::plans
