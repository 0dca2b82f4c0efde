#include "assessments/review_policy.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace waymark::assessments {
namespace {

using namespace std::chrono;

TEST(RiskReviewPolicy, DefaultIsThreeSixAndTwelveMonths) {
  auto policy = RiskReviewPolicyTable::Default().On(sys_days(2025y / March / 3));
  ASSERT_TRUE(policy);
  EXPECT_EQ(policy->MaxMonths(OverallRisk::kHigh), 3);
  EXPECT_EQ(policy->MaxMonths(OverallRisk::kMedium), 6);
  EXPECT_EQ(policy->MaxMonths(OverallRisk::kLow), 12);
  // It covers every date Waymark accepts.
  EXPECT_TRUE(RiskReviewPolicyTable::Default().On(sys_days(1900y / January / 1)));
}

TEST(RiskReviewPolicy, AddMonthsKeepsTheDayOrClampsToTheMonthEnd) {
  EXPECT_EQ(AddMonths(sys_days(2025y / March / 3), 3), sys_days(2025y / June / 3));
  EXPECT_EQ(AddMonths(sys_days(2025y / January / 31), 1), sys_days(2025y / February / 28));
  EXPECT_EQ(AddMonths(sys_days(2024y / January / 31), 1), sys_days(2024y / February / 29));
  EXPECT_EQ(AddMonths(sys_days(2025y / August / 31), 6), sys_days(2026y / February / 28));
  EXPECT_EQ(AddMonths(sys_days(2024y / February / 29), 12), sys_days(2025y / February / 28));
  EXPECT_EQ(AddMonths(sys_days(2025y / November / 30), 3), sys_days(2026y / February / 28));
  EXPECT_EQ(AddMonths(sys_days(2025y / October / 15), 12), sys_days(2026y / October / 15));
}

TEST(RiskReviewPolicy, LatestReviewDateFollowsTheOverallLevel) {
  RiskReviewPolicy policy = *RiskReviewPolicyTable::Default().On(sys_days(2025y / March / 3));
  Date assessed = sys_days(2025y / March / 3);
  EXPECT_EQ(LatestReviewDate(policy, assessed, OverallRisk::kHigh), sys_days(2025y / June / 3));
  EXPECT_EQ(LatestReviewDate(policy, assessed, OverallRisk::kMedium),
            sys_days(2025y / September / 3));
  EXPECT_EQ(LatestReviewDate(policy, assessed, OverallRisk::kLow), sys_days(2026y / March / 3));
}

TEST(RiskReviewPolicy, PicksTheRowInForceOnTheAssessmentDate) {
  RiskReviewPolicyTable table({
      {sys_days(2026y / April / 1), 1, 3, 6},  // rows in any order
      {sys_days(2020y / January / 1), 3, 6, 12},
  });
  EXPECT_FALSE(table.On(sys_days(2019y / December / 31)));
  EXPECT_EQ(table.On(sys_days(2020y / January / 1))->high_months, 3);
  EXPECT_EQ(table.On(sys_days(2026y / March / 31))->high_months, 3);
  EXPECT_EQ(table.On(sys_days(2026y / April / 1))->high_months, 1);
  EXPECT_EQ(table.On(sys_days(2030y / April / 1))->low_months, 6);
  EXPECT_EQ(table.rows().front().in_force_from, sys_days(2020y / January / 1));
}

TEST(RiskReviewPolicy, RefusesATableThatMakesNoSense) {
  Date d = sys_days(2020y / January / 1);
  EXPECT_THROW(RiskReviewPolicyTable({}), std::invalid_argument);
  EXPECT_THROW(RiskReviewPolicyTable({{d, 3, 6, 12}, {d, 2, 6, 12}}), std::invalid_argument);
  EXPECT_THROW(RiskReviewPolicyTable({{d, 0, 6, 12}}), std::invalid_argument);
  EXPECT_THROW(RiskReviewPolicyTable({{d, 3, 6, 0}}), std::invalid_argument);
  EXPECT_THROW(RiskReviewPolicyTable({{d, 7, 6, 12}}), std::invalid_argument);
  EXPECT_THROW(RiskReviewPolicyTable({{d, 3, 13, 12}}), std::invalid_argument);
  EXPECT_NO_THROW(RiskReviewPolicyTable({{d, 6, 6, 6}}));
}

}  // namespace
}  // namespace waymark::assessments
