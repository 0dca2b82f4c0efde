// The canary: distinctive words typed into a plan (a goal, an action, evidence) must never appear
// in the stored bytes: the SQLite file and its WAL, or any PostgreSQL row cast to text.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/plans/plan_service_fixture.hpp"

namespace waymark::plans::testing {
namespace {

constexpr std::string_view kCanaryGoal = "Zephyrquill";
constexpr std::string_view kCanaryEvidence = "Marrowgleam";

class PlanCanaryTest : public PlanServiceTest {};

TEST_P(PlanCanaryTest, WordsTypedIntoAPlanNeverReachTheStoredBytes) {
  auto c = CreateAmina();
  auto actor = ActorFor(worker_);
  StoredPlan plan = Ok(plans().Start(actor, c.id, origin_));
  GoalInput goal = Housing();
  goal.text = "Reach " + std::string(kCanaryGoal) + " safely";
  goal.actions[0].owner = std::string(kCanaryGoal) + " Solicitors";
  plan = Ok(plans().SaveGoal(actor, c.id, std::nullopt, goal, plan.revision, origin_));
  plan =
      Ok(plans().RecordEvidence(actor, c.id, AllPoints(kCanaryEvidence), plan.revision, origin_));
  plan = Ok(plans().SetReviewDate(actor, c.id, kReviewOn, plan.revision, origin_));
  plan = Ok(plans().Agree(actor, c.id, Agreement(), plan.revision, origin_));
  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find(kCanaryGoal), std::string::npos);
  EXPECT_EQ(bytes.find(kCanaryEvidence), std::string::npos);
  // Status and dates are in the clear, as designed.
  EXPECT_NE(bytes.find(kReviewOn), std::string::npos);
  // And the plan still reads back.
  auto view = Ok(plans().Current(actor, c.id, origin_));
  EXPECT_EQ(view.current->plan.goals[0].text, goal.text);
}

WAYMARK_INSTANTIATE_DB_TEST(PlanCanaryTest);

}  // namespace
}  // namespace waymark::plans::testing
