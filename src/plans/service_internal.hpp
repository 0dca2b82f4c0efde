// Pieces service.cpp and service_changes.cpp share: loading the case's plan inside a CaseWork,
// and the names of the people a plan mentions. Not part of the feature's interface.
#pragma once

#include <string_view>

#include "plans/service.hpp"

namespace waymark::plans::internal {

// The case's plan as `found` allows the actor to see it, with names for who agreed and
// approved the versions given.
PlanView MakeView(cases::CaseWork& w, cases::AuthorisedCase found,
                  std::optional<StoredPlan> current, const std::vector<StoredPlan>& versions);

// The newest agreed or approved version among `versions`.
std::optional<int> InForceVersion(const std::vector<StoredPlan>& versions);

}  // namespace waymark::plans::internal
