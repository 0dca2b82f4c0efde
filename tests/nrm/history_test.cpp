#include "nrm/history.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nrm/deadlines.hpp"

namespace waymark::nrm {
namespace {

using ::testing::HasSubstr;

Date D(const char* iso) { return *ParseIsoDate(iso); }

Entry Referral(std::string id, const char* date) {
  return Entry{std::move(id), Referred{D(date), "Migrant Help", CompetentAuthority::kSca}, {}};
}

Entry Correction(std::string id, std::string corrects, Event event) {
  return Entry{std::move(id), std::move(event), std::move(corrects)};
}

std::vector<std::string> Ids(const std::vector<Entry>& entries) {
  std::vector<std::string> ids;
  for (const Entry& entry : entries) ids.push_back(entry.id);
  return ids;
}

ApplyContext Consented() {
  return ApplyContext{.policy = DefaultPolicy(), .nrm_referral_consent_recorded = true};
}

TEST(History, ReplaysRecordedEntries) {
  std::vector<Entry> recorded{Referral("e1", "2025-03-03"),
                              {"e2", RgDecided{D("2025-03-10"), RgOutcome::kPositive}, {}}};
  auto pathway = Replay(recorded, DefaultPolicy());
  ASSERT_TRUE(pathway) << pathway.error().message;
  EXPECT_EQ(pathway->state, PathwayState::kCgPending);
  EXPECT_EQ(Replay({}, DefaultPolicy())->state, PathwayState::kNotReferred);
}

TEST(History, CorrectingTheReferralDateMovesTheRgTarget) {
  std::vector<Entry> recorded{Referral("e1", "2025-03-03")};
  auto before = Replay(recorded, DefaultPolicy());
  ASSERT_TRUE(before);
  EXPECT_EQ(DeadlinesFor(*before, DefaultPolicy())[0].date, D("2025-03-10"));

  Entry fix =
      Correction("e2", "e1", Referred{D("2025-03-05"), "Migrant Help", CompetentAuthority::kSca});
  auto appended = Append(recorded, fix, Consented());
  ASSERT_TRUE(appended) << appended.error().message;
  recorded.push_back(fix);
  auto after = Replay(recorded, DefaultPolicy());
  ASSERT_TRUE(after);
  EXPECT_EQ(after->referral->date, D("2025-03-05"));
  std::vector<Deadline> deadlines = DeadlinesFor(*after, DefaultPolicy());
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].kind, DeadlineKind::kRgTarget);
  EXPECT_EQ(deadlines[0].date, D("2025-03-12"));
}

TEST(History, TheTimelineKeepsBothButCountsTheCorrection) {
  std::vector<Entry> recorded{
      Referral("e1", "2025-03-03"),
      {"e2", RgDecided{D("2025-03-10"), RgOutcome::kNegative}, {}},
      Correction("e3", "e2", RgDecided{D("2025-03-10"), RgOutcome::kPositive}),
      {"e4", CgDecided{D("2025-06-02"), CgOutcome::kHumanTrafficking}, {}},
  };
  auto effective = EffectiveEntries(recorded);
  ASSERT_TRUE(effective);
  // The correction stands where the entry it corrects stood.
  EXPECT_EQ(Ids(*effective), (std::vector<std::string>{"e1", "e3", "e4"}));
  auto history = History(recorded);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ((*history)[1].entry.id, "e2");
  EXPECT_EQ((*history)[1].superseded_by, "e3");
  EXPECT_FALSE((*history)[0].superseded_by);
  EXPECT_FALSE((*history)[2].superseded_by);
  auto pathway = Replay(recorded, DefaultPolicy());
  ASSERT_TRUE(pathway) << pathway.error().message;
  EXPECT_EQ(pathway->state, PathwayState::kCgPositive);
  EXPECT_EQ(pathway->decisions.size(), 2u);
}

TEST(History, ACorrectionCanItselfBeCorrected) {
  std::vector<Entry> recorded{
      Referral("e1", "2025-03-03"),
      Correction("e2", "e1", Referred{D("2025-03-04"), "Police", CompetentAuthority::kSca}),
      Correction("e3", "e2", Referred{D("2025-03-02"), "Police", CompetentAuthority::kIeca}),
  };
  auto effective = EffectiveEntries(recorded);
  ASSERT_TRUE(effective);
  EXPECT_EQ(Ids(*effective), (std::vector<std::string>{"e3"}));
  auto pathway = Replay(recorded, DefaultPolicy());
  ASSERT_TRUE(pathway);
  EXPECT_EQ(pathway->referral->date, D("2025-03-02"));
  EXPECT_EQ(pathway->referral->authority, CompetentAuthority::kIeca);
}

TEST(History, RefusesACorrectionThatMakesTheSequenceImpossible) {
  std::vector<Entry> recorded{Referral("e1", "2025-03-03"),
                              {"e2", RgDecided{D("2025-03-10"), RgOutcome::kPositive}, {}}};
  Entry too_late =
      Correction("e3", "e1", Referred{D("2025-03-12"), "Migrant Help", CompetentAuthority::kSca});
  auto refused = Append(recorded, too_late, Consented());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "This correction would make a later entry impossible: Reasonable Grounds decision, "
            "10 March 2025: The Reasonable Grounds decision date cannot be before the referral "
            "date (12 March 2025)");
  // Recorded anyway (say, by an older version), replay refuses with the first refusal.
  recorded.push_back(too_late);
  auto replayed = Replay(recorded, DefaultPolicy());
  ASSERT_FALSE(replayed);
  EXPECT_THAT(replayed.error().message,
              HasSubstr("Reasonable Grounds decision, 10 March 2025: The Reasonable Grounds "
                        "decision date cannot be before the referral date"));
}

TEST(History, ANewEntryIsRefusedWithItsOwnMessage) {
  std::vector<Entry> recorded{Referral("e1", "2025-03-03")};
  Entry early{"e2", RgDecided{D("2025-03-01"), RgOutcome::kPositive}, {}};
  auto refused = Append(recorded, early, Consented());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "The Reasonable Grounds decision date cannot be before the referral date (3 March "
            "2025)");
  EXPECT_EQ(refused.error().fields[0].field, "date");
}

TEST(History, ConsentIsCheckedForTheNewEntryOnly) {
  ApplyContext withdrawn{.policy = DefaultPolicy()};
  std::vector<Entry> recorded{Referral("e1", "2025-03-03")};
  // Consent withdrawn later does not undo the referral already recorded.
  auto next =
      Append(recorded, {"e2", RgDecided{D("2025-03-10"), RgOutcome::kPositive}, {}}, withdrawn);
  EXPECT_TRUE(next) << next.error().message;
  // A new referral (here, a correction turning a Duty to Notify into one) needs it.
  std::vector<Entry> notice{{"n1", DutyToNotifySent{D("2025-03-01")}, {}}};
  auto refused = Append(
      notice, Correction("n2", "n1", Referred{D("2025-03-01"), "Police", CompetentAuthority::kSca}),
      withdrawn);
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("only with their recorded consent"));
}

TEST(History, RefusesMalformedHistories) {
  auto message = [](const std::vector<Entry>& recorded) {
    auto effective = EffectiveEntries(recorded);
    return effective ? std::string("(accepted)") : effective.error().message;
  };
  EXPECT_EQ(message({Referral("", "2025-03-03")}), "Every pathway entry needs an id");
  EXPECT_EQ(message({Referral("e1", "2025-03-03"), Referral("e1", "2025-03-04")}),
            "Pathway entry e1 is recorded twice");
  EXPECT_EQ(
      message({Referral("e1", "2025-03-03"),
               Correction("e2", "zz", Referred{D("2025-03-04"), "X", CompetentAuthority::kSca})}),
      "Pathway entry e2 corrects zz, which is not an earlier entry");
  EXPECT_EQ(message({Correction("e2", "e2", DutyToNotifySent{D("2025-03-01")})}),
            "Pathway entry e2 corrects e2, which is not an earlier entry");
  EXPECT_EQ(message({Referral("e1", "2025-03-03"), Correction("e2", "e1", DutyToNotifySent{}),
                     Correction("e3", "e1", DutyToNotifySent{})}),
            "Pathway entry e3 corrects e1, which entry e2 already corrected; correct e2 instead");
  auto appended = Append({Referral("e1", "2025-03-03")}, Referral("e1", "2025-03-04"), Consented());
  ASSERT_FALSE(appended);
  EXPECT_EQ(appended.error().message, "Pathway entry e1 is recorded twice");
}

}  // namespace
}  // namespace waymark::nrm
