// The pages of tasks. Routes (all Page routes; the service decides about each case):
//   GET  /tasks                               my tasks (case staff)
//   GET  /tasks/team                          the provider's tasks, ?worker= (service managers)
//   GET  /cases/{id:id}/tasks                 a case's deadlines and tasks, and the add form
//   POST /cases/{id:id}/tasks                 add a task (title, due-*, assigned_to)
//   POST /cases/{id:id}/tasks/{task:id}/done  complete a task (version)
// Thread safety: handlers keep no state; `tasks` must outlive the routes.
#pragma once

#include "identity/web.hpp"
#include "tasks/service.hpp"

namespace waymark::tasks {

void AddTaskPages(identity::WebRoutes& routes, TaskService& tasks, cases::CaseService& cases);

}  // namespace waymark::tasks
