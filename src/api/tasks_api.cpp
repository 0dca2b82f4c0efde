#include "api/tasks_api.hpp"

#include "api/api_shared.hpp"
#include "identity/api_responses.hpp"
#include "platform/util/ids.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

std::string_view UrgencyCode(tasks::Urgency urgency) {
  switch (urgency) {
    case tasks::Urgency::kOverdue:
      return "overdue";
    case tasks::Urgency::kDueToday:
      return "due_today";
    case tasks::Urgency::kDueThisWeek:
      return "due_this_week";
    case tasks::Urgency::kLater:
      return "later";
  }
  return "later";
}

// A deadline (kind as its feature names it, no task id) or a hand-made task (kind "manual").
boost::json::object TaskToJson(const tasks::TaskItem& item) {
  const tasks::TaskRow& row = item.row;
  bool manual = !row.task_id.empty();
  return boost::json::object{
      {"case_id", row.case_id},
      {"case_reference", row.case_reference},
      {"person_name", item.person_name},
      {"kind", row.kind},
      {"title", item.title},
      {"due_on", FormatIsoDate(row.due_on)},
      {"urgency", UrgencyCode(item.urgency)},
      {"subject_id", TextOrNull(row.subject_id)},
      {"task_id", TextOrNull(row.task_id)},
      {"assigned_to", TextOrNull(row.assigned_to)},
      {"assigned_name", TextOrNull(item.assigned_name)},
      {"version", manual ? boost::json::value(row.version) : boost::json::value(nullptr)},
  };
}

boost::json::array Items(const std::vector<tasks::TaskItem>& items) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(TaskToJson(item));
  return out;
}

http::Response MyTasks(ApiContext& ctx, tasks::TaskService& service) {
  auto mine = service.MyTasks(ctx.actor(), ctx.origin());
  if (!mine) return ProblemJson(mine.error());
  return JsonResponse(boost::json::object{{"items", Items(*mine)}});
}

http::Response TeamTasks(ApiContext& ctx, tasks::TaskService& service) {
  const http::FormFields& query = ctx.request.query;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : query.fields()) {
    if (name != "worker") {
      errors.push_back({name.substr(0, 64), "This query parameter is not accepted here"});
    }
  }
  // Empty means everyone, as the page's "Everyone" sends it.
  std::string worker(query.GetOr("worker"));
  if (!worker.empty() && !IsId(worker)) {
    errors.push_back({"worker", "Select a worker by their user id"});
  }
  if (!errors.empty()) return ProblemJson(Problem::Invalid(std::move(errors)));
  std::optional<std::string> filter;
  if (!worker.empty()) filter = worker;
  auto team = service.TeamTasks(ctx.actor(), filter, ctx.origin());
  if (!team) return ProblemJson(team.error());
  return JsonResponse(boost::json::object{{"items", Items(*team)}});
}

http::Response CaseTasks(ApiContext& ctx, tasks::TaskService& service) {
  auto list = service.CaseTasks(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return ProblemJson(list.error());
  boost::json::array assignable;
  for (const auto& person : list->assignable) {
    assignable.push_back(
        boost::json::object{{"user_id", person.user_id}, {"name", person.display_name}});
  }
  return JsonResponse(boost::json::object{{"case_id", list->case_id},
                                          {"reference", list->reference},
                                          {"can_change", list->can_change},
                                          {"items", Items(list->items)},
                                          {"assignable", std::move(assignable)}});
}

http::Response AddTask(ApiContext& ctx, tasks::TaskService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"title", "due_on", "assigned_to"});
  tasks::TaskInput input;
  input.title = body.Text("title");
  DateParts due = ReadDateParts(body, "due_on", "due date");
  input.due_year = due.year;
  input.due_month = due.month;
  input.due_day = due.day;
  input.assigned_to = body.Text("assigned_to");
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto added = service.AddTask(ctx.actor(), ctx.request.Capture("id"), input, ctx.origin());
  if (!added) return ProblemJson(RenameFields(added.error(), {{"due", "due_on"}}));
  return WithVersion(JsonResponse(TaskToJson(*added), 201), added->row.version);
}

http::Response CompleteTask(ApiContext& ctx, tasks::TaskService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"version"});
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("task");
  auto done = service.CompleteTask(ctx.actor(), ctx.request.Capture("id"),
                                   ctx.request.Capture("task_id"), *version, ctx.origin());
  if (!done) return ProblemJson(done.error());
  return NoContent();
}

}  // namespace

void AddTasksApi(identity::WebRoutes& routes, tasks::TaskService& tasks) {
  using identity::Action;
  std::string list = "/api/v1/cases/{id:id}/tasks";
  routes.Api("GET", "/api/v1/tasks", Action::kCaseList,
             [&tasks](ApiContext& ctx) { return MyTasks(ctx, tasks); });
  // As on the page, for service managers only: the route asks case.allocate, the question the
  // service would ask, so anyone else is refused (and audited) before anything is read.
  routes.Api("GET", "/api/v1/tasks/team", Action::kCaseAllocate,
             [&tasks](ApiContext& ctx) { return TeamTasks(ctx, tasks); });
  routes.Api("GET", list, Action::kCaseList,
             [&tasks](ApiContext& ctx) { return CaseTasks(ctx, tasks); });
  routes.Api("POST", list, Action::kCaseList,
             [&tasks](ApiContext& ctx) { return AddTask(ctx, tasks); });
  routes.Api("POST", list + "/{task_id:id}/done", Action::kCaseList,
             [&tasks](ApiContext& ctx) { return CompleteTask(ctx, tasks); });
}

}  // namespace waymark::api
