#include "nrm/pathway.hpp"

#include "nrm/deadlines.hpp"

namespace waymark::nrm {

namespace {

constexpr size_t kMaxFirstResponderLength = 200;

std::string On(Date date) { return FormatDateForPeople(date); }

tl::unexpected<Problem> Refuse(std::string message) {
  return Fail(Problem::Invalid("event", std::move(message)));
}

tl::unexpected<Problem> RefuseField(std::string field, std::string message) {
  return Fail(Problem::Invalid(std::move(field), std::move(message)));
}

// What an event's date is called in "The X date cannot be before the Y date".
std::string_view DateNoun(EventKind kind) {
  switch (kind) {
    case EventKind::kDutyToNotifySent:
      return "Duty to Notify";
    case EventKind::kReferred:
      return "referral";
    case EventKind::kRgDecided:
      return "Reasonable Grounds decision";
    case EventKind::kCgDecided:
      return "Conclusive Grounds decision";
    case EventKind::kReconsiderationRequested:
      return "reconsideration request";
    case EventKind::kDisqualified:
      return "disqualification";
    case EventKind::kMoveOnStarted:
      return "move-on start";
    case EventKind::kRnaSubmitted:
      return "Recovery Needs Assessment submission";
    case EventKind::kRnaDecided:
      return "Recovery Needs Assessment decision";
    case EventKind::kExited:
      return "exit";
    case EventKind::kReachInStarted:
      return "Reach-In start";
  }
  return "event";
}

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// Everything that follows a decision belongs to that decision; a new decision (after a
// reconsideration) starts it afresh.
void ClearAfterDecision(Pathway& next) {
  next.reconsideration_requested_on.reset();
  next.move_on_started_on.reset();
  next.rna_pending_since.reset();
  next.rna_decided_on.reset();
  next.rna_extended_to.reset();
  next.exited_on.reset();
  next.reach_in_started_on.reset();
}

// One handler per event: the state check first (the most useful message), then the event's own
// fields, then its date against the event it follows, then any window it must fall in.
class Transition {
 public:
  Transition(const Pathway& p, const Policy& policy, const ApplyContext* context)
      : p_(p), policy_(policy), context_(context) {}

  Result<Pathway> operator()(const DutyToNotifySent& e) const {
    if (p_.state == PathwayState::kDutyToNotifySent) {
      return Refuse("A Duty to Notify was already sent on " + On(*p_.duty_to_notify_sent_on));
    }
    if (p_.state != PathwayState::kNotReferred) {
      return Refuse(
          "A Duty to Notify is for an adult who has not been referred, and this person "
          "was referred to the NRM on " +
          On(p_.referral->date));
    }
    if (context_ && context_->person_is_child) {
      return Refuse(
          "A Duty to Notify is for adults: a child is referred to the NRM without "
          "needing their consent");
    }
    if (e.identifying_details_included && context_ &&
        !context_->identifying_details_consent_recorded) {
      return RefuseField("identifying_details_included",
                         "A Duty to Notify is anonymous: it can include identifying details only "
                         "with the person's recorded consent");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Pathway next = p_;
    next.state = PathwayState::kDutyToNotifySent;
    next.duty_to_notify_sent_on = e.date;
    next.duty_to_notify_identifying = e.identifying_details_included;
    return next;
  }

  Result<Pathway> operator()(const Referred& e) const {
    if (p_.state != PathwayState::kNotReferred && p_.state != PathwayState::kDutyToNotifySent) {
      return Refuse("This person was already referred to the NRM on " + On(p_.referral->date));
    }
    std::string first_responder = Trim(e.first_responder);
    if (first_responder.empty()) {
      return RefuseField("first_responder",
                         "Enter the name of the First Responder Organisation that made the "
                         "referral");
    }
    if (first_responder.size() > kMaxFirstResponderLength) {
      return RefuseField("first_responder",
                         "The First Responder Organisation's name must be 200 characters or "
                         "fewer");
    }
    for (unsigned char c : first_responder) {
      if (c < 0x20 || c == 0x7f) {
        return RefuseField("first_responder",
                           "The First Responder Organisation's name must be on one line");
      }
    }
    if (context_ && !context_->person_is_child && !context_->nrm_referral_consent_recorded) {
      return RefuseField("consent",
                         "An adult can be referred to the NRM only with their recorded consent. "
                         "Without it, only an anonymous Duty to Notify can be recorded.");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Pathway next = p_;
    next.state = PathwayState::kRgPending;
    next.referral = Referral{e.date, std::move(first_responder), e.authority};
    return next;
  }

  Result<Pathway> operator()(const RgDecided& e) const {
    bool reconsidered = p_.state == PathwayState::kRgReconsiderationRequested;
    if (p_.state != PathwayState::kRgPending && !reconsidered) {
      if (!p_.referral) {
        return Refuse("A Reasonable Grounds decision needs a referral to the NRM first");
      }
      const Decision* rg = p_.LatestRg();
      if (rg == nullptr) return Refuse("A Reasonable Grounds decision cannot be recorded now");
      if (!rg->positive && p_.LatestDecision() == rg) {
        return Refuse(
            "A new Reasonable Grounds decision after a negative one needs a "
            "reconsideration request first");
      }
      return Refuse("A Reasonable Grounds decision was already recorded on " + On(rg->date) +
                    "; correct that entry if it is wrong");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    bool positive = e.outcome == RgOutcome::kPositive;
    Pathway next = p_;
    ClearAfterDecision(next);
    next.decisions.push_back(
        Decision{DecisionStage::kReasonableGrounds, e.date, positive, std::nullopt, reconsidered});
    next.state = positive ? PathwayState::kCgPending : PathwayState::kRgNegative;
    return next;
  }

  Result<Pathway> operator()(const CgDecided& e) const {
    bool reconsidered = p_.state == PathwayState::kCgReconsiderationRequested;
    if (p_.state != PathwayState::kCgPending && p_.state != PathwayState::kDisqualified &&
        !reconsidered) {
      const Decision* cg = p_.LatestCg();
      if (cg == nullptr) {
        return Refuse(
            "A Conclusive Grounds decision needs a positive Reasonable Grounds "
            "decision first");
      }
      if (!cg->positive && p_.LatestDecision() == cg) {
        return Refuse(
            "A new Conclusive Grounds decision after a negative one needs a "
            "reconsideration request first");
      }
      return Refuse("A Conclusive Grounds decision was already recorded on " + On(cg->date) +
                    "; correct that entry if it is wrong");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    bool positive = e.outcome != CgOutcome::kNegative;
    Pathway next = p_;
    ClearAfterDecision(next);
    next.decisions.push_back(
        Decision{DecisionStage::kConclusiveGrounds, e.date, positive, e.outcome, reconsidered});
    next.state = positive ? PathwayState::kCgPositive : PathwayState::kCgNegative;
    return next;
  }

  Result<Pathway> operator()(const ReconsiderationRequested& e) const {
    if (p_.reconsideration_requested_on) {
      return Refuse("A reconsideration was already requested on " +
                    On(*p_.reconsideration_requested_on) + "; record its outcome first");
    }
    const Decision* decision = p_.LatestDecision();
    if (decision == nullptr) {
      return Refuse(
          "A reconsideration can only be requested of a negative Reasonable Grounds or "
          "Conclusive Grounds decision, and no decision has been recorded yet");
    }
    std::string stage(Label(decision->stage));
    if (decision->positive) {
      return Refuse(
          "A reconsideration can only be requested of a negative decision, and the "
          "latest decision (" +
          stage + ", " + On(decision->date) + ") was positive");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Date last_day = ReconsiderationWindowEnds(decision->date, policy_);
    if (e.date > last_day) {
      int days = policy_.InForceOn(decision->date).reconsideration_window_days;
      return RefuseField("date", "A reconsideration must be requested within " +
                                     std::to_string(days) + " calendar days of the " + stage +
                                     " decision on " + On(decision->date) + ": the last day was " +
                                     On(last_day));
    }
    Pathway next = p_;
    next.reconsideration_requested_on = e.date;
    next.state = decision->stage == DecisionStage::kReasonableGrounds
                     ? PathwayState::kRgReconsiderationRequested
                     : PathwayState::kCgReconsiderationRequested;
    return next;
  }

  Result<Pathway> operator()(const Disqualified& e) const {
    if (p_.state == PathwayState::kDisqualified) {
      return Refuse("A disqualification was already recorded on " + On(p_.disqualification->date));
    }
    if (p_.state != PathwayState::kCgPending) {
      const Decision* rg = p_.LatestRg();
      if (rg == nullptr || !rg->positive) {
        return Refuse(
            "A public order or bad-faith disqualification can only follow a positive "
            "Reasonable Grounds decision");
      }
      return Refuse(
          "A public order or bad-faith disqualification is recorded after a positive "
          "Reasonable Grounds decision and before the Conclusive Grounds decision");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Pathway next = p_;
    next.state = PathwayState::kDisqualified;
    next.disqualification = Disqualification{e.date, e.grounds};
    return next;
  }

  Result<Pathway> operator()(const MoveOnStarted& e) const {
    switch (p_.state) {
      case PathwayState::kCgPositive:
      case PathwayState::kCgNegative:
        break;
      case PathwayState::kMoveOn:
        return Refuse("Move-on support already started on " + On(*p_.move_on_started_on));
      case PathwayState::kExited:
      case PathwayState::kReachIn:
        return Refuse("Move-on support cannot start after the person has exited support");
      case PathwayState::kCgReconsiderationRequested:
        return Refuse(
            "A reconsideration of the Conclusive Grounds decision is pending; move-on "
            "support starts after its outcome");
      default:
        return Refuse("Move-on support starts after a Conclusive Grounds decision");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Pathway next = p_;
    next.state = PathwayState::kMoveOn;
    next.move_on_started_on = e.date;
    return next;
  }

  Result<Pathway> operator()(const RnaSubmitted& e) const {
    if (p_.state != PathwayState::kMoveOn || !p_.HasPositiveCg()) {
      return Refuse(
          "A Recovery Needs Assessment can only be submitted during move-on support "
          "after a positive Conclusive Grounds decision");
    }
    if (p_.rna_pending_since) {
      return Refuse("The Recovery Needs Assessment submitted on " + On(*p_.rna_pending_since) +
                    " is waiting for a decision; record that decision first");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Pathway next = p_;
    next.rna_pending_since = e.date;
    return next;
  }

  Result<Pathway> operator()(const RnaDecided& e) const {
    if (p_.state != PathwayState::kMoveOn || !p_.rna_pending_since) {
      return Refuse("There is no Recovery Needs Assessment waiting for a decision");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    if (e.extended_to && *e.extended_to <= e.date) {
      return RefuseField("extended_to",
                         "The date support is extended to must be after the decision date");
    }
    Pathway next = p_;
    next.rna_pending_since.reset();
    next.rna_decided_on = e.date;
    // A declined RNA leaves any earlier extension standing.
    if (e.extended_to) next.rna_extended_to = e.extended_to;
    return next;
  }

  Result<Pathway> operator()(const Exited& e) const {
    switch (p_.state) {
      case PathwayState::kRgNegative:
      case PathwayState::kCgPositive:
      case PathwayState::kCgNegative:
      case PathwayState::kMoveOn:
      case PathwayState::kReachIn:
        break;
      case PathwayState::kExited:
        return Refuse("The person already exited support on " + On(*p_.exited_on));
      case PathwayState::kNotReferred:
      case PathwayState::kDutyToNotifySent:
        return Refuse("Only a person referred to the NRM can exit NRM support");
      case PathwayState::kRgReconsiderationRequested:
      case PathwayState::kCgReconsiderationRequested:
        return Refuse("A reconsideration is pending; record its outcome before the exit");
      default:
        return Refuse(
            "An exit from support is recorded after the decision that ends it: a "
            "negative Reasonable Grounds decision or a Conclusive Grounds decision");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Pathway next = p_;
    next.state = PathwayState::kExited;
    next.exited_on = e.date;
    next.rna_pending_since.reset();
    return next;
  }

  Result<Pathway> operator()(const ReachInStarted& e) const {
    if (p_.state == PathwayState::kReachIn) {
      return Refuse("Reach-In support already started on " + On(*p_.reach_in_started_on));
    }
    if (p_.state != PathwayState::kExited) {
      return Refuse("Reach-In support is for a person who has exited support");
    }
    if (!p_.HasPositiveCg()) {
      return Refuse(
          "Reach-In support is only for a person with a positive Conclusive Grounds "
          "decision");
    }
    if (auto ordered = InOrder(e); !ordered) return Fail(ordered.error());
    Date last_day = ReachInEnds(*p_.exited_on, policy_);
    if (e.date > last_day) {
      int months = policy_.InForceOn(*p_.exited_on).reach_in_max_months;
      return RefuseField("date", "Reach-In support must start within " + std::to_string(months) +
                                     " months of the exit on " + On(*p_.exited_on) +
                                     ": the last day was " + On(last_day));
    }
    Pathway next = p_;
    next.state = PathwayState::kReachIn;
    next.reach_in_started_on = e.date;
    return next;
  }

 private:
  Result<void> InOrder(const Event& e) const {
    if (!p_.last_event_date || DateOf(e) >= *p_.last_event_date) return {};
    return RefuseField("date", "The " + std::string(DateNoun(KindOf(e))) +
                                   " date cannot be before the " +
                                   std::string(DateNoun(*p_.last_event)) + " date (" +
                                   On(*p_.last_event_date) + ")");
  }

  const Pathway& p_;
  const Policy& policy_;
  const ApplyContext* context_;  // null when replaying recorded history
};

Result<Pathway> ApplyWith(const Pathway& pathway, const Event& event, const Policy& policy,
                          const ApplyContext* context) {
  if (context && context->today && DateOf(event) > *context->today) {
    return RefuseField("date", "The date cannot be in the future");
  }
  auto next = std::visit(Transition(pathway, policy, context), event);
  if (!next) return next;
  next->last_event = KindOf(event);
  next->last_event_date = DateOf(event);
  return next;
}

}  // namespace

Result<Pathway> Apply(const Pathway& pathway, const Event& event, const ApplyContext& context) {
  return ApplyWith(pathway, event, context.policy, &context);
}

Result<Pathway> ApplyRecorded(const Pathway& pathway, const Event& event, const Policy& policy) {
  return ApplyWith(pathway, event, policy, nullptr);
}

}  // namespace waymark::nrm
