// Who works on a case, and closing it, in the JSON API (/api/v1), documented in
// docs/openapi.yaml:
//   GET    /api/v1/cases/{id}/workers            the assigned workers (opening the case: audited)
//   POST   /api/v1/cases/{id}/workers            assign {"user_id"} (service managers); 200 with
//                                                the workers as they are now
//   DELETE /api/v1/cases/{id}/workers/{user_id}  unassign (service managers); 204
//   POST   /api/v1/cases/{id}/close              {"closure_reason", "version"} (or If-Match);
//                                                200 with the closed case; stale: 409
// Every endpoint calls cases::CaseService only, so policy, validation and audit are the pages'.
// Thread safety: as WebRoutes. `cases` must outlive the routes.
#pragma once

#include "cases/service.hpp"
#include "identity/web.hpp"

namespace waymark::api {

void AddCaseTeamApi(identity::WebRoutes& routes, cases::CaseService& cases);

}  // namespace waymark::api
