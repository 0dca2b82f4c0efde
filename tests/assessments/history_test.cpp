#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "assessments/model.hpp"

namespace waymark::assessments {
namespace {

using namespace std::chrono;

RiskAssessment Risk(int version, Date assessed_on, Date review_on) {
  RiskAssessment a{};
  a.version = version;
  a.assessed_on = assessed_on;
  a.overall = OverallRisk::kLow;
  a.review_on = review_on;
  return a;
}

NeedsAssessment Needs(int version, AssessmentKind kind) {
  NeedsAssessment a{};
  a.version = version;
  a.kind = kind;
  return a;
}

TEST(AssessmentHistory, TheHighestVersionIsCurrentWhateverTheOrder) {
  std::vector<NeedsAssessment> history{Needs(2, AssessmentKind::kFull),
                                       Needs(3, AssessmentKind::kFull),
                                       Needs(1, AssessmentKind::kInitial)};
  auto current = CurrentNeedsAssessment(history);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->version, 3);
  EXPECT_EQ(NextVersion(std::span<const NeedsAssessment>(history)), 4);

  std::vector<RiskAssessment> risks{
      Risk(2, sys_days(2025y / May / 1), sys_days(2025y / June / 1)),
      Risk(1, sys_days(2025y / March / 1), sys_days(2025y / April / 1))};
  auto risk = CurrentRiskAssessment(risks, sys_days(2025y / May / 2));
  ASSERT_TRUE(risk);
  EXPECT_EQ(risk->assessment.version, 2);
  EXPECT_FALSE(risk->review_overdue);  // version 1's review date has passed; it is history
  EXPECT_EQ(NextVersion(std::span<const RiskAssessment>(risks)), 3);
}

TEST(AssessmentHistory, NothingRecordedYet) {
  EXPECT_FALSE(CurrentNeedsAssessment({}));
  EXPECT_FALSE(CurrentRiskAssessment({}, sys_days(2025y / May / 2)));
  EXPECT_EQ(NextVersion(std::span<const NeedsAssessment>()), 1);
  EXPECT_EQ(NextVersion(std::span<const RiskAssessment>()), 1);
}

TEST(AssessmentHistory, AReviewIsOverdueTheDayAfterItsDate) {
  std::vector<RiskAssessment> risks{
      Risk(1, sys_days(2025y / March / 1), sys_days(2025y / June / 1))};
  EXPECT_FALSE(CurrentRiskAssessment(risks, sys_days(2025y / May / 31))->review_overdue);
  EXPECT_FALSE(CurrentRiskAssessment(risks, sys_days(2025y / June / 1))->review_overdue);
  EXPECT_TRUE(CurrentRiskAssessment(risks, sys_days(2025y / June / 2))->review_overdue);
  EXPECT_TRUE(ReviewOverdue(risks[0], sys_days(2026y / January / 1)));
}

TEST(AssessmentHistory, RepeatedOrUnassignedVersionsAreABrokenInvariant) {
  std::vector<NeedsAssessment> twice{Needs(1, AssessmentKind::kInitial),
                                     Needs(1, AssessmentKind::kFull)};
  EXPECT_THROW(CurrentNeedsAssessment(twice), std::invalid_argument);
  std::vector<RiskAssessment> unassigned{
      Risk(0, sys_days(2025y / March / 1), sys_days(2025y / June / 1))};
  EXPECT_THROW(CurrentRiskAssessment(unassigned, sys_days(2025y / March / 1)),
               std::invalid_argument);
  EXPECT_THROW(NextVersion(std::span<const RiskAssessment>(unassigned)), std::invalid_argument);
}

TEST(AssessmentHistory, HighestIsTheMaximumLevel) {
  RiskAssessment a{};
  EXPECT_EQ(a.Highest(), RiskLevel::kNone);
  a.risks = {{RiskKind::kHealth, RiskLevel::kLow, ""},
             {RiskKind::kSelfHarm, RiskLevel::kHigh, "x"},
             {RiskKind::kReTrafficking, RiskLevel::kMedium, "y"}};
  EXPECT_EQ(a.Highest(), RiskLevel::kHigh);
}

}  // namespace
}  // namespace waymark::assessments
