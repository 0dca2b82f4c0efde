// The cases part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases              my cases (a service manager: the provider's), filters
//                                   status=open|closed|all, nrm_stage, risk_level (codes of
//                                   `choices`), worker=<user id> (managers), page
//   POST /api/v1/cases              open a case; 201 with Location and the case
//   GET  /api/v1/cases/{id}         one case (the read is audited); ETag: "<version>"
//   PUT  /api/v1/cases/{id}         change its details; the version it started from as
//                                   If-Match or a "version" property; stale: 409
//   POST /api/v1/cases/search       by reference or name and date of birth, in the BODY: names
//                                   never go in a URL, where proxies and logs would keep them
// Every endpoint calls cases::CaseService only, so policy, validation and audit are the pages'.
// Thread safety: as WebRoutes. `cases` must outlive the routes.
#pragma once

#include "cases/list_filters.hpp"
#include "cases/service.hpp"
#include "identity/web.hpp"

namespace waymark::api {

void AddCasesApi(identity::WebRoutes& routes, cases::CaseService& cases,
                 cases::ListFilterChoices choices);

}  // namespace waymark::api
