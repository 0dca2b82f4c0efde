// Which events the rules allow next from a pathway, for offering only those to a person. The
// answer comes from Apply's own rules (each kind is tried with placeholder values), so it can
// never disagree with what recording the event would do: a kind is offered unless the pathway's
// state itself refuses it. A kind offered may still be refused for its values (a date outside a
// window, a missing name, no consent), with the message saying why.
// Thread safety: pure function, safe from any thread.
#pragma once

#include <vector>

#include "nrm/codes.hpp"
#include "nrm/pathway.hpp"
#include "nrm/policy.hpp"

namespace waymark::nrm {

// In EventKind's declaration order.
std::vector<EventKind> PossibleEvents(const Pathway& pathway, const Policy& policy);

}  // namespace waymark::nrm
