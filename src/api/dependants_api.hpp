// The dependants part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases/{id}/dependants                            current and former dependants
//   POST /api/v1/cases/{id}/dependants                            add one; 201 with Location
//   GET  /api/v1/cases/{id}/dependants/{dependant_id}             one, with every version; ETag
//   PUT  /api/v1/cases/{id}/dependants/{dependant_id}             change; If-Match or "version"
//   POST /api/v1/cases/{id}/dependants/{dependant_id}/removal     no longer a dependant (kept)
// Every endpoint calls dependants::DependantService only.
// Thread safety: as WebRoutes. `dependants` must outlive the routes.
#pragma once

#include "dependants/service.hpp"
#include "identity/web.hpp"

namespace waymark::api {

void AddDependantsApi(identity::WebRoutes& routes, dependants::DependantService& dependants);

}  // namespace waymark::api
