#include "plans/schedule.hpp"

#include <gtest/gtest.h>

#include "plan_fixtures.hpp"

namespace waymark::plans::testing {
namespace {

TEST(ScheduleFor, ADraftOrNoPlanAsksNothing) {
  EXPECT_FALSE(ScheduleFor(std::nullopt, kToday).version);
  PlanSchedule draft = ScheduleFor(CompleteDraft(), kToday);
  EXPECT_FALSE(draft.version);
  EXPECT_TRUE(draft.actions.empty());
}

TEST(ScheduleFor, OpenActionsComeSoonestFirstAndDoneOnesAreLeftOut) {
  Plan plan = CompleteDraft();
  GoalInput urgent{"See a GP",
                   {"physical_health"},
                   {{"Book the appointment", "Support worker", "2025-03-05", "in_progress"},
                    {"Collect the prescription", "Ana", "2025-03-01", "done"}}};
  plan = AddGoal(plan, urgent).value();
  plan = Agree(plan, ValidAgreement(), "worker-1", kToday).value();
  PlanSchedule schedule = ScheduleFor(plan, kToday);
  EXPECT_EQ(schedule.version, 1);
  EXPECT_EQ(schedule.review_on, plan.review_on);
  EXPECT_FALSE(schedule.review_due);
  ASSERT_EQ(schedule.actions.size(), 3u);
  EXPECT_EQ(schedule.actions[0].text, "Book the appointment");
  EXPECT_TRUE(schedule.actions[0].overdue);
  EXPECT_EQ(schedule.actions[0].goal_index, 1u);
  EXPECT_EQ(schedule.actions[1].text, "Refer to the council's housing team");
  EXPECT_FALSE(schedule.actions[1].overdue);
  EXPECT_TRUE(ScheduleFor(plan, *plan.review_on).review_due);
}

}  // namespace
}  // namespace waymark::plans::testing
