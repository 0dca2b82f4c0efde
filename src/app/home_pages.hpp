// The home page a signed-in person lands on: who they are, and where to go next. A service
// manager is told here when break-glass openings wait for their review.
#pragma once

#include "cases/service.hpp"
#include "identity/web.hpp"

namespace waymark::app {

void AddHomePages(identity::WebRoutes& routes, cases::CaseService& cases);

}  // namespace waymark::app
