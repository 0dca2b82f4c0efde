#include "nrm/pathway.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace waymark::nrm {
namespace {

using ::testing::HasSubstr;

Date D(const char* iso) { return *ParseIsoDate(iso); }

ApplyContext Consented() {
  return ApplyContext{.policy = DefaultPolicy(), .nrm_referral_consent_recorded = true};
}

// Applies events in order with consent recorded; the first refusal ends the run.
Result<Pathway> Play(const std::vector<Event>& events, const ApplyContext& context = Consented()) {
  Pathway pathway;
  for (const Event& event : events) {
    auto next = Apply(pathway, event, context);
    if (!next) return next;
    pathway = std::move(*next);
  }
  return pathway;
}

Pathway Ok(const std::vector<Event>& events) {
  auto pathway = Play(events);
  EXPECT_TRUE(pathway) << pathway.error().message;
  return pathway ? *pathway : Pathway{};
}

std::string Refusal(const std::vector<Event>& events, const ApplyContext& context = Consented()) {
  auto pathway = Play(events, context);
  return pathway ? "(allowed)" : pathway.error().message;
}

const Referred kReferral{D("2025-03-03"), "Salvation Army", CompetentAuthority::kSca};
const RgDecided kRgPositive{D("2025-03-10"), RgOutcome::kPositive};
const RgDecided kRgNegative{D("2025-03-10"), RgOutcome::kNegative};
const CgDecided kCgPositive{D("2025-06-02"), CgOutcome::kHumanTrafficking};
const CgDecided kCgNegative{D("2025-06-02"), CgOutcome::kNegative};

TEST(Pathway, StartsNotReferred) {
  Pathway pathway;
  EXPECT_EQ(pathway.state, PathwayState::kNotReferred);
  EXPECT_EQ(pathway.LatestDecision(), nullptr);
}

TEST(Pathway, SendsAnAnonymousDutyToNotify) {
  Pathway pathway = Ok({DutyToNotifySent{D("2025-03-01"), false}});
  EXPECT_EQ(pathway.state, PathwayState::kDutyToNotifySent);
  EXPECT_EQ(pathway.duty_to_notify_sent_on, D("2025-03-01"));
  EXPECT_FALSE(pathway.duty_to_notify_identifying);
  // Without consent to a referral, the Duty to Notify is still allowed.
  ApplyContext no_consent{.policy = DefaultPolicy()};
  EXPECT_TRUE(Play({DutyToNotifySent{D("2025-03-01"), false}}, no_consent));
}

TEST(Pathway, IdentifyingDetailsInADutyToNotifyNeedConsent) {
  ApplyContext no_consent{.policy = DefaultPolicy()};
  auto refused = Play({DutyToNotifySent{D("2025-03-01"), true}}, no_consent);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "A Duty to Notify is anonymous: it can include identifying details only with the "
            "person's recorded consent");
  EXPECT_EQ(refused.error().fields[0].field, "identifying_details_included");
  ApplyContext consent{.policy = DefaultPolicy(), .identifying_details_consent_recorded = true};
  auto allowed = Play({DutyToNotifySent{D("2025-03-01"), true}}, consent);
  ASSERT_TRUE(allowed);
  EXPECT_TRUE(allowed->duty_to_notify_identifying);
}

TEST(Pathway, ADutyToNotifyIsOnceAndOnlyBeforeAReferral) {
  EXPECT_EQ(Refusal({DutyToNotifySent{D("2025-03-01")}, DutyToNotifySent{D("2025-03-02")}}),
            "A Duty to Notify was already sent on 1 March 2025");
  EXPECT_THAT(Refusal({kReferral, DutyToNotifySent{D("2025-03-04")}}),
              HasSubstr("this person was referred to the NRM on 3 March 2025"));
  ApplyContext child{.policy = DefaultPolicy(), .person_is_child = true};
  EXPECT_THAT(Refusal({DutyToNotifySent{D("2025-03-01")}}, child),
              HasSubstr("A Duty to Notify is for adults"));
}

TEST(Pathway, AReferralRecordsTheFirstResponderAndAuthority) {
  Pathway pathway =
      Ok({Referred{D("2025-03-03"), "  Hope for Justice ", CompetentAuthority::kIeca}});
  EXPECT_EQ(pathway.state, PathwayState::kRgPending);
  ASSERT_TRUE(pathway.referral);
  EXPECT_EQ(pathway.referral->date, D("2025-03-03"));
  EXPECT_EQ(pathway.referral->first_responder, "Hope for Justice");
  EXPECT_EQ(pathway.referral->authority, CompetentAuthority::kIeca);
  // A referral may follow a Duty to Notify once the adult consents.
  Pathway after_notice = Ok({DutyToNotifySent{D("2025-03-01")}, kReferral});
  EXPECT_EQ(after_notice.state, PathwayState::kRgPending);
  EXPECT_EQ(after_notice.duty_to_notify_sent_on, D("2025-03-01"));
}

TEST(Pathway, AnAdultsReferralNeedsRecordedConsent) {
  ApplyContext no_consent{.policy = DefaultPolicy()};
  auto refused = Play({kReferral}, no_consent);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "An adult can be referred to the NRM only with their recorded consent. Without it, "
            "only an anonymous Duty to Notify can be recorded.");
  EXPECT_EQ(refused.error().fields[0].field, "consent");
  ApplyContext child{.policy = DefaultPolicy(), .person_is_child = true};
  EXPECT_TRUE(Play({kReferral}, child));
}

TEST(Pathway, RefusesABadReferral) {
  EXPECT_EQ(Refusal({Referred{D("2025-03-03"), "  ", CompetentAuthority::kSca}}),
            "Enter the name of the First Responder Organisation that made the referral");
  EXPECT_THAT(Refusal({Referred{D("2025-03-03"), std::string(201, 'a'), CompetentAuthority::kSca}}),
              HasSubstr("200 characters or fewer"));
  EXPECT_THAT(Refusal({Referred{D("2025-03-03"), "A\nB", CompetentAuthority::kSca}}),
              HasSubstr("must be on one line"));
  EXPECT_EQ(Refusal({kReferral, Referred{D("2025-03-04"), "Police", CompetentAuthority::kSca}}),
            "This person was already referred to the NRM on 3 March 2025");
  EXPECT_EQ(Refusal({DutyToNotifySent{D("2025-03-05")}, kReferral}),
            "The referral date cannot be before the Duty to Notify date (5 March 2025)");
}

TEST(Pathway, APositiveReasonableGroundsDecisionStartsTheRecoveryPeriod) {
  Pathway pathway = Ok({kReferral, kRgPositive});
  EXPECT_EQ(pathway.state, PathwayState::kCgPending);
  ASSERT_NE(pathway.LatestRg(), nullptr);
  EXPECT_TRUE(pathway.LatestRg()->positive);
  EXPECT_EQ(pathway.LatestRg()->date, D("2025-03-10"));
  EXPECT_FALSE(pathway.LatestRg()->after_reconsideration);
  EXPECT_EQ(Ok({kReferral, kRgNegative}).state, PathwayState::kRgNegative);
  // The same day as the referral is allowed.
  EXPECT_TRUE(Play({kReferral, RgDecided{D("2025-03-03"), RgOutcome::kPositive}}));
}

TEST(Pathway, RefusesReasonableGroundsOutOfPlace) {
  EXPECT_EQ(Refusal({kRgPositive}),
            "A Reasonable Grounds decision needs a referral to the NRM first");
  EXPECT_EQ(Refusal({kReferral, RgDecided{D("2025-03-02"), RgOutcome::kPositive}}),
            "The Reasonable Grounds decision date cannot be before the referral date (3 March "
            "2025)");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kRgPositive}),
            "A Reasonable Grounds decision was already recorded on 10 March 2025; correct that "
            "entry if it is wrong");
  EXPECT_EQ(Refusal({kReferral, kRgNegative, kRgPositive}),
            "A new Reasonable Grounds decision after a negative one needs a reconsideration "
            "request first");
}

TEST(Pathway, ConclusiveGroundsDecisionsFollowAPositiveReasonableGrounds) {
  Pathway trafficking = Ok({kReferral, kRgPositive, kCgPositive});
  EXPECT_EQ(trafficking.state, PathwayState::kCgPositive);
  EXPECT_EQ(trafficking.LatestCg()->cg_outcome, CgOutcome::kHumanTrafficking);
  EXPECT_TRUE(trafficking.HasPositiveCg());
  Pathway slavery = Ok({kReferral, kRgPositive,
                        CgDecided{D("2025-06-02"), CgOutcome::kSlaveryServitudeForcedLabour}});
  EXPECT_EQ(slavery.state, PathwayState::kCgPositive);
  Pathway negative = Ok({kReferral, kRgPositive, kCgNegative});
  EXPECT_EQ(negative.state, PathwayState::kCgNegative);
  EXPECT_FALSE(negative.HasPositiveCg());
  EXPECT_EQ(negative.decisions.size(), 2u);
}

TEST(Pathway, RefusesConclusiveGroundsOutOfPlace) {
  const std::string needs_rg =
      "A Conclusive Grounds decision needs a positive Reasonable Grounds decision first";
  EXPECT_EQ(Refusal({kCgPositive}), needs_rg);
  EXPECT_EQ(Refusal({kReferral, kCgPositive}), needs_rg);
  EXPECT_EQ(Refusal({kReferral, kRgNegative, kCgPositive}), needs_rg);
  EXPECT_EQ(Refusal({kReferral, kRgPositive, CgDecided{D("2025-03-09"), CgOutcome::kNegative}}),
            "The Conclusive Grounds decision date cannot be before the Reasonable Grounds "
            "decision date (10 March 2025)");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgPositive, kCgNegative}),
            "A Conclusive Grounds decision was already recorded on 2 June 2025; correct that "
            "entry if it is wrong");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgNegative, kCgPositive}),
            "A new Conclusive Grounds decision after a negative one needs a reconsideration "
            "request first");
}

TEST(Pathway, ReconsidersANegativeReasonableGroundsDecision) {
  Pathway requested = Ok({kReferral, kRgNegative, ReconsiderationRequested{D("2025-04-01")}});
  EXPECT_EQ(requested.state, PathwayState::kRgReconsiderationRequested);
  EXPECT_EQ(requested.reconsideration_requested_on, D("2025-04-01"));
  Pathway overturned = Ok({kReferral, kRgNegative, ReconsiderationRequested{D("2025-04-01")},
                           RgDecided{D("2025-05-01"), RgOutcome::kPositive}});
  EXPECT_EQ(overturned.state, PathwayState::kCgPending);
  EXPECT_TRUE(overturned.LatestRg()->after_reconsideration);
  EXPECT_EQ(overturned.decisions.size(), 2u);
  EXPECT_FALSE(overturned.reconsideration_requested_on);
  Pathway upheld = Ok({kReferral, kRgNegative, ReconsiderationRequested{D("2025-04-01")},
                       RgDecided{D("2025-05-01"), RgOutcome::kNegative}});
  EXPECT_EQ(upheld.state, PathwayState::kRgNegative);
}

TEST(Pathway, ReconsiderationMustBeRequestedWithinTheWindow) {
  // Negative decision 10 March 2025: day 30 is 9 April 2025.
  EXPECT_TRUE(Play({kReferral, kRgNegative, ReconsiderationRequested{D("2025-04-09")}}));
  auto late = Play({kReferral, kRgNegative, ReconsiderationRequested{D("2025-04-10")}});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().message,
            "A reconsideration must be requested within 30 calendar days of the Reasonable "
            "Grounds decision on 10 March 2025: the last day was 9 April 2025");
  EXPECT_EQ(late.error().fields[0].field, "date");
  EXPECT_THAT(
      Refusal({kReferral, kRgPositive, kCgNegative, ReconsiderationRequested{D("2025-07-03")}}),
      HasSubstr("Conclusive Grounds decision on 2 June 2025: the last day was 2 July "
                "2025"));
}

TEST(Pathway, ReconsidersANegativeConclusiveGroundsDecision) {
  Pathway overturned = Ok({kReferral, kRgPositive, kCgNegative, MoveOnStarted{D("2025-06-03")},
                           ReconsiderationRequested{D("2025-06-10")},
                           CgDecided{D("2025-07-01"), CgOutcome::kHumanTrafficking}});
  EXPECT_EQ(overturned.state, PathwayState::kCgPositive);
  EXPECT_TRUE(overturned.LatestCg()->after_reconsideration);
  EXPECT_FALSE(overturned.move_on_started_on);  // move-on begins again for the new decision
  // After exit too, within the window.
  Pathway after_exit = Ok({kReferral, kRgPositive, kCgNegative, Exited{D("2025-06-16")},
                           ReconsiderationRequested{D("2025-06-20")}});
  EXPECT_EQ(after_exit.state, PathwayState::kCgReconsiderationRequested);
}

TEST(Pathway, RefusesReconsiderationOfWhatIsNotANegativeDecision) {
  EXPECT_THAT(Refusal({kReferral, ReconsiderationRequested{D("2025-03-04")}}),
              HasSubstr("no decision has been recorded yet"));
  EXPECT_EQ(Refusal({kReferral, kRgPositive, ReconsiderationRequested{D("2025-03-11")}}),
            "A reconsideration can only be requested of a negative decision, and the latest "
            "decision (Reasonable Grounds, 10 March 2025) was positive");
  EXPECT_EQ(Refusal({kReferral, kRgNegative, ReconsiderationRequested{D("2025-03-11")},
                     ReconsiderationRequested{D("2025-03-12")}}),
            "A reconsideration was already requested on 11 March 2025; record its outcome first");
  EXPECT_EQ(
      Refusal({kReferral, kRgNegative, ReconsiderationRequested{D("2025-03-11")}, kCgPositive}),
      "A Conclusive Grounds decision needs a positive Reasonable Grounds decision first");
}

TEST(Pathway, DisqualificationFollowsOnlyAPositiveReasonableGrounds) {
  Pathway pathway = Ok(
      {kReferral, kRgPositive, Disqualified{D("2025-04-01"), DisqualificationGrounds::kBadFaith}});
  EXPECT_EQ(pathway.state, PathwayState::kDisqualified);
  EXPECT_EQ(pathway.disqualification->grounds, DisqualificationGrounds::kBadFaith);
  // The Conclusive Grounds decision still comes.
  Pathway decided =
      Ok({kReferral, kRgPositive,
          Disqualified{D("2025-04-01"), DisqualificationGrounds::kPublicOrder}, kCgNegative});
  EXPECT_EQ(decided.state, PathwayState::kCgNegative);
  EXPECT_TRUE(decided.disqualification);

  Disqualified disqualified{D("2025-06-10"), DisqualificationGrounds::kPublicOrder};
  EXPECT_EQ(Refusal({kReferral, disqualified}),
            "A public order or bad-faith disqualification can only follow a positive Reasonable "
            "Grounds decision");
  EXPECT_EQ(Refusal({kReferral, kRgNegative, disqualified}),
            "A public order or bad-faith disqualification can only follow a positive Reasonable "
            "Grounds decision");
  EXPECT_THAT(Refusal({kReferral, kRgPositive, kCgPositive, disqualified}),
              HasSubstr("before the Conclusive Grounds decision"));
  EXPECT_EQ(Refusal({kReferral, kRgPositive, disqualified, disqualified}),
            "A disqualification was already recorded on 10 June 2025");
}

TEST(Pathway, MoveOnStartsAfterAConclusiveGroundsDecision) {
  EXPECT_EQ(Ok({kReferral, kRgPositive, kCgPositive, MoveOnStarted{D("2025-06-02")}}).state,
            PathwayState::kMoveOn);
  EXPECT_EQ(Ok({kReferral, kRgPositive, kCgNegative, MoveOnStarted{D("2025-06-03")}}).state,
            PathwayState::kMoveOn);
  EXPECT_EQ(Refusal({kReferral, kRgPositive, MoveOnStarted{D("2025-04-01")}}),
            "Move-on support starts after a Conclusive Grounds decision");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgPositive, MoveOnStarted{D("2025-06-02")},
                     MoveOnStarted{D("2025-06-03")}}),
            "Move-on support already started on 2 June 2025");
  EXPECT_THAT(Refusal({kReferral, kRgPositive, kCgNegative,
                       ReconsiderationRequested{D("2025-06-03")}, MoveOnStarted{D("2025-06-04")}}),
              HasSubstr("move-on support starts after its outcome"));
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgPositive, Exited{D("2025-06-03")},
                     MoveOnStarted{D("2025-06-04")}}),
            "Move-on support cannot start after the person has exited support");
}

TEST(Pathway, RecoveryNeedsAssessmentsExtendMoveOnAfterAPositiveConclusiveGrounds) {
  std::vector<Event> move_on{kReferral, kRgPositive, kCgPositive, MoveOnStarted{D("2025-06-02")}};
  auto events = move_on;
  events.push_back(RnaSubmitted{D("2025-06-20")});
  Pathway submitted = Ok(events);
  EXPECT_EQ(submitted.rna_pending_since, D("2025-06-20"));
  events.push_back(RnaDecided{D("2025-07-01"), D("2025-12-31")});
  Pathway extended = Ok(events);
  EXPECT_FALSE(extended.rna_pending_since);
  EXPECT_EQ(extended.rna_extended_to, D("2025-12-31"));
  // A further RNA may be declined; the earlier extension stands.
  events.push_back(RnaSubmitted{D("2025-11-01")});
  events.push_back(RnaDecided{D("2025-11-20"), std::nullopt});
  Pathway declined = Ok(events);
  EXPECT_EQ(declined.rna_extended_to, D("2025-12-31"));
  EXPECT_EQ(declined.rna_decided_on, D("2025-11-20"));
}

TEST(Pathway, RefusesRecoveryNeedsAssessmentsOutOfPlace) {
  const std::string only_in_move_on =
      "A Recovery Needs Assessment can only be submitted during move-on support after a "
      "positive Conclusive Grounds decision";
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgPositive, RnaSubmitted{D("2025-06-03")}}),
            only_in_move_on);
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgNegative, MoveOnStarted{D("2025-06-02")},
                     RnaSubmitted{D("2025-06-03")}}),
            only_in_move_on);
  std::vector<Event> move_on{kReferral, kRgPositive, kCgPositive, MoveOnStarted{D("2025-06-02")}};
  auto no_rna = move_on;
  no_rna.push_back(RnaDecided{D("2025-06-03"), D("2025-09-01")});
  EXPECT_EQ(Refusal(no_rna), "There is no Recovery Needs Assessment waiting for a decision");
  auto twice = move_on;
  twice.push_back(RnaSubmitted{D("2025-06-03")});
  twice.push_back(RnaSubmitted{D("2025-06-04")});
  EXPECT_THAT(Refusal(twice), HasSubstr("submitted on 3 June 2025 is waiting for a decision"));
  auto backwards = move_on;
  backwards.push_back(RnaSubmitted{D("2025-06-03")});
  backwards.push_back(RnaDecided{D("2025-06-10"), D("2025-06-10")});
  EXPECT_EQ(Refusal(backwards), "The date support is extended to must be after the decision date");
}

TEST(Pathway, ExitAndReachIn) {
  std::vector<Event> exited{kReferral, kRgPositive, kCgPositive, MoveOnStarted{D("2025-06-02")},
                            Exited{D("2025-08-29")}};
  Pathway out = Ok(exited);
  EXPECT_EQ(out.state, PathwayState::kExited);
  EXPECT_EQ(out.exited_on, D("2025-08-29"));
  auto reach_in = exited;
  reach_in.push_back(ReachInStarted{D("2026-02-28")});  // the last day: 6 months on
  Pathway back = Ok(reach_in);
  EXPECT_EQ(back.state, PathwayState::kReachIn);
  EXPECT_EQ(back.reach_in_started_on, D("2026-02-28"));
  reach_in.push_back(Exited{D("2026-03-31")});
  EXPECT_EQ(Ok(reach_in).state, PathwayState::kExited);

  auto late = exited;
  late.push_back(ReachInStarted{D("2026-03-01")});
  EXPECT_EQ(Refusal(late),
            "Reach-In support must start within 6 months of the exit on 29 August 2025: the last "
            "day was 28 February 2026");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgNegative, Exited{D("2025-06-16")},
                     ReachInStarted{D("2025-07-01")}}),
            "Reach-In support is only for a person with a positive Conclusive Grounds decision");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgPositive, ReachInStarted{D("2025-07-01")}}),
            "Reach-In support is for a person who has exited support");
}

TEST(Pathway, RefusesExitsOutOfPlace) {
  EXPECT_EQ(Refusal({Exited{D("2025-03-01")}}),
            "Only a person referred to the NRM can exit NRM support");
  EXPECT_THAT(Refusal({kReferral, Exited{D("2025-03-04")}}),
              HasSubstr("An exit from support is recorded after the decision that ends it"));
  EXPECT_THAT(Refusal({kReferral, kRgPositive, Exited{D("2025-03-11")}}),
              HasSubstr("An exit from support is recorded after the decision that ends it"));
  EXPECT_EQ(Refusal({kReferral, kRgNegative, Exited{D("2025-03-11")}, Exited{D("2025-03-12")}}),
            "The person already exited support on 11 March 2025");
  EXPECT_EQ(Refusal({kReferral, kRgNegative, ReconsiderationRequested{D("2025-03-11")},
                     Exited{D("2025-03-12")}}),
            "A reconsideration is pending; record its outcome before the exit");
  EXPECT_EQ(Refusal({kReferral, kRgPositive, kCgPositive, MoveOnStarted{D("2025-06-02")},
                     Exited{D("2025-06-01")}}),
            "The exit date cannot be before the move-on start date (2 June 2025)");
}

TEST(Pathway, RefusesEventsInTheFuture) {
  ApplyContext context = Consented();
  context.today = D("2025-03-05");
  EXPECT_TRUE(Play({kReferral}, context));
  auto refused = Play({kReferral, kRgPositive}, context);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "The date cannot be in the future");
}

TEST(Pathway, RecordsTheLastEvent) {
  Pathway pathway = Ok({kReferral, kRgPositive});
  EXPECT_EQ(pathway.last_event, EventKind::kRgDecided);
  EXPECT_EQ(pathway.last_event_date, D("2025-03-10"));
  EXPECT_EQ(KindOf(Event{kReferral}), EventKind::kReferred);
  EXPECT_EQ(KindOf(Event{ReachInStarted{D("2025-01-01")}}), EventKind::kReachInStarted);
  EXPECT_EQ(DateOf(Event{kCgNegative}), D("2025-06-02"));
}

}  // namespace
}  // namespace waymark::nrm
