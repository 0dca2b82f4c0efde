#include <gtest/gtest.h>

#include "assessments/model.hpp"
#include "field_messages.hpp"

namespace waymark::assessments {
namespace {

using namespace std::chrono;
using testing::MessageFor;

const Date kToday = sys_days(2025y / March / 10);

RiskAssessmentInput ValidInput() {
  RiskAssessmentInput input;
  input.assessed_on = "2025-03-03";
  input.risks = {
      {"health", "low", ""},  // any order
      {"re_trafficking", "medium", "Former recruiter has her number; new phone given"},
      {"exploiter_contact", "none", ""},
      {"self_harm", "low", "Past self-harm; GP aware"},
      {"harm_to_others", "none", ""},
      {"location_exposure", "none", ""},
  };
  input.overall = "medium";
  input.review_on = "2025-06-03";
  return input;
}

void SetLevel(RiskAssessmentInput& input, std::string_view kind, std::string level,
              std::string notes = "Described") {
  for (auto& risk : input.risks) {
    if (risk.kind == kind) {
      risk.level = std::move(level);
      risk.notes = std::move(notes);
    }
  }
}

Problem ProblemFrom(const RiskAssessmentInput& input,
                    const RiskReviewPolicyTable& policies = RiskReviewPolicyTable::Default()) {
  auto result = ValidateRiskAssessment(input, kToday, policies);
  EXPECT_FALSE(result.has_value());
  return result ? Problem{} : result.error();
}

TEST(RiskAssessment, TurnsAValidFormIntoTypedValues) {
  auto result = ValidateRiskAssessment(ValidInput(), kToday);
  ASSERT_TRUE(result) << result.error().fields.front().message;
  EXPECT_EQ(result->assessed_on, sys_days(2025y / March / 3));
  EXPECT_EQ(result->overall, OverallRisk::kMedium);
  EXPECT_EQ(result->review_on, sys_days(2025y / June / 3));
  ASSERT_EQ(result->risks.size(), 6u);
  // Stored in the fixed order, whatever order the form sent.
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(result->risks[i].kind, AllRiskKinds()[i]);
  EXPECT_EQ(result->risks[0].level, RiskLevel::kMedium);
  EXPECT_EQ(result->risks[0].notes, "Former recruiter has her number; new phone given");
  EXPECT_EQ(result->risks[5].level, RiskLevel::kLow);
  EXPECT_EQ(result->Highest(), RiskLevel::kMedium);
}

TEST(RiskAssessment, ReportsEveryProblemAtOnce) {
  Problem problem = ProblemFrom(RiskAssessmentInput{});
  EXPECT_EQ(problem.kind, ProblemKind::kInvalid);
  EXPECT_EQ(MessageFor(problem, "assessed_on"), "Enter the date of the assessment");
  EXPECT_EQ(MessageFor(problem, "overall"), "Select the overall level of risk");
  EXPECT_EQ(MessageFor(problem, "review_on"), "Enter the date of the next review");
  EXPECT_EQ(MessageFor(problem, "risks-re_trafficking-level"),
            "Select the level of the risk of re-trafficking");
  EXPECT_EQ(MessageFor(problem, "risks-exploiter_contact-level"),
            "Select the level of the risk of contact from exploiters");
  EXPECT_EQ(MessageFor(problem, "risks-self_harm-level"),
            "Select the level of the risk of self-harm");
  EXPECT_EQ(MessageFor(problem, "risks-harm_to_others-level"),
            "Select the level of the risk of harm to others");
  EXPECT_EQ(MessageFor(problem, "risks-location_exposure-level"),
            "Select the level of the risk that their location is exposed");
  EXPECT_EQ(MessageFor(problem, "risks-health-level"),
            "Select the level of the risk to their health");
  EXPECT_EQ(problem.fields.size(), 9u);
}

TEST(RiskAssessment, RefusesAnUnknownOrRepeatedRiskAndAnUnknownLevel) {
  auto input = ValidInput();
  input.risks.push_back({"debt", "high", ""});
  EXPECT_EQ(MessageFor(ProblemFrom(input), "risks"),
            "The form sent an unknown risk (debt): reload the page and try again");

  input = ValidInput();
  input.risks.push_back({"health", "low", ""});
  EXPECT_EQ(MessageFor(ProblemFrom(input), "risks-health-level"),
            "The risk to their health was sent twice: reload the page and try again");

  input = ValidInput();
  SetLevel(input, "self_harm", "severe");
  EXPECT_EQ(MessageFor(ProblemFrom(input), "risks-self_harm-level"),
            "Select the level of the risk of self-harm");
}

TEST(RiskAssessment, MediumAndHighRisksNeedNotes) {
  auto input = ValidInput();
  SetLevel(input, "harm_to_others", "medium", " ");
  SetLevel(input, "location_exposure", "high", "");
  input.overall = "high";
  Problem problem = ProblemFrom(input);
  EXPECT_EQ(MessageFor(problem, "risks-harm_to_others-notes"),
            "Describe the risk of harm to others");
  EXPECT_EQ(MessageFor(problem, "risks-location_exposure-notes"),
            "Describe the risk that their location is exposed");
  // Low and none need no notes.
  EXPECT_FALSE(MessageFor(problem, "risks-health-notes"));
  EXPECT_FALSE(MessageFor(problem, "risks-exploiter_contact-notes"));
}

TEST(RiskAssessment, LimitsTheNotesLength) {
  auto input = ValidInput();
  SetLevel(input, "health", "low", std::string(kMaxRiskNotes, 'n'));
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday));
  SetLevel(input, "health", "low", std::string(kMaxRiskNotes + 1, 'n'));
  EXPECT_EQ(MessageFor(ProblemFrom(input), "risks-health-notes"),
            "Notes on the risk to their health must be 2000 characters or fewer");
}

TEST(RiskAssessment, OverallCannotBeLowerThanTheHighestRisk) {
  auto input = ValidInput();
  input.overall = "low";  // re-trafficking is medium
  EXPECT_EQ(MessageFor(ProblemFrom(input), "overall"),
            "Overall risk must be medium or high, because the risk of re-trafficking is medium");

  SetLevel(input, "self_harm", "high");
  input.overall = "medium";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "overall"),
            "Overall risk must be high, because the risk of self-harm is high");

  input.overall = "high";
  input.review_on = "2025-04-03";
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday));
}

TEST(RiskAssessment, OverallMayBeHigherThanEveryRisk) {
  auto input = ValidInput();
  for (auto& risk : input.risks) risk = {risk.kind, "none", ""};
  input.overall = "low";
  input.review_on = "2026-03-03";
  auto low = ValidateRiskAssessment(input, kToday);
  ASSERT_TRUE(low);
  EXPECT_EQ(low->Highest(), RiskLevel::kNone);
  input.overall = "high";
  input.review_on = "2025-04-01";
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday));
}

TEST(RiskAssessment, AssessmentDateMustBeRealAndNotInTheFuture) {
  auto input = ValidInput();
  input.assessed_on = "03/03/2025";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "assessed_on"),
            "Date of the assessment must be a real date");
  input.assessed_on = "2025-03-11";
  input.review_on = "2025-04-11";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "assessed_on"),
            "Date of the assessment must be today or in the past");
  input.assessed_on = "2025-03-10";
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday));
}

TEST(RiskAssessment, ReviewDateMustBeRealAndAfterTheAssessment) {
  auto input = ValidInput();
  input.review_on = "2025-06-31";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "review_on"), "Review date must be a real date");
  input.review_on = "2025-03-03";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "review_on"),
            "Review date must be after the date of the assessment");
  input.review_on = "2025-03-02";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "review_on"),
            "Review date must be after the date of the assessment");
  input.review_on = "2025-03-04";
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday));
}

struct Boundary {
  const char* overall;
  const char* latest;     // the last allowed review date
  const char* day_after;  // refused
  const char* message;
};

class ReviewPeriod : public ::testing::TestWithParam<Boundary> {};

TEST_P(ReviewPeriod, AllowsTheLastDayAndRefusesTheNext) {
  const Boundary& b = GetParam();
  auto input = ValidInput();
  for (auto& risk : input.risks) risk = {risk.kind, "none", ""};
  input.assessed_on = "2024-11-30";  // month ends exercise the clamping
  input.overall = b.overall;
  input.review_on = b.latest;
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday)) << b.overall;
  input.review_on = b.day_after;
  EXPECT_EQ(MessageFor(ProblemFrom(input), "review_on"), b.message);
}

INSTANTIATE_TEST_SUITE_P(
    RiskAssessment, ReviewPeriod,
    ::testing::Values(
        Boundary{"high", "2025-02-28", "2025-03-01",
                 "Review date must be on or before 28 February 2025: high overall risk is "
                 "reviewed within 3 months"},
        Boundary{"medium", "2025-05-30", "2025-05-31",
                 "Review date must be on or before 30 May 2025: medium overall risk is "
                 "reviewed within 6 months"},
        Boundary{"low", "2025-11-30", "2025-12-01",
                 "Review date must be on or before 30 November 2025: low overall risk is "
                 "reviewed within 12 months"}));

TEST(RiskAssessment, UsesThePolicyInForceOnTheAssessmentDate) {
  RiskReviewPolicyTable table({
      {sys_days(2020y / January / 1), 3, 6, 12},
      {sys_days(2025y / March / 1), 1, 2, 6},
  });
  auto input = ValidInput();  // medium overall
  input.assessed_on = "2025-02-28";
  input.review_on = "2025-08-28";
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday, table));  // old row: 6 months

  input.assessed_on = "2025-03-01";
  input.review_on = "2025-05-01";
  EXPECT_TRUE(ValidateRiskAssessment(input, kToday, table));  // new row: 2 months
  input.review_on = "2025-05-02";
  EXPECT_EQ(MessageFor(ProblemFrom(input, table), "review_on"),
            "Review date must be on or before 1 May 2025: medium overall risk is reviewed "
            "within 2 months");

  input.assessed_on = "2019-12-31";
  input.review_on = "2020-01-31";
  EXPECT_EQ(MessageFor(ProblemFrom(input, table), "assessed_on"),
            "Date of the assessment must be on or after 1 January 2020, when the review policy "
            "starts");
}

TEST(RiskAssessment, SaysMonthForAOneMonthPeriod) {
  RiskReviewPolicyTable table({{sys_days(2020y / January / 1), 1, 2, 6}});
  auto input = ValidInput();
  SetLevel(input, "re_trafficking", "high");
  input.overall = "high";
  input.review_on = "2025-04-04";
  EXPECT_EQ(MessageFor(ProblemFrom(input, table), "review_on"),
            "Review date must be on or before 3 April 2025: high overall risk is reviewed "
            "within 1 month");
}

}  // namespace
}  // namespace waymark::assessments
