#include "nrm/deadlines.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace waymark::nrm {
namespace {

Date D(const char* iso) { return *ParseIsoDate(iso); }

const Policy& P() { return DefaultPolicy(); }

Pathway Fold(const std::vector<Event>& events) {
  Pathway pathway;
  ApplyContext context{.policy = P(), .nrm_referral_consent_recorded = true};
  for (const Event& event : events) {
    auto next = Apply(pathway, event, context);
    EXPECT_TRUE(next) << next.error().message;
    if (!next) break;
    pathway = std::move(*next);
  }
  return pathway;
}

const Referred kReferral{D("2025-03-03"), "Salvation Army", CompetentAuthority::kSca};

TEST(Deadlines, RgTargetIsFiveWorkingDaysAfterReferral) {
  EXPECT_EQ(RgTargetDate(D("2025-01-03"), P()), D("2025-01-10"));  // Fri -> Fri
  EXPECT_EQ(RgTargetDate(D("2025-03-03"), P()), D("2025-03-10"));  // Mon -> Mon
  EXPECT_EQ(RgTargetDate(D("2025-04-16"), P()), D("2025-04-25"));  // over Easter
  EXPECT_EQ(RgTargetDate(D("2024-12-20"), P()), D("2024-12-31"));  // over Christmas
  EXPECT_EQ(RgTargetDate(D("2025-03-01"), P()), D("2025-03-07"));  // referred on a Saturday
}

TEST(Deadlines, RecoveryPeriodFollowsThePolicyOnTheDecisionDate) {
  EXPECT_EQ(RecoveryPeriodEnds(D("2023-01-29"), P()), D("2023-03-15"));  // 45 days
  EXPECT_EQ(RecoveryPeriodEnds(D("2023-01-30"), P()), D("2023-03-01"));  // 30 days
  EXPECT_EQ(RecoveryPeriodEnds(D("2022-06-01"), P()), D("2022-07-16"));
  EXPECT_EQ(RecoveryPeriodEnds(D("2008-01-01"), P()), D("2008-02-15"));  // before any version
}

TEST(Deadlines, ReconsiderationMoveOnRnaAndReachIn) {
  EXPECT_EQ(ReconsiderationWindowEnds(D("2025-03-10"), P()), D("2025-04-09"));
  EXPECT_EQ(MoveOnEnds(D("2025-06-02"), true, P()), D("2025-07-17"));
  EXPECT_EQ(MoveOnEnds(D("2025-06-02"), false, P()), D("2025-06-16"));
  EXPECT_EQ(RnaExtensionEnds(D("2025-12-31")), D("2025-12-31"));
  EXPECT_EQ(ReachInEnds(D("2025-03-15"), P()), D("2025-09-15"));
  EXPECT_EQ(ReachInEnds(D("2025-08-31"), P()), D("2026-02-28"));
  EXPECT_EQ(ReachInEnds(D("2023-08-31"), P()), D("2024-02-29"));
}

TEST(Deadlines, FollowAnotherPolicysNumbers) {
  auto policy = LoadPolicy(R"(
[[version]]
starts = 2024-01-01
rg_target_working_days = 2
recovery_period_min_days = 10
reconsideration_window_days = 7
move_on_positive_min_days = 20
move_on_negative_max_days = 3
reach_in_max_months = 1
)");
  ASSERT_TRUE(policy) << policy.error().message;
  EXPECT_EQ(RgTargetDate(D("2025-03-07"), *policy), D("2025-03-11"));
  EXPECT_EQ(RecoveryPeriodEnds(D("2025-03-01"), *policy), D("2025-03-11"));
  EXPECT_EQ(ReconsiderationWindowEnds(D("2025-03-01"), *policy), D("2025-03-08"));
  EXPECT_EQ(MoveOnEnds(D("2025-03-01"), true, *policy), D("2025-03-21"));
  EXPECT_EQ(MoveOnEnds(D("2025-03-01"), false, *policy), D("2025-03-04"));
  EXPECT_EQ(ReachInEnds(D("2025-01-31"), *policy), D("2025-02-28"));
}

TEST(Deadlines, NoneBeforeAReferral) {
  EXPECT_TRUE(DeadlinesFor(Pathway{}, P()).empty());
  EXPECT_TRUE(DeadlinesFor(Fold({DutyToNotifySent{D("2025-03-01")}}), P()).empty());
}

TEST(Deadlines, ForEachStageOfThePathway) {
  std::vector<Deadline> referred = DeadlinesFor(Fold({kReferral}), P());
  ASSERT_EQ(referred.size(), 1u);
  EXPECT_EQ(referred[0].kind, DeadlineKind::kRgTarget);
  EXPECT_EQ(referred[0].label, "Reasonable Grounds decision target");
  EXPECT_EQ(referred[0].date, D("2025-03-10"));

  std::vector<Event> events{kReferral, RgDecided{D("2025-03-10"), RgOutcome::kPositive}};
  std::vector<Deadline> recovery = DeadlinesFor(Fold(events), P());
  ASSERT_EQ(recovery.size(), 1u);
  EXPECT_EQ(recovery[0].kind, DeadlineKind::kRecoveryPeriodEnds);
  EXPECT_EQ(recovery[0].date, D("2025-04-09"));

  auto disqualified = events;
  disqualified.push_back(Disqualified{D("2025-03-20"), DisqualificationGrounds::kPublicOrder});
  EXPECT_TRUE(DeadlinesFor(Fold(disqualified), P()).empty());

  events.push_back(CgDecided{D("2025-06-02"), CgOutcome::kHumanTrafficking});
  events.push_back(MoveOnStarted{D("2025-06-02")});
  std::vector<Deadline> move_on = DeadlinesFor(Fold(events), P());
  ASSERT_EQ(move_on.size(), 1u);
  EXPECT_EQ(move_on[0].kind, DeadlineKind::kMoveOnEnds);
  EXPECT_EQ(move_on[0].label, "Minimum move-on support ends");
  EXPECT_EQ(move_on[0].date, D("2025-07-17"));

  events.push_back(RnaSubmitted{D("2025-07-01")});
  events.push_back(RnaDecided{D("2025-07-10"), D("2025-10-31")});
  std::vector<Deadline> extended = DeadlinesFor(Fold(events), P());
  ASSERT_EQ(extended.size(), 2u);
  EXPECT_EQ(extended[0].kind, DeadlineKind::kMoveOnEnds);
  EXPECT_EQ(extended[1].kind, DeadlineKind::kRnaExtensionEnds);
  EXPECT_EQ(extended[1].date, D("2025-10-31"));

  events.push_back(Exited{D("2025-10-31")});
  std::vector<Deadline> exited = DeadlinesFor(Fold(events), P());
  ASSERT_EQ(exited.size(), 1u);
  EXPECT_EQ(exited[0].kind, DeadlineKind::kReachInCloses);
  EXPECT_EQ(exited[0].date, D("2026-04-30"));

  events.push_back(ReachInStarted{D("2025-12-01")});
  EXPECT_TRUE(DeadlinesFor(Fold(events), P()).empty());
}

TEST(Deadlines, AfterNegativeDecisions) {
  std::vector<Event> events{kReferral, RgDecided{D("2025-03-10"), RgOutcome::kNegative}};
  std::vector<Deadline> rg_negative = DeadlinesFor(Fold(events), P());
  ASSERT_EQ(rg_negative.size(), 1u);
  EXPECT_EQ(rg_negative[0].kind, DeadlineKind::kReconsiderationWindowCloses);
  EXPECT_EQ(rg_negative[0].date, D("2025-04-09"));
  events.push_back(ReconsiderationRequested{D("2025-03-20")});
  EXPECT_TRUE(DeadlinesFor(Fold(events), P()).empty());

  std::vector<Event> cg{kReferral, RgDecided{D("2025-03-10"), RgOutcome::kPositive},
                        CgDecided{D("2025-06-02"), CgOutcome::kNegative},
                        MoveOnStarted{D("2025-06-03")}};
  std::vector<Deadline> cg_negative = DeadlinesFor(Fold(cg), P());
  ASSERT_EQ(cg_negative.size(), 2u);  // earliest first
  EXPECT_EQ(cg_negative[0].kind, DeadlineKind::kMoveOnEnds);
  EXPECT_EQ(cg_negative[0].label, "Move-on support ends");
  EXPECT_EQ(cg_negative[0].date, D("2025-06-16"));
  EXPECT_EQ(cg_negative[1].kind, DeadlineKind::kReconsiderationWindowCloses);
  EXPECT_EQ(cg_negative[1].date, D("2025-07-02"));
  cg.push_back(Exited{D("2025-06-16")});
  std::vector<Deadline> exited = DeadlinesFor(Fold(cg), P());
  ASSERT_EQ(exited.size(), 1u);  // no Reach-In after a negative decision
  EXPECT_EQ(exited[0].kind, DeadlineKind::kReconsiderationWindowCloses);
}

TEST(Deadlines, KindsHaveStableCodes) {
  for (DeadlineKind kind : {DeadlineKind::kRgTarget, DeadlineKind::kRecoveryPeriodEnds,
                            DeadlineKind::kReconsiderationWindowCloses, DeadlineKind::kMoveOnEnds,
                            DeadlineKind::kRnaExtensionEnds, DeadlineKind::kReachInCloses}) {
    EXPECT_EQ(ParseDeadlineKind(Code(kind)), kind);
    EXPECT_FALSE(Label(kind).empty());
  }
  EXPECT_EQ(Code(DeadlineKind::kRecoveryPeriodEnds), "recovery_period_ends");
  EXPECT_FALSE(ParseDeadlineKind("Recovery_period_ends"));
}

}  // namespace
}  // namespace waymark::nrm
