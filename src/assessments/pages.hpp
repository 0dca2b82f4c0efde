// The GOV.UK pages for needs and risk assessments inside a case.
//
// Routes (all WebRoutes Page routes at case.list; AssessmentService then asks the policy about
// the case, so another provider's case is "not found" and a break-glass reader may read only):
//   GET  /cases/{id:id}/assessments              both kinds: the current ones and earlier versions
//   GET  /cases/{id:id}/assessments/needs        one needs assessment (?version=N; the current
//                                                one without it)
//   GET  /cases/{id:id}/assessments/risk         one risk assessment (?version=N)
//   GET  /cases/{id:id}/assessments/needs/new    the form, prefilled from the current one
//   POST /cases/{id:id}/assessments/needs/new    save (based_on), or add or remove a need row
//   GET  /cases/{id:id}/assessments/risk/new     the form, prefilled from the current one
//   POST /cases/{id:id}/assessments/risk/new     save (based_on)
// The version is a query parameter rather than a path capture so a page for a case always has
// one capture, the case id. No personal data goes into a URL.
//
// Thread safety: registration happens on one thread; the handlers keep no state and are then
// called from many worker threads. `assessments` must outlive the routes.
#pragma once

#include "assessments/service.hpp"
#include "identity/web.hpp"

namespace waymark::assessments {

void AddAssessmentPages(identity::WebRoutes& routes, AssessmentService& assessments);

}  // namespace waymark::assessments
