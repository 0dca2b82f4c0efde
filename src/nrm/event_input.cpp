#include "nrm/event_input.hpp"

#include <optional>
#include <vector>

#include "nrm/codes.hpp"
#include "platform/util/date.hpp"

namespace waymark::nrm {

namespace {

std::optional<Date> DateOf(const EnteredDate& entered) {
  return DateFromParts(entered.day, entered.month, entered.year);
}

}  // namespace

std::string EventDateLabel(EventKind kind) {
  switch (kind) {
    case EventKind::kDutyToNotifySent:
      return "Date the Duty to Notify was sent";
    case EventKind::kReferred:
      return "Date of the referral";
    case EventKind::kRgDecided:
    case EventKind::kCgDecided:
    case EventKind::kRnaDecided:
      return "Date of the decision";
    case EventKind::kReconsiderationRequested:
      return "Date the reconsideration was requested";
    case EventKind::kDisqualified:
      return "Date of the disqualification";
    case EventKind::kMoveOnStarted:
      return "Date move-on support started";
    case EventKind::kRnaSubmitted:
      return "Date the Recovery Needs Assessment was submitted";
    case EventKind::kExited:
      return "Date they exited support";
    case EventKind::kReachInStarted:
      return "Date Reach-In support started";
  }
  return "Date";
}

Result<NewEntry> ParseNewEntry(const EventInput& f, bool correction) {
  std::vector<FieldError> errors;
  auto kind = ParseEventKind(f.event);
  if (!kind) return Fail(Problem::Invalid("event", "Select what happened next"));
  auto date = DateOf(f.date);
  if (!date) {
    errors.push_back({"date", EventDateLabel(*kind) + " must be a real date, like 27 3 2024"});
  }
  if (correction && f.note.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"note", "Enter why this entry is being corrected"});
  }
  Date on = date.value_or(Date{});
  std::optional<Event> event;
  switch (*kind) {
    case EventKind::kDutyToNotifySent:
      if (f.identifying_details_included != "yes" && f.identifying_details_included != "no") {
        errors.push_back({"identifying_details_included",
                          "Select whether the notification included identifying details"});
      }
      event = DutyToNotifySent{on, f.identifying_details_included == "yes"};
      break;
    case EventKind::kReferred: {
      auto authority = ParseCompetentAuthority(f.authority);
      if (!authority) errors.push_back({"authority", "Select the competent authority"});
      event = Referred{on, f.first_responder, authority.value_or(CompetentAuthority::kSca)};
      break;
    }
    case EventKind::kRgDecided: {
      auto outcome = ParseRgOutcome(f.outcome);
      if (!outcome) errors.push_back({"outcome", "Select the decision"});
      event = RgDecided{on, outcome.value_or(RgOutcome::kPositive)};
      break;
    }
    case EventKind::kCgDecided: {
      auto outcome = ParseCgOutcome(f.outcome);
      if (!outcome) errors.push_back({"outcome", "Select the decision"});
      event = CgDecided{on, outcome.value_or(CgOutcome::kNegative)};
      break;
    }
    case EventKind::kReconsiderationRequested:
      event = ReconsiderationRequested{on};
      break;
    case EventKind::kDisqualified: {
      auto grounds = ParseDisqualificationGrounds(f.grounds);
      if (!grounds) errors.push_back({"grounds", "Select the grounds for the disqualification"});
      event = Disqualified{on, grounds.value_or(DisqualificationGrounds::kPublicOrder)};
      break;
    }
    case EventKind::kMoveOnStarted:
      event = MoveOnStarted{on};
      break;
    case EventKind::kRnaSubmitted:
      event = RnaSubmitted{on};
      break;
    case EventKind::kRnaDecided: {
      std::optional<Date> extended_to;
      if (f.extended == "yes") {
        extended_to = DateOf(f.extended_to);
        if (!extended_to) {
          errors.push_back({"extended_to",
                            "The date support is extended to must be a real date, like 27 3 "
                            "2024"});
        }
      } else if (f.extended != "no") {
        errors.push_back({"extended", "Select whether the decision extended support"});
      }
      event = RnaDecided{on, extended_to};
      break;
    }
    case EventKind::kExited:
      event = Exited{on};
      break;
    case EventKind::kReachInStarted:
      event = ReachInStarted{on};
      break;
  }
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  return NewEntry{*event, f.note};
}

}  // namespace waymark::nrm
