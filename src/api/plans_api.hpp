// The support and safety plan part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases/{id}/plan                 the newest version (null before one is
//                                               started) and the version in force; ETag: the
//                                               plan's revision
//   GET  /api/v1/cases/{id}/plan/versions        every version, oldest first
//   GET  /api/v1/cases/{id}/plan/versions/{n}    version n as it was kept (not a number: 422)
//   POST /api/v1/cases/{id}/plan                 start version 1 as an empty draft; 201
//   POST /api/v1/cases/{id}/plan/goals           add a goal to the draft
//   PUT  /api/v1/cases/{id}/plan/goals/{goal}    replace goal {goal} (0-based)
//   DELETE /api/v1/cases/{id}/plan/goals/{goal}  remove goal {goal} from the draft (no body
//                                               needed: If-Match carries the revision)
//   PUT  /api/v1/cases/{id}/plan/evidence        evidence for some of SFJBMS05's points
//   PUT  /api/v1/cases/{id}/plan/review-date     the review date
//   POST /api/v1/cases/{id}/plan/agree           agree the draft with the person
//   POST /api/v1/cases/{id}/plan/approve         a service manager approves the agreed plan
//   POST /api/v1/cases/{id}/plan/revise          a new draft version; the old one is kept
// Every change carries the revision it started from, as If-Match or "revision"; a stale one is
// refused (409). Every endpoint calls plans::PlanService only.
// Thread safety: as WebRoutes. `plans` must outlive the routes.
#pragma once

#include "identity/web.hpp"
#include "plans/service.hpp"

namespace waymark::api {

void AddPlansApi(identity::WebRoutes& routes, plans::PlanService& plans);

}  // namespace waymark::api
