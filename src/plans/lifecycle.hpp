// A plan's lifecycle: draft -> agreed with the person -> approved by a service manager, and
// Revise() to start the next version. Each transition returns the changed copy or a refusal
// in plain words; the input plan is never modified. Pure functions; safe from any thread.
//
// Who may call these (a support worker agrees, a service manager approves) is the policy
// decision point's question, asked by the service before it calls them. These rules only
// know user ids, and use them for one thing: the approver must not be the worker who agreed
// the plan. Approval is the second pair of eyes on a plan for someone at risk; a manager who
// also agreed it with the person would be checking their own work.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plans/model.hpp"
#include "platform/util/problem.hpp"

namespace waymark::plans {

struct AgreementInput {
  std::string agreed_on;         // ISO date
  std::string mode;              // Code(MeetingMode)
  std::string language;          // ISO 639-3
  std::string interpreter_used;  // "yes" or "no"
};

// What the plan still lacks before it can be agreed, one error per gap, with the fields of
// the check-your-answers rows (check_answers.hpp): "goals" (no goal), "goals-0-actions" (no
// goal has an action), "evidence-<point>", "evidence-5-language", "evidence-5-format",
// "review_on". Empty when nothing is missing.
std::vector<FieldError> MissingBeforeAgreement(const Plan& plan);

// Only a draft can be agreed (Conflict otherwise). It needs evidence for all twenty points,
// at least one goal with at least one action, a review date after the agreement date, and
// an agreement form with a real date not after `today`, how the person agreed, the language
// (ISO 639-3) and whether an interpreter was used. Everything missing is reported at once as
// Problem::Invalid. `worker_id` is the user agreeing it (std::invalid_argument if empty).
Result<Plan> Agree(const Plan& plan, const AgreementInput& input, std::string_view worker_id,
                   Date today);

// Only an agreed plan can be approved (Conflict otherwise); not by the worker who agreed it
// (Forbidden), and not before the date it was agreed (Conflict). `manager_id` must not be
// empty (std::invalid_argument).
Result<Plan> Approve(const Plan& plan, std::string_view manager_id, Date today);

// A new draft, version + 1, with the same goals, evidence and review date, and no agreement
// or approval. Only an agreed or approved plan is revised (a draft is edited directly:
// Conflict). The store keeps the old version as it was.
Result<Plan> Revise(const Plan& plan);

}  // namespace waymark::plans
