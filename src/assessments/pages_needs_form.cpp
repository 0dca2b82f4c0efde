// Recording a needs assessment. The form starts from the current assessment, so a review is a
// quick edit, and saves a new version (the old one is kept). Needs are repeated rows; without
// JavaScript, "Add another need" posts the form back with one more row, and a row is removed by
// ticking its box or leaving it blank. Enter in a field saves, as it does on every other form.
// Validation is the model's: every problem at once, in an error summary linking to each field, with
// what was typed kept.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "assessments/form_rules.hpp"
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

// More rows than this are never read back, whatever the form claims.
constexpr size_t kMaxRows = kMaxNeeds + 10;
constexpr size_t kBlankRowsForAFirstAssessment = 3;

struct NeedsFormState {
  int based_on = 0;
  std::string kind{};
  std::string mode{};
  DateParts assessed_on{};
  std::vector<NeedInput> needs{};
  std::string strengths{};
};

bool Blank(const NeedInput& need) {
  return Trim(need.domain).empty() && Trim(need.time_frame).empty() &&
         Trim(need.description).empty() && Trim(need.met).empty();
}

NeedsFormState StateFrom(const NeedsDraft& draft) {
  NeedsFormState state;
  state.assessed_on = PartsOf(draft.today);
  if (!draft.current) {
    state.needs.resize(kBlankRowsForAFirstAssessment);
    return state;
  }
  const NeedsAssessment& current = draft.current->assessment;
  state.based_on = draft.current->recorded.version;
  state.kind = Code(current.kind);
  state.mode = Code(current.mode);
  for (const Need& need : current.needs) {
    state.needs.push_back({std::string(Code(need.domain)), std::string(Code(need.time_frame)),
                           need.description, need.met ? "yes" : "no"});
  }
  state.needs.emplace_back();
  state.strengths = current.strengths;
  return state;
}

// The rows as sent, without those ticked for removal or left blank.
NeedsFormState StateFrom(const http::FormFields& form) {
  auto get = [&form](const std::string& name) { return std::string(form.GetOr(name)); };
  NeedsFormState state;
  state.kind = get("kind");
  state.mode = get("mode");
  state.assessed_on = {get("assessed_on-day"), get("assessed_on-month"), get("assessed_on-year")};
  state.strengths = get("strengths");
  for (size_t i = 0; i < kMaxRows; ++i) {
    std::string prefix = "needs-" + std::to_string(i) + "-";
    if (!form.Has(prefix + "description") && !form.Has(prefix + "domain")) break;
    NeedInput need{get(prefix + "domain"), get(prefix + "time_frame"), get(prefix + "description"),
                   get(prefix + "met")};
    if (form.Has(prefix + "remove") || Blank(need)) continue;
    state.needs.push_back(std::move(need));
  }
  return state;
}

NeedsAssessmentInput InputFrom(const NeedsFormState& state) {
  return {state.kind, state.mode,
          IsoFromParts(state.assessed_on.day, state.assessed_on.month, state.assessed_on.year),
          state.needs, state.strengths};
}

template <class E>
std::vector<cases::pages::SelectItem> ItemsOf(std::span<const E> values, std::string first) {
  std::vector<cases::pages::SelectItem> items{{"", std::move(first)}};
  for (E value : values) items.push_back({std::string(Code(value)), std::string(Label(value))});
  return items;
}

template <class E>
std::vector<identity::RadioItem> RadioItemsOf(std::span<const E> values) {
  std::vector<identity::RadioItem> items;
  for (E value : values) items.push_back({std::string(Code(value)), std::string(Label(value))});
  return items;
}

Node RemoveBox(const std::string& name, size_t number) {
  return El("div")
      .Class("govuk-form-group")
      .Add(El("div")
               .Class("govuk-checkboxes govuk-checkboxes--small")
               .Attr("data-module", "govuk-checkboxes")
               .Add(El("div")
                        .Class("govuk-checkboxes__item")
                        .Add({
                            El("input")
                                .Class("govuk-checkboxes__input")
                                .Attr("id", name)
                                .Attr("name", name)
                                .Attr("type", "checkbox")
                                .Attr("value", "yes"),
                            El("label")
                                .Class("govuk-label govuk-checkboxes__label")
                                .Attr("for", name)
                                .AddText("Remove need " + std::to_string(number) + " when I save"),
                        })));
}

Node NeedRow(size_t i, const NeedInput& need, const std::optional<Problem>& problem) {
  std::string prefix = "needs-" + std::to_string(i) + "-";
  std::string number = std::to_string(i + 1);
  Node fieldset = El("fieldset").Class("govuk-fieldset govuk-!-margin-bottom-6");
  fieldset.Add(El("legend")
                   .Class("govuk-fieldset__legend govuk-fieldset__legend--m")
                   .AddText("Need " + number));
  fieldset.Add({
      cases::pages::Select({.name = prefix + "domain",
                            .label = "Area",
                            .items = ItemsOf(AllNeedDomains(), "Select an area"),
                            .selected = need.domain,
                            .error = FieldError(problem, prefix + "domain")}),
      cases::pages::Select({.name = prefix + "time_frame",
                            .label = "When it should be met",
                            .items = ItemsOf(AllTimeFrames(), "Select when"),
                            .selected = need.time_frame,
                            .error = FieldError(problem, prefix + "time_frame")}),
      cases::pages::Textarea({.name = prefix + "description",
                              .label = "Description",
                              .hint = "What they need, in their words where you can",
                              .value = need.description,
                              .error = FieldError(problem, prefix + "description"),
                              .rows = 3}),
      identity::Radios(prefix + "met", "Has need " + number + " been met?",
                       {{"yes", "Yes"}, {"no", "No"}}, need.met,
                       FieldError(problem, prefix + "met")),
  });
  if (!Blank(need)) fieldset.Add(RemoveBox(prefix + "remove", i + 1));
  return fieldset;
}

http::Response RenderForm(const PageContext& ctx, const AssessedCase& about,
                          const NeedsFormState& state, const std::optional<Problem>& problem,
                          int status) {
  std::string title =
      state.based_on > 0 ? "Review the needs assessment" : "Record a needs assessment";
  std::vector<Node> body{
      // Enter in a text field presses the form's first submit button, which would otherwise be
      // "Add another need": this copy of "Save", first and hidden from sight, screen readers and
      // the tab order, makes Enter save, as people expect.
      El("button")
          .Attr("type", "submit")
          .Class("govuk-visually-hidden")
          .Attr("tabindex", "-1")
          .Attr("aria-hidden", "true")
          .AddText("Save needs assessment"),
      El("input")
          .Attr("type", "hidden")
          .Attr("name", "based_on")
          .Attr("value", std::to_string(state.based_on)),
      identity::Radios("kind", "What kind of assessment is this?",
                       RadioItemsOf(AllAssessmentKinds()), state.kind, FieldError(problem, "kind")),
      identity::Radios("mode", "How was it carried out?", RadioItemsOf(AllMeetingModes()),
                       state.mode, FieldError(problem, "mode")),
      cases::pages::DateInput({.name = "assessed_on",
                               .legend = "Date of the assessment",
                               .hint = "For example, 27 3 2024",
                               .value = state.assessed_on,
                               .error = FieldError(problem, "assessed_on")}),
  };
  Node needs = El("div").Attr("id", "needs");
  needs.Add(cases::pages::SubHeading("Needs"));
  needs.Add(identity::Paragraph(
      "Record each need once, with the area it belongs to and when it should be met: immediate, "
      "short term or long term. Leave a need blank to leave it out."));
  if (std::string error = FieldError(problem, "needs"); !error.empty()) {
    needs.Add(govuk::ErrorMessage({.text = error, .id = "needs-error"}));
  }
  for (size_t i = 0; i < state.needs.size(); ++i) needs.Add(NeedRow(i, state.needs[i], problem));
  if (state.needs.size() < kMaxNeeds) {
    needs.Add(govuk::Button({.text = "Add another need",
                             .variant = govuk::ButtonVariant::kSecondary,
                             .name = "add",
                             .value = "yes"}));
  }
  body.push_back(std::move(needs));
  body.push_back(cases::pages::SubHeading("Strengths"));
  body.push_back(cases::pages::Textarea(
      {.name = "strengths",
       .label = "What the person brings",
       .hint = "Skills, hopes, and the people and places that support them. Needed for a full "
               "assessment.",
       .value = state.strengths,
       .error = FieldError(problem, "strengths")}));
  body.push_back(govuk::Button({.text = "Save needs assessment"}));

  return RenderNewVersionForm(ctx, {.title = title,
                                    .kind = "needs",
                                    .case_id = about.id,
                                    .reference = about.reference,
                                    .based_on = state.based_on,
                                    .newer_link_text = "Read the newer needs assessment",
                                    .newer_href = NeedsPath(about.id, state.based_on),
                                    .fields = std::move(body),
                                    .problem = problem,
                                    .status = status});
}

http::Response ShowForm(PageContext& ctx, AssessmentService& assessments) {
  auto draft = assessments.StartNeeds(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!draft) return cases::pages::ProblemResponse(ctx, draft.error());
  return RenderForm(ctx, draft->about, StateFrom(*draft), std::nullopt, 200);
}

http::Response Save(PageContext& ctx, AssessmentService& assessments) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  NeedsFormState state = StateFrom(*form);
  std::optional<int> based_on = BasedOnFrom(*form);
  if (!based_on) {
    return cases::pages::ProblemResponse(
        ctx, Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}});
  }
  state.based_on = *based_on;

  std::optional<Problem> problem;
  int status = 200;
  if (!form->Has("add")) {
    auto saved =
        assessments.RecordNeeds(ctx.actor(), id, InputFrom(state), state.based_on, ctx.origin());
    if (saved) return http::Response::Redirect(AssessmentsPath(id) + "?needs_recorded=1");
    problem = saved.error();
    if (problem->kind != ProblemKind::kInvalid && problem->kind != ProblemKind::kConflict) {
      return cases::pages::ProblemResponse(ctx, *problem);
    }
    status = problem->kind == ProblemKind::kInvalid ? 400 : 409;
  }
  // The form again: for the case's reference, and after a stale save the newer version to
  // build on (what they typed is kept).
  auto draft = assessments.StartNeeds(ctx.actor(), id, ctx.origin());
  if (!draft) return cases::pages::ProblemResponse(ctx, draft.error());
  if (status == 409) state.based_on = draft->current ? draft->current->recorded.version : 0;
  if (!problem || state.needs.empty()) state.needs.emplace_back();
  return RenderForm(ctx, draft->about, state, problem, status);
}

}  // namespace

void AddNeedsFormPages(identity::WebRoutes& routes, AssessmentService& assessments) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/assessments/needs/new", Action::kCaseList,
              [&assessments](PageContext& ctx) { return ShowForm(ctx, assessments); });
  routes.Page("POST", "/cases/{id:id}/assessments/needs/new", Action::kCaseList,
              [&assessments](PageContext& ctx) { return Save(ctx, assessments); });
}

}  // namespace waymark::assessments::pages
