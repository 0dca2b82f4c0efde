#include "plans/editing.hpp"

#include <algorithm>

#include "assessments/form_rules.hpp"

namespace waymark::plans {

namespace {

using assessments::FieldErrors;
using assessments::ReadChoice;
using assessments::ReadDate;
using assessments::ReadText;

std::optional<Action> ReadAction(FieldErrors& errors, const ActionInput& input, size_t index) {
  std::string prefix = "actions-" + std::to_string(index) + "-";
  std::string name = "action " + std::to_string(index + 1);
  std::string text =
      ReadText(errors, prefix + "text", input.text, "Action " + std::to_string(index + 1),
               kMaxActionText, "Enter a description of " + name);
  std::string owner = ReadText(errors, prefix + "owner", input.owner, "Owner of " + name, kMaxOwner,
                               "Enter who is responsible for " + name);
  auto due_on = ReadDate(errors, prefix + "due_on", input.due_on, "Due date of " + name,
                         "Enter the date " + name + " is due");
  auto status = ReadChoice<ActionStatus>(errors, prefix + "status", input.status, ParseActionStatus,
                                         "Select the status of " + name);
  if (text.empty() || owner.empty() || !due_on || !status) return std::nullopt;
  return Action{std::move(text), std::move(owner), *due_on, *status};
}

Problem NoSuchGoal(size_t index) { return Problem::NotFound(NoSuchGoalMessage(index)); }

}  // namespace

std::string NoSuchGoalMessage(size_t index) {
  return "This plan has no goal " + std::to_string(index + 1);
}

Result<void> CheckEditable(const Plan& plan) {
  switch (plan.status) {
    case PlanStatus::kDraft:
      return {};
    case PlanStatus::kAgreed:
      return Fail(Problem::Conflict(
          "This plan has been agreed with the person, so it cannot be changed. Start a new "
          "version to change it."));
    case PlanStatus::kApproved:
      return Fail(Problem::Conflict(
          "This plan has been approved, so it cannot be changed. Start a new version to change "
          "it."));
  }
  return Fail(Problem::Conflict("This plan cannot be changed"));
}

Result<Goal> ValidateGoal(const GoalInput& input) {
  FieldErrors errors;
  Goal goal;
  goal.text = ReadText(errors, "text", input.text, "Goal", kMaxGoalText, "Enter the goal");

  for (const auto& code : input.domains) {
    auto domain = assessments::ParseNeedDomain(Trim(code));
    if (!domain) {
      errors.Add("domains", "Select the needs this goal addresses");
      break;
    }
    if (std::find(goal.domains.begin(), goal.domains.end(), *domain) == goal.domains.end()) {
      goal.domains.push_back(*domain);
    }
  }
  if (goal.domains.empty()) errors.Add("domains", "Select the needs this goal addresses");

  if (input.actions.size() > kMaxActionsPerGoal) {
    errors.Add("actions",
               "A goal can have up to " + std::to_string(kMaxActionsPerGoal) + " actions");
  } else {
    for (size_t i = 0; i < input.actions.size(); ++i) {
      if (auto action = ReadAction(errors, input.actions[i], i)) {
        goal.actions.push_back(std::move(*action));
      }
    }
  }

  if (!errors.empty()) return Fail(errors.ToProblem());
  return goal;
}

Result<Plan> AddGoal(const Plan& plan, const GoalInput& input) {
  if (auto editable = CheckEditable(plan); !editable) return Fail(editable.error());
  if (plan.goals.size() >= kMaxGoals) {
    return Fail(
        Problem::Invalid("goals", "A plan can have up to " + std::to_string(kMaxGoals) + " goals"));
  }
  auto goal = ValidateGoal(input);
  if (!goal) return Fail(goal.error());
  Plan out = plan;
  out.goals.push_back(std::move(*goal));
  return out;
}

Result<Plan> ReplaceGoal(const Plan& plan, size_t index, const GoalInput& input) {
  if (auto editable = CheckEditable(plan); !editable) return Fail(editable.error());
  if (index >= plan.goals.size()) return Fail(NoSuchGoal(index));
  auto goal = ValidateGoal(input);
  if (!goal) return Fail(goal.error());
  Plan out = plan;
  out.goals[index] = std::move(*goal);
  return out;
}

Result<Plan> RemoveGoal(const Plan& plan, size_t index) {
  if (auto editable = CheckEditable(plan); !editable) return Fail(editable.error());
  if (index >= plan.goals.size()) return Fail(NoSuchGoal(index));
  Plan out = plan;
  out.goals.erase(out.goals.begin() + static_cast<std::ptrdiff_t>(index));
  return out;
}

Result<Plan> RecordEvidence(const Plan& plan, int point, const EvidenceInput& input) {
  if (auto editable = CheckEditable(plan); !editable) return Fail(editable.error());
  if (!Sfjbms05Point(point)) {
    return Fail(Problem::NotFound("SFJBMS05 has no point " + std::to_string(point)));
  }
  FieldErrors errors;
  std::string number = std::to_string(point);
  PointEvidence evidence;
  evidence.text = ReadText(errors, "text", input.text, "Evidence", kMaxEvidence,
                           "Enter the evidence for point " + number);

  std::string language = Trim(input.language);
  std::transform(language.begin(), language.end(), language.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  std::string format = Trim(input.format);
  if (point == kRightsInformationPoint) {
    if (language.empty()) {
      errors.Add("language", "Enter the language the rights information was given in");
    } else if (!LooksLikeLanguageCode(language)) {
      errors.Add("language",
                 "Enter the language as a 3-letter ISO 639-3 code, like vie for Vietnamese");
    }
    auto parsed = ReadChoice<RightsFormat>(errors, "format", format, ParseRightsFormat,
                                           "Select the format the rights information was given in");
    if (errors.empty()) evidence.rights = RightsInformation{language, *parsed};
  } else {
    // Only point 5 is about rights information; anything else here is a mistaken form.
    if (!language.empty()) errors.Add("language", "Only point 5 records a language");
    if (!format.empty()) errors.Add("format", "Only point 5 records a format");
  }

  if (!errors.empty()) return Fail(errors.ToProblem());
  Plan out = plan;
  out.evidence[static_cast<size_t>(point - 1)] = std::move(evidence);
  return out;
}

Result<Plan> SetReviewDate(const Plan& plan, std::string_view review_on, Date today) {
  if (auto editable = CheckEditable(plan); !editable) return Fail(editable.error());
  FieldErrors errors;
  auto date = ReadDate(errors, "review_on", review_on, "Review date", "Enter the review date");
  if (date && *date <= today) errors.Add("review_on", "Review date must be in the future");
  if (!errors.empty()) return Fail(errors.ToProblem());
  Plan out = plan;
  out.review_on = *date;
  return out;
}

}  // namespace waymark::plans
