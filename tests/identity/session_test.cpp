// Sessions: idle and absolute limits, signing out, and sessions ended by an administrator.
#include <gtest/gtest.h>

#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class SessionTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    provider_ = AddOrganisation("Safe Harbour", OrgKind::kProvider);
    worker_ = AddUser(provider_, "worker@example.org", Role::kSupportWorker, false);
    manager_ = AddUser(provider_, "manager@example.org", Role::kAdministrator, false);
  }

  Organisation provider_;
  User worker_;
  User manager_;  // the provider's own administrator
};

TEST_P(SessionTest, AuthenticateTouchesTheSession) {
  std::string token = AddSession(worker_);
  auto first = sign_in().Authenticate(token);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->ends_at, clock_.Now() + minutes(15));
  ASSERT_TRUE(first->actor.has_value());
  EXPECT_EQ(first->actor->organisation_id, provider_.id);

  // 20 minutes in all, but never 15 without activity.
  clock_.Advance(minutes(10));
  ASSERT_TRUE(sign_in().Authenticate(token));
  clock_.Advance(minutes(10));
  auto later = sign_in().Authenticate(token);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->ends_at, clock_.Now() + minutes(15));
}

TEST_P(SessionTest, IdleSessionEndsAfterFifteenMinutes) {
  std::string token = AddSession(worker_);
  clock_.Advance(minutes(14) + seconds(59));
  ASSERT_TRUE(sign_in().Authenticate(token));
  clock_.Advance(minutes(15));

  auto idle = sign_in().Authenticate(token);
  ASSERT_FALSE(idle);
  EXPECT_EQ(idle.error().kind, ProblemKind::kUnauthenticated);
  EXPECT_NE(idle.error().message.find("had not done anything for 15 minutes"), std::string::npos)
      << idle.error().message;
  EXPECT_FALSE(SessionExists(token));

  // Gone for good: the next attempt is a plain "sign in".
  auto again = sign_in().Authenticate(token);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kUnauthenticated);
}

TEST_P(SessionTest, AbsoluteLimitOfTwelveHoursDespiteActivity) {
  std::string token = AddSession(worker_);
  for (int i = 1; i < 72; ++i) {  // every 10 minutes up to 11 h 50 min
    clock_.Advance(minutes(10));
    auto live = sign_in().Authenticate(token);
    ASSERT_TRUE(live) << "after " << i * 10 << " minutes: " << live.error().message;
    if (i == 71) {
      EXPECT_EQ(live->ends_at, StartTime() + hours(12));
    }
  }
  clock_.Advance(minutes(10));
  auto ended = sign_in().Authenticate(token);
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().kind, ProblemKind::kUnauthenticated);
  EXPECT_NE(ended.error().message.find("12 hours"), std::string::npos) << ended.error().message;
  EXPECT_FALSE(SessionExists(token));
}

TEST_P(SessionTest, UnknownOrEmptyTokenIsUnauthenticated) {
  for (std::string_view token : {std::string_view(""), std::string_view("no-such-token")}) {
    auto result = sign_in().Authenticate(token);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ProblemKind::kUnauthenticated);
  }
}

TEST_P(SessionTest, SignOutDeletesTheSessionOnly) {
  std::string token = AddSession(worker_);
  std::string other_device = AddSession(worker_);
  sign_in().SignOut(token, origin_);
  EXPECT_FALSE(SessionExists(token));
  EXPECT_FALSE(sign_in().Authenticate(token));
  EXPECT_TRUE(sign_in().Authenticate(other_device));

  auto rows = AuditRows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "sign_out");
  EXPECT_EQ(rows[0].actor_id, worker_.id);

  sign_in().SignOut("no-such-token", origin_);  // harmless, and not audited
  EXPECT_EQ(Count("audit_events"), 1);
}

TEST_P(SessionTest, RoleChangeByAnAdministratorEndsTheUsersSessions) {
  std::string worker_token = AddSession(worker_);
  std::string manager_token = AddSession(manager_);
  Actor actor = ActorFor(manager_);

  // A change of name only keeps the sessions.
  auto renamed = admin().UpdateUser(actor, worker_.id, "Renamed Worker", "support_worker", true,
                                    worker_.version, origin_);
  ASSERT_TRUE(renamed) << renamed.error().message;
  EXPECT_TRUE(SessionExists(worker_token));

  auto promoted = admin().UpdateUser(actor, worker_.id, "Renamed Worker", "service_manager", true,
                                     renamed->version, origin_);
  ASSERT_TRUE(promoted) << promoted.error().message;
  EXPECT_EQ(promoted->role, Role::kServiceManager);
  EXPECT_EQ(SessionsOf(worker_.id), 0);
  EXPECT_FALSE(sign_in().Authenticate(worker_token));
  EXPECT_TRUE(sign_in().Authenticate(manager_token));
}

TEST_P(SessionTest, DeactivationByAnAdministratorEndsTheUsersSessions) {
  std::string first = AddSession(worker_);
  std::string second = AddSession(worker_, SessionStage::kPassword);
  auto off = admin().UpdateUser(ActorFor(manager_), worker_.id, worker_.display_name,
                                "support_worker", false, worker_.version, origin_);
  ASSERT_TRUE(off) << off.error().message;
  EXPECT_FALSE(off->active);
  EXPECT_EQ(SessionsOf(worker_.id), 0);
  EXPECT_FALSE(sign_in().Authenticate(first));
  EXPECT_FALSE(sign_in().Authenticate(second));
  auto rows = AuditRows();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().action, "user.deactivate");
}

WAYMARK_INSTANTIATE_DB_TEST(SessionTest);

}  // namespace
}  // namespace waymark::identity::testing
