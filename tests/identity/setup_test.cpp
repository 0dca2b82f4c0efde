// Set-up of an empty installation: the one-time link and its first administrator.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/organisations.hpp"
#include "identity/users.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::UnorderedElementsAre;

class SetupTest : public IdentityTest {
 protected:
  SetupInput GoodInput() {
    return {"  Northern Operations  ", "prime_contractor", " Ada Admin ", "Ada.Admin@Example.ORG",
            std::string(kPassword)};
  }
};

TEST_P(SetupTest, CompletingTheLinkCreatesOperatorAndAdministrator) {
  auto link = admin().CreateSetupLink();
  ASSERT_TRUE(link) << link.error().message;
  EXPECT_TRUE(admin().SetupLinkValid(*link));

  auto done = admin().CompleteSetup(*link, GoodInput(), origin_);
  ASSERT_TRUE(done) << done.error().message;

  auto orgs = db().Read([](db::Tx& tx) { return ListOrganisations(tx); });
  ASSERT_EQ(orgs.size(), 1u);
  EXPECT_EQ(orgs[0].name, "Northern Operations");
  EXPECT_EQ(orgs[0].kind, OrgKind::kPrimeContractor);
  EXPECT_TRUE(orgs[0].is_operator);
  EXPECT_TRUE(orgs[0].active);

  auto users = db().Read([](db::Tx& tx) { return ListUsers(tx, ""); });
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].email, "ada.admin@example.org");
  EXPECT_EQ(users[0].display_name, "Ada Admin");
  EXPECT_EQ(users[0].role, Role::kAdministrator);
  EXPECT_EQ(users[0].organisation_id, orgs[0].id);
  ASSERT_TRUE(users[0].password_hash.has_value());
  EXPECT_EQ(users[0].password_hash->find(kPassword), std::string::npos);
  EXPECT_FALSE(users[0].has_mfa());

  // The administrator can sign in with the chosen password and must enrol a second factor.
  auto signed_in = SignIn("ada.admin@example.org");
  ASSERT_TRUE(signed_in) << signed_in.error().message;
  EXPECT_EQ(signed_in->stage, SessionStage::kEnrol);

  auto rows = AuditRows();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].action, "setup.complete");
  EXPECT_EQ(rows[0].actor_id, users[0].id);
}

TEST_P(SetupTest, NoSetupLinkOnceAnOrganisationExists) {
  AddOrganisation("Already here", OrgKind::kProvider);
  auto link = admin().CreateSetupLink();
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(Count("one_time_links"), 0);
}

TEST_P(SetupTest, LinkWorksOnlyOnce) {
  auto first = admin().CreateSetupLink();
  auto second = admin().CreateSetupLink();  // two links issued before set-up: both die with it
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(admin().CompleteSetup(*first, GoodInput(), origin_));

  EXPECT_FALSE(admin().SetupLinkValid(*first));
  EXPECT_FALSE(admin().SetupLinkValid(*second));
  SetupInput other = GoodInput();
  other.organisation_name = "Second Operator";
  other.email = "someone.else@example.org";
  for (const auto& token : {*first, *second}) {
    auto again = admin().CompleteSetup(token, other, origin_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ProblemKind::kNotFound);
  }
  EXPECT_EQ(Count("organisations"), 1);
  EXPECT_EQ(Count("users"), 1);
  auto again = admin().CreateSetupLink();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kConflict);
}

TEST_P(SetupTest, ExpiredLinkFails) {
  auto link = admin().CreateSetupLink();
  ASSERT_TRUE(link);
  clock_.Advance(std::chrono::minutes(29));
  EXPECT_TRUE(admin().SetupLinkValid(*link));
  clock_.Advance(std::chrono::minutes(2));
  EXPECT_FALSE(admin().SetupLinkValid(*link));

  auto done = admin().CompleteSetup(*link, GoodInput(), origin_);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(Count("organisations"), 0);
  EXPECT_EQ(Count("users"), 0);
  EXPECT_EQ(Count("audit_events"), 0);
}

TEST_P(SetupTest, UnknownLinkFails) {
  ASSERT_TRUE(admin().CreateSetupLink());
  auto done = admin().CompleteSetup("not-a-real-token", GoodInput(), origin_);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(Count("organisations"), 0);
}

TEST_P(SetupTest, InvalidInputListsEveryFieldAndChangesNothing) {
  auto link = admin().CreateSetupLink();
  ASSERT_TRUE(link);
  SetupInput bad{"   ", "charity", "  ", "not an email", "short"};

  auto done = admin().CompleteSetup(*link, bad, origin_);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, ProblemKind::kInvalid);
  std::vector<std::string> fields;
  for (const auto& e : done.error().fields) {
    fields.push_back(e.field);
    EXPECT_FALSE(e.message.empty()) << e.field;
  }
  EXPECT_THAT(fields, UnorderedElementsAre("organisation_name", "organisation_kind", "display_name",
                                           "email", "password"));

  EXPECT_EQ(Count("organisations"), 0);
  EXPECT_EQ(Count("users"), 0);
  EXPECT_EQ(Count("audit_events"), 0);
  // The link was not spent: the person corrects the form and tries again.
  EXPECT_TRUE(admin().SetupLinkValid(*link));
}

TEST_P(SetupTest, CommonPasswordIsRefusedOnItsField) {
  auto link = admin().CreateSetupLink();
  ASSERT_TRUE(link);
  SetupInput input = GoodInput();
  input.password = "Password2024!";
  auto done = admin().CompleteSetup(*link, input, origin_);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(done.error().fields, ElementsAre(Field(&FieldError::field, "password")));
  EXPECT_EQ(Count("users"), 0);
}

WAYMARK_INSTANTIATE_DB_TEST(SetupTest);

}  // namespace
}  // namespace waymark::identity::testing
