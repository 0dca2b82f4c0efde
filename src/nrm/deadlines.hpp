// The NRM's dates, counted from policy data in force on the date the count starts from (a
// recovery period follows the rules of its RG decision's date, not today's). Every function
// returns the LAST day of the period, inclusive:
//   RgTargetDate              day 0 is the referral date; the target is the 5th working day after
//                             it (working days: Monday to Friday, not an England and Wales bank
//                             holiday; see calendar.hpp). Referral Friday 3 January 2025 ->
//                             Friday 10 January 2025.
//   RecoveryPeriodEnds        day 0 is the positive RG decision date; the minimum recovery period
//                             lasts until decision + 45 calendar days for a decision before
//                             30 January 2023, decision + 30 from that date.
//   ReconsiderationWindowEnds day 0 is the negative RG or CG decision date; a request is in time
//                             up to and including decision + 30 calendar days.
//   MoveOnEnds                day 0 is the CG decision date; after a positive CG support lasts
//                             at least until decision + 45 calendar days; after a negative CG at
//                             most until decision + 14.
//   RnaExtensionEnds          the date the Recovery Needs Assessment decision extended support
//                             to, as decided.
//   ReachInEnds               day 0 is the exit date; Reach-In may start up to and including the
//                             same day of the month 6 months later (the month's last day when
//                             that month is shorter: exit 31 August -> 28 or 29 February).
// The numbers above are the built-in policy's; the functions read them from `policy`.
// Thread safety: pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nrm/pathway.hpp"
#include "nrm/policy.hpp"
#include "platform/util/date.hpp"

namespace waymark::nrm {

Date RgTargetDate(Date referral, const Policy& policy);
Date RecoveryPeriodEnds(Date rg_positive_decision, const Policy& policy);
Date ReconsiderationWindowEnds(Date negative_decision, const Policy& policy);
Date MoveOnEnds(Date cg_decision, bool positive, const Policy& policy);
Date RnaExtensionEnds(Date extended_to);
Date ReachInEnds(Date exit, const Policy& policy);

enum class DeadlineKind {
  kRgTarget,                     // rg_target: referred, no RG decision yet
  kRecoveryPeriodEnds,           // recovery_period_ends: positive RG, no CG, not disqualified
  kReconsiderationWindowCloses,  // reconsideration_window_closes: latest decision negative
  kMoveOnEnds,                   // move_on_ends: CG decided, not exited
  kRnaExtensionEnds,             // rna_extension_ends: in move-on with an extension granted
  kReachInCloses,                // reach_in_closes: exited with a positive CG
};

std::string_view Code(DeadlineKind kind);
std::string_view Label(DeadlineKind kind);
std::optional<DeadlineKind> ParseDeadlineKind(std::string_view code);

struct Deadline {
  DeadlineKind kind;
  std::string label;  // for this pathway, e.g. says "at least" for positive move-on
  Date date;          // the last day, inclusive
};

// The dates that matter for the pathway's current state, earliest first. Whether one is overdue
// or close is the caller's question (it knows today).
std::vector<Deadline> DeadlinesFor(const Pathway& pathway, const Policy& policy);

}  // namespace waymark::nrm
