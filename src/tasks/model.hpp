// Tasks: the due dates other features compute (deadlines) and tasks people add by hand, with
// the rules that need no database: labels for deadline kinds, how far ahead a deadline becomes
// a task, urgency, and validation of a hand-made task.
// Thread safety: pure functions over constant tables.
#pragma once

#include <string>
#include <string_view>

#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::tasks {

// A date a feature computed for a case. `kind` is a code such as "nrm.rg_decision"; `subject_id`
// names the record it comes from when a case can have several (a consent), else "".
struct Deadline {
  std::string kind;
  Date due_on{};
  std::string subject_id{};
  bool operator==(const Deadline&) const = default;
};

// "Reasonable grounds decision due"; an unknown kind reads "Deadline".
std::string_view DeadlineLabel(std::string_view kind);
// A deadline shows in "my tasks" from this many days before it is due (and until it is met).
int LeadDays(std::string_view kind);

enum class Urgency { kOverdue, kDueToday, kDueThisWeek, kLater };
Urgency UrgencyOf(Date due_on, Date today);
std::string_view UrgencyLabel(Urgency urgency);  // "Overdue", "Due today", ...

// A task added by hand, as the form gave it.
struct TaskInput {
  std::string title{};
  std::string due_day{}, due_month{}, due_year{};
  std::string assigned_to{};  // a user id
};
struct ValidTask {
  std::string title;
  Date due_on{};
  std::string assigned_to;
};
inline constexpr size_t kMaxTitleCharacters = 200;
// Every problem at once, with GOV.UK messages. The due date is today or later and within five
// years; whether `assigned_to` may work on the case is the service's question.
Result<ValidTask> ValidateTask(const TaskInput& input, Date today);

}  // namespace waymark::tasks
