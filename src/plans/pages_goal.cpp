// Adding or changing a goal with its actions, on one form that works without JavaScript: the
// existing actions (each with "Remove this action"), then blank rows for new ones; a blank row
// is ignored, and "Save and add another action" comes back with more blank rows. Errors from
// the rules name actions by their place among the rows sent, so they are renamed to the row
// on the page before they are shown.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "assessments/form_rules.hpp"
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
using cases::pages::DateInput;
using cases::pages::Select;
using html::El;
using html::Node;
using identity::FieldError;
using identity::PageContext;

// One action row as typed, dates still in parts.
struct ActionRow {
  std::string text, owner, status = "not_started";
  cases::pages::DateParts due_on;
  bool existing = false;
  bool remove = false;
  bool Blank() const {
    return Trim(text + owner + due_on.day + due_on.month + due_on.year).empty();
  }
};

struct GoalForm {
  std::string text;
  std::vector<std::string> domains;
  std::vector<ActionRow> rows;
};

std::string Prefix(size_t row) { return "actions-" + std::to_string(row) + "-"; }

GoalForm FormFor(const Goal& goal) {
  GoalForm form{goal.text, {}, {}};
  for (NeedDomain d : goal.domains) form.domains.emplace_back(assessments::Code(d));
  for (const Action& a : goal.actions) {
    ActionRow row{a.text, a.owner, std::string(Code(a.status)), DatePartsOf(a.due_on), true, false};
    form.rows.push_back(std::move(row));
  }
  return form;
}

void AddBlankRows(GoalForm& form, size_t count) {
  size_t target = std::min(form.rows.size() + count, kMaxActionsPerGoal);
  while (form.rows.size() < target) form.rows.push_back({});
}

GoalForm ReadGoalForm(const http::FormFields& fields) {
  GoalForm form;
  form.text = std::string(fields.GetOr("text"));
  for (auto code : fields.GetAll("domains")) form.domains.emplace_back(code);
  size_t rows = 0;
  if (auto parsed = identity::pages::ParseVersion(fields.GetOr("rows"))) {
    rows = static_cast<size_t>(std::clamp<int64_t>(*parsed, 0, kMaxActionsPerGoal + 3));
  }
  for (size_t i = 0; i < rows; ++i) {
    std::string p = Prefix(i);
    ActionRow row;
    row.text = std::string(fields.GetOr(p + "text"));
    row.owner = std::string(fields.GetOr(p + "owner"));
    row.status = std::string(fields.GetOr(p + "status"));
    row.due_on = {std::string(fields.GetOr(p + "due_on-day")),
                  std::string(fields.GetOr(p + "due_on-month")),
                  std::string(fields.GetOr(p + "due_on-year"))};
    row.existing = fields.GetOr(p + "existing") == "yes";
    row.remove = fields.GetOr(p + "remove") == "yes";
    form.rows.push_back(std::move(row));
  }
  return form;
}

// The rules' input, and for each action sent, the row it came from.
std::pair<GoalInput, std::vector<size_t>> ToInput(const GoalForm& form,
                                                  const http::FormFields& fields) {
  GoalInput input{form.text, form.domains, {}};
  std::vector<size_t> row_of;
  for (size_t i = 0; i < form.rows.size(); ++i) {
    const ActionRow& row = form.rows[i];
    if (row.remove || row.Blank()) continue;
    input.actions.push_back(
        {row.text, row.owner, IsoFromDateParts(fields, Prefix(i) + "due_on"), row.status});
    row_of.push_back(i);
  }
  return {std::move(input), std::move(row_of)};
}

Problem RenameActionErrors(Problem problem, const std::vector<size_t>& row_of) {
  for (auto& error : problem.fields) {
    if (!error.field.starts_with("actions-")) continue;
    size_t end = error.field.find('-', 8);
    if (end == std::string::npos) continue;
    size_t sent = static_cast<size_t>(std::stoul(error.field.substr(8, end - 8)));
    if (sent < row_of.size()) {
      error.field = Prefix(row_of[sent]) + error.field.substr(end + 1);
    }
  }
  return problem;
}

Node DomainCheckboxes(const GoalForm& form, const std::optional<Problem>& problem) {
  std::string error = FieldError(problem, "domains");
  Node items = El("div").Class("govuk-checkboxes").Attr("data-module", "govuk-checkboxes");
  bool first = true;
  for (NeedDomain domain : assessments::AllNeedDomains()) {
    std::string code(assessments::Code(domain));
    std::string id = first ? "domains" : "domains-" + code;
    first = false;
    bool checked = std::find(form.domains.begin(), form.domains.end(), code) != form.domains.end();
    items.Add(El("div")
                  .Class("govuk-checkboxes__item")
                  .Add({
                      El("input")
                          .Class("govuk-checkboxes__input")
                          .Attr("id", id)
                          .Attr("name", "domains")
                          .Attr("type", "checkbox")
                          .Attr("value", code)
                          .Flag("checked", checked),
                      El("label")
                          .Class("govuk-label govuk-checkboxes__label")
                          .Attr("for", id)
                          .AddText(assessments::Label(domain)),
                  }));
  }
  Node content = html::Fragment(
      {El("div").Class("govuk-hint").Attr("id", "domains-hint").AddText("Select all that apply.")});
  if (!error.empty()) content.Add(govuk::ErrorMessage({.text = error, .id = "domains-error"}));
  content.Add(std::move(items));
  return El("div")
      .Class(error.empty() ? "govuk-form-group" : "govuk-form-group govuk-form-group--error")
      .Add(govuk::Fieldset(
          {.legend = {.text = "Which needs does this goal address?",
                      .classes = "govuk-fieldset__legend--m"},
           .described_by = error.empty() ? "domains-hint" : "domains-hint domains-error",
           .content = std::move(content)}));
}

std::vector<cases::pages::SelectItem> StatusItems() {
  std::vector<cases::pages::SelectItem> items;
  for (ActionStatus s : AllActionStatuses()) {
    items.push_back({std::string(Code(s)), std::string(Label(s))});
  }
  return items;
}

Node ActionFieldset(const ActionRow& row, size_t i, const std::optional<Problem>& problem) {
  std::string p = Prefix(i);
  std::vector<Node> fields{
      govuk::Input({.name = p + "text",
                    .label = {.text = "What will be done"},
                    .error_message = FieldError(problem, p + "text"),
                    .value = row.text}),
      govuk::Input({.name = p + "owner",
                    .label = {.text = "Who will do it"},
                    .hint = "For example, support worker, the person, their solicitor",
                    .error_message = FieldError(problem, p + "owner"),
                    .value = row.owner,
                    .autocomplete = "off",
                    .classes = "govuk-input--width-20"}),
      DateInput({.name = p + "due_on",
                 .legend = "When it is due",
                 .hint = "For example, 27 3 2027",
                 .value = row.due_on,
                 .error = FieldError(problem, p + "due_on")}),
      Select({.name = p + "status",
              .label = "Status",
              .items = StatusItems(),
              .selected = row.status,
              .error = FieldError(problem, p + "status")}),
  };
  if (row.existing) {
    fields.push_back(
        El("input").Attr("type", "hidden").Attr("name", p + "existing").Attr("value", "yes"));
    std::string id = p + "remove";
    fields.push_back(El("div")
                         .Class("govuk-form-group")
                         .Add(El("div")
                                  .Class("govuk-checkboxes govuk-checkboxes--small")
                                  .Add(El("div")
                                           .Class("govuk-checkboxes__item")
                                           .Add({
                                               El("input")
                                                   .Class("govuk-checkboxes__input")
                                                   .Attr("id", id)
                                                   .Attr("name", id)
                                                   .Attr("type", "checkbox")
                                                   .Attr("value", "yes")
                                                   .Flag("checked", row.remove),
                                               El("label")
                                                   .Class("govuk-label govuk-checkboxes__label")
                                                   .Attr("for", id)
                                                   .AddText("Remove this action"),
                                           }))));
  }
  return govuk::Fieldset({.legend = {.text = "Action " + std::to_string(i + 1),
                                     .classes = "govuk-fieldset__legend--s"},
                          .content = html::Fragment(std::move(fields))});
}

struct GoalPage {
  std::string case_id;
  std::string reference;
  std::optional<size_t> index;  // nullopt: a new goal
  int64_t revision = 0;
};

http::Response RenderGoalForm(const PageContext& ctx, const GoalPage& page, const GoalForm& form,
                              const std::optional<Problem>& problem, int status) {
  std::string base = PlanPath(page.case_id);
  std::string action =
      page.index ? base + "/goals/" + std::to_string(*page.index + 1) : base + "/goals/new";
  std::vector<Node> body{
      RevisionField(page.revision),
      El("input")
          .Attr("type", "hidden")
          .Attr("name", "rows")
          .Attr("value", std::to_string(form.rows.size())),
      cases::pages::Textarea({.name = "text",
                              .label = "Goal",
                              .hint = "What the person wants to achieve, in their words",
                              .value = form.text,
                              .error = FieldError(problem, "text"),
                              .rows = 3}),
      DomainCheckboxes(form, problem),
      cases::pages::SubHeading("Actions"),
      identity::Paragraph("Leave a row blank if you do not need it."),
  };
  for (size_t i = 0; i < form.rows.size(); ++i) {
    body.push_back(ActionFieldset(form.rows[i], i, problem));
  }
  body.push_back(govuk::ButtonGroup({
      govuk::Button({.text = "Save goal", .name = "next", .value = "plan"}),
      govuk::Button({.text = "Save and add another action",
                     .variant = govuk::ButtonVariant::kSecondary,
                     .name = "next",
                     .value = "more"}),
  }));
  std::vector<Node> content{identity::PostForm(ctx, action, std::move(body))};
  if (page.index) {
    content.push_back(identity::PostForm(
        ctx, action + "/remove",
        {RevisionField(page.revision),
         govuk::Button({.text = "Remove this goal", .variant = govuk::ButtonVariant::kWarning})}));
  }
  std::string title =
      page.index ? "Change goal " + std::to_string(*page.index + 1) : std::string("Add a goal");
  return RenderPlanPage(ctx, page.reference,
                        {.title = title,
                         .back = base,
                         .content = std::move(content),
                         .problem = problem,
                         .status = status});
}

// The goal number in the URL (from 1) as an index, or nullopt for /goals/new.
std::optional<size_t> IndexFromUrl(const PageContext& ctx) {
  bool has_number = std::any_of(ctx.request.captures.begin(), ctx.request.captures.end(),
                                [](const auto& capture) { return capture.first == "n"; });
  if (!has_number) return std::nullopt;
  int64_t n = ctx.request.CaptureInt("n");
  // Goal 0 does not exist; an index past every goal makes the rules answer NotFound.
  return n < 1 ? kMaxGoals + 1 : static_cast<size_t>(n - 1);
}

http::Response ShowGoal(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto index = IndexFromUrl(ctx);
  auto view = EditableDraft(ctx, plans, id);
  if (!view) return EditPageRefused(ctx, id, view.error());
  const Plan& plan = view->current->plan;
  GoalForm form;
  if (index) {
    if (*index >= plan.goals.size()) {
      return cases::pages::ProblemResponse(ctx, Problem::NotFound());
    }
    form = FormFor(plan.goals[*index]);
  }
  bool more = ctx.request.query.GetOr("more") == "1";
  AddBlankRows(form, !index || more ? 3 : 1);
  return RenderGoalForm(ctx, {id, view->header.reference, index, view->current->revision}, form,
                        std::nullopt, 200);
}

http::Response SaveGoal(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto index = IndexFromUrl(ctx);
  auto fields = identity::pages::ReadForm(ctx);
  if (!fields) return cases::pages::ProblemResponse(ctx, fields.error());
  GoalForm form = ReadGoalForm(*fields);
  auto revision = ReadRevision(*fields);
  auto [input, row_of] = ToInput(form, *fields);
  std::optional<Problem> problem;
  if (!revision) {
    problem = Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
  } else {
    auto saved = plans.SaveGoal(ctx.actor(), id, index, input, *revision, ctx.origin());
    if (saved) {
      if (fields->GetOr("next") != "more") {
        return http::Response::Redirect(PlanPath(id) + "?done=saved");
      }
      size_t number = index ? *index + 1 : saved->plan.goals.size();
      return http::Response::Redirect(PlanPath(id) + "/goals/" + std::to_string(number) +
                                      "?more=1");
    }
    problem = RenameActionErrors(saved.error(), row_of);
  }
  if (problem->kind != ProblemKind::kInvalid && problem->kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, *problem);
  }
  // The form again with what was typed; after a stale save, with the revision as it is now.
  auto view = plans.Current(ctx.actor(), id, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  if (!view->current) return cases::pages::ProblemResponse(ctx, *problem);
  int64_t shown =
      problem->kind == ProblemKind::kConflict ? view->current->revision : revision.value_or(0);
  return RenderGoalForm(ctx, {id, view->header.reference, index, shown}, form, problem,
                        problem->kind == ProblemKind::kConflict ? 409 : 400);
}

http::Response RemoveGoal(PageContext& ctx, PlanService& plans) {
  std::string id(ctx.request.Capture("id"));
  auto index = IndexFromUrl(ctx);
  auto fields = identity::pages::ReadForm(ctx);
  if (!fields) return cases::pages::ProblemResponse(ctx, fields.error());
  auto revision = ReadRevision(*fields);
  if (!revision || !index) {
    return cases::pages::ProblemResponse(
        ctx, Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}});
  }
  auto removed = plans.RemoveGoal(ctx.actor(), id, *index, *revision, ctx.origin());
  if (!removed) return cases::pages::ProblemResponse(ctx, removed.error());
  return http::Response::Redirect(PlanPath(id) + "?done=saved");
}

}  // namespace

void AddGoalPages(identity::WebRoutes& routes, PlanService& plans) {
  using identity::Action;
  for (const char* path : {"/cases/{id:id}/plan/goals/new", "/cases/{id:id}/plan/goals/{n:int}"}) {
    routes.Page("GET", path, Action::kCaseList,
                [&plans](PageContext& ctx) { return ShowGoal(ctx, plans); });
    routes.Page("POST", path, Action::kCaseList,
                [&plans](PageContext& ctx) { return SaveGoal(ctx, plans); });
  }
  routes.Page("POST", "/cases/{id:id}/plan/goals/{n:int}/remove", Action::kCaseList,
              [&plans](PageContext& ctx) { return RemoveGoal(ctx, plans); });
}

}  // namespace waymark::plans::pages
