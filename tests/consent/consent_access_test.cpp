// Who may read and change a case's consent records and disclosures: the assigned worker and the
// service manager; a break-glass reader may read but not change; an unassigned colleague and an
// administrator are refused (and the refusal audited); another provider finds nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/consent/consent_fixture.hpp"

namespace waymark::consent::testing {
namespace {

class ConsentAccessTest : public ConsentTest {};

TEST_P(ConsentAccessTest, OnlyTheCaseTeamReadsAndChangesConsent) {
  cases::Case c = CreateAmina();
  ConsentRecord given = Record(c.id, Given("sharing", "Migrant Help"));
  int64_t denied_before = CountAudit("permission.denied");

  for (const identity::User* refused : {&colleague_, &admin_}) {
    SCOPED_TRACE(refused->email);
    identity::Actor actor = ActorFor(*refused);
    auto read = consent().Consents(actor, c.id, origin_);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ProblemKind::kForbidden);
    auto record = consent().RecordConsent(actor, c.id, Given("support"), origin_);
    ASSERT_FALSE(record);
    EXPECT_EQ(record.error().kind, ProblemKind::kForbidden);
    EXPECT_FALSE(consent().Withdraw(actor, c.id, given.id, {"2024-03-03", ""}, 1, origin_));
    EXPECT_FALSE(consent().Disclosures(actor, c.id, origin_));
    EXPECT_FALSE(consent().RecordDisclosure(
        actor, c.id, SharedWith("Migrant Help", "consent", given.id), origin_));
  }
  // Another provider is not told the case exists.
  identity::Actor outsider = ActorFor(other_manager_);
  auto read = consent().Consents(outsider, c.id, origin_);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ProblemKind::kNotFound);
  auto record = consent().RecordConsent(outsider, c.id, Given("support"), origin_);
  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().kind, ProblemKind::kNotFound);
  auto disclosures = consent().Disclosures(outsider, c.id, origin_);
  ASSERT_FALSE(disclosures);
  EXPECT_EQ(disclosures.error().kind, ProblemKind::kNotFound);

  // Every refusal was kept in the audit log, even though nothing else was.
  EXPECT_EQ(CountAudit("permission.denied") - denied_before, 13);
  EXPECT_EQ(Count("consents"), 1);
  EXPECT_EQ(Count("disclosures"), 0);
  EXPECT_EQ(CountAudit("consent.view"), 0);
  EXPECT_EQ(CountAudit("consent.record"), 1);

  // The manager of the provider may do both.
  EXPECT_TRUE(consent().Consents(ActorFor(manager_), c.id, origin_));
  EXPECT_TRUE(consent().RecordConsent(ActorFor(manager_), c.id, Given("support"), origin_));
}

TEST_P(ConsentAccessTest, ABreakGlassReaderMayReadButNotChange) {
  cases::Case c = CreateAmina();
  ConsentRecord given = Record(c.id, Given("sharing", "Migrant Help"));
  auto enrolled = Enrol(colleague_);
  clock_.Advance(std::chrono::seconds(30));  // the enrolment used the current code
  identity::Actor colleague = ActorFor(colleague_);
  ASSERT_TRUE(service().OpenWithBreakGlass(
      colleague, c.id, "Police called out of hours about a safeguarding concern",
      CodeAt(enrolled.secret, clock_.Now()), origin_));

  auto list = consent().Consents(colleague, c.id, origin_);
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_FALSE(list->frame.can_change);
  EXPECT_EQ(list->consents.size(), 1u);
  EXPECT_TRUE(consent().Disclosures(colleague, c.id, origin_));

  auto record = consent().RecordConsent(colleague, c.id, Given("support"), origin_);
  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().kind, ProblemKind::kForbidden);
  auto withdraw = consent().Withdraw(colleague, c.id, given.id, {"2024-03-03", ""}, 1, origin_);
  ASSERT_FALSE(withdraw);
  EXPECT_EQ(withdraw.error().kind, ProblemKind::kForbidden);
  auto disclose = consent().RecordDisclosure(
      colleague, c.id, SharedWith("Migrant Help", "consent", given.id), origin_);
  ASSERT_FALSE(disclose);
  EXPECT_EQ(disclose.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(Count("consents"), 1);
  EXPECT_EQ(Count("disclosures"), 0);
}

WAYMARK_INSTANTIATE_DB_TEST(ConsentAccessTest);

}  // namespace
}  // namespace waymark::consent::testing
