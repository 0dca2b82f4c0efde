// The tasks pages: lists sorted by due date with an urgency tag, and the case's task page with
// the form to add one. A new task or a completed one comes back to the case's page with a banner.
#include "tasks/pages.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/ids.hpp"

namespace waymark::tasks {

namespace {

namespace govuk = html::govuk;
using cases::pages::CasePath;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;
using identity::pages::Link;

constexpr std::string_view kNav = "/tasks";

Node DueCell(const TaskItem& item) {
  std::string classes = item.urgency == Urgency::kOverdue       ? "govuk-tag--red"
                        : item.urgency == Urgency::kDueToday    ? "govuk-tag--orange"
                        : item.urgency == Urgency::kDueThisWeek ? "govuk-tag--yellow"
                                                                : "govuk-tag--grey";
  return html::Fragment(
      {Text(FormatDateForPeople(item.row.due_on)), El("br"),
       govuk::Tag({.text = std::string(UrgencyLabel(item.urgency)), .classes = classes})});
}

// Tasks across cases: due, what, whose case, and for the team view who it is for.
Node TaskTable(const std::vector<TaskItem>& items, bool show_assignee) {
  govuk::TableOptions table{
      .caption = "Tasks",
      .caption_classes = "govuk-visually-hidden",
      .head = {{.content = Text("Due")}, {.content = Text("Task")}, {.content = Text("Case")}}};
  if (show_assignee) table.head.push_back({.content = Text("For")});
  for (const auto& item : items) {
    std::vector<govuk::TableCell> row{
        {.content = DueCell(item)},
        {.content = Text(item.title)},
        {.content =
             html::Fragment({Link(item.row.case_reference, CasePath(item.row.case_id) + "/tasks"),
                             El("br"), Text(item.person_name)})}};
    if (show_assignee) {
      row.push_back(
          {.content = Text(item.assigned_name.empty() ? "Case team" : item.assigned_name)});
    }
    table.rows.push_back(std::move(row));
  }
  return govuk::Table(std::move(table));
}

http::Response RenderList(PageContext& ctx, std::string title, std::vector<Node> content) {
  std::vector<Node> all{identity::Heading(title)};
  for (auto& node : content) all.push_back(std::move(node));
  return identity::RenderPage(
      ctx,
      {.title = title, .content = html::Fragment(std::move(all)), .active_nav = std::string(kNav)});
}

Node ListOrNothing(const std::vector<TaskItem>& items, bool show_assignee, std::string_view none) {
  if (items.empty()) return identity::Paragraph(std::string(none));
  return TaskTable(items, show_assignee);
}

http::Response ShowMyTasks(PageContext& ctx, TaskService& tasks) {
  auto items = tasks.MyTasks(ctx.actor(), ctx.origin());
  if (!items) return cases::pages::ProblemResponse(ctx, items.error());
  std::vector<Node> content{identity::Paragraph(
      "Deadlines of the cases assigned to you, from shortly before they are due, and the tasks "
      "given to you.")};
  if (identity::Decide(ctx.actor(), identity::Action::kCaseAllocate)) {
    content.push_back(El("p").Class("govuk-body").Add(Link("Your team's tasks", "/tasks/team")));
  }
  content.push_back(ListOrNothing(*items, false, "You have no tasks due."));
  return RenderList(ctx, "Your tasks", std::move(content));
}

http::Response ShowTeamTasks(PageContext& ctx, TaskService& tasks, cases::CaseService& cases) {
  auto staff = cases.Staff(ctx.actor());
  if (!staff) return cases::pages::ProblemResponse(ctx, staff.error());
  std::string worker(ctx.request.query.GetOr("worker"));
  std::optional<std::string> filter;
  if (!worker.empty()) {
    bool known = false;
    for (const auto& person : *staff) known = known || person.user_id == worker;
    if (!known)
      return cases::pages::ProblemResponse(
          ctx, Problem::Invalid("worker", "Select a worker from the list"));
    filter = worker;
  }
  auto items = tasks.TeamTasks(ctx.actor(), filter, ctx.origin());
  if (!items) return cases::pages::ProblemResponse(ctx, items.error());
  std::vector<cases::pages::SelectItem> workers{{"", "Everyone"}};
  for (const auto& person : *staff) workers.push_back({person.user_id, person.display_name});
  std::vector<Node> content{
      cases::pages::GetForm(
          "/tasks/team",
          {cases::pages::Select({.name = "worker",
                                 .label = "Worker",
                                 .items = std::move(workers),
                                 .selected = worker}),
           govuk::Button({.text = "Apply filter", .variant = govuk::ButtonVariant::kSecondary})}),
      ListOrNothing(*items, true, "No tasks are due.")};
  return RenderList(ctx, "Your team's tasks", std::move(content));
}

// The case's task page, with the add form's values and problem when adding failed.
struct CaseTasksState {
  TaskInput input{};
  std::optional<Problem> problem{};
  int status = 200;
  std::string banner{};
};

Node CompleteButton(const PageContext& ctx, const CaseTaskList& list, const TaskItem& item) {
  return identity::PostForm(
      ctx, CasePath(list.case_id) + "/tasks/" + item.row.task_id + "/done",
      {El("input")
           .Attr("type", "hidden")
           .Attr("name", "version")
           .Attr("value", std::to_string(item.row.version)),
       El("button")
           .Class("govuk-button govuk-button--secondary govuk-!-margin-bottom-0")
           .Attr("type", "submit")
           .Attr("data-module", "govuk-button")
           .AddText("Mark as done")
           .Add(El("span").Class("govuk-visually-hidden").AddText(": " + item.title))});
}

Node AddForm(const PageContext& ctx, const CaseTaskList& list, const CaseTasksState& state) {
  std::vector<cases::pages::SelectItem> people{{"", "Select a person"}};
  for (const auto& person : list.assignable)
    people.push_back({person.user_id, person.display_name});
  return identity::PostForm(
      ctx, CasePath(list.case_id) + "/tasks",
      {cases::pages::SubHeading("Add a task"),
       cases::pages::Textarea({.name = "title",
                               .label = "What needs to be done",
                               .hint = "For example, book an interpreter for the GP appointment",
                               .value = state.input.title,
                               .error = identity::FieldError(state.problem, "title"),
                               .rows = 2}),
       cases::pages::DateInput(
           {.name = "due",
            .legend = "When is it due?",
            .hint = "For example, 27 3 2027",
            .value = {state.input.due_day, state.input.due_month, state.input.due_year},
            .error = identity::FieldError(state.problem, "due")}),
       cases::pages::Select({.name = "assigned_to",
                             .label = "Who will do it",
                             .items = std::move(people),
                             .selected = state.input.assigned_to,
                             .error = identity::FieldError(state.problem, "assigned_to")}),
       govuk::Button({.text = "Add task"})});
}

http::Response RenderCaseTasks(PageContext& ctx, const CaseTaskList& list,
                               const CaseTasksState& state) {
  const std::string title = "Tasks";
  std::vector<Node> content{identity::ErrorSummaryFor(state.problem)};
  content.push_back(cases::pages::Caption(list.reference + " · " + list.person_name));
  content.push_back(identity::Heading(title));
  if (list.items.empty()) {
    content.push_back(identity::Paragraph("Nothing is due on this case."));
  } else {
    std::vector<govuk::SummaryRow> rows;
    for (const auto& item : list.items) {
      std::vector<Node> value{DueCell(item)};
      if (!item.row.task_id.empty()) {
        value.push_back(El("br"));
        value.push_back(Text("For " + item.assigned_name));
      }
      govuk::SummaryRow row{.key = item.title, .value = html::Fragment(std::move(value))};
      if (list.can_change && !item.row.task_id.empty()) {
        row.value = html::Fragment({std::move(row.value), CompleteButton(ctx, list, item)});
      }
      rows.push_back(std::move(row));
    }
    content.push_back(govuk::SummaryList({.rows = std::move(rows)}));
  }
  if (list.can_change) content.push_back(AddForm(ctx, list, state));
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(title, state.problem),
            .content = std::move(column),
            .before = html::Fragment({govuk::BackLink({.href = CasePath(list.case_id)}),
                                      identity::pages::SuccessBanner(state.banner)}),
            .active_nav = std::string(cases::pages::kNav),
            .status = state.status});
}

http::Response ShowCaseTasks(PageContext& ctx, TaskService& tasks, CaseTasksState state) {
  auto list = tasks.CaseTasks(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  return RenderCaseTasks(ctx, *list, state);
}

http::Response AddCaseTask(PageContext& ctx, TaskService& tasks) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  CaseTasksState state;
  state.input = {std::string(form->GetOr("title")), std::string(form->GetOr("due-day")),
                 std::string(form->GetOr("due-month")), std::string(form->GetOr("due-year")),
                 std::string(form->GetOr("assigned_to"))};
  auto added = tasks.AddTask(ctx.actor(), id, state.input, ctx.origin());
  if (added) return http::Response::Redirect(CasePath(id) + "/tasks?added=1");
  if (added.error().kind != ProblemKind::kInvalid) {
    return cases::pages::ProblemResponse(ctx, added.error());
  }
  state.problem = added.error();
  state.status = 400;
  return ShowCaseTasks(ctx, tasks, std::move(state));
}

http::Response CompleteCaseTask(PageContext& ctx, TaskService& tasks) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  int64_t version = 0;
  std::string_view text = form->GetOr("version");
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc() || end != text.data() + text.size()) {
    return cases::pages::ProblemResponse(
        ctx, Problem{ProblemKind::kInvalid, "The form was incomplete. Try again", {}});
  }
  auto done =
      tasks.CompleteTask(ctx.actor(), id, ctx.request.Capture("task"), version, ctx.origin());
  if (!done) return cases::pages::ProblemResponse(ctx, done.error());
  return http::Response::Redirect(CasePath(id) + "/tasks?done=1");
}

}  // namespace

void AddTaskPages(identity::WebRoutes& routes, TaskService& tasks, cases::CaseService& cases) {
  using identity::Action;
  routes.Page("GET", "/tasks", Action::kCaseList,
              [&tasks](PageContext& ctx) { return ShowMyTasks(ctx, tasks); });
  routes.Page("GET", "/tasks/team", Action::kCaseAllocate,
              [&tasks, &cases](PageContext& ctx) { return ShowTeamTasks(ctx, tasks, cases); });
  routes.Page("GET", "/cases/{id:id}/tasks", Action::kCaseList, [&tasks](PageContext& ctx) {
    CaseTasksState state;
    if (ctx.request.query.Has("added")) state.banner = "Task added";
    if (ctx.request.query.Has("done")) state.banner = "Task marked as done";
    return ShowCaseTasks(ctx, tasks, std::move(state));
  });
  routes.Page("POST", "/cases/{id:id}/tasks", Action::kCaseList,
              [&tasks](PageContext& ctx) { return AddCaseTask(ctx, tasks); });
  routes.Page("POST", "/cases/{id:id}/tasks/{task:id}/done", Action::kCaseList,
              [&tasks](PageContext& ctx) { return CompleteCaseTask(ctx, tasks); });
}

}  // namespace waymark::tasks
