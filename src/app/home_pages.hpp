// The home page a signed-in person lands on.
#pragma once

#include "identity/web.hpp"

namespace waymark::app {

void AddHomePages(identity::WebRoutes& routes);

}  // namespace waymark::app
