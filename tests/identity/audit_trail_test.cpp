// The audit trail of a whole journey: set-up, sign-in, enrolment, administration, sign-out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/users.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using ::testing::ElementsAre;

class AuditTrailTest : public IdentityTest {};

TEST_P(AuditTrailTest, JourneyLeavesAnIntactChainWithTheExpectedEvents) {
  auto link = admin().CreateSetupLink();
  ASSERT_TRUE(link);
  ASSERT_TRUE(admin().CompleteSetup(
      *link,
      {"Operations", "prime_contractor", "Ada Admin", "ada@example.org", std::string(kPassword)},
      origin_));
  User ada = db().Read([](db::Tx& tx) { return *FindUserByEmail(tx, "ada@example.org"); });

  ASSERT_FALSE(SignIn("ada@example.org", kOtherPassword));
  Enrolled enrolled = Enrol(ada);
  auto auth = sign_in().Authenticate(enrolled.token);
  ASSERT_TRUE(auth && auth->actor);
  Actor actor = *auth->actor;

  auto provider = admin().CreateOrganisation(actor, {"Safe Harbour", "provider"}, origin_);
  ASSERT_TRUE(provider);
  auto manager = admin().CreateUser(
      actor, {provider->id, "lead@safeharbour.example", "Lead Admin", "administrator"}, origin_);
  ASSERT_TRUE(manager);
  Actor provider_admin{manager->user.id, provider->id, OrgKind::kProvider, false,
                       Role::kAdministrator};
  ASSERT_FALSE(admin().CreateOrganisation(provider_admin, {"Rogue", "provider"}, origin_));
  sign_in().SignOut(enrolled.token, origin_);

  auto report = audit::Verify(db(), keyring().audit_mac_key());
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, Count("audit_events"));

  std::vector<std::string> summary;
  for (const auto& row : AuditRows()) summary.push_back(row.action + ":" + row.outcome);
  EXPECT_THAT(summary, ElementsAre("setup.complete:success", "sign_in.password:failure",
                                   "sign_in.password:success", "mfa.enrol:success",
                                   "organisation.create:success", "user.create:success",
                                   "permission.denied:denied", "sign_out:success"));
  auto rows = AuditRows();
  EXPECT_EQ(rows[5].actor_id, ada.id);
  EXPECT_EQ(rows[5].subject_id, manager->user.id);
}

TEST_P(AuditTrailTest, TheDatabaseRefusesChangesToTheLog) {
  auto [op, op_admin] = AddOperatorAdmin();
  ASSERT_TRUE(
      admin().CreateOrganisation(ActorFor(op_admin), {"Safe Harbour", "provider"}, origin_));
  ASSERT_TRUE(admin().CreateOrganisation(ActorFor(op_admin), {"Harbour Two", "provider"}, origin_));
  ASSERT_TRUE(audit::Verify(db(), keyring().audit_mac_key()).intact());

  // The database refuses changes to the log.
  EXPECT_ANY_THROW(db().Write([](db::Tx& tx) {
    tx.Execute("UPDATE audit_events SET action = 'organisation.delete' WHERE seq = 1");
  }));
  EXPECT_EQ(AuditActions(),
            (std::vector<std::string>{"organisation.create", "organisation.create"}));
}

WAYMARK_INSTANTIATE_DB_TEST(AuditTrailTest);

}  // namespace
}  // namespace waymark::identity::testing
