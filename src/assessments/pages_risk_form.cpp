// Recording a risk assessment: a level and notes for each kind of risk, the overall level and
// the date of the next review. The form starts from the current assessment (a review is a quick
// edit) and saves a new version. The review date is checked against the review policy in force
// on the assessment date; the page says what the policy is before anyone gets it wrong.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "assessments/pages_shared.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::assessments::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::DateParts;
using html::El;
using html::Node;
using identity::FieldError;
using identity::PageContext;

struct RiskFormState {
  int based_on = 0;
  DateParts assessed_on{};
  std::vector<RiskInput> risks{};  // one for each kind, in AllRiskKinds() order
  std::string overall{};
  DateParts review_on{};
};

std::string Field(RiskKind kind, std::string_view part) {
  return "risks-" + std::string(Code(kind)) + "-" + std::string(part);
}

RiskFormState StateFrom(const RiskDraft& draft) {
  RiskFormState state;
  state.assessed_on = PartsOf(draft.today);
  for (RiskKind kind : AllRiskKinds()) state.risks.push_back({std::string(Code(kind)), "", ""});
  if (!draft.current) return state;
  const RiskAssessment& current = draft.current->assessment;
  state.based_on = draft.current->recorded.version;
  for (const RiskRating& rating : current.risks) {
    RiskInput& input = state.risks[static_cast<size_t>(rating.kind)];
    input.level = Code(rating.level);
    input.notes = rating.notes;
  }
  state.overall = Code(current.overall);
  return state;
}

// The kinds come from the list, not from the form, so a form cannot add or drop one.
RiskFormState StateFrom(const http::FormFields& form) {
  auto get = [&form](const std::string& name) { return std::string(form.GetOr(name)); };
  RiskFormState state;
  state.assessed_on = {get("assessed_on-day"), get("assessed_on-month"), get("assessed_on-year")};
  for (RiskKind kind : AllRiskKinds()) {
    state.risks.push_back(
        {std::string(Code(kind)), get(Field(kind, "level")), get(Field(kind, "notes"))});
  }
  state.overall = get("overall");
  state.review_on = {get("review_on-day"), get("review_on-month"), get("review_on-year")};
  return state;
}

RiskAssessmentInput InputFrom(const RiskFormState& state) {
  return {IsoFromParts(state.assessed_on.day, state.assessed_on.month, state.assessed_on.year),
          state.risks, state.overall,
          IsoFromParts(state.review_on.day, state.review_on.month, state.review_on.year)};
}

template <class E>
std::vector<identity::RadioItem> RadioItemsOf(std::span<const E> values) {
  std::vector<identity::RadioItem> items;
  for (E value : values) items.push_back({std::string(Code(value)), std::string(Label(value))});
  return items;
}

std::string Capitalised(std::string_view phrase) {
  std::string out(phrase);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

Node RiskFields(RiskKind kind, const RiskInput& input, const std::optional<Problem>& problem) {
  return El("fieldset")
      .Class("govuk-fieldset govuk-!-margin-bottom-6")
      .Add({
          El("legend")
              .Class("govuk-fieldset__legend govuk-fieldset__legend--m")
              .AddText(Label(kind)),
          identity::Radios(Field(kind, "level"), "Level of " + std::string(Phrase(kind)),
                           RadioItemsOf(AllRiskLevels()), input.level,
                           FieldError(problem, Field(kind, "level"))),
          cases::pages::Textarea(
              {.name = Field(kind, "notes"),
               .label = "Notes",
               .hint = Capitalised(Phrase(kind)) +
                       ": what it is and what keeps them safe. Needed for a medium "
                       "or high risk.",
               .value = input.notes,
               .error = FieldError(problem, Field(kind, "notes")),
               .rows = 3}),
      });
}

std::string PolicyText(const RiskReviewPolicy& policy) {
  auto months = [](int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); };
  return "Review a high risk within " + months(policy.high_months) + ", a medium risk within " +
         months(policy.medium_months) + " and a low risk within " + months(policy.low_months) +
         " of the assessment.";
}

http::Response RenderForm(const PageContext& ctx, const RiskDraft& draft,
                          const RiskFormState& state, const std::optional<Problem>& problem,
                          int status) {
  const AssessedCase& about = draft.about;
  std::string title =
      state.based_on > 0 ? "Review the risk assessment" : "Record a risk assessment";
  std::vector<Node> body{
      El("input")
          .Attr("type", "hidden")
          .Attr("name", "based_on")
          .Attr("value", std::to_string(state.based_on)),
      cases::pages::DateInput({.name = "assessed_on",
                               .legend = "Date of the assessment",
                               .hint = "For example, 27 3 2024",
                               .value = state.assessed_on,
                               .error = FieldError(problem, "assessed_on")}),
      cases::pages::SubHeading("Risks"),
      identity::Paragraph("Rate every kind of risk. None means you have found no sign of it."),
  };
  if (std::string error = FieldError(problem, "risks"); !error.empty()) {
    body.push_back(govuk::ErrorMessage({.text = error, .id = "risks"}));
  }
  for (RiskKind kind : AllRiskKinds()) {
    body.push_back(RiskFields(kind, state.risks[static_cast<size_t>(kind)], problem));
  }
  body.push_back(cases::pages::SubHeading("Overall risk and review"));
  body.push_back(identity::Paragraph(PolicyText(draft.policy)));
  body.push_back(identity::Radios("overall", "Overall level of risk",
                                  RadioItemsOf(AllOverallRisks()), state.overall,
                                  FieldError(problem, "overall")));
  body.push_back(cases::pages::DateInput({.name = "review_on",
                                          .legend = "Date of the next review",
                                          .hint = "For example, 3 6 2024",
                                          .value = state.review_on,
                                          .error = FieldError(problem, "review_on")}));
  body.push_back(govuk::Button({.text = "Save risk assessment"}));

  return RenderNewVersionForm(ctx, {.title = title,
                                    .kind = "risk",
                                    .case_id = about.id,
                                    .reference = about.reference,
                                    .based_on = state.based_on,
                                    .newer_link_text = "Read the newer risk assessment",
                                    .newer_href = RiskPath(about.id, state.based_on),
                                    .fields = std::move(body),
                                    .problem = problem,
                                    .status = status});
}

http::Response ShowForm(PageContext& ctx, AssessmentService& assessments) {
  auto draft = assessments.StartRisk(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!draft) return cases::pages::ProblemResponse(ctx, draft.error());
  return RenderForm(ctx, *draft, StateFrom(*draft), std::nullopt, 200);
}

http::Response Save(PageContext& ctx, AssessmentService& assessments) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  std::optional<int> based_on = BasedOnFrom(*form);
  if (!based_on) {
    return cases::pages::ProblemResponse(
        ctx, Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}});
  }
  RiskFormState state = StateFrom(*form);
  state.based_on = *based_on;
  auto saved =
      assessments.RecordRisk(ctx.actor(), id, InputFrom(state), state.based_on, ctx.origin());
  if (saved) return http::Response::Redirect(AssessmentsPath(id) + "?risk_recorded=1");
  const Problem& problem = saved.error();
  if (problem.kind != ProblemKind::kInvalid && problem.kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, problem);
  }
  // The form again with what they typed; after a stale save it builds on the newer version.
  auto draft = assessments.StartRisk(ctx.actor(), id, ctx.origin());
  if (!draft) return cases::pages::ProblemResponse(ctx, draft.error());
  bool stale = problem.kind == ProblemKind::kConflict;
  if (stale) state.based_on = draft->current ? draft->current->recorded.version : 0;
  return RenderForm(ctx, *draft, state, problem, stale ? 409 : 400);
}

}  // namespace

void AddRiskFormPages(identity::WebRoutes& routes, AssessmentService& assessments) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/assessments/risk/new", Action::kCaseList,
              [&assessments](PageContext& ctx) { return ShowForm(ctx, assessments); });
  routes.Page("POST", "/cases/{id:id}/assessments/risk/new", Action::kCaseList,
              [&assessments](PageContext& ctx) { return Save(ctx, assessments); });
}

}  // namespace waymark::assessments::pages
