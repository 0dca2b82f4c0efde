// "Check your answers" before a plan is agreed (GOV.UK pattern): every answer with a link to
// change it, what is still missing, then the agreement form: when and how the person agreed,
// the language, and whether an interpreter was used. Agreement errors for missing answers link
// to the row on this page that names them.
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "plans/pages.hpp"
#include "plans/pages_shared.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::plans::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using identity::FieldError;
using identity::PageContext;

struct AgreementForm {
  cases::pages::DateParts agreed_on;
  std::string mode, language, interpreter_used;
};

Node AnswerCards(std::string_view case_id, const std::vector<AnswerRow>& rows) {
  std::vector<govuk::SummaryRow> goals, evidence, review;
  for (const auto& row : rows) {
    govuk::SummaryRow out{
        .key = row.question,
        .value =
            El("span").Attr("id", row.change_field).Add(cases::pages::MultilineText(row.answer)),
        .actions = {{.text = "Change",
                     .href = ChangeHref(case_id, row.change_field),
                     .visually_hidden_text = row.question}}};
    auto& list = row.change_field.starts_with("goals")      ? goals
                 : row.change_field.starts_with("evidence") ? evidence
                                                            : review;
    list.push_back(std::move(out));
  }
  return html::Fragment({
      govuk::SummaryList(
          {.rows = std::move(goals), .card = govuk::SummaryCard{.title = "Goals and actions"}}),
      govuk::SummaryList({.rows = std::move(evidence),
                          .card = govuk::SummaryCard{.title = "Evidence for SFJBMS05"}}),
      govuk::SummaryList(
          {.rows = std::move(review), .card = govuk::SummaryCard{.title = "Review"}}),
  });
}

Node StillMissing(std::string_view case_id, const std::vector<waymark::FieldError>& missing) {
  if (missing.empty()) return Node();
  Node list = El("ul").Class("govuk-list govuk-list--bullet");
  for (const auto& gap : missing) {
    list.Add(El("li").Add(identity::pages::Link(gap.message, ChangeHref(case_id, gap.field))));
  }
  return El("div")
      .Class("govuk-inset-text")
      .Add({
          El("p").Class("govuk-body").AddText("The plan cannot be agreed until you:"),
          std::move(list),
      });
}

Node AgreementFields(const AgreementForm& form, const std::optional<Problem>& problem) {
  std::vector<identity::RadioItem> modes;
  for (MeetingMode m : assessments::AllMeetingModes()) {
    modes.push_back({std::string(assessments::Code(m)), std::string(assessments::Label(m))});
  }
  return html::Fragment({
      cases::pages::DateInput({.name = "agreed_on",
                               .legend = "When did the person agree the plan?",
                               .hint = "Today or earlier. For example, 27 3 2027",
                               .value = form.agreed_on,
                               .error = FieldError(problem, "agreed_on")}),
      identity::Radios("mode", "How did you agree it with them?", modes, form.mode,
                       FieldError(problem, "mode")),
      govuk::Input({.name = "language",
                    .label = {.text = "Language you agreed it in"},
                    .hint = "A 3-letter ISO 639-3 code, like sqi for Albanian",
                    .error_message = FieldError(problem, "language"),
                    .value = form.language,
                    .autocomplete = "off",
                    .spellcheck = false,
                    .classes = "govuk-input--width-4"}),
      identity::Radios("interpreter_used", "Was an interpreter used?",
                       {{"yes", "Yes"}, {"no", "No"}}, form.interpreter_used,
                       FieldError(problem, "interpreter_used")),
  });
}

http::Response RenderCheck(const PageContext& ctx, const CheckAnswersView& check,
                           const AgreementForm& form, int64_t revision,
                           const std::optional<Problem>& problem, int status) {
  const std::string& id = check.view.header.id;
  std::vector<Node> content{
      StillMissing(id, problem ? std::vector<waymark::FieldError>{} : check.missing),
      AnswerCards(id, check.rows),
      cases::pages::SubHeading("Now agree the plan"),
      identity::Paragraph("Agree the plan only once the person has taken part in it and agreed "
                          "to it. An agreed plan cannot be changed: to change it later, you "
                          "start a new version."),
      identity::PostForm(ctx, PlanPath(id) + "/agree",
                         {RevisionField(revision), AgreementFields(form, problem),
                          govuk::Button({.text = "Agree the plan"})}),
  };
  return RenderPlanPage(ctx, check.view.header.reference,
                        {.title = "Check your answers before agreeing the plan",
                         .back = PlanPath(id),
                         .content = std::move(content),
                         .problem = problem,
                         .status = status});
}

// The check page is for a draft the actor may change; anything else ends here.
std::optional<Problem> NotAgreeable(const CheckAnswersView& check) {
  if (!check.view.CanEdit()) return Problem::Forbidden();
  if (auto editable = CheckEditable(check.view.current->plan); !editable) return editable.error();
  return std::nullopt;
}

http::Response ShowCheck(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto check = plans.CheckAnswers(ctx.actor(), id, ctx.origin());
  if (!check) {
    // No plan yet: the plan page offers to start one.
    if (check.error().message == kNoPlan) return http::Response::Redirect(PlanPath(id));
    return cases::pages::ProblemResponse(ctx, check.error());
  }
  if (auto refused = NotAgreeable(*check)) return EditPageRefused(ctx, id, *refused);
  return RenderCheck(ctx, *check, {}, check->view.current->revision, std::nullopt, 200);
}

http::Response PostAgree(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto fields = identity::pages::ReadForm(ctx);
  if (!fields) return cases::pages::ProblemResponse(ctx, fields.error());
  AgreementForm form{
      {std::string(fields->GetOr("agreed_on-day")), std::string(fields->GetOr("agreed_on-month")),
       std::string(fields->GetOr("agreed_on-year"))},
      std::string(fields->GetOr("mode")),
      std::string(fields->GetOr("language")),
      std::string(fields->GetOr("interpreter_used"))};
  auto revision = ReadRevision(*fields);
  std::optional<Problem> problem;
  if (!revision) {
    problem = Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
  } else {
    AgreementInput input{IsoFromDateParts(*fields, "agreed_on"), form.mode, form.language,
                         form.interpreter_used};
    auto agreed = plans.Agree(ctx.actor(), id, input, *revision, ctx.origin());
    if (agreed) return http::Response::Redirect(PlanPath(id) + "?done=agreed");
    problem = agreed.error();
  }
  if (problem->kind != ProblemKind::kInvalid && problem->kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, *problem);
  }
  auto check = plans.CheckAnswers(ctx.actor(), id, ctx.origin());
  if (!check) return cases::pages::ProblemResponse(ctx, check.error());
  if (NotAgreeable(*check)) return cases::pages::ProblemResponse(ctx, *problem);
  bool stale = problem->kind == ProblemKind::kConflict;
  return RenderCheck(ctx, *check, form,
                     stale ? check->view.current->revision : revision.value_or(0), problem,
                     stale ? 409 : 400);
}

}  // namespace

void AddAgreementPages(identity::WebRoutes& routes, PlanService& plans) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/plan/check", Action::kCaseList,
              [&plans](PageContext& ctx) { return ShowCheck(ctx, plans); });
  routes.Page("POST", "/cases/{id:id}/plan/agree", Action::kCaseList,
              [&plans](PageContext& ctx) { return PostAgree(ctx, plans); });
}

}  // namespace waymark::plans::pages

namespace waymark::plans {

void AddPlanPages(identity::WebRoutes& routes, PlanService& plans) {
  pages::AddPlanViewPages(routes, plans);
  pages::AddGoalPages(routes, plans);
  pages::AddEvidencePages(routes, plans);
  pages::AddAgreementPages(routes, plans);
}

}  // namespace waymark::plans
