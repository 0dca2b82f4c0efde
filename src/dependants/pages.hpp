// The dependants pages of a case (ids only in paths; which dependant is in the query or a
// hidden field):
//   GET       /cases/{id:id}/dependants                      summary cards, current and former
//   GET, POST /cases/{id:id}/dependants/new                  add a dependant
//   GET, POST /cases/{id:id}/dependants/change?dependant=ID  change one (version carried);
//                                                            without ?dependant=, the list
//   GET, POST /cases/{id:id}/dependants/remove?dependant=ID  no longer a dependant: date, reason
// Routes ask case.list; DependantService then asks about the case itself.
// Thread safety: registration on one thread; handlers keep no state. `service` must outlive
// the routes.
#pragma once

#include "dependants/service.hpp"
#include "identity/web.hpp"

namespace waymark::dependants {

void AddDependantPages(identity::WebRoutes& routes, DependantService& service);

namespace pages {
// Each page file registers its own routes; AddDependantPages calls both.
void AddListPage(identity::WebRoutes& routes, DependantService& service);
void AddFormPages(identity::WebRoutes& routes, DependantService& service);
// The list page for the request's case (also shown by change and remove without a dependant).
http::Response ShowList(identity::PageContext& ctx, DependantService& service);
// "/cases/<case id>/dependants".
std::string DependantsPath(std::string_view case_id);
}  // namespace pages

}  // namespace waymark::dependants
