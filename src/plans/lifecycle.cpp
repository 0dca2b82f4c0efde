#include "plans/lifecycle.hpp"

#include <algorithm>
#include <stdexcept>

#include "assessments/form_rules.hpp"

namespace waymark::plans {

namespace {

using assessments::FieldErrors;

std::string Lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return text;
}

}  // namespace

std::vector<FieldError> MissingBeforeAgreement(const Plan& plan) {
  std::vector<FieldError> missing;
  if (plan.goals.empty()) {
    missing.push_back({"goals", "Add at least one goal"});
  } else if (std::none_of(plan.goals.begin(), plan.goals.end(),
                          [](const Goal& g) { return !g.actions.empty(); })) {
    missing.push_back({"goals-0-actions", "Add at least one action to a goal"});
  }
  for (const StandardPoint& point : Sfjbms05Points()) {
    std::string number = std::to_string(point.number);
    const auto& evidence = plan.EvidenceFor(point.number);
    if (!evidence || evidence->text.empty()) {
      missing.push_back({"evidence-" + number,
                         "Record evidence for point " + number + ": " + std::string(point.title)});
    } else if (point.number == kRightsInformationPoint) {
      // RecordEvidence always sets these for point 5; a plan loaded from elsewhere may not.
      if (!evidence->rights || !LooksLikeLanguageCode(evidence->rights->language)) {
        missing.push_back({"evidence-" + number + "-language",
                           "Record the language the rights information was given in"});
      }
      if (!evidence->rights) {
        missing.push_back({"evidence-" + number + "-format",
                           "Record the format the rights information was given in"});
      }
    }
  }
  if (!plan.review_on) missing.push_back({"review_on", "Enter a review date"});
  return missing;
}

Result<Plan> Agree(const Plan& plan, const AgreementInput& input, std::string_view worker_id,
                   Date today) {
  if (worker_id.empty()) throw std::invalid_argument("Agree needs the worker's user id");
  if (plan.status != PlanStatus::kDraft) {
    return Fail(Problem::Conflict(plan.status == PlanStatus::kAgreed
                                      ? "This plan has already been agreed with the person"
                                      : "This plan has already been approved"));
  }

  FieldErrors errors;
  for (auto& gap : MissingBeforeAgreement(plan)) errors.Add(gap.field, gap.message);

  auto agreed_on =
      assessments::ReadDate(errors, "agreed_on", input.agreed_on, "Date the plan was agreed",
                            "Enter the date the plan was agreed");
  if (agreed_on && *agreed_on > today) {
    errors.Add("agreed_on", "Date the plan was agreed must be today or in the past");
  }
  if (agreed_on && plan.review_on && *plan.review_on <= *agreed_on) {
    errors.Add("review_on", "Review date must be after the date the plan was agreed");
  }
  auto mode = assessments::ReadChoice<MeetingMode>(errors, "mode", input.mode,
                                                   assessments::ParseMeetingMode,
                                                   "Select how the person agreed the plan");
  std::string language = Lowered(Trim(input.language));
  if (language.empty()) {
    errors.Add("language", "Enter the language the plan was agreed in");
  } else if (!LooksLikeLanguageCode(language)) {
    errors.Add("language",
               "Enter the language as a 3-letter ISO 639-3 code, like vie for Vietnamese");
  }
  auto interpreter = assessments::ReadYesNo(errors, "interpreter_used", input.interpreter_used,
                                            "Select whether an interpreter was used");

  if (!errors.empty()) {
    return Fail(Problem::Invalid(errors.errors(), "The plan cannot be agreed yet"));
  }
  Plan out = plan;
  out.status = PlanStatus::kAgreed;
  out.agreement = Agreement{*agreed_on, *mode, language, *interpreter, std::string(worker_id)};
  return out;
}

Result<Plan> Approve(const Plan& plan, std::string_view manager_id, Date today) {
  if (manager_id.empty()) throw std::invalid_argument("Approve needs the manager's user id");
  if (plan.status == PlanStatus::kDraft) {
    return Fail(Problem::Conflict(
        "This plan has not been agreed with the person yet. Only an agreed plan can be "
        "approved."));
  }
  if (plan.status == PlanStatus::kApproved) {
    return Fail(Problem::Conflict("This plan has already been approved"));
  }
  if (!plan.agreement) throw std::invalid_argument("an agreed plan has no agreement");
  if (plan.agreement->agreed_by == manager_id) {
    return Fail(Problem::Forbidden(
        "You agreed this plan with the person, so a different service manager must approve "
        "it"));
  }
  if (today < plan.agreement->agreed_on) {
    return Fail(Problem::Conflict("A plan cannot be approved before the date it was agreed (" +
                                  FormatDateForPeople(plan.agreement->agreed_on) + ")"));
  }
  Plan out = plan;
  out.status = PlanStatus::kApproved;
  out.approval = Approval{std::string(manager_id), today};
  return out;
}

Result<Plan> Revise(const Plan& plan) {
  if (plan.status == PlanStatus::kDraft) {
    return Fail(Problem::Conflict("This plan is already a draft, so you can change it directly"));
  }
  Plan out = plan;
  out.version = plan.version + 1;
  out.status = PlanStatus::kDraft;
  out.agreement.reset();
  out.approval.reset();
  return out;
}

}  // namespace waymark::plans
