// Evidence for the twenty points of SFJBMS05, one group of related points a page (see
// EvidenceGroups), and the plan's review date. Each textarea is named evidence-<point>, the
// same name check your answers and the agreement errors use, so their links land on it.
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
using html::Node;
using identity::FieldError;
using identity::PageContext;

Problem IncompleteForm() {
  return Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
}

std::vector<PointInput> InputsFor(const Plan& plan, const EvidenceGroup& group) {
  std::vector<PointInput> out;
  for (int point = group.first_point; point <= group.last_point; ++point) {
    PointInput in{point, {}};
    if (const auto& e = plan.EvidenceFor(point)) {
      in.input.text = e->text;
      if (e->rights) {
        in.input.language = e->rights->language;
        in.input.format = std::string(Code(e->rights->format));
      }
    }
    out.push_back(std::move(in));
  }
  return out;
}

std::vector<PointInput> ReadInputs(const http::FormFields& form, const EvidenceGroup& group) {
  std::vector<PointInput> out;
  for (int point = group.first_point; point <= group.last_point; ++point) {
    std::string name = "evidence-" + std::to_string(point);
    PointInput in{point, {std::string(form.GetOr(name)), "", ""}};
    if (point == kRightsInformationPoint) {
      in.input.language = std::string(form.GetOr(name + "-language"));
      in.input.format = std::string(form.GetOr(name + "-format"));
    }
    out.push_back(std::move(in));
  }
  return out;
}

std::vector<Node> PointFields(const PointInput& in, const std::optional<Problem>& problem) {
  auto standard = Sfjbms05Point(in.point);
  std::string name = "evidence-" + std::to_string(in.point);
  std::vector<Node> out{
      cases::pages::SubHeading(std::to_string(in.point) + ". " + std::string(standard->title)),
      identity::Paragraph("The standard: " + std::string(standard->criterion)),
      cases::pages::Textarea({.name = name,
                              // Each box names its point, for people who tab from box to box.
                              .label = "Evidence for point " + std::to_string(in.point),
                              .hint = std::string(standard->prompt),
                              .value = in.input.text,
                              .error = FieldError(problem, name),
                              .rows = 4})};
  if (in.point == kRightsInformationPoint) {
    out.push_back(govuk::Input({.name = name + "-language",
                                .label = {.text = "Language the information was given in"},
                                .hint = "A 3-letter ISO 639-3 code, like sqi for Albanian",
                                .error_message = FieldError(problem, name + "-language"),
                                .value = in.input.language,
                                .autocomplete = "off",
                                .spellcheck = false,
                                .classes = "govuk-input--width-4"}));
    std::vector<identity::RadioItem> formats;
    for (RightsFormat f : AllRightsFormats()) {
      formats.push_back({std::string(Code(f)), std::string(Label(f))});
    }
    out.push_back(identity::Radios(name + "-format", "Format the information was given in", formats,
                                   in.input.format, FieldError(problem, name + "-format")));
  }
  return out;
}

http::Response RenderGroup(const PageContext& ctx, const PlanView& view, const EvidenceGroup& group,
                           const std::vector<PointInput>& inputs, int64_t revision,
                           const std::optional<Problem>& problem, int status) {
  std::string base = PlanPath(view.header.id);
  std::vector<Node> body{RevisionField(revision)};
  for (const auto& in : inputs) {
    for (auto& field : PointFields(in, problem)) body.push_back(std::move(field));
  }
  bool last = group.number == static_cast<int>(EvidenceGroups().size());
  body.push_back(govuk::Button({.text = last ? "Save" : "Save and continue"}));
  std::string count = "Part " + std::to_string(group.number) + " of " +
                      std::to_string(EvidenceGroups().size()) + " of the occupational standard";
  return RenderPlanPage(
      ctx, view.header.reference,
      {.title = std::string(group.title),
       .back = base,
       .content = {identity::Paragraph(count),
                   identity::PostForm(ctx, base + "/evidence/" + std::to_string(group.number),
                                      std::move(body))},
       .problem = problem,
       .status = status});
}

std::optional<EvidenceGroup> GroupFromUrl(const PageContext& ctx) {
  return EvidenceGroupNumbered(
      static_cast<int>(std::clamp<int64_t>(ctx.request.CaptureInt("n"), 0, 100)));
}

http::Response ShowGroup(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto view = EditableDraft(ctx, plans, id);
  if (!view) return EditPageRefused(ctx, id, view.error());
  auto group = GroupFromUrl(ctx);
  if (!group) return cases::pages::ProblemResponse(ctx, Problem::NotFound());
  return RenderGroup(ctx, *view, *group, InputsFor(view->current->plan, *group),
                     view->current->revision, std::nullopt, 200);
}

http::Response SaveGroup(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto group = GroupFromUrl(ctx);
  if (!group) return cases::pages::ProblemResponse(ctx, Problem::NotFound());
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  auto inputs = ReadInputs(*form, *group);
  auto revision = ReadRevision(*form);
  std::optional<Problem> problem;
  if (!revision) {
    problem = IncompleteForm();
  } else {
    auto saved = plans.RecordEvidence(ctx.actor(), id, inputs, *revision, ctx.origin());
    if (saved) {
      auto next = EvidenceGroupNumbered(group->number + 1);
      return http::Response::Redirect(next ? PlanPath(id) + "/evidence/" +
                                                 std::to_string(next->number)
                                           : PlanPath(id) + "?done=saved");
    }
    problem = saved.error();
  }
  if (problem->kind != ProblemKind::kInvalid && problem->kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, *problem);
  }
  auto view = plans.Current(ctx.actor(), id, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  if (!view->current) return cases::pages::ProblemResponse(ctx, *problem);
  bool stale = problem->kind == ProblemKind::kConflict;
  return RenderGroup(ctx, *view, *group, inputs,
                     stale ? view->current->revision : revision.value_or(0), problem,
                     stale ? 409 : 400);
}

http::Response RenderReviewDate(const PageContext& ctx, const PlanView& view,
                                cases::pages::DateParts value, int64_t revision,
                                const std::optional<Problem>& problem, int status) {
  std::string base = PlanPath(view.header.id);
  return RenderPlanPage(
      ctx, view.header.reference,
      {.title = "Review date",
       .back = base,
       .content = {identity::PostForm(
           ctx, base + "/review-date",
           {RevisionField(revision),
            cases::pages::DateInput({.name = "review_on",
                                     .legend = "When will the plan be reviewed with the person?",
                                     .hint = "A date after today. For example, 3 3 2027",
                                     .value = std::move(value),
                                     .error = FieldError(problem, "review_on")}),
            govuk::Button({.text = "Save"})})},
       .problem = problem,
       .status = status});
}

http::Response ShowReviewDate(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto view = EditableDraft(ctx, plans, id);
  if (!view) return EditPageRefused(ctx, id, view.error());
  cases::pages::DateParts value;
  if (const auto& review = view->current->plan.review_on) {
    value = DatePartsOf(*review);
  }
  return RenderReviewDate(ctx, *view, value, view->current->revision, std::nullopt, 200);
}

http::Response SaveReviewDate(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  cases::pages::DateParts typed{std::string(form->GetOr("review_on-day")),
                                std::string(form->GetOr("review_on-month")),
                                std::string(form->GetOr("review_on-year"))};
  auto revision = ReadRevision(*form);
  std::optional<Problem> problem;
  if (!revision) {
    problem = IncompleteForm();
  } else {
    auto saved = plans.SetReviewDate(ctx.actor(), id, IsoFromDateParts(*form, "review_on"),
                                     *revision, ctx.origin());
    if (saved) return http::Response::Redirect(PlanPath(id) + "?done=saved");
    problem = saved.error();
  }
  if (problem->kind != ProblemKind::kInvalid && problem->kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, *problem);
  }
  auto view = plans.Current(ctx.actor(), id, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  if (!view->current) return cases::pages::ProblemResponse(ctx, *problem);
  bool stale = problem->kind == ProblemKind::kConflict;
  return RenderReviewDate(ctx, *view, typed, stale ? view->current->revision : revision.value_or(0),
                          problem, stale ? 409 : 400);
}

}  // namespace

void AddEvidencePages(identity::WebRoutes& routes, PlanService& plans) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/plan/evidence/{n:int}", Action::kCaseList,
              [&plans](PageContext& ctx) { return ShowGroup(ctx, plans); });
  routes.Page("POST", "/cases/{id:id}/plan/evidence/{n:int}", Action::kCaseList,
              [&plans](PageContext& ctx) { return SaveGroup(ctx, plans); });
  routes.Page("GET", "/cases/{id:id}/plan/review-date", Action::kCaseList,
              [&plans](PageContext& ctx) { return ShowReviewDate(ctx, plans); });
  routes.Page("POST", "/cases/{id:id}/plan/review-date", Action::kCaseList,
              [&plans](PageContext& ctx) { return SaveReviewDate(ctx, plans); });
}

}  // namespace waymark::plans::pages
