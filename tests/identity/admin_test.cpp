// Administration: who may manage what, validation, stale edits, set-password links, MFA reset.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/users.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

class AdminTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    std::tie(operator_, operator_admin_) = AddOperatorAdmin();
    provider_ = AddOrganisation("Safe Harbour", OrgKind::kProvider);
    provider_admin_ = AddUser(provider_, "admin@safeharbour.example", Role::kAdministrator, false);
  }

  UserInput NewWorker(std::string email = "new.worker@example.org") {
    return {provider_.id, std::move(email), "New Worker", "support_worker"};
  }

  Organisation operator_;
  User operator_admin_;
  Organisation provider_;
  User provider_admin_;
};

TEST_P(AdminTest, OnlyTheOperatorsAdministratorsCreateOrganisations) {
  auto refused =
      admin().CreateOrganisation(ActorFor(provider_admin_), {"Rogue Shelter", "provider"}, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(Count("organisations"), 2);

  auto rows = AuditRows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "permission.denied");
  EXPECT_EQ(rows[0].outcome, "denied");
  EXPECT_EQ(rows[0].actor_id, provider_admin_.id);

  auto made = admin().CreateOrganisation(ActorFor(operator_admin_),
                                         {" Riverside Council ", "referral_partner"}, origin_);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->name, "Riverside Council");
  EXPECT_EQ(made->kind, OrgKind::kReferralPartner);
  EXPECT_FALSE(made->is_operator);
  EXPECT_EQ(AuditActions().back(), "organisation.create");
}

TEST_P(AdminTest, AdministratorsManageTheirOwnOrganisationOnly) {
  Organisation other = AddOrganisation("Other Provider", OrgKind::kProvider);
  UserInput input = NewWorker();
  input.organisation_id = other.id;
  auto refused = admin().CreateUser(ActorFor(provider_admin_), input, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(AuditActions(), std::vector<std::string>{"permission.denied"});

  // A support worker is not an administrator at all.
  User worker = AddUser(provider_, "worker@example.org", Role::kSupportWorker, false);
  auto not_admin = admin().CreateUser(ActorFor(worker), NewWorker(), origin_);
  ASSERT_FALSE(not_admin);
  EXPECT_EQ(not_admin.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(Count("users"), 3);
}

TEST_P(AdminTest, RoleMustFitTheOrganisationKind) {
  UserInput input = NewWorker();
  input.role = "inspector";
  auto created = admin().CreateUser(ActorFor(operator_admin_), input, origin_);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(created.error().fields, ElementsAre(Field(&FieldError::field, "role")));
  EXPECT_EQ(Count("users"), 2);
  EXPECT_EQ(Count("audit_events"), 0);

  input.role = "no_such_role";
  auto unknown = admin().CreateUser(ActorFor(operator_admin_), input, origin_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ProblemKind::kInvalid);
}

TEST_P(AdminTest, DuplicateEmailIsInvalid) {
  Actor actor = ActorFor(provider_admin_);
  auto first = admin().CreateUser(actor, NewWorker(), origin_);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->user.email, "new.worker@example.org");
  EXPECT_FALSE(first->user.password_hash.has_value());
  EXPECT_FALSE(first->set_password_token.empty());

  auto second = admin().CreateUser(actor, NewWorker("  New.Worker@EXAMPLE.org "), origin_);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(second.error().fields, ElementsAre(Field(&FieldError::field, "email")));
  EXPECT_EQ(Count("users"), 3);
}

TEST_P(AdminTest, StaleVersionIsAConflictAndChangesNothing) {
  Actor actor = ActorFor(provider_admin_);
  User worker = AddUser(provider_, "worker@example.org", Role::kSupportWorker, false);
  std::string token = AddSession(worker);
  auto renamed = admin().UpdateUser(actor, worker.id, "First Edit", "support_worker", true,
                                    worker.version, origin_);
  ASSERT_TRUE(renamed) << renamed.error().message;
  EXPECT_EQ(renamed->version, worker.version + 1);
  size_t events = AuditRows().size();

  // A second administrator's form still holds the old version.
  auto stale = admin().UpdateUser(actor, worker.id, "Second Edit", "service_manager", false,
                                  worker.version, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  User now = LoadUser(worker.id);
  EXPECT_EQ(now.display_name, "First Edit");
  EXPECT_EQ(now.role, Role::kSupportWorker);
  EXPECT_TRUE(now.active);
  EXPECT_EQ(now.version, renamed->version);
  EXPECT_TRUE(SessionExists(token));
  EXPECT_EQ(AuditRows().size(), events);
}

TEST_P(AdminTest, AdministratorCannotDemoteOrDeactivateThemself) {
  User self = LoadUser(provider_admin_.id);
  auto demote = admin().UpdateUser(ActorFor(self), self.id, self.display_name, "support_worker",
                                   true, self.version, origin_);
  ASSERT_FALSE(demote);
  EXPECT_EQ(demote.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(LoadUser(self.id).role, Role::kAdministrator);
}

TEST_P(AdminTest, SetPasswordLinkSetsThePasswordOnce) {
  auto created = admin().CreateUser(ActorFor(provider_admin_), NewWorker(), origin_);
  ASSERT_TRUE(created) << created.error().message;
  const std::string& link = created->set_password_token;
  auto email = admin().EmailForSetPasswordLink(link);
  ASSERT_TRUE(email);
  EXPECT_EQ(*email, "new.worker@example.org");

  auto mismatch = admin().SetPasswordWithLink(link, kPassword, kOtherPassword, origin_);
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(mismatch.error().fields,
              ElementsAre(Field(&FieldError::field, "password_confirmation")));
  EXPECT_FALSE(LoadUser(created->user.id).password_hash.has_value());

  auto set = admin().SetPasswordWithLink(link, kOtherPassword, kOtherPassword, origin_);
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(LoadUser(created->user.id).password_hash.has_value());

  auto again = admin().SetPasswordWithLink(link, kPassword, kPassword, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kNotFound);
  EXPECT_FALSE(admin().EmailForSetPasswordLink(link));

  auto signed_in = SignIn("new.worker@example.org", kOtherPassword);
  ASSERT_TRUE(signed_in) << signed_in.error().message;
  EXPECT_EQ(signed_in->stage, SessionStage::kEnrol);
  EXPECT_EQ(AuditActions(),
            (std::vector<std::string>{"user.create", "password.set", "sign_in.password"}));
}

TEST_P(AdminTest, SetPasswordLinkExpiresAfterThreeDays) {
  auto created = admin().CreateUser(ActorFor(provider_admin_), NewWorker(), origin_);
  ASSERT_TRUE(created);
  clock_.Advance(kSetPasswordLinkLifetime + std::chrono::seconds(1));
  auto late =
      admin().SetPasswordWithLink(created->set_password_token, kPassword, kPassword, origin_);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().kind, ProblemKind::kNotFound);
  EXPECT_FALSE(LoadUser(created->user.id).password_hash.has_value());
}

TEST_P(AdminTest, ResetMfaClearsTheSecondFactorAndSessions) {
  User worker = AddUser(provider_, "worker@example.org", Role::kSupportWorker);
  Enrolled enrolled = Enrol(worker);
  ASSERT_TRUE(enrolled.user.has_mfa());
  Actor actor = ActorFor(provider_admin_);

  auto stale = admin().ResetMfa(actor, worker.id, enrolled.user.version - 1, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_TRUE(LoadUser(worker.id).has_mfa());
  EXPECT_TRUE(SessionExists(enrolled.token));

  auto reset = admin().ResetMfa(actor, worker.id, enrolled.user.version, origin_);
  ASSERT_TRUE(reset) << reset.error().message;
  EXPECT_FALSE(reset->has_mfa());
  EXPECT_EQ(reset->totp_last_step, std::nullopt);
  EXPECT_EQ(db().Read([&](db::Tx& tx) { return UnusedRecoveryCodes(tx, worker.id); }), 0);
  EXPECT_EQ(SessionsOf(worker.id), 0);
  EXPECT_FALSE(sign_in().Authenticate(enrolled.token));
  EXPECT_EQ(AuditActions().back(), "user.mfa_reset");

  // The next sign-in enrols a new authenticator.
  auto next = SignIn(worker.email);
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(next->stage, SessionStage::kEnrol);
}

TEST_P(AdminTest, OtherOrganisationsUsersAreNotFound) {
  Organisation other = AddOrganisation("Other Provider", OrgKind::kProvider);
  User stranger = AddUser(other, "stranger@example.org", Role::kSupportWorker, false);
  auto hidden = admin().GetUser(ActorFor(provider_admin_), stranger.id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().kind, ProblemKind::kNotFound);
  auto listed = admin().ListUsers(ActorFor(provider_admin_), other.id);
  ASSERT_TRUE(listed);
  for (const auto& user : *listed) EXPECT_EQ(user.organisation_id, provider_.id);
  EXPECT_TRUE(admin().GetUser(ActorFor(operator_admin_), stranger.id));
}

TEST_P(AdminTest, ActiveUserNamesListTheActivePeopleOfTheRolesAskedByName) {
  User worker = AddUser(provider_, "b.worker@safeharbour.example", Role::kSupportWorker, false);
  User manager = AddUser(provider_, "a.manager@safeharbour.example", Role::kServiceManager, false);
  User gone = AddUser(provider_, "c.gone@safeharbour.example", Role::kSupportWorker, false);
  Organisation other = AddOrganisation("Other Provider", OrgKind::kProvider);
  AddUser(other, "stranger@example.org", Role::kSupportWorker, false);
  db().Write([&](db::Tx& tx) {
    User changed = gone;
    changed.active = false;
    ASSERT_TRUE(UpdateUser(tx, changed, gone.version, clock_.Now()));
  });
  auto names = db().Read([&](db::Tx& tx) {
    return ListActiveUserNames(tx, provider_.id, {Role::kSupportWorker, Role::kServiceManager});
  });
  EXPECT_THAT(names,
              ElementsAre(Field(&UserName::id, manager.id), Field(&UserName::id, worker.id)));
  EXPECT_EQ(names.at(0).display_name, manager.display_name);
  auto admins = db().Read(
      [&](db::Tx& tx) { return ListActiveUserNames(tx, provider_.id, {Role::kAdministrator}); });
  EXPECT_THAT(admins, ElementsAre(Field(&UserName::id, provider_admin_.id)));
  EXPECT_TRUE(
      db().Read([&](db::Tx& tx) { return ListActiveUserNames(tx, provider_.id, {}); }).empty());
}

WAYMARK_INSTANTIATE_DB_TEST(AdminTest);

}  // namespace
}  // namespace waymark::identity::testing
