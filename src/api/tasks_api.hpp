// The tasks part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/tasks                                   my tasks: deadlines of my cases within
//                                                       their lead time, and tasks given to me
//   GET  /api/v1/tasks/team?worker=ID                    a service manager's view: every open
//                                                       case's deadlines within their lead time
//                                                       and every open task, optionally one
//                                                       worker's (a malformed id: 422)
//   GET  /api/v1/cases/{id}/tasks                        every deadline and open task of a case
//   POST /api/v1/cases/{id}/tasks                        give a task on the case to one of its
//                                                       workers or a service manager; 201
//   POST /api/v1/cases/{id}/tasks/{task_id}/done         complete a hand-made task; If-Match or
//                                                       "version"; 204
// Deadlines are met by doing the thing in the feature that owns them, never ticked off here.
// Every endpoint calls tasks::TaskService only.
// Thread safety: as WebRoutes. `tasks` must outlive the routes.
#pragma once

#include "identity/web.hpp"
#include "tasks/service.hpp"

namespace waymark::api {

void AddTasksApi(identity::WebRoutes& routes, tasks::TaskService& tasks);

}  // namespace waymark::api
