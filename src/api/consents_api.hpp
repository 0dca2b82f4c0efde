// The consent and disclosure part of the JSON API (/api/v1), documented in docs/openapi.yaml:
//   GET  /api/v1/cases/{id}/consents                          every consent record and its
//                                                             status today, oldest first
//   POST /api/v1/cases/{id}/consents                          record consent given or refused
//   POST /api/v1/cases/{id}/consents/{consent_id}/withdraw    record its withdrawal (the record
//                                                             is kept); If-Match or "version"
//   GET  /api/v1/cases/{id}/disclosures                       every disclosure, newest first
//   POST /api/v1/cases/{id}/disclosures                       record one with its legal basis
// Every endpoint calls consent::ConsentService only, so the rules and the audit are the pages'.
// Thread safety: as WebRoutes. `consent` must outlive the routes.
#pragma once

#include "consent/service.hpp"
#include "identity/web.hpp"

namespace waymark::api {

void AddConsentsApi(identity::WebRoutes& routes, consent::ConsentService& consent);

}  // namespace waymark::api
