// Recording a case's NRM pathway through the service, on both databases: consent, decisions,
// refused transitions, corrections kept in history, stale changes, the case list's stage, and
// who may read or change it (every refusal audited).
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/organisations.hpp"
#include "platform/util/ids.hpp"
#include "tests/nrm/nrm_fixture.hpp"

namespace waymark::nrm::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class NrmServiceTest : public NrmTest {};

TEST_P(NrmServiceTest, AnAdultIsReferredOnlyWithRecordedConsent) {
  cases::Case c = CreateAmina();
  auto refused = nrm(false).Record(ActorFor(worker_), c.id, Referral(), 0, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "consent");
  EXPECT_THAT(refused.error().message,
              HasSubstr("An adult can be referred to the NRM only with their recorded consent"));
  EXPECT_EQ(Count("nrm_events"), 0);
  EXPECT_EQ(CountAudit("nrm.record"), 0);
  EXPECT_EQ(NrmStage(c.id), "not_referred");

  auto referred = nrm(true).Record(ActorFor(worker_), c.id, Referral(), 0, origin_);
  ASSERT_TRUE(referred) << referred.error().message;
  EXPECT_EQ(referred->seq, 1);
  EXPECT_EQ(Count("nrm_events"), 1);
  EXPECT_EQ(CountAudit("nrm.record"), 1);
  EXPECT_EQ(NrmStage(c.id), "rg_pending");
  auto timeline = nrm().Timeline(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(timeline) << timeline.error().message;
  EXPECT_EQ(timeline->pathway.state, PathwayState::kRgPending);
  EXPECT_EQ(timeline->pathway.referral->first_responder, "Lowtown Borough Council");
  ASSERT_EQ(timeline->deadlines.size(), 1u);
  EXPECT_EQ(timeline->deadlines[0].kind, DeadlineKind::kRgTarget);
  EXPECT_EQ(timeline->deadlines[0].date, D("2024-01-12"));  // the 5th working day
  EXPECT_EQ(timeline->entries[0].recorded_by_name, worker_.display_name);
  EXPECT_THAT(timeline->next, ElementsAre(EventKind::kRgDecided));
  EXPECT_TRUE(timeline->can_record);
  EXPECT_EQ(CountAudit("nrm.view"), 1);
}

TEST_P(NrmServiceTest, ADutyToNotifyNamesThePersonOnlyWithTheirConsent) {
  cases::Case c = CreateAmina();
  NewEntry identifying{DutyToNotifySent{D("2024-01-05"), true}};
  auto refused = nrm(false, false).Record(ActorFor(worker_), c.id, identifying, 0, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields[0].field, "identifying_details_included");
  EXPECT_EQ(Count("nrm_events"), 0);
  ASSERT_TRUE(nrm(false, true).Record(ActorFor(worker_), c.id, identifying, 0, origin_));
  EXPECT_EQ(NrmStage(c.id), "duty_to_notify_sent");
}

TEST_P(NrmServiceTest, APositiveReasonableGroundsDecisionStartsTheRecoveryPeriod) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(nrm().Record(ActorFor(worker_), c.id, Referral(), 0, origin_));
  auto decided = nrm().Record(ActorFor(manager_), c.id,
                              {RgDecided{D("2024-01-19"), RgOutcome::kPositive}}, 1, origin_);
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(NrmStage(c.id), "cg_pending");
  auto timeline = nrm().Timeline(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(timeline);
  EXPECT_EQ(timeline->count, 2);
  ASSERT_EQ(timeline->deadlines.size(), 1u);
  EXPECT_EQ(timeline->deadlines[0].kind, DeadlineKind::kRecoveryPeriodEnds);
  EXPECT_EQ(timeline->deadlines[0].date, D("2024-02-18"));  // 30 days
  EXPECT_THAT(timeline->next, ElementsAre(EventKind::kCgDecided, EventKind::kDisqualified));
  // The same, for a tasks feature, as plain values.
  auto upcoming = db().Read([&](db::Tx& tx) {
    auto key = identity::LoadDataKey(tx, keyring(), harbour_.id);
    return UpcomingDeadlines(tx, *key, c.id);
  });
  ASSERT_EQ(upcoming.size(), 1u);
  EXPECT_EQ(upcoming[0].kind, "recovery_period_ends");
  EXPECT_EQ(upcoming[0].due, D("2024-02-18"));
}

TEST_P(NrmServiceTest, AnImpossibleTransitionIsRefusedWithTheReason) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(nrm().Record(ActorFor(worker_), c.id, Referral(), 0, origin_));
  auto refused =
      nrm().Record(ActorFor(worker_), c.id,
                   {CgDecided{D("2024-02-01"), CgOutcome::kHumanTrafficking}}, 1, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(refused.error().message,
            "A Conclusive Grounds decision needs a positive Reasonable Grounds decision first");
  auto future = nrm().Record(ActorFor(worker_), c.id,
                             {RgDecided{D("2024-03-05"), RgOutcome::kPositive}}, 1, origin_);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields[0].field, "date");
  EXPECT_EQ(Count("nrm_events"), 1);
  EXPECT_EQ(NrmStage(c.id), "rg_pending");
  EXPECT_EQ(CountAudit("nrm.record"), 1);
}

TEST_P(NrmServiceTest, ACorrectionIsKeptInHistoryAndTheTimelineReplaysWithIt) {
  cases::Case c = CreateAmina();
  auto referral = nrm().Record(ActorFor(worker_), c.id, Referral("2024-01-05"), 0, origin_);
  ASSERT_TRUE(referral);
  auto rg = nrm().Record(ActorFor(worker_), c.id,
                         {RgDecided{D("2024-01-19"), RgOutcome::kNegative}}, 1, origin_);
  ASSERT_TRUE(rg);
  EXPECT_EQ(NrmStage(c.id), "rg_negative");

  // A correction needs a reason, and may not make a later entry impossible.
  auto no_reason = nrm().Correct(ActorFor(worker_), c.id, rg->id,
                                 {RgDecided{D("2024-01-19"), RgOutcome::kPositive}}, 2, origin_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields[0].field, "note");
  auto breaks_later =
      nrm().Correct(ActorFor(worker_), c.id, referral->id,
                    {Referred{D("2024-01-25"), "Lowtown Borough Council", CompetentAuthority::kSca},
                     "Wrong date"},
                    2, origin_);
  ASSERT_FALSE(breaks_later);
  EXPECT_THAT(breaks_later.error().message,
              HasSubstr("This correction would make a later entry impossible"));
  EXPECT_EQ(Count("nrm_events"), 2);

  clock_.Advance(std::chrono::hours(2));
  auto corrected = nrm().Correct(
      ActorFor(manager_), c.id, rg->id,
      {RgDecided{D("2024-01-19"), RgOutcome::kPositive}, "Misread the letter"}, 2, origin_);
  ASSERT_TRUE(corrected) << corrected.error().message;
  EXPECT_EQ(NrmStage(c.id), "cg_pending");
  EXPECT_EQ(CountAudit("nrm.correct"), 1);

  auto timeline = nrm().Timeline(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(timeline);
  ASSERT_EQ(timeline->entries.size(), 3u);
  EXPECT_EQ(timeline->entries[1].corrected_by, corrected->id);
  EXPECT_EQ(timeline->entries[1].corrected_at, clock_.Now());
  EXPECT_EQ(timeline->entries[2].entry.corrects, rg->id);
  EXPECT_EQ(timeline->entries[2].entry.note, "Misread the letter");
  EXPECT_EQ(timeline->pathway.state, PathwayState::kCgPending);
  ASSERT_EQ(timeline->pathway.decisions.size(), 1u);
  EXPECT_TRUE(timeline->pathway.decisions[0].positive);

  // The corrected entry cannot be corrected again: its correction can.
  auto again =
      nrm().Correct(ActorFor(worker_), c.id, rg->id,
                    {RgDecided{D("2024-01-18"), RgOutcome::kPositive}, "Date"}, 3, origin_);
  ASSERT_FALSE(again);
  EXPECT_THAT(again.error().message, HasSubstr("already corrected"));
  auto unknown =
      nrm().Correct(ActorFor(worker_), c.id, NewId(),
                    {RgDecided{D("2024-01-18"), RgOutcome::kPositive}, "Date"}, 3, origin_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(Count("nrm_events"), 3);
}

TEST_P(NrmServiceTest, AChangeFromAStaleTimelineIsRefused) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(nrm().Record(ActorFor(worker_), c.id, Referral(), 0, origin_));
  auto stale = nrm().Record(ActorFor(manager_), c.id, Referral("2024-01-06"), 0, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(stale.error().message, kStalePathway);
  auto ahead = nrm().Record(ActorFor(manager_), c.id,
                            {RgDecided{D("2024-01-19"), RgOutcome::kPositive}}, 5, origin_);
  ASSERT_FALSE(ahead);
  EXPECT_EQ(ahead.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(Count("nrm_events"), 1);
}

TEST_P(NrmServiceTest, TwoChangesAtOnceGiveOneEntryAndOneStaleRefusal) {
  cases::Case c = CreateAmina();
  // The consent lookup runs inside the change's transaction, after the count is checked: each
  // change waits there (up to half a second) for the other, so without the pathway's lock both
  // would read an empty pathway and both insert entry 1.
  std::mutex mutex;
  std::condition_variable arrived_cv;
  int arrived = 0;
  NrmService n(deps(), [&](db::Tx&, const crypto::DataKey&, std::string_view, Date) {
    std::unique_lock lock(mutex);
    ++arrived;
    arrived_cv.notify_all();
    arrived_cv.wait_for(lock, std::chrono::milliseconds(500), [&] { return arrived >= 2; });
    return NrmConsent{true, false};
  });
  std::vector<Result<StoredEntry>> results(2, Fail(Problem::NotFound()));
  std::vector<std::string> failures(2);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        results[i] = n.Record(ActorFor(i == 0 ? worker_ : manager_), c.id, Referral(), 0, origin_);
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_THAT(failures, ElementsAre("", ""));
  int recorded = 0;
  for (const auto& result : results) {
    if (result) {
      ++recorded;
    } else {
      EXPECT_EQ(result.error().kind, ProblemKind::kConflict) << result.error().message;
    }
  }
  EXPECT_EQ(recorded, 1);
  EXPECT_EQ(Count("nrm_events"), 1);
}

TEST_P(NrmServiceTest, TheColleagueTheOtherProviderAndTheAdministratorAreRefusedAndAudited) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(nrm().Record(ActorFor(worker_), c.id, Referral(), 0, origin_));
  int64_t denied_before = CountAudit("permission.denied");
  NewEntry rg{RgDecided{D("2024-01-19"), RgOutcome::kPositive}};
  for (const auto* user : {&colleague_, &admin_}) {
    auto read = nrm().Timeline(ActorFor(*user), c.id, origin_);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ProblemKind::kForbidden);
    auto change = nrm().Record(ActorFor(*user), c.id, rg, 1, origin_);
    ASSERT_FALSE(change);
    EXPECT_EQ(change.error().kind, ProblemKind::kForbidden);
  }
  // Another provider is not told the case exists.
  auto outsider = nrm().Timeline(ActorFor(other_manager_), c.id, origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kNotFound);
  auto outsider_change = nrm().Record(ActorFor(other_manager_), c.id, rg, 1, origin_);
  ASSERT_FALSE(outsider_change);
  EXPECT_EQ(outsider_change.error().kind, ProblemKind::kNotFound);

  EXPECT_EQ(CountAudit("permission.denied"), denied_before + 6);
  EXPECT_EQ(CountAudit("nrm.view"), 0);
  EXPECT_EQ(CountAudit("nrm.record"), 1);
  EXPECT_EQ(Count("nrm_events"), 1);
  EXPECT_EQ(NrmStage(c.id), "rg_pending");
}

TEST_P(NrmServiceTest, AClosedCaseIsReadButNotChanged) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(nrm().Record(ActorFor(worker_), c.id, Referral(), 0, origin_));
  ASSERT_TRUE(service().Close(ActorFor(worker_), c.id, "support_completed", 1, origin_));
  auto refused = nrm().Record(ActorFor(worker_), c.id,
                              {RgDecided{D("2024-01-19"), RgOutcome::kPositive}}, 1, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(refused.error().message, cases::kClosedCase);
  auto timeline = nrm().Timeline(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(timeline);
  EXPECT_FALSE(timeline->can_record);
}

TEST_P(NrmServiceTest, TheOverviewSectionShowsTheStageAndTheNextDeadline) {
  cases::CaseService with_section = service();
  NrmService n = nrm();
  with_section.AddSection(n.Section());
  cases::Case c = CreateAmina();
  auto before = with_section.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->sections.size(), 1u);
  EXPECT_EQ(before->sections[0].title, "National Referral Mechanism");
  EXPECT_EQ(before->sections[0].href, "/cases/" + c.id + "/nrm");
  EXPECT_EQ(before->sections[0].status, "Not referred to the NRM");
  EXPECT_EQ(before->sections[0].hint, "");

  ASSERT_TRUE(n.Record(ActorFor(worker_), c.id, Referral("2024-03-01"), 0, origin_));
  auto referred = with_section.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(referred);
  EXPECT_EQ(referred->sections[0].status, std::string(Label(PathwayState::kRgPending)));
  EXPECT_EQ(referred->sections[0].hint, "Reasonable Grounds decision target: 8 March 2024");

  clock_.Advance(std::chrono::hours(24 * 10));
  auto overdue = with_section.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(overdue);
  EXPECT_EQ(overdue->sections[0].hint, "Overdue: Reasonable Grounds decision target, 8 March 2024");
}

WAYMARK_INSTANTIATE_DB_TEST(NrmServiceTest);

}  // namespace
}  // namespace waymark::nrm::testing
