// The assessments part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases/{id}/assessments         the current needs and risk assessments (null
//                                              when none yet) and whether a review is overdue
//   GET  /api/v1/cases/{id}/assessments/needs   every needs assessment version, newest first
//   GET  /api/v1/cases/{id}/assessments/risk    every risk assessment version, newest first
//   POST /api/v1/cases/{id}/assessments/needs   record a new version; "based_on" (or If-Match)
//   POST /api/v1/cases/{id}/assessments/risk    the version it was made from, 0 for the first;
//                                              a newer one saved meanwhile: 409
// An assessment is never overwritten. Every endpoint calls assessments::AssessmentService only.
// Thread safety: as WebRoutes. `assessments` must outlive the routes.
#pragma once

#include "assessments/service.hpp"
#include "identity/web.hpp"

namespace waymark::api {

void AddAssessmentsApi(identity::WebRoutes& routes, assessments::AssessmentService& assessments);

}  // namespace waymark::api
