#include "nrm/deadlines.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "nrm/calendar.hpp"

namespace waymark::nrm {

namespace {

using namespace std::chrono;

struct DeadlineTerm {
  DeadlineKind kind;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<DeadlineTerm, 6> kKinds{{
    {DeadlineKind::kRgTarget, "rg_target", "Reasonable Grounds decision target"},
    {DeadlineKind::kRecoveryPeriodEnds, "recovery_period_ends", "Minimum recovery period ends"},
    {DeadlineKind::kReconsiderationWindowCloses, "reconsideration_window_closes",
     "Last day to request a reconsideration"},
    {DeadlineKind::kMoveOnEnds, "move_on_ends", "Move-on support ends"},
    {DeadlineKind::kRnaExtensionEnds, "rna_extension_ends",
     "Support extended by the Recovery Needs Assessment ends"},
    {DeadlineKind::kReachInCloses, "reach_in_closes", "Last day to start Reach-In support"},
}};

const DeadlineTerm& Term(DeadlineKind kind) {
  return *std::find_if(kKinds.begin(), kKinds.end(),
                       [kind](const DeadlineTerm& t) { return t.kind == kind; });
}

Deadline Make(DeadlineKind kind, Date date) {
  return Deadline{kind, std::string(Term(kind).label), date};
}

}  // namespace

Date RgTargetDate(Date referral, const Policy& policy) {
  return AddWorkingDays(policy, referral, policy.InForceOn(referral).rg_target_working_days);
}

Date RecoveryPeriodEnds(Date rg_positive_decision, const Policy& policy) {
  return rg_positive_decision +
         days{policy.InForceOn(rg_positive_decision).recovery_period_min_days};
}

Date ReconsiderationWindowEnds(Date negative_decision, const Policy& policy) {
  return negative_decision + days{policy.InForceOn(negative_decision).reconsideration_window_days};
}

Date MoveOnEnds(Date cg_decision, bool positive, const Policy& policy) {
  const PolicyVersion& version = policy.InForceOn(cg_decision);
  return cg_decision +
         days{positive ? version.move_on_positive_min_days : version.move_on_negative_max_days};
}

Date RnaExtensionEnds(Date extended_to) { return extended_to; }

Date ReachInEnds(Date exit, const Policy& policy) {
  year_month_day end = year_month_day{exit} + months{policy.InForceOn(exit).reach_in_max_months};
  if (!end.ok()) end = end.year() / end.month() / last;
  return sys_days{end};
}

std::string_view Code(DeadlineKind kind) { return Term(kind).code; }
std::string_view Label(DeadlineKind kind) { return Term(kind).label; }

std::optional<DeadlineKind> ParseDeadlineKind(std::string_view code) {
  for (const DeadlineTerm& term : kKinds) {
    if (term.code == code) return term.kind;
  }
  return std::nullopt;
}

std::vector<Deadline> DeadlinesFor(const Pathway& p, const Policy& policy) {
  std::vector<Deadline> result;
  const Decision* latest = p.LatestDecision();
  switch (p.state) {
    case PathwayState::kRgPending:
      result.push_back(Make(DeadlineKind::kRgTarget, RgTargetDate(p.referral->date, policy)));
      break;
    case PathwayState::kCgPending:
      result.push_back(
          Make(DeadlineKind::kRecoveryPeriodEnds, RecoveryPeriodEnds(p.LatestRg()->date, policy)));
      break;
    default:
      break;
  }
  bool reconsideration_open =
      latest != nullptr && !latest->positive && !p.reconsideration_requested_on &&
      (p.state == PathwayState::kRgNegative || p.state == PathwayState::kCgNegative ||
       p.state == PathwayState::kMoveOn || p.state == PathwayState::kExited);
  if (reconsideration_open) {
    result.push_back(Make(DeadlineKind::kReconsiderationWindowCloses,
                          ReconsiderationWindowEnds(latest->date, policy)));
  }
  if (p.state == PathwayState::kCgPositive || p.state == PathwayState::kCgNegative ||
      p.state == PathwayState::kMoveOn) {
    const Decision* cg = p.LatestCg();
    Deadline move_on = Make(DeadlineKind::kMoveOnEnds, MoveOnEnds(cg->date, cg->positive, policy));
    if (cg->positive) move_on.label = "Minimum move-on support ends";
    result.push_back(std::move(move_on));
  }
  if (p.state == PathwayState::kMoveOn && p.rna_extended_to) {
    result.push_back(Make(DeadlineKind::kRnaExtensionEnds, RnaExtensionEnds(*p.rna_extended_to)));
  }
  if (p.state == PathwayState::kExited && p.HasPositiveCg()) {
    result.push_back(Make(DeadlineKind::kReachInCloses, ReachInEnds(*p.exited_on, policy)));
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
  return result;
}

}  // namespace waymark::nrm
