// A signed-in person's own account: changing the password, replacing recovery codes.
#include <gtest/gtest.h>

#include <map>
#include <string_view>

#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

class AccountTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    provider_ = AddOrganisation("Safe Harbour", OrgKind::kProvider);
    worker_ = AddUser(provider_, "worker@example.org", Role::kSupportWorker);
  }

  Organisation provider_;
  User worker_;
};

TEST_P(AccountTest, WrongCurrentPasswordChangesNothing) {
  std::string token = AddSession(worker_);
  auto changed =
      account().ChangePassword(ActorFor(worker_), token, kOtherPassword, "brand new secret words",
                               "brand new secret words", origin_);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(changed.error().fields.size(), 1u);
  EXPECT_EQ(changed.error().fields[0].field, "current_password");
  EXPECT_EQ(LoadUser(worker_.id).password_hash, worker_.password_hash);
  EXPECT_TRUE(SessionExists(token));
  // The failed check itself is recorded, and nothing else.
  EXPECT_EQ(Count("audit_events"), 1);
}

// Found in review: the new session used to start the 12-hour limit again.
TEST_P(AccountTest, ChangingThePasswordKeepsTheSessionsAbsoluteLimit) {
  std::string token = AddSession(worker_);
  clock_.Advance(std::chrono::hours(11));
  auto changed =
      account().ChangePassword(ActorFor(worker_), token, kPassword, "brand new secret words",
                               "brand new secret words", origin_);
  ASSERT_TRUE(changed) << changed.error().message;
  clock_.Advance(std::chrono::minutes(10));
  ASSERT_TRUE(sign_in().Authenticate(*changed));
  clock_.Advance(std::chrono::minutes(55));  // 12 h 5 min after sign-in, active all along
  auto ended = sign_in().Authenticate(*changed);
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().kind, ProblemKind::kUnauthenticated);
}

TEST_P(AccountTest, GuessingTheCurrentPasswordIsThrottled) {
  std::string token = AddSession(worker_);
  for (int i = 0; i < 5; ++i) {
    auto wrong =
        account().ChangePassword(ActorFor(worker_), token, kOtherPassword, "brand new secret words",
                                 "brand new secret words", origin_);
    ASSERT_FALSE(wrong);
    ASSERT_EQ(wrong.error().kind, ProblemKind::kInvalid) << "attempt " << i + 1;
  }
  // Even the right current password now waits, so a stolen session cannot guess freely.
  auto blocked =
      account().ChangePassword(ActorFor(worker_), token, kPassword, "brand new secret words",
                               "brand new secret words", origin_);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().kind, ProblemKind::kTooManyRequests);
  EXPECT_EQ(LoadUser(worker_.id).password_hash, worker_.password_hash);
  clock_.Advance(std::chrono::seconds(31));
  auto allowed =
      account().ChangePassword(ActorFor(worker_), token, kPassword, "brand new secret words",
                               "brand new secret words", origin_);
  EXPECT_TRUE(allowed) << allowed.error().message;
}

TEST_P(AccountTest, ChangePasswordIssuesANewTokenAndEndsOtherSessions) {
  std::string current = AddSession(worker_);
  std::string other_device = AddSession(worker_);
  auto token = account().ChangePassword(ActorFor(worker_), current, kPassword, kOtherPassword,
                                        kOtherPassword, origin_);
  ASSERT_TRUE(token) << token.error().message;
  EXPECT_NE(*token, current);
  EXPECT_FALSE(SessionExists(current));
  EXPECT_FALSE(SessionExists(other_device));
  auto fresh = sign_in().Authenticate(*token);
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_TRUE(fresh->actor.has_value());
  EXPECT_EQ(SessionsOf(worker_.id), 1);
  EXPECT_NE(LoadUser(worker_.id).password_hash, worker_.password_hash);
  EXPECT_EQ(AuditActions(), std::vector<std::string>{"password.change"});

  auto signed_in = SignIn(worker_.email, kOtherPassword);
  ASSERT_TRUE(signed_in) << signed_in.error().message;
}

TEST_P(AccountTest, NewPasswordMustMeetThePolicyAndMatch) {
  std::string token = AddSession(worker_);
  auto weak =
      account().ChangePassword(ActorFor(worker_), token, kPassword, "short", "short", origin_);
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(weak.error().fields.size(), 1u);
  EXPECT_EQ(weak.error().fields[0].field, "new_password");

  auto mismatch = account().ChangePassword(ActorFor(worker_), token, kPassword, kOtherPassword,
                                           "something else entirely", origin_);
  ASSERT_FALSE(mismatch);
  ASSERT_EQ(mismatch.error().fields.size(), 1u);
  EXPECT_EQ(mismatch.error().fields[0].field, "new_password_confirmation");
  EXPECT_EQ(LoadUser(worker_.id).password_hash, worker_.password_hash);
  EXPECT_TRUE(SessionExists(token));
}

TEST_P(AccountTest, RegeneratedRecoveryCodesReplaceTheOldOnes) {
  Enrolled enrolled = Enrol(worker_);
  Actor actor = ActorFor(LoadUser(worker_.id));
  auto fresh = account().RegenerateRecoveryCodes(actor, origin_);
  ASSERT_TRUE(fresh) << fresh.error().message;
  ASSERT_EQ(fresh->size(), 10u);
  for (const auto& code : *fresh) {
    for (const auto& old : enrolled.recovery_codes) EXPECT_NE(code, old);
  }
  EXPECT_EQ(account().RecoveryCodesLeft(actor), 10);
  EXPECT_EQ(AuditActions().back(), "recovery_codes.regenerate");

  auto pending = SignIn(worker_.email);
  ASSERT_TRUE(pending);
  auto old = sign_in().UseRecoveryCode(pending->token, enrolled.recovery_codes[3], origin_);
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().kind, ProblemKind::kInvalid);
  auto used = sign_in().UseRecoveryCode(pending->token, (*fresh)[3], origin_);
  ASSERT_TRUE(used) << used.error().message;
  EXPECT_EQ(account().RecoveryCodesLeft(actor), 9);
}

TEST_P(AccountTest, RecoveryCodesUseTheWholeAlphabet) {
  // 50 bits a code only if every one of the 32 characters is equally likely. In 1,000 uniform
  // characters a given one is missing with probability (31/32)^1000, about 2e-14.
  Actor actor = ActorFor(worker_);
  std::map<char, int> seen;
  for (int round = 0; round < 10; ++round) {
    auto codes = account().RegenerateRecoveryCodes(actor, origin_);
    ASSERT_TRUE(codes);
    for (const auto& code : *codes) {
      for (char c : code) {
        if (c != '-') ++seen[c];
      }
    }
  }
  for (char c : std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ")) {
    EXPECT_GT(seen[c], 0) << "'" << c << "' never appears";
  }
  EXPECT_EQ(seen.size(), 32u);
}

WAYMARK_INSTANTIATE_DB_TEST(AccountTest);

}  // namespace
}  // namespace waymark::identity::testing
