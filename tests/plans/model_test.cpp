#include "plans/model.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <vector>

#include "plan_fixtures.hpp"

namespace waymark::plans {
namespace {

using namespace std::chrono;
using testing::AgreedPlan;
using testing::ApprovedPlan;
using testing::CompleteDraft;

template <class E, class Parse>
std::vector<std::string> RoundTrip(std::span<const E> values, Parse parse) {
  std::vector<std::string> codes;
  std::set<std::string_view> labels;
  for (E value : values) {
    EXPECT_EQ(parse(Code(value)), value);
    EXPECT_TRUE(labels.insert(Label(value)).second);
    codes.emplace_back(Code(value));
  }
  EXPECT_FALSE(parse("unknown"));
  return codes;
}

TEST(PlanCodes, RoundTripAndStayStable) {
  EXPECT_EQ(RoundTrip(AllActionStatuses(), ParseActionStatus),
            (std::vector<std::string>{"not_started", "in_progress", "done", "cancelled"}));
  EXPECT_EQ(RoundTrip(AllRightsFormats(), ParseRightsFormat),
            (std::vector<std::string>{"spoken", "written", "easy_read", "audio", "video",
                                      "sign_language", "braille"}));
  EXPECT_EQ(RoundTrip(AllPlanStatuses(), ParsePlanStatus),
            (std::vector<std::string>{"draft", "agreed", "approved"}));
  EXPECT_EQ(Label(ActionStatus::kInProgress), "In progress");
  EXPECT_EQ(Label(PlanStatus::kAgreed), "Agreed with the person");
}

TEST(PlanModel, LanguageCodesHaveTheIso6393Shape) {
  EXPECT_TRUE(LooksLikeLanguageCode("sqi"));
  EXPECT_TRUE(LooksLikeLanguageCode("vie"));
  EXPECT_FALSE(LooksLikeLanguageCode("sq"));   // ISO 639-1
  EXPECT_FALSE(LooksLikeLanguageCode("SQI"));  // callers lower-case first
  EXPECT_FALSE(LooksLikeLanguageCode("sqip"));
  EXPECT_FALSE(LooksLikeLanguageCode("s1i"));
  EXPECT_FALSE(LooksLikeLanguageCode(""));
}

TEST(PlanModel, EvidenceForIsNulloptOutsideTheTwentyPoints) {
  Plan plan = CompleteDraft();
  EXPECT_TRUE(plan.EvidenceFor(1));
  EXPECT_TRUE(plan.EvidenceFor(20));
  EXPECT_FALSE(plan.EvidenceFor(0));
  EXPECT_FALSE(plan.EvidenceFor(21));
  EXPECT_FALSE(Plan{}.EvidenceFor(5));
}

TEST(PlanReview, DueFromTheReviewDateOnForAPlanInForce) {
  Plan agreed = AgreedPlan();  // review on 2025-06-10
  EXPECT_FALSE(ReviewDue(agreed, sys_days(2025y / June / 9)));
  EXPECT_TRUE(ReviewDue(agreed, sys_days(2025y / June / 10)));
  EXPECT_TRUE(ReviewDue(agreed, sys_days(2025y / December / 1)));
  Plan approved = ApprovedPlan();
  EXPECT_FALSE(ReviewDue(approved, sys_days(2025y / June / 9)));
  EXPECT_TRUE(ReviewDue(approved, sys_days(2025y / June / 10)));
}

TEST(PlanReview, ADraftIsNeverDue) {
  Plan draft = CompleteDraft();
  EXPECT_FALSE(ReviewDue(draft, sys_days(2030y / January / 1)));
  Plan no_date = AgreedPlan();
  no_date.review_on.reset();
  EXPECT_FALSE(ReviewDue(no_date, sys_days(2030y / January / 1)));
}

TEST(PlanInForce, IsTheHighestAgreedOrApprovedVersion) {
  Plan v1 = ApprovedPlan();
  Plan v2 = Revise(v1).value();  // a draft
  EXPECT_EQ(PlanInForce(std::vector<Plan>{v2, v1})->version, 1);
  Plan v2_agreed = Agree(v2, testing::ValidAgreement(), "worker-2", testing::kToday).value();
  auto in_force = PlanInForce(std::vector<Plan>{v1, v2_agreed});
  ASSERT_TRUE(in_force);
  EXPECT_EQ(in_force->version, 2);
  EXPECT_EQ(in_force->status, PlanStatus::kAgreed);
  EXPECT_FALSE(PlanInForce(std::vector<Plan>{CompleteDraft()}));
  EXPECT_FALSE(PlanInForce({}));
}

TEST(PlanInForce, RepeatedOrUnassignedVersionsAreABrokenInvariant) {
  Plan a = AgreedPlan();
  EXPECT_THROW(PlanInForce(std::vector<Plan>{a, a}), std::invalid_argument);
  a.version = 0;
  EXPECT_THROW(PlanInForce(std::vector<Plan>{a}), std::invalid_argument);
}

}  // namespace
}  // namespace waymark::plans
