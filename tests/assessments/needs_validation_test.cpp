#include <gtest/gtest.h>

#include "assessments/model.hpp"
#include "field_messages.hpp"

namespace waymark::assessments {
namespace {

using namespace std::chrono;
using testing::MessageFor;

const Date kToday = sys_days(2025y / March / 10);

NeedsAssessmentInput ValidInput() {
  NeedsAssessmentInput input;
  input.kind = "full";
  input.mode = "in_person";
  input.assessed_on = "2025-03-10";
  input.needs = {
      {"accommodation", "immediate", "Needs a safe place to stay tonight", "yes"},
      {"legal_immigration", "short_term", "Advice on leave to remain", "no"},
  };
  input.strengths = "Speaks three languages; keen to work";
  return input;
}

Problem ProblemFrom(const NeedsAssessmentInput& input) {
  auto result = ValidateNeedsAssessment(input, kToday);
  EXPECT_FALSE(result.has_value());
  return result ? Problem{} : result.error();
}

TEST(NeedsAssessment, TurnsAValidFormIntoTypedValues) {
  auto input = ValidInput();
  input.needs[0].description = "  Needs a safe place to stay tonight \n";
  auto result = ValidateNeedsAssessment(input, kToday);
  ASSERT_TRUE(result) << result.error().fields.front().message;
  EXPECT_EQ(result->version, 0);
  EXPECT_EQ(result->kind, AssessmentKind::kFull);
  EXPECT_EQ(result->mode, MeetingMode::kInPerson);
  EXPECT_EQ(result->assessed_on, kToday);
  ASSERT_EQ(result->needs.size(), 2u);
  EXPECT_EQ(result->needs[0].domain, NeedDomain::kAccommodation);
  EXPECT_EQ(result->needs[0].time_frame, TimeFrame::kImmediate);
  EXPECT_EQ(result->needs[0].description, "Needs a safe place to stay tonight");
  EXPECT_TRUE(result->needs[0].met);
  EXPECT_EQ(result->needs[1].domain, NeedDomain::kLegalImmigration);
  EXPECT_EQ(result->needs[1].time_frame, TimeFrame::kShortTerm);
  EXPECT_FALSE(result->needs[1].met);
  EXPECT_EQ(result->strengths, "Speaks three languages; keen to work");
}

TEST(NeedsAssessment, ReportsEveryProblemAtOnce) {
  NeedsAssessmentInput input;
  input.needs = {{"", "", "", ""}};
  Problem problem = ProblemFrom(input);
  EXPECT_EQ(problem.kind, ProblemKind::kInvalid);
  EXPECT_EQ(MessageFor(problem, "kind"), "Select whether this is an initial or a full assessment");
  EXPECT_EQ(MessageFor(problem, "mode"), "Select how the assessment was carried out");
  EXPECT_EQ(MessageFor(problem, "assessed_on"), "Enter the date of the assessment");
  EXPECT_EQ(MessageFor(problem, "needs-0-domain"), "Select the area of need 1");
  EXPECT_EQ(MessageFor(problem, "needs-0-time_frame"), "Select when need 1 should be met");
  EXPECT_EQ(MessageFor(problem, "needs-0-description"), "Enter a description of need 1");
  EXPECT_EQ(MessageFor(problem, "needs-0-met"), "Select whether need 1 has been met");
  EXPECT_EQ(problem.fields.size(), 7u);  // strengths are optional when the kind is unknown
}

TEST(NeedsAssessment, RefusesUnknownCodes) {
  auto input = ValidInput();
  input.kind = "partial";
  input.mode = "letter";
  input.needs[1].domain = "housing";
  input.needs[1].time_frame = "soon";
  input.needs[1].met = "maybe";
  Problem problem = ProblemFrom(input);
  EXPECT_TRUE(MessageFor(problem, "kind"));
  EXPECT_TRUE(MessageFor(problem, "mode"));
  EXPECT_EQ(MessageFor(problem, "needs-1-domain"), "Select the area of need 2");
  EXPECT_EQ(MessageFor(problem, "needs-1-time_frame"), "Select when need 2 should be met");
  EXPECT_EQ(MessageFor(problem, "needs-1-met"), "Select whether need 2 has been met");
  EXPECT_FALSE(MessageFor(problem, "needs-0-domain"));
}

TEST(NeedsAssessment, DateMustBeRealAndNotInTheFuture) {
  auto input = ValidInput();
  input.assessed_on = "2025-02-29";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "assessed_on"),
            "Date of the assessment must be a real date");
  input.assessed_on = "2025-03-11";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "assessed_on"),
            "Date of the assessment must be today or in the past");
  input.assessed_on = "2020-01-01";
  EXPECT_TRUE(ValidateNeedsAssessment(input, kToday));
}

TEST(NeedsAssessment, NeedsAtLeastOneNeedAndNoMoreThanTheLimit) {
  auto input = ValidInput();
  input.needs.clear();
  EXPECT_EQ(MessageFor(ProblemFrom(input), "needs"), "Add at least one need");
  input.needs.assign(kMaxNeeds, {"safety", "immediate", "Safe contact plan", "no"});
  EXPECT_TRUE(ValidateNeedsAssessment(input, kToday));
  input.needs.push_back({"safety", "immediate", "One too many", "no"});
  EXPECT_EQ(MessageFor(ProblemFrom(input), "needs"), "An assessment can record up to 60 needs");
}

TEST(NeedsAssessment, LimitsTheDescriptionLength) {
  auto input = ValidInput();
  input.needs[0].description = std::string(kMaxNeedDescription, 'a');
  EXPECT_TRUE(ValidateNeedsAssessment(input, kToday));
  input.needs[0].description += "a";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "needs-0-description"),
            "Description of need 1 must be 1000 characters or fewer");
}

TEST(NeedsAssessment, StrengthsAreRequiredForAFullAssessmentOnly) {
  auto input = ValidInput();
  input.strengths = "   ";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "strengths"), "Enter the person's strengths");
  input.kind = "initial";
  input.mode = "phone";
  auto result = ValidateNeedsAssessment(input, kToday);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->kind, AssessmentKind::kInitial);
  EXPECT_EQ(result->mode, MeetingMode::kPhone);
  EXPECT_EQ(result->strengths, "");
}

TEST(NeedsAssessment, LimitsTheStrengthsLength) {
  auto input = ValidInput();
  input.strengths = std::string(kMaxStrengths, 's');
  EXPECT_TRUE(ValidateNeedsAssessment(input, kToday));
  input.strengths += "s";
  EXPECT_EQ(MessageFor(ProblemFrom(input), "strengths"),
            "Strengths must be 4000 characters or fewer");
}

}  // namespace
}  // namespace waymark::assessments
