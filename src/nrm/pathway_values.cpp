// The parts of pathway.hpp that are plain accessors, apart from the transition rules.
#include "nrm/pathway.hpp"

#include <type_traits>

namespace waymark::nrm {

namespace {

// Event's alternatives are declared in EventKind's order, so the index is the kind.
template <EventKind kind, class T>
constexpr bool kIndexIs =
    std::is_same_v<std::variant_alternative_t<static_cast<size_t>(kind), Event>, T>;

static_assert(std::variant_size_v<Event> == static_cast<size_t>(EventKind::kReachInStarted) + 1);
static_assert(kIndexIs<EventKind::kDutyToNotifySent, DutyToNotifySent>);
static_assert(kIndexIs<EventKind::kReferred, Referred>);
static_assert(kIndexIs<EventKind::kRgDecided, RgDecided>);
static_assert(kIndexIs<EventKind::kCgDecided, CgDecided>);
static_assert(kIndexIs<EventKind::kReconsiderationRequested, ReconsiderationRequested>);
static_assert(kIndexIs<EventKind::kDisqualified, Disqualified>);
static_assert(kIndexIs<EventKind::kMoveOnStarted, MoveOnStarted>);
static_assert(kIndexIs<EventKind::kRnaSubmitted, RnaSubmitted>);
static_assert(kIndexIs<EventKind::kRnaDecided, RnaDecided>);
static_assert(kIndexIs<EventKind::kExited, Exited>);
static_assert(kIndexIs<EventKind::kReachInStarted, ReachInStarted>);

}  // namespace

EventKind KindOf(const Event& event) { return static_cast<EventKind>(event.index()); }

Date DateOf(const Event& event) {
  return std::visit([](const auto& e) { return e.date; }, event);
}

const Decision* Pathway::LatestDecision() const {
  return decisions.empty() ? nullptr : &decisions.back();
}

const Decision* Pathway::LatestRg() const {
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
    if (it->stage == DecisionStage::kReasonableGrounds) return &*it;
  }
  return nullptr;
}

const Decision* Pathway::LatestCg() const {
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
    if (it->stage == DecisionStage::kConclusiveGrounds) return &*it;
  }
  return nullptr;
}

bool Pathway::HasPositiveCg() const {
  const Decision* cg = LatestCg();
  return cg != nullptr && cg->positive;
}

}  // namespace waymark::nrm
