#include "plans/schedule.hpp"

#include <algorithm>

namespace waymark::plans {

PlanSchedule ScheduleFor(const std::optional<Plan>& in_force, Date today) {
  PlanSchedule out;
  if (!in_force || in_force->status == PlanStatus::kDraft) return out;
  out.version = in_force->version;
  out.review_on = in_force->review_on;
  out.review_due = ReviewDue(*in_force, today);
  for (size_t g = 0; g < in_force->goals.size(); ++g) {
    const auto& actions = in_force->goals[g].actions;
    for (size_t a = 0; a < actions.size(); ++a) {
      const Action& action = actions[a];
      if (action.status == ActionStatus::kDone || action.status == ActionStatus::kCancelled) {
        continue;
      }
      out.actions.push_back(
          {g, a, action.text, action.owner, action.due_on, action.status, action.due_on < today});
    }
  }
  std::stable_sort(out.actions.begin(), out.actions.end(),
                   [](const DueAction& x, const DueAction& y) { return x.due_on < y.due_on; });
  return out;
}

}  // namespace waymark::plans
