// What a plan in force asks of the people working on it, as plain values for task lists: its
// review date and the actions still open, soonest first. A draft is work in progress, not the
// plan in force, so it asks nothing (ReviewDue in model.hpp says the same for reviews).
// Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "plans/model.hpp"

namespace waymark::plans {

struct DueAction {
  size_t goal_index = 0;    // 0-based, as the plan holds it
  size_t action_index = 0;  // 0-based within the goal
  std::string text;
  std::string owner;
  Date due_on;
  ActionStatus status = ActionStatus::kNotStarted;
  bool overdue = false;  // due before `today`
};

struct PlanSchedule {
  std::optional<int> version;  // the plan in force; nullopt when none has been agreed
  std::optional<Date> review_on;
  bool review_due = false;
  std::vector<DueAction> actions;  // not done and not cancelled, by due date then position
};

PlanSchedule ScheduleFor(const std::optional<Plan>& in_force, Date today);

}  // namespace waymark::plans
