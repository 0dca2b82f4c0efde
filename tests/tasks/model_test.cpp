#include "tasks/model.hpp"

#include <gtest/gtest.h>

namespace waymark::tasks {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(TaskRules, UrgencyIsOverdueTodayThisWeekOrLater) {
  Date today = D(2026, 11, 23);
  EXPECT_EQ(UrgencyOf(D(2026, 11, 22), today), Urgency::kOverdue);
  EXPECT_EQ(UrgencyOf(today, today), Urgency::kDueToday);
  EXPECT_EQ(UrgencyOf(D(2026, 11, 30), today), Urgency::kDueThisWeek);
  EXPECT_EQ(UrgencyOf(D(2026, 12, 1), today), Urgency::kLater);
  EXPECT_EQ(UrgencyLabel(Urgency::kOverdue), "Overdue");
}

TEST(TaskRules, KnownKindsHaveLabelsAndLeadTimes) {
  EXPECT_EQ(DeadlineLabel("nrm.rg_target"), "Reasonable grounds decision due");
  EXPECT_EQ(DeadlineLabel("consent.expiry"), "Consent expires");
  EXPECT_EQ(DeadlineLabel("something.new"), "Deadline");
  EXPECT_EQ(LeadDays("consent.expiry"), 30);
  EXPECT_EQ(LeadDays("risk.review"), 7);
  EXPECT_EQ(LeadDays("something.new"), 14);
}

TEST(TaskRules, AValidTaskIsTrimmed) {
  auto task =
      ValidateTask({"  Book an interpreter  ", "1", "12", "2026", "user-1"}, D(2026, 11, 23));
  ASSERT_TRUE(task) << task.error().message;
  EXPECT_EQ(task->title, "Book an interpreter");
  EXPECT_EQ(task->due_on, D(2026, 12, 1));
  EXPECT_EQ(task->assigned_to, "user-1");
}

TEST(TaskRules, EveryProblemIsReportedAtOnce) {
  auto task = ValidateTask({" ", "", "", "", ""}, D(2026, 11, 23));
  ASSERT_FALSE(task);
  ASSERT_EQ(task.error().fields.size(), 3u);
  EXPECT_EQ(task.error().fields[0].field, "title");
  EXPECT_EQ(task.error().fields[1].message, "Enter the date the task is due");
  EXPECT_EQ(task.error().fields[2].field, "assigned_to");
}

TEST(TaskRules, TheDueDateMustBeRealTodayOrLaterAndWithinFiveYears) {
  Date today = D(2026, 11, 23);
  auto message = [&](std::string d, std::string m, std::string y) {
    auto task = ValidateTask({"Call the GP", d, m, y, "u"}, today);
    return task ? std::string() : task.error().fields.at(0).message;
  };
  EXPECT_EQ(message("31", "2", "2027"), "The due date must be a real date, like 27 3 2027");
  EXPECT_EQ(message("22", "11", "2026"), "The due date must be today or in the future");
  EXPECT_EQ(message("23", "11", "2026"), "");
  EXPECT_EQ(message("1", "1", "2032"), "The due date must be within 5 years");
}

TEST(TaskRules, TheTitleHasALimitInCharactersNotBytes) {
  std::string two_hundred;
  for (int i = 0; i < 200; ++i) two_hundred += "é";
  EXPECT_TRUE(ValidateTask({two_hundred, "1", "12", "2026", "u"}, D(2026, 11, 23)));
  EXPECT_FALSE(ValidateTask({two_hundred + "a", "1", "12", "2026", "u"}, D(2026, 11, 23)));
}

}  // namespace
}  // namespace waymark::tasks
