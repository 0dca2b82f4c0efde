// Throttling of failed sign-ins per account and per address: growing delays, no lock-out, and
// the same answer for accounts that do not exist.
#include <gtest/gtest.h>

#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using std::chrono::seconds;

class ThrottleTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    provider_ = AddOrganisation("Safe Harbour", OrgKind::kProvider);
    worker_ = AddUser(provider_, "worker@example.org", Role::kSupportWorker);
  }

  Result<IssuedSession> SignInFrom(std::string_view address, std::string_view email,
                                   std::string_view password) {
    return sign_in().SignInWithPassword(email, password, Origin{std::string(address), "r"});
  }

  Organisation provider_;
  User worker_;
};

TEST_P(ThrottleTest, FiveFailuresBlockTheAccountUntilTheDelayPasses) {
  for (int i = 0; i < 5; ++i) {
    auto wrong = SignInFrom("192.0.2.1", worker_.email, kOtherPassword);
    ASSERT_FALSE(wrong);
    ASSERT_EQ(wrong.error().kind, ProblemKind::kInvalid) << "attempt " << i + 1;
    clock_.Advance(seconds(1));
  }
  // Even the right password, and from another address: the account itself is throttled.
  auto blocked = SignInFrom("198.51.100.7", worker_.email, kPassword);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().kind, ProblemKind::kTooManyRequests);
  EXPECT_NE(blocked.error().message.find("1 minute"), std::string::npos) << blocked.error().message;
  EXPECT_EQ(Count("sessions"), 0);

  clock_.Advance(seconds(25));  // 26 s after the fifth failure: still within the 30 s delay
  auto still = SignInFrom("192.0.2.1", worker_.email, kPassword);
  ASSERT_FALSE(still);
  EXPECT_EQ(still.error().kind, ProblemKind::kTooManyRequests);

  clock_.Advance(seconds(5));
  auto allowed = SignInFrom("192.0.2.1", worker_.email, kPassword);
  ASSERT_TRUE(allowed) << allowed.error().message;
  EXPECT_EQ(allowed->stage, SessionStage::kEnrol);

  // Success cleared the account's failures: one more wrong password is not yet a block.
  ASSERT_FALSE(SignInFrom("192.0.2.1", worker_.email, kOtherPassword));
  auto after = SignInFrom("192.0.2.1", worker_.email, kPassword);
  ASSERT_TRUE(after) << after.error().message;
}

TEST_P(ThrottleTest, FailuresSpreadOverTimeNeverAddUpToABlock) {
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i) {
      auto wrong = SignInFrom("192.0.2.1", worker_.email, kOtherPassword);
      ASSERT_FALSE(wrong);
      ASSERT_EQ(wrong.error().kind, ProblemKind::kInvalid) << "round " << round << " try " << i;
    }
    clock_.Advance(std::chrono::minutes(16));  // quieter than the longest delay (15 minutes)
  }
  // Twelve failures in all, but never five within a quiet spell: no block.
  auto allowed = SignInFrom("192.0.2.1", worker_.email, kPassword);
  ASSERT_TRUE(allowed) << allowed.error().message;
}

TEST_P(ThrottleTest, UnknownEmailIsThrottledLikeAKnownOne) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_FALSE(SignInFrom("192.0.2.1", worker_.email, kOtherPassword));
    ASSERT_FALSE(SignInFrom("192.0.2.2", "nobody@example.org", kOtherPassword));
  }
  auto known = SignInFrom("192.0.2.1", worker_.email, kPassword);
  auto unknown = SignInFrom("192.0.2.2", "Nobody@Example.org", kPassword);
  ASSERT_FALSE(known);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(known.error().kind, ProblemKind::kTooManyRequests);
  EXPECT_EQ(unknown.error().kind, known.error().kind);
  EXPECT_EQ(unknown.error().message, known.error().message);
  EXPECT_EQ(unknown.error().fields.size(), known.error().fields.size());
}

TEST_P(ThrottleTest, AnAddressIsBlockedAfterTwentyFailuresAcrossAccounts) {
  const std::string office = "203.0.113.5";
  for (int i = 0; i < 20; ++i) {
    auto wrong = SignInFrom(office, "guess" + std::to_string(i) + "@example.org", kOtherPassword);
    ASSERT_FALSE(wrong);
    ASSERT_EQ(wrong.error().kind, ProblemKind::kInvalid) << "attempt " << i + 1;
  }
  // The worker's own account has no failures, but the address is blocked.
  auto blocked = SignInFrom(office, worker_.email, kPassword);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().kind, ProblemKind::kTooManyRequests);

  // Another address is not affected.
  auto elsewhere = SignInFrom("198.51.100.9", worker_.email, kPassword);
  ASSERT_TRUE(elsewhere) << elsewhere.error().message;

  clock_.Advance(seconds(31));
  auto later = SignInFrom(office, worker_.email, kPassword);
  ASSERT_TRUE(later) << later.error().message;
}

WAYMARK_INSTANTIATE_DB_TEST(ThrottleTest);

}  // namespace
}  // namespace waymark::identity::testing
