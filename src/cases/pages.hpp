// The GOV.UK pages for survivor case records: the case list and search, opening a case, the
// case overview with its task list, changing details, history, allocation, closing, the access
// log and break-glass access with its review by a service manager.
//
// Every route is a WebRoutes Page route, so the session, CSRF token and route permission are
// checked before a handler runs. The route asks only whether the person works in the case area
// (kCaseList; kCaseAccessLog for the break-glass review list, which is for service managers);
// CaseService then asks the policy about the specific record and answers Forbidden or NotFound,
// which the pages show as the 403 and 404 pages. Another provider's case is "not found".
//
// No personal data goes into a URL: ids and flags only. The search is therefore a POST.
//
// Routes:
//   GET  /cases                                 list (?status, ?nrm_stage, ?risk_level, ?worker,
//                                               ?page); the stage and risk choices come from
//                                               `choices`, which the app fills
//   POST /cases/search                          search by reference or name (q, dob-*)
//   GET  /cases/new, POST /cases/new            open a new case
//   GET  /cases/{id:id}                         the overview
//   GET  /cases/{id:id}/details, POST ...       change details (version checked)
//   GET  /cases/{id:id}/history                 saved versions and what changed
//   GET  /cases/{id:id}/workers, POST ...       assign a worker (user_id)
//   POST /cases/{id:id}/workers/remove          unassign a worker (user_id)
//   POST /cases/{id:id}/close                   close (closure_reason, version)
//   GET  /cases/{id:id}/access-log              who read or changed the case
//   GET  /cases/{id:id}/break-glass, POST ...   temporary access with a reason and a code
//   GET  /cases/break-glass-reviews             unreviewed break-glass grants (managers)
//   POST /cases/break-glass-reviews/{id:id}     record a review (note, version)
//
// Thread safety: registration happens on one thread; the handlers keep no state of their own
// and are then called from many worker threads. `cases` must outlive the routes.
#pragma once

#include "cases/list_filters.hpp"
#include "cases/service.hpp"
#include "identity/web.hpp"

namespace waymark::cases {

void AddCasePages(identity::WebRoutes& routes, CaseService& cases, ListFilterChoices choices);

}  // namespace waymark::cases
