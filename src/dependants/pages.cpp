#include "dependants/pages.hpp"

#include "cases/pages_shared.hpp"

namespace waymark::dependants {

namespace pages {
std::string DependantsPath(std::string_view case_id) {
  return cases::pages::CasePath(case_id) + "/dependants";
}
}  // namespace pages

void AddDependantPages(identity::WebRoutes& routes, DependantService& service) {
  pages::AddListPage(routes, service);
  pages::AddFormPages(routes, service);
}

}  // namespace waymark::dependants
