// Withdrawing consent, on both databases: recorded on the record (never deleting it), version
// checked, validated by the pure rules, and audited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/util/ids.hpp"
#include "tests/consent/consent_fixture.hpp"

namespace waymark::consent::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class WithdrawalTest : public ConsentTest {};

TEST_P(WithdrawalTest, AWithdrawalIsRecordedOnTheRecordAndAStaleOneIsRefused) {
  cases::Case c = CreateAmina();
  ConsentRecord given = Record(c.id, Given("nrm_referral"));
  auto withdrawn =
      consent().Withdraw(ActorFor(manager_), c.id, given.id,
                         {"2024-03-03", "Worried about her family at home"}, 1, origin_);
  ASSERT_TRUE(withdrawn) << withdrawn.error().message;
  EXPECT_EQ(withdrawn->version, 2);
  EXPECT_EQ(withdrawn->status, ConsentStatus::kWithdrawn);
  EXPECT_EQ(withdrawn->consent.withdrawal->note, "Worried about her family at home");
  EXPECT_EQ(withdrawn->withdrawn_by, "Test manager@harbour.test");
  EXPECT_TRUE(withdrawn->withdrawn_at);
  // What was given is still there, unchanged.
  EXPECT_EQ(withdrawn->consent.decision, Decision::kGiven);
  EXPECT_EQ(withdrawn->consent.decided_on, given.consent.decided_on);

  // A second withdrawal started from version 1 is stale; from version 2, already withdrawn.
  auto stale =
      consent().Withdraw(ActorFor(worker_), c.id, given.id, {"2024-03-04", ""}, 1, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(stale.error().message, kStaleConsent);
  auto again =
      consent().Withdraw(ActorFor(worker_), c.id, given.id, {"2024-03-04", ""}, 2, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("already withdrawn on 3 March 2024"));

  auto list = consent().Consents(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->consents.size(), 1u);
  EXPECT_EQ(list->consents[0].consent.withdrawal->on, ParseIsoDate("2024-03-03"));
  EXPECT_EQ(Count("consents"), 1);
  EXPECT_EQ(CountAudit("consent.withdraw"), 1);
  auto details = AuditDetails("consent.withdraw");
  EXPECT_THAT(details[0], HasSubstr(given.id));
  EXPECT_THAT(details[0], HasSubstr("nrm_referral"));
  EXPECT_THAT(details[0], Not(HasSubstr("family")));
}

TEST_P(WithdrawalTest, BadWithdrawalsAreRefusedAndChangeNothing) {
  cases::Case c = CreateAmina();
  cases::Case other = CreateAmina();
  ConsentRecord given = Record(c.id, Given("support"));
  ConsentRecord refusal = Record(c.id, Refused("nrm_referral"));
  ConsentRecord elsewhere = Record(other.id, Given("support"));
  auto withdraw = [&](std::string_view id, WithdrawalInput in, int64_t version = 1) {
    return consent().Withdraw(ActorFor(worker_), c.id, id, in, version, origin_);
  };

  auto future = withdraw(given.id, {"2024-03-05", ""});
  ASSERT_FALSE(future);
  ASSERT_EQ(future.error().fields.size(), 1u);
  EXPECT_EQ(future.error().fields[0].field, "withdrawn_on");
  EXPECT_THAT(future.error().fields[0].message, HasSubstr("cannot be in the future"));

  auto before = withdraw(given.id, {"2024-02-28", std::string(2001, 'x')});
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().fields.size(), 2u);  // the date and the note at once

  auto missing = withdraw(given.id, {"", ""});
  ASSERT_FALSE(missing);
  EXPECT_THAT(missing.error().fields[0].message, HasSubstr("Enter the date"));

  auto of_refusal = withdraw(refusal.id, {"2024-03-03", ""});
  ASSERT_FALSE(of_refusal);
  EXPECT_EQ(of_refusal.error().kind, ProblemKind::kConflict);

  auto unknown = withdraw(NewId(), {"2024-03-03", ""});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ProblemKind::kNotFound);
  // Another case's consent is not this case's to withdraw.
  auto other_case = withdraw(elsewhere.id, {"2024-03-03", ""});
  ASSERT_FALSE(other_case);
  EXPECT_EQ(other_case.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(other_case.error().message, kNoSuchConsent);

  auto list = consent().Consents(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  for (const auto& r : list->consents) {
    EXPECT_FALSE(r.consent.withdrawal) << r.id;
    EXPECT_EQ(r.version, 1);
  }
  EXPECT_EQ(CountAudit("consent.withdraw"), 0);
}

WAYMARK_INSTANTIATE_DB_TEST(WithdrawalTest);

}  // namespace
}  // namespace waymark::consent::testing
