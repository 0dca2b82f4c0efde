// Changing a draft plan: goals and their actions, evidence for a point of SFJBMS05, the
// review date. Each function validates form strings, refuses to touch anything but a draft
// (an agreed or approved plan is a record of what was agreed: Revise() in lifecycle.hpp
// starts a new draft instead), and returns the changed copy; the input plan is never
// modified. Pure functions; safe from any thread.
//
// Field names in errors, for one goal's form: text, domains, actions, actions-<i>-text,
// actions-<i>-owner, actions-<i>-due_on, actions-<i>-status (i from 0); for evidence: text,
// language, format; for the review date: review_on. Adding past the goal limit: goals.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "plans/model.hpp"
#include "platform/util/problem.hpp"

namespace waymark::plans {

// Limits on what people type (characters) and on the size of a plan.
inline constexpr size_t kMaxGoals = 30;
inline constexpr size_t kMaxActionsPerGoal = 20;
inline constexpr size_t kMaxGoalText = 500;
inline constexpr size_t kMaxActionText = 500;
inline constexpr size_t kMaxOwner = 100;
inline constexpr size_t kMaxEvidence = 4000;

struct ActionInput {
  std::string text;
  std::string owner;
  std::string due_on;  // ISO date
  std::string status;  // Code(ActionStatus)
};

struct GoalInput {
  std::string text;
  std::vector<std::string> domains;  // Code(NeedDomain), as checkboxes send them
  std::vector<ActionInput> actions;
};

struct EvidenceInput {
  std::string text;
  std::string language;  // point 5 only: ISO 639-3
  std::string format;    // point 5 only: Code(RightsFormat)
};

// Ok for a draft; Conflict, in words a worker can act on, for an agreed or approved plan.
Result<void> CheckEditable(const Plan& plan);

// A goal needs text and at least one need domain; it may have up to kMaxActionsPerGoal
// actions, each with text, an owner, a real due date and a status. Due dates may be past:
// a revised plan carries forward actions that are done or overdue.
Result<Goal> ValidateGoal(const GoalInput& input);

Result<Plan> AddGoal(const Plan& plan, const GoalInput& input);
// `index` is 0-based; one out of range is NotFound with NoSuchGoalMessage(index).
Result<Plan> ReplaceGoal(const Plan& plan, size_t index, const GoalInput& input);
Result<Plan> RemoveGoal(const Plan& plan, size_t index);
// For people, who see goals numbered from 1 ("Goal 1"): "This plan has no goal {index + 1}".
std::string NoSuchGoalMessage(size_t index);

// Evidence for `point` (1..20; outside that is NotFound). Point 5 also needs the language
// and format the rights information was given in; other points must not send them.
Result<Plan> RecordEvidence(const Plan& plan, int point, const EvidenceInput& input);

// A review date set on a draft must be after `today`.
Result<Plan> SetReviewDate(const Plan& plan, std::string_view review_on, Date today);

}  // namespace waymark::plans
