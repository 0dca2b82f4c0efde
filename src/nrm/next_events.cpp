#include "nrm/next_events.hpp"

#include <chrono>

namespace waymark::nrm {

namespace {

// An event of `kind` whose values pass every check except those about the pathway's state.
Event Probe(EventKind kind, Date date) {
  switch (kind) {
    case EventKind::kDutyToNotifySent:
      return DutyToNotifySent{date};
    case EventKind::kReferred:
      return Referred{date, "First Responder Organisation"};
    case EventKind::kRgDecided:
      return RgDecided{date};
    case EventKind::kCgDecided:
      return CgDecided{date};
    case EventKind::kReconsiderationRequested:
      return ReconsiderationRequested{date};
    case EventKind::kDisqualified:
      return Disqualified{date};
    case EventKind::kMoveOnStarted:
      return MoveOnStarted{date};
    case EventKind::kRnaSubmitted:
      return RnaSubmitted{date};
    case EventKind::kRnaDecided:
      return RnaDecided{date, std::nullopt};
    case EventKind::kExited:
      return Exited{date};
    case EventKind::kReachInStarted:
      return ReachInStarted{date};
  }
  return Exited{date};
}

}  // namespace

std::vector<EventKind> PossibleEvents(const Pathway& pathway, const Policy& policy) {
  using namespace std::chrono;
  // Dated with the latest event, so ordering and windows counted from it pass where they can.
  Date date = pathway.last_event_date.value_or(Date{sys_days{year{2000} / January / 1}});
  std::vector<EventKind> kinds;
  for (int i = 0; i <= static_cast<int>(EventKind::kReachInStarted); ++i) {
    auto kind = static_cast<EventKind>(i);
    auto applied = ApplyRecorded(pathway, Probe(kind, date), policy);
    // Apply names the field "event" only when the event itself is out of place.
    bool refused_by_state =
        !applied && !applied.error().fields.empty() && applied.error().fields[0].field == "event";
    if (!refused_by_state) kinds.push_back(kind);
  }
  return kinds;
}

}  // namespace waymark::nrm
