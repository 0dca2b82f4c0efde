// The GOV.UK pages for a case's support and safety plan. Every route is a WebRoutes Page route
// asking only whether the person works in the case area (kCaseList); PlanService then asks the
// policy about this case and answers Forbidden or NotFound. Only ids go into URLs. Every journey
// works without JavaScript; a break-glass reader sees the plan without any way to change it.
//
// Routes:
//   GET  /cases/{id:id}/plan                          the plan, or "Start a plan"
//   POST /cases/{id:id}/plan/start                    version 1 as an empty draft
//   GET  /cases/{id:id}/plan/goals/new, POST ...      add a goal with its actions
//   GET  /cases/{id:id}/plan/goals/{n:int}, POST ...  change goal n (from 1) and its actions
//   POST /cases/{id:id}/plan/goals/{n:int}/remove     remove goal n
//   GET  /cases/{id:id}/plan/evidence/{n:int}, POST   evidence for one group of points
//   GET  /cases/{id:id}/plan/review-date, POST ...    the review date
//   GET  /cases/{id:id}/plan/check                    check your answers, and the agreement form
//   POST /cases/{id:id}/plan/agree                    agree the plan with the person
//   POST /cases/{id:id}/plan/approve                  approve (service managers)
//   POST /cases/{id:id}/plan/revise                   start a new version
//   GET  /cases/{id:id}/plan/versions                 version history
//   GET  /cases/{id:id}/plan/versions/{version:int}   one version, read-only
//
// Thread safety: registration happens on one thread; handlers keep no state and are then called
// from many worker threads. `plans` must outlive the routes.
#pragma once

#include "identity/web.hpp"
#include "plans/service.hpp"

namespace waymark::plans {

void AddPlanPages(identity::WebRoutes& routes, PlanService& plans);

namespace pages {
// Each page file registers its own routes; AddPlanPages calls them all.
void AddPlanViewPages(identity::WebRoutes& routes, PlanService& plans);
void AddGoalPages(identity::WebRoutes& routes, PlanService& plans);
void AddEvidencePages(identity::WebRoutes& routes, PlanService& plans);
void AddAgreementPages(identity::WebRoutes& routes, PlanService& plans);
}  // namespace pages

}  // namespace waymark::plans
