// A survivor's way through the National Referral Mechanism as a value folded from dated events:
// Duty to Notify or referral, Reasonable Grounds (RG) and Conclusive Grounds (CG) decisions,
// reconsideration, disqualification, move-on with Recovery Needs Assessments, exit and Reach-In.
// Apply() is the only way a Pathway changes: it accepts an event that the rules allow and
// refuses any other with a message saying why in plain words. Events may not be dated before the
// event they follow. Corrections and replay of stored history are in history.hpp; deadlines
// derived from a Pathway are in deadlines.hpp.
//
// Transitions (state -> event -> state):
//   not_referred         -> Duty to Notify -> duty_to_notify_sent
//   not_referred, duty_to_notify_sent -> referral (adult: recorded consent) -> rg_pending
//   rg_pending, rg_reconsideration_requested -> RG decision -> cg_pending | rg_negative
//   cg_pending           -> disqualification -> disqualified
//   cg_pending, disqualified, cg_reconsideration_requested -> CG decision
//                        -> cg_positive | cg_negative
//   rg_negative | exited (latest decision a negative RG) -> reconsideration -> rg_reconsideration_
//   cg_negative | move_on | exited (latest a negative CG) -> reconsideration -> cg_reconsideration_
//                        (requested, within the window, of the latest decision only)
//   cg_positive, cg_negative -> move-on started -> move_on
//   move_on (positive CG) -> RNA submitted; RNA decided (extended to a date, or declined)
//   rg_negative, cg_positive, cg_negative, move_on, reach_in -> exit -> exited
//   exited (positive CG, within the Reach-In period of the exit) -> Reach-In -> reach_in
// Leaving support while a decision is pending is not an exit here: the decision still comes.
// Thread safety: values and pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "nrm/codes.hpp"
#include "nrm/policy.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::nrm {

// An anonymous notification (form MS1) when an adult does not consent to a referral. Identifying
// details may be included only with the adult's recorded consent to that.
struct DutyToNotifySent {
  Date date;
  bool identifying_details_included = false;
};

struct Referred {
  Date date;
  std::string first_responder;  // the First Responder Organisation's name
  CompetentAuthority authority = CompetentAuthority::kSca;
};

// A first RG decision, or the outcome of a reconsideration of a negative one.
struct RgDecided {
  Date date;
  RgOutcome outcome = RgOutcome::kPositive;
};

// A first CG decision, or the outcome of a reconsideration of a negative one.
struct CgDecided {
  Date date;
  CgOutcome outcome = CgOutcome::kHumanTrafficking;
};

// Of the latest decision, which must be negative.
struct ReconsiderationRequested {
  Date date;
};

struct Disqualified {
  Date date;
  DisqualificationGrounds grounds = DisqualificationGrounds::kPublicOrder;
};

struct MoveOnStarted {
  Date date;
};

struct RnaSubmitted {
  Date date;
};

// extended_to: the date support is extended to; nullopt when the extension was declined.
struct RnaDecided {
  Date date;
  std::optional<Date> extended_to;
};

struct Exited {
  Date date;
};

struct ReachInStarted {
  Date date;
};

using Event =
    std::variant<DutyToNotifySent, Referred, RgDecided, CgDecided, ReconsiderationRequested,
                 Disqualified, MoveOnStarted, RnaSubmitted, RnaDecided, Exited, ReachInStarted>;

EventKind KindOf(const Event& event);
Date DateOf(const Event& event);

struct Decision {
  DecisionStage stage = DecisionStage::kReasonableGrounds;
  Date date;
  bool positive = false;
  std::optional<CgOutcome> cg_outcome;  // set for CG decisions
  bool after_reconsideration = false;
};

struct Referral {
  Date date;
  std::string first_responder;
  CompetentAuthority authority = CompetentAuthority::kSca;
};

struct Disqualification {
  Date date;
  DisqualificationGrounds grounds = DisqualificationGrounds::kPublicOrder;
};

struct Pathway {
  PathwayState state = PathwayState::kNotReferred;
  std::optional<EventKind> last_event;  // the event applied last, and its date
  std::optional<Date> last_event_date;

  std::optional<Date> duty_to_notify_sent_on;
  bool duty_to_notify_identifying = false;
  std::optional<Referral> referral;
  std::vector<Decision> decisions;                   // every RG and CG decision, oldest first
  std::optional<Date> reconsideration_requested_on;  // while a reconsideration is pending
  std::optional<Disqualification> disqualification;
  // About the latest CG decision's move-on; cleared when a reconsideration changes it.
  std::optional<Date> move_on_started_on;
  std::optional<Date> rna_pending_since;  // an RNA submitted and not yet decided
  std::optional<Date> rna_decided_on;     // the latest RNA decision
  std::optional<Date> rna_extended_to;    // the latest extension granted
  std::optional<Date> exited_on;          // the latest exit
  std::optional<Date> reach_in_started_on;

  const Decision* LatestDecision() const;
  const Decision* LatestRg() const;
  const Decision* LatestCg() const;
  bool HasPositiveCg() const;
};

struct ApplyContext {
  const Policy& policy;
  // An adult's referral needs their recorded consent; a child's does not.
  bool nrm_referral_consent_recorded = false;
  bool person_is_child = false;
  // Consent to identifying details in a Duty to Notify.
  bool identifying_details_consent_recorded = false;
  // When set, events dated after it are refused.
  std::optional<Date> today = std::nullopt;
};

// The pathway after `event`, or a Problem (kind Invalid) whose message says why the event cannot
// happen; `fields` names the event's field at fault ("date", "first_responder", "extended_to",
// "identifying_details_included", "consent") or "event" when the event itself is out of place.
Result<Pathway> Apply(const Pathway& pathway, const Event& event, const ApplyContext& context);

// Apply for events already recorded (replaying stored history): every rule except the consent
// checks and the check against today, which were made when the event was recorded (consent
// withdrawn later does not undo a referral already made).
Result<Pathway> ApplyRecorded(const Pathway& pathway, const Event& event, const Policy& policy);

}  // namespace waymark::nrm
