#include "tasks/model.hpp"

#include <array>
#include <vector>

#include "identity/text.hpp"

namespace waymark::tasks {

namespace {

struct KindInfo {
  std::string_view kind;
  std::string_view label;
  int lead_days;
};

// The kinds the features write. Statutory NRM dates show a fortnight ahead; reviews a week;
// consent a month, because renewing it means meeting the person.
constexpr std::array<KindInfo, 10> kKinds{{
    {"nrm.rg_target", "Reasonable grounds decision due", 14},
    {"nrm.recovery_period_ends", "Recovery period ends", 14},
    {"nrm.reconsideration_window_closes", "Reconsideration window closes", 14},
    {"nrm.move_on_ends", "Move-on support ends", 14},
    {"nrm.rna_extension_ends", "Extended support ends", 14},
    {"nrm.reach_in_closes", "Reach-In support ends", 30},
    {"risk.review", "Risk assessment review due", 7},
    {"needs.review", "Needs assessment review due", 7},
    {"plan.review", "Support plan review due", 7},
    {"consent.expiry", "Consent expires", 30},
}};

const KindInfo* Find(std::string_view kind) {
  for (const auto& info : kKinds) {
    if (info.kind == kind) return &info;
  }
  return nullptr;
}

}  // namespace

std::string_view DeadlineLabel(std::string_view kind) {
  const KindInfo* info = Find(kind);
  return info ? info->label : std::string_view("Deadline");
}

int LeadDays(std::string_view kind) {
  const KindInfo* info = Find(kind);
  return info ? info->lead_days : 14;
}

Urgency UrgencyOf(Date due_on, Date today) {
  if (due_on < today) return Urgency::kOverdue;
  if (due_on == today) return Urgency::kDueToday;
  if (due_on <= today + std::chrono::days(7)) return Urgency::kDueThisWeek;
  return Urgency::kLater;
}

std::string_view UrgencyLabel(Urgency urgency) {
  switch (urgency) {
    case Urgency::kOverdue:
      return "Overdue";
    case Urgency::kDueToday:
      return "Due today";
    case Urgency::kDueThisWeek:
      return "Due this week";
    case Urgency::kLater:
      return "Due later";
  }
  return "Due later";
}

Result<ValidTask> ValidateTask(const TaskInput& input, Date today) {
  std::vector<FieldError> errors;
  ValidTask task;
  task.title = Trim(input.title);
  if (task.title.empty()) {
    errors.push_back({"title", "Enter what needs to be done"});
  } else if (CountCharacters(task.title) > kMaxTitleCharacters) {
    errors.push_back({"title", "What needs to be done must be 200 characters or fewer"});
  }
  auto due = DateFromParts(input.due_day, input.due_month, input.due_year);
  if (Trim(input.due_day).empty() && Trim(input.due_month).empty() &&
      Trim(input.due_year).empty()) {
    errors.push_back({"due", "Enter the date the task is due"});
  } else if (!due) {
    errors.push_back({"due", "The due date must be a real date, like 27 3 2027"});
  } else if (*due < today) {
    errors.push_back({"due", "The due date must be today or in the future"});
  } else if (*due > today + std::chrono::days(5 * 366)) {
    errors.push_back({"due", "The due date must be within 5 years"});
  } else {
    task.due_on = *due;
  }
  task.assigned_to = Trim(input.assigned_to);
  if (task.assigned_to.empty()) errors.push_back({"assigned_to", "Select who will do the task"});
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  return task;
}

}  // namespace waymark::tasks
