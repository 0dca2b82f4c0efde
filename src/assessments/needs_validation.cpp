// ValidateNeedsAssessment: see model.hpp for the rules.
#include "assessments/form_rules.hpp"
#include "assessments/model.hpp"

namespace waymark::assessments {

namespace {

std::optional<Need> ReadNeed(FieldErrors& errors, const NeedInput& input, size_t index) {
  std::string prefix = "needs-" + std::to_string(index) + "-";
  std::string name = "need " + std::to_string(index + 1);
  auto domain = ReadChoice<NeedDomain>(errors, prefix + "domain", input.domain, ParseNeedDomain,
                                       "Select the area of " + name);
  auto time_frame = ReadChoice<TimeFrame>(errors, prefix + "time_frame", input.time_frame,
                                          ParseTimeFrame, "Select when " + name + " should be met");
  std::string description =
      ReadText(errors, prefix + "description", input.description, "Description of " + name,
               kMaxNeedDescription, "Enter a description of " + name);
  auto met =
      ReadYesNo(errors, prefix + "met", input.met, "Select whether " + name + " has been met");
  if (!domain || !time_frame || description.empty() || !met) return std::nullopt;
  return Need{*domain, *time_frame, std::move(description), *met};
}

}  // namespace

Result<NeedsAssessment> ValidateNeedsAssessment(const NeedsAssessmentInput& input, Date today) {
  FieldErrors errors;
  NeedsAssessment out{};

  auto kind = ReadChoice<AssessmentKind>(errors, "kind", input.kind, ParseAssessmentKind,
                                         "Select whether this is an initial or a full assessment");
  auto mode = ReadChoice<MeetingMode>(errors, "mode", input.mode, ParseMeetingMode,
                                      "Select how the assessment was carried out");
  auto assessed_on = ReadDate(errors, "assessed_on", input.assessed_on, "Date of the assessment",
                              "Enter the date of the assessment");
  if (assessed_on && *assessed_on > today) {
    errors.Add("assessed_on", "Date of the assessment must be today or in the past");
  }

  if (input.needs.empty()) {
    errors.Add("needs", "Add at least one need");
  } else if (input.needs.size() > kMaxNeeds) {
    errors.Add("needs", "An assessment can record up to " + std::to_string(kMaxNeeds) + " needs");
  } else {
    for (size_t i = 0; i < input.needs.size(); ++i) {
      if (auto need = ReadNeed(errors, input.needs[i], i)) out.needs.push_back(std::move(*need));
    }
  }

  // A full assessment is the considered one, so it must say what the person brings; an
  // initial call is often short and by phone.
  bool full = kind == AssessmentKind::kFull;
  out.strengths = ReadText(errors, "strengths", input.strengths, "Strengths", kMaxStrengths,
                           full ? "Enter the person's strengths" : "");

  if (!errors.empty()) return Fail(errors.ToProblem());
  out.kind = *kind;
  out.mode = *mode;
  out.assessed_on = *assessed_on;
  return out;
}

}  // namespace waymark::assessments
